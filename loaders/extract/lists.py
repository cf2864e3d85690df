"""The names a list in running text gives, read along the words rather than the parse.

Lists of people are where the parser errs most: 'included Shin Bet director Ronen Bar, Maj.
Gen. (res.) Nitzan Alon, who handles the hostage file, and Netanyahu's adviser Ophir Falk'
comes out with Alon as a second root, and a colon list ('The meeting took place: William
Burns of the CIA, David Barnea of the Mossad and ...') as appositions of the wrong word. The
list is read from where it starts to where its clause ends, and a name is one of its items
unless it only qualifies another item: a possessor ('Netanyahu's adviser'), an affiliation
('Burns of the CIA', 'Shin Bet director Bar') or a name inside a relative clause ('who
represented Washington').
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.models import EntityType
from loaders.extract.context import ArticleContext, Mention

# The dependencies by which a name qualifies the word it hangs from instead of being an item.
_QUALIFYING_DEPS = frozenset({"poss", "compound", "amod", "nmod", "pobj"})
_RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "where"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_ITEM_DEPS = frozenset({"conj", "appos"})


def _ends_list(tok: Token, start: Token) -> bool:
    """A new clause with its own subject, or a semicolon, closes the list."""
    if tok.text == ";":
        return True
    return (
        tok.tag_ in _FINITE_TAGS
        and tok.i != start.i
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    )


def _qualifies(ctx: ArticleContext, m: Mention) -> bool:
    """Whether a name only qualifies a person of the list ('of the CIA', "Qatar's chief X")."""
    tok = ctx.doc[m.end - 1]
    while tok.dep_ == "conj" and tok.head.i < tok.i and ctx.mention_for(tok.head) is not None:
        tok = tok.head  # 'an adviser to Bennett and Netanyahu': as the first conjunct goes
    while tok.dep_ in _QUALIFYING_DEPS or tok.dep_ == "prep" or _names_a_noun(ctx, tok):
        tok = tok.head
        other = ctx.mention_for(tok)
        if other is not None and other is not m:
            return True
        if tok.dep_ in _ITEM_DEPS or tok.head.i == tok.i:
            break
    if ctx.mention_for(tok) is not None:
        return False  # the name, or the first name of its list, is an item itself
    if tok.dep_ == "appos" and ctx.mention_for(tok.head) is not None:
        return True  # 'Falk, an adviser to X'
    return any(
        c.dep_ in ("appos", "compound") and (o := ctx.mention_for(c)) is not None and o is not m
        for c in tok.children
    )


def _names_a_noun(ctx: ArticleContext, tok: Token) -> bool:
    """'the son of the chief negotiator Khalil al-Hayya': the name is the negotiator's."""
    head = tok.head
    return (
        tok.dep_ == "appos"
        and ctx.mention_for(head) is None
        and head.i < tok.i
        and head.dep_ in _QUALIFYING_DEPS
    )


def listed(
    ctx: ArticleContext, start: Token, sent: Span, types: tuple[EntityType, ...]
) -> list[Mention]:
    """The names of the given types a list starting after `start` gives as its items."""
    out: list[Mention] = []
    relative = False
    for tok in sent.doc[start.i + 1 : sent.end]:
        if tok.lower_ in _RELATIVE_WORDS:
            relative = True  # a relative clause runs to the next comma
        elif tok.text == "," and relative:
            relative = False
        elif not relative and tok.dep_ != "relcl" and _ends_list(tok, start):
            break
        m = ctx.mention_for(tok)
        if m is None or relative or m in out or m.type not in types or m.start != tok.i:
            continue
        if not _qualifies(ctx, m):
            out.append(m)
    return out
