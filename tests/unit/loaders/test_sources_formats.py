"""Reading .txt, .html, .json and .jsonl articles, folders and manifests."""

from __future__ import annotations

import json
from pathlib import Path

from graph.models import Article
from loaders.sources import Skipped, iter_articles

BODY_1 = (
    "Negotiators from three countries met in the capital on Monday to discuss a new plan "
    "for a pause in the fighting and the exchange of detainees held by both sides."
)
BODY_2 = (
    "The mediators said the talks would continue later in the week, although officials "
    "on both sides warned that large gaps remained over the timing of any withdrawal."
)
HTML_PAGE = f"""<!doctype html>
<html><head>
<title>Envoys Return to the Table | Example Daily</title>
<meta property="og:site_name" content="Example Daily">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-08-14T09:30:00Z">
<link rel="canonical" href="https://example.org/world/envoys-return">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Envoys Return to the Table</h1>
<p>{BODY_1}</p>
<div class="ad-slot"><p>Buy cheap flights now with our partner, limited offer today only!</p></div>
<div class="share-buttons"><p>Share on Facebook. Share on Twitter. Send by email.</p></div>
<p>{BODY_2}</p>
</article>
<div id="comments"><h3>2 Comments</h3>
<div class="comment"><p>Reader One says this is all a waste of time and money.</p></div>
</div>
<footer><p>Copyright 2024 Example Daily. All rights reserved.</p></footer>
</body></html>
"""


def read_all(paths: list[Path], manifest: Path | None = None) -> list[Article | Skipped]:
    return list(iter_articles(paths, manifest))


def only_articles(items: list[Article | Skipped]) -> list[Article]:
    assert all(isinstance(item, Article) for item in items), items
    return [item for item in items if isinstance(item, Article)]


def test_txt_article_id_text_and_title(tmp_path: Path) -> None:
    path = tmp_path / "talks-resume.txt"
    path.write_text(f"Talks Resume in the Capital\n\n{BODY_1}\n\n{BODY_2}\n", encoding="utf-8")
    [article] = only_articles(read_all([path]))
    assert article.id == "talks-resume"
    assert article.title == "Talks Resume in the Capital"
    assert article.text == f"Talks Resume in the Capital\n\n{BODY_1}\n\n{BODY_2}"
    assert article.published is None and article.source is None
    assert len(article.content_hash) == 64


def test_txt_dateline_gives_published(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Talks Resume\n\nJul 10, 2024 10:59 am | News\n\n{BODY_1}", encoding="utf-8")
    [article] = only_articles(read_all([path]))
    assert article.published == "2024-07-10"
    assert "Jul 10" not in article.text


def test_txt_utf8_bom_and_cp1252_decoded(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeff".encode() + BODY_1.encode("utf-8"))
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(("Caf\u00e9 \u201cquoted\u201d " + BODY_2).encode("cp1252"))
    first, second = only_articles(read_all([bom, legacy]))
    assert first.text == BODY_1
    assert second.text == "Caf\u00e9 \u201cquoted\u201d " + BODY_2


def test_html_main_text_and_page_metadata(tmp_path: Path) -> None:
    path = tmp_path / "envoys.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    [article] = only_articles(read_all([path]))
    assert article.id == "envoys"
    assert BODY_1 in article.text and BODY_2 in article.text
    for junk in ("Home", "cheap flights", "Share on", "Reader One", "Comments", "Copyright"):
        assert junk not in article.text
    assert article.title == "Envoys Return to the Table"
    assert article.author == "Jane Roe"
    assert article.source == "Example Daily"
    assert article.url == "https://example.org/world/envoys-return"
    assert article.published == "2024-08-14"


def test_htm_extension_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.HTM"
    path.write_text(HTML_PAGE, encoding="utf-8")
    [article] = only_articles(read_all([path]))
    assert article.id == "page"


def test_json_single_record_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    record = {
        "id": "rec-7",
        "title": "Envoys Return",
        "source": "Wire",
        "url": "https://example.org/a",
        "author": "Jane Roe",
        "published": "2024-08-14T09:30:00+02:00",
        "text": f"{BODY_1}\n\n{BODY_2}",
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    [article] = only_articles(read_all([path]))
    assert (article.id, article.title, article.source) == ("rec-7", "Envoys Return", "Wire")
    assert (article.author, article.url, article.published) == (
        "Jane Roe",
        "https://example.org/a",
        "2024-08-14",
    )
    assert article.text == f"{BODY_1}\n\n{BODY_2}"


def test_json_list_ids_from_record_or_position(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    records = [{"text": BODY_1}, {"id": "named", "text": BODY_2}, {"id": 42, "text": BODY_1}]
    path.write_text(json.dumps(records), encoding="utf-8")
    assert [a.id for a in only_articles(read_all([path]))] == ["batch-1", "named", "42"]


def test_jsonl_one_record_per_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": BODY_1}), "", json.dumps({"id": "b", "text": BODY_2})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = only_articles(read_all([path]))
    assert [(a.id, a.text) for a in articles] == [("feed-1", BODY_1), ("b", BODY_2)]


def test_record_fields_override_text(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    text = f"Headline From The Text\n\nJuly 1, 2024\n\n{BODY_1}"
    path.write_text(json.dumps({"text": text, "title": "Given Title"}), encoding="utf-8")
    [article] = only_articles(read_all([path]))
    assert article.title == "Given Title"
    assert article.published == "2024-07-01"


def test_manifest_overrides_text_and_null_does_not(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Headline From The Text\n\nJuly 1, 2024\n\n{BODY_1}", encoding="utf-8")
    manifest = tmp_path / "manifest.json"
    entry = {"file": "a.txt", "published": "2024-07-02", "source": "Wire", "title": None}
    manifest.write_text(json.dumps([entry]), encoding="utf-8")
    [article] = only_articles(read_all([tmp_path], manifest))
    assert article.published == "2024-07-02"
    assert article.source == "Wire"
    assert article.title == "Headline From The Text"


def test_manifest_changes_content_hash(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY_1, encoding="utf-8")
    manifest = tmp_path / "m.json"
    manifest.write_text(json.dumps([{"file": "a.txt", "source": "Wire"}]), encoding="utf-8")
    [plain] = only_articles(read_all([path]))
    [with_manifest] = only_articles(read_all([path], manifest))
    assert plain.content_hash != with_manifest.content_hash
    [again] = only_articles(read_all([path], manifest))
    assert again.content_hash == with_manifest.content_hash


def test_folder_walked_recursively_sorted_skipping_hidden_and_manifest(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(BODY_1, encoding="utf-8")
    (tmp_path / "b" / "a.txt").write_text(BODY_2, encoding="utf-8")
    (tmp_path / "c.txt").write_text(BODY_1, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY_1, encoding="utf-8")
    (tmp_path / "manifest.json").write_text("[]", encoding="utf-8")
    ids = [a.id for a in only_articles(read_all([tmp_path]))]
    assert ids == ["a", "z", "c"]


def test_manifest_matched_by_relative_path(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(BODY_1, encoding="utf-8")
    manifest = tmp_path / "elsewhere.json"
    manifest.write_text(json.dumps([{"file": "sub/a.txt", "source": "Wire"}]), encoding="utf-8")
    [article] = only_articles(read_all([tmp_path], manifest))
    assert article.source == "Wire"


def test_same_file_given_twice_read_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY_1, encoding="utf-8")
    assert len(only_articles(read_all([tmp_path, path]))) == 1
