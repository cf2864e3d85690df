"""The graph's vocabulary and all database access.

The other packages use the modules named in `__all__` and nothing else of this package (a test
holds both the list and the rule): the vocabulary (`models`, `dates`, `calendar_names`,
`names`, `claims`), the front door `store` with its `settings` and `errors`, the read queries
(`reads`) and their typed answers (`views`, each field's meaning in `glossary`), the writes
(`writes`), one event per happening across articles (`unify`), export and backup (`export`,
`backup`), the query catalog (`cypher`) and the embedded server (`embedded`). Importing `graph`
alone imports none of them.
"""

__all__ = [
    "backup",
    "calendar_names",
    "claims",
    "cypher",
    "dates",
    "embedded",
    "errors",
    "export",
    "glossary",
    "models",
    "names",
    "reads",
    "settings",
    "store",
    "unify",
    "views",
    "writes",
]
