"""teilhabe's content: page types, snippets and the domain rules of the integration concept."""
