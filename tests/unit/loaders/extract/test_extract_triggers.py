"""The talks trigger lexicon and claim status, on hand-built parses (no statistical model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from loaders.extract.claims import claim_status
from loaders.extract.context import ArticleContext
from loaders.extract.triggers import is_talks_trigger
from loaders.nlp import load_actors, load_patterns
from tests.support.factories import make_article

# (word, pos, dep, head index, lemma)
Row = tuple[str, str, str, int, str]


_VOCAB = spacy.blank("en").vocab  # English lexical attributes (lowercase forms), no model


def _doc(rows: list[Row]) -> Doc:
    words = [r[0] for r in rows]
    doc = Doc(
        _VOCAB,
        words=words,
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
        sent_starts=[True, *[False] * (len(rows) - 1)],
    )
    return doc


def _ctx(doc: Doc) -> ArticleContext:
    return ArticleContext(make_article("t-doc", doc.text), doc, load_actors(), load_patterns())


SAT_DOWN_WITH: list[Row] = [
    ("Blinken", "PROPN", "nsubj", 1, "Blinken"),
    ("sat", "VERB", "ROOT", 1, "sit"),
    ("down", "ADP", "prt", 1, "down"),
    ("with", "ADP", "prep", 1, "with"),
    ("Netanyahu", "PROPN", "pobj", 3, "Netanyahu"),
]
SAT_ON: list[Row] = [
    ("Blinken", "PROPN", "nsubj", 1, "Blinken"),
    ("sat", "VERB", "ROOT", 1, "sit"),
    ("on", "ADP", "prep", 1, "on"),
    ("panels", "NOUN", "pobj", 2, "panel"),
]
PHONE_CALL: list[Row] = [
    ("a", "DET", "det", 2, "a"),
    ("phone", "NOUN", "compound", 2, "phone"),
    ("call", "NOUN", "ROOT", 2, "call"),
]
CALL_FOR: list[Row] = [
    ("a", "DET", "det", 1, "a"),
    ("call", "NOUN", "ROOT", 1, "call"),
    ("for", "ADP", "prep", 1, "for"),
    ("calm", "NOUN", "pobj", 2, "calm"),
]


@pytest.mark.parametrize(
    ("rows", "index", "expected"),
    [
        (SAT_DOWN_WITH, 1, True),  # a meeting verb with the preposition it needs
        (SAT_ON, 1, False),  # the same verb without it
        (PHONE_CALL, 2, True),  # a multiword noun
        (CALL_FOR, 1, False),  # 'a call for calm' is no meeting
    ],
)
def test_is_talks_trigger_needs_the_frame_of_its_word(
    rows: list[Row], index: int, expected: bool
) -> None:
    doc = _doc(rows)
    assert is_talks_trigger(_ctx(doc), doc[index]) is expected


DID_NOT_ATTEND: list[Row] = [
    ("Hamas", "PROPN", "nsubj", 3, "Hamas"),
    ("did", "AUX", "aux", 3, "do"),
    ("not", "PART", "neg", 3, "not"),
    ("attend", "VERB", "ROOT", 3, "attend"),
]
IF_AGREES_WOULD_MEET: list[Row] = [
    ("if", "SCONJ", "mark", 2, "if"),
    ("Hamas", "PROPN", "nsubj", 2, "Hamas"),
    ("agrees", "VERB", "advcl", 5, "agree"),
    ("teams", "NOUN", "nsubj", 5, "team"),
    ("would", "AUX", "aux", 5, "would"),
    ("meet", "VERB", "ROOT", 5, "meet"),
]
UNCLEAR_WHETHER: list[Row] = [
    ("it", "PRON", "nsubj", 1, "it"),
    ("is", "AUX", "ROOT", 1, "be"),
    ("unclear", "ADJ", "acomp", 1, "unclear"),
    ("whether", "SCONJ", "mark", 5, "whether"),
    ("Hamas", "PROPN", "nsubj", 5, "Hamas"),
    ("attends", "VERB", "ccomp", 1, "attend"),
]
WILL_MEET: list[Row] = [
    ("teams", "NOUN", "nsubj", 2, "team"),
    ("will", "AUX", "aux", 2, "will"),
    ("meet", "VERB", "ROOT", 2, "meet"),
]
MET: list[Row] = [
    ("teams", "NOUN", "nsubj", 1, "team"),
    ("met", "VERB", "ROOT", 1, "meet"),
]


@pytest.mark.parametrize(
    ("rows", "index", "status"),
    [
        (DID_NOT_ATTEND, 3, "denied"),
        (IF_AGREES_WOULD_MEET, 5, "hypothetical"),
        (UNCLEAR_WHETHER, 5, "doubted"),
        (WILL_MEET, 2, "planned"),
        (MET, 1, "stated"),
    ],
)
def test_claim_status_reads_negation_conditions_doubt_and_tense(
    rows: list[Row], index: int, status: str
) -> None:
    doc = _doc(rows)
    assert claim_status(doc[index], load_patterns()) == status
