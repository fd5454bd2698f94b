// Autocomplete for the search box: suggestions from two characters on. The form works
// without this script; it only fills the <datalist>.
(() => {
  const form = document.querySelector("form.search-form");
  if (!form) return;
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
