"""Qt-free core: data model, date spans, loader, filter and lane layout."""
