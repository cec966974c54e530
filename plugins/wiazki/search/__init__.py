"""Site search: records from the model, Polish word forms, the Pagefind index.

The flow: `records.RecordBuilder` makes one `SearchRecord` per bundle, partner and
hand-written page (with index-only word forms from `forms.WordForms`), and
`index.write_index` writes them as a Pagefind index into the built site, with
`dictionary` (folded form → dictionary keys) beside it. The
browser side is `assets/search.js` (the engine the header's dialog,
`assets/search-dialog.js`, and the catalogue's text filter share). Nothing here knows MkDocs.
"""
