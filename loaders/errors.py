"""Errors raised by the loaders.

A bad article file is never an exception: it is yielded as ``Skipped`` with a reason.
Exceptions are kept for problems that concern a whole load call::

    LoaderError                 base of every loader error
     ├── ManifestError          the manifest file is missing, unreadable or malformed
     ├── ExtractorUnavailable   no extraction function could be found
     └── InvalidArticle         one article given directly (not from a file) cannot be used
"""

from __future__ import annotations

from pathlib import Path


class LoaderError(Exception):
    """Base class of the errors raised by the loaders."""


class ManifestError(LoaderError):
    """The manifest file cannot be used; names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"manifest {self.path}: {problem}")


class ExtractorUnavailable(LoaderError):
    """The default extraction function cannot be imported."""


class InvalidArticle(LoaderError, ValueError):
    """An article given as a record cannot be used; the message says why."""
