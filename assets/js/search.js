// The search page's enhancements; the form works without this script.
// 1. After the form was sent (a new search or other filters), focus moves to the result
//    count, so screen readers announce it and keyboard users continue from the results.
// 2. Autocomplete for the search box: suggestions from two characters on, in the <datalist>.
(() => {
  const form = document.querySelector("form.search-form");
  if (!form) return;
  const SUBMITTED = "teilhabe:search-submitted";
  form.addEventListener("submit", () => sessionStorage.setItem(SUBMITTED, "1"));
  if (sessionStorage.getItem(SUBMITTED)) {
    sessionStorage.removeItem(SUBMITTED);
    document.getElementById("result-count")?.focus();
  }
  const input = form.querySelector("input[name=q]");
  const list = document.getElementById("search-suggestions");
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const term = input.value.trim();
    if (term.length < 2) { list.replaceChildren(); return; }
    timer = setTimeout(async () => {
      const url = `${form.dataset.suggestUrl}?q=${encodeURIComponent(term)}`;
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const { suggestions } = await response.json();
      list.replaceChildren(...suggestions.map(({ title }) => {
        const option = document.createElement("option");
        option.value = title;
        return option;
      }));
    }, 200);
  });
})();
