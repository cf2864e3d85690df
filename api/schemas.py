"""The API's own request and response models: an article to add, what adding it did, health.

Every read answer is a read model of graph.views, served as graph.reads builds it.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from graph.glossary import describe_fields
from graph.models import Id, IsoDate, WriteStatus, article_id_problem

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_METADATA_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # tab and newline pass


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore", json_schema_extra=describe_fields)


class IngestRequest(BaseModel):
    """An article to add: its text and metadata."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=describe_fields)

    id: Id = Field(
        description="the article's id: no '/', not '.' or '..', no control characters or line "
        "separators, no leading or trailing whitespace (refused, never stripped)"
    )
    text: str = Field(min_length=1)
    title: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: IsoDate | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _valid_unicode(cls, value: Any) -> Any:
        """Text must be valid Unicode: a lone surrogate (or its UTF-8 bytes) is refused."""
        if isinstance(value, str) and (found := _SURROGATE.search(value)):
            raise ValueError(
                f"holds a lone surrogate (U+{ord(found.group()):04X}) at character "
                f"{found.start()}: not valid Unicode, and UTF-8 cannot encode it"
            )
        return value

    @field_validator("title", "source", "author", "url")
    @classmethod
    def _printable_metadata(cls, value: str | None) -> str | None:
        """Metadata cannot hold NUL, control characters or terminal (ANSI) escapes."""
        if value is not None and (found := _METADATA_CONTROLS.search(value)):
            code = ord(found.group())
            raise ValueError(f"holds a control character (U+{code:04X}): NUL and escapes refused")
        return value

    @field_validator("url")
    @classmethod
    def _web_url(cls, value: str | None) -> str | None:
        """The url is shown as a link: only http:// and https:// addresses are taken."""
        if value is not None and not value.strip().lower().startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// address")
        return value

    @field_validator("id")
    @classmethod
    def _addressable_id(cls, value: str) -> str:
        """The id must follow the one article id rule (one path segment of /articles/{id})."""
        if problem := article_id_problem(value):
            raise ValueError(problem)
        return value


class IngestCounts(_Out):
    """How many facts the article gave."""

    entities: int
    events: int
    relations: int


class IngestResult(_Out):
    """What writing the article did: loaded (201), updated or unchanged (200)."""

    id: str
    status: WriteStatus
    counts: IngestCounts


class Health(_Out):
    """The process answers."""

    status: str


class Ready(_Out):
    """The database answers."""

    status: str
