"""Raw article text to clean paragraphs: ads, reader comments and page furniture removed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from graph.calendar_names import MONTH_FORMS, month_number

TOP_LINES = 6  # how many leading paragraphs may hold a dateline or a headline
BODY_WORDS = 20  # a paragraph this long is article text: cut markers after it are trusted

_SPACES = re.compile(r"[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000 ]+")
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u00ad\u200b-\u200d\u2060\ufeff]")
_URL_TOKEN = re.compile(r"[<(\[]?(?:https?://|www\.)\S+")
_SENTENCE_END = (".", "!", "?", ":", ";", '"', "\u201d", "\u2019", "'", ")", "]")

_MONTH = rf"(?P<month>{MONTH_FORMS})\.?"
_DATE_FORMS = (
    re.compile(rf"(?i){_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"),
    re.compile(rf"(?i)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})"),
    re.compile(r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})"),
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_LABEL = r"(?:(?:published|posted|updated|last updated|date|dated)(?:\s+on)?\s*:?\s*)?"
_TIME = r"(?:\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?"
_DATELINE_PART = re.compile(rf"(?i){_LABEL}{_WEEKDAY}(?P<date>.+?){_TIME}(?:\s+by\s+.{{1,60}})?")
_SEPARATORS = re.compile(r"\s+[|\u00b7\u2022\u2014\u2013]\s+|\s+-\s+")
_HEADLINE_END = (".", ",", ";", ":")


@dataclass(frozen=True)
class JunkRules:
    """Compiled junk patterns from loaders/data/junk.json."""

    drop_lines: tuple[re.Pattern[str], ...]
    cut_lines: tuple[re.Pattern[str], ...]
    tail_lines: tuple[re.Pattern[str], ...]
    ad_hosts: tuple[str, ...]
    ad_url: re.Pattern[str] | None
    bullet: re.Pattern[str]
    html_prune_xpath: tuple[str, ...]


@cache
def load_junk_rules() -> JunkRules:
    """Read and compile the junk rules once."""
    source = resources.files("loaders").joinpath("data", "junk.json")
    data = json.loads(source.read_text(encoding="utf-8"))
    hosts = [re.escape(host) for host in data["ad_hosts"]]
    ad_url = None
    if hosts:
        ad_url = re.compile(
            rf"(?i)(?:https?://)?(?:[\w-]+\.)*(?:{'|'.join(hosts)})(?:[/?#][^\s<>\"']*)?"
        )
    return JunkRules(
        drop_lines=tuple(re.compile(p) for p in data["drop_lines"]),
        cut_lines=tuple(re.compile(p) for p in data["cut_lines"]),
        tail_lines=tuple(re.compile(p) for p in data["tail_lines"]),
        ad_hosts=tuple(host.lower() for host in data["ad_hosts"]),
        ad_url=ad_url,
        bullet=re.compile(data["bullet"]),
        html_prune_xpath=tuple(data["html_prune_xpath"]),
    )


def normalize_line(line: str) -> str:
    """Collapse whitespace inside one line and drop invisible characters; words are kept."""
    line = _INVISIBLE.sub("", unicodedata.normalize("NFC", line))
    return _SPACES.sub(" ", line).strip()


def _is_hard_wrapped(lines: list[str], bullet: re.Pattern[str]) -> bool:
    """True when a block looks like one paragraph wrapped at a fixed width."""
    if len(lines) < 3 or any(bullet.match(line) for line in lines):
        return False
    widest = max(len(line) for line in lines)
    body = lines[:-1]
    if widest > 100 or any(len(line) < 0.6 * widest for line in body):
        return False
    open_ends = sum(not line.endswith(_SENTENCE_END) for line in body)
    return open_ends * 2 >= len(body)


def split_paragraphs(text: str, rules: JunkRules | None = None) -> list[str]:
    """Split text into normalised paragraphs: one per line, or per block when hard-wrapped."""
    rules = rules or load_junk_rules()
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n|\u2029", text):
        lines = [line for line in (normalize_line(raw) for raw in block.split("\n")) if line]
        if _is_hard_wrapped(lines, rules.bullet):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def is_url_line(paragraph: str) -> bool:
    """True when a paragraph holds nothing but links."""
    tokens = paragraph.replace("|", " ").replace(",", " ").split()
    return bool(tokens) and all(_URL_TOKEN.fullmatch(token) for token in tokens)


def _fullmatch_any(patterns: Iterable[re.Pattern[str]], text: str) -> bool:
    return any(p.fullmatch(text) for p in patterns)


def _strip_ads(paragraph: str, rules: JunkRules) -> str:
    lowered = paragraph.lower()
    if rules.ad_url is None or not any(host in lowered for host in rules.ad_hosts):
        return paragraph
    return normalize_line(rules.ad_url.sub(" ", paragraph))


def clean_text(raw: str, rules: JunkRules | None = None) -> str:
    """Remove junk from article text and return paragraphs separated by blank lines."""
    rules = rules or load_junk_rules()
    kept: list[str] = []
    seen_body = False
    for index, paragraph in enumerate(split_paragraphs(raw, rules)):
        paragraph = _strip_ads(paragraph, rules)
        if not paragraph or is_url_line(paragraph):
            continue
        if index < TOP_LINES and parse_dateline(paragraph) is not None:
            continue
        if _fullmatch_any(rules.cut_lines, paragraph):
            if seen_body:
                break
            continue
        if _fullmatch_any(rules.drop_lines, paragraph):
            continue
        paragraph = rules.bullet.sub("", paragraph, count=1)
        if not paragraph or (kept and kept[-1] == paragraph):
            continue
        kept.append(paragraph)
        seen_body = seen_body or len(paragraph.split()) >= BODY_WORDS
    return "\n\n".join(_drop_tail(kept, rules))


def _drop_tail(paragraphs: list[str], rules: JunkRules) -> list[str]:
    """Drop an author bio or sign-off among the last two paragraphs."""
    for index in range(max(1, len(paragraphs) - 2), len(paragraphs)):
        paragraph = paragraphs[index]
        if len(paragraph) <= 400 and any(p.search(paragraph) for p in rules.tail_lines):
            return paragraphs[:index]
    return paragraphs


def parse_date(value: str) -> str | None:
    """An ISO date from 2024-07-10, 2024-07-10T10:59Z, Jul 10, 2024 or 10 July 2024; else None."""
    value = value.strip()
    for form in _DATE_FORMS:
        match = form.match(value)
        if match is None:
            continue
        rest = value[match.end() :]
        if rest and not re.match(r"(?:[T\s,.;|]|$)", rest):
            continue
        return _to_iso(match)
    return None


def _to_iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month_name = groups.get("month")
    month = month_number(month_name) if month_name is not None else int(groups["mon"])
    try:
        return dt.date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except ValueError:
        return None


def parse_dateline(line: str) -> str | None:
    """The ISO date of a dateline such as 'Jul 10, 2024 10:59 am | News'; None for other lines."""
    if len(line) > 160 or (line.endswith((".", "!", "?")) and not line.endswith(("a.m.", "p.m."))):
        return None
    parts = _SEPARATORS.split(line)
    if len(parts) > 1 and any(len(part) > 80 for part in parts):
        return None
    for part in parts:
        match = _DATELINE_PART.fullmatch(part.strip())
        if match is None:
            continue
        found = _exact_date(match.group("date"))
        if found is not None:
            return found
    return None


def _exact_date(text: str) -> str | None:
    for form in _DATE_FORMS:
        match = form.fullmatch(text.strip())
        if match is not None:
            return _to_iso(match)
    return None


def find_published(text: str) -> str | None:
    """The publication date from a dateline among the first lines of the text."""
    for paragraph in split_paragraphs(text)[:TOP_LINES]:
        found = parse_dateline(paragraph)
        if found is not None:
            return found
    return None


def looks_like_headline(line: str) -> bool:
    """True for a short line without closing punctuation that starts with a capital."""
    words = line.split()
    if not 2 <= len(words) <= 25 or len(line) > 200 or line.endswith(_HEADLINE_END):
        return False
    if is_url_line(line) or parse_dateline(line) is not None:
        return False
    return line[0].isupper() or line[0].isdigit() or line[0] in "\"'\u201c\u2018"


def _title_case_share(line: str) -> float:
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def find_title(clean: str) -> str | None:
    """The headline: the first paragraph when it looks like one, passing over a section label."""
    paragraphs = clean.split("\n\n")[:2]
    if not paragraphs or not looks_like_headline(paragraphs[0]):
        return None
    first = paragraphs[0]
    if len(first.split()) <= 4 and len(paragraphs) > 1:
        second = paragraphs[1]
        if looks_like_headline(second) and _title_case_share(second) >= 0.6:
            return second
    return first


_NAME_WORD = r"[A-Z][\w.'\u2019-]+"
_BYLINE = re.compile(
    rf"(?i:author|written by|by)\s*:?\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
)


def find_author(text: str) -> str | None:
    """The author named by an 'Author: X' or 'By X' line, if any."""
    for paragraph in split_paragraphs(text):
        match = _BYLINE.fullmatch(paragraph)
        if match is not None:
            return match.group("name")
    return None


def content_hash(text: str, metadata: Mapping[str, str | None]) -> str:
    """SHA-256 of the cleaned text and the metadata stored with it."""
    payload = json.dumps({"text": text, **metadata}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
