"""Short free-text objects over the parse, and who a pronoun or a possessive refers to."""

from __future__ import annotations

import re

from spacy.tokens import Token

from graph.models import EntityType
from loaders.extract.context import ArticleContext, Mention

MAX_OBJECT_WORDS = 12
PARTY_TYPES = (EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION)
_GROUP_TYPES = (EntityType.COUNTRY, EntityType.ORGANIZATION)

# Children that end a noun phrase: coordination, clauses and asides are not part of the object.
_PHRASE_STOP_DEPS = {"cc", "conj", "relcl", "appos", "advcl", "punct", "mark", "parataxis"}
_PHRASE_STOP_PREPS = {"as", "including", "despite", "because", "amid", "while", "after", "before"}
_LEADING_WORDS = {"a", "an", "the", "that", "to", "on", "any", "for"}
_PERSON_PRONOUNS = {"he", "him", "his", "she", "her"}
_OBJECT_PRONOUNS = {"him", "her", "them"}
_GROUP_PRONOUNS = {"it", "its"}
COREF_WINDOW = 4  # sentences a pronoun may look back
WORD = re.compile(r"[a-z0-9]+")  # the words of a lower-cased text
_STOP = {"a", "an", "the", "of", "on", "in", "to", "for", "from", "and", "or", "with", "by", "at"}


def _phrase_tokens(tok: Token, top: bool) -> list[Token]:
    out = [tok]
    for child in tok.children:
        if child.dep_ in _PHRASE_STOP_DEPS and (top or child.dep_ != "conj"):
            continue
        if child.dep_ == "prep" and child.lower_ in _PHRASE_STOP_PREPS:
            continue
        if child.dep_ == "acl" and child.tag_ != "VBN":
            continue
        out.extend(_phrase_tokens(child, top=False))
    return out


def phrase_text(tok: Token, max_words: int = MAX_OBJECT_WORDS) -> str:
    """The noun phrase a token heads, with its modifiers but without conjuncts or clauses."""
    toks = sorted(_phrase_tokens(tok, top=True), key=lambda t: t.i)
    return words_text([t for t in toks if not t.is_space], max_words)


def clause_text(verb: Token, max_words: int = MAX_OBJECT_WORDS) -> str:
    """A verb's clause without its subordinate clauses, for objects such as 'X re-engage in Y'."""
    skip = {"advcl", "punct", "mark", "cc", "conj", "parataxis"}
    toks: list[Token] = [verb]
    for child in verb.children:
        if child.dep_ not in skip:
            toks.extend(t for t in child.subtree if t.dep_ not in ("relcl", "punct"))
    return words_text(sorted(set(toks), key=lambda t: t.i), max_words)


def span_text(first: Token, toks: list[Token], max_words: int = MAX_OBJECT_WORDS) -> str:
    """The words of a head token and several subtrees, in text order."""
    found: set[Token] = {first}
    for tok in toks:
        found.update(t for t in tok.subtree if t.dep_ not in ("relcl", "advcl", "punct"))
    return words_text(sorted(found, key=lambda t: t.i), max_words)


def words_text(toks: list[Token], max_words: int = MAX_OBJECT_WORDS) -> str:
    """Tokens joined as text, without leading articles and capped in length."""
    kept = [t for t in toks if (not t.is_space and t.dep_ != "punct") or t.text == "-"]
    while kept and kept[0].lower_ in _LEADING_WORDS:
        kept.pop(0)
    kept = kept[:max_words]
    while kept and _dangles(kept[-1]):
        kept.pop()  # '... the decision made on Thursday when', '... a serious swap of'
    words = [t.text for t in kept]
    text = " ".join(words)
    return text.replace(" - ", "-").replace(" \u2019s", "\u2019s").replace(" 's", "'s")


def _dangles(tok: Token) -> bool:
    """Whether a word cannot end a phrase: a preposition, conjunction, article or wh-word."""
    return tok.pos_ in ("ADP", "CCONJ", "SCONJ", "DET", "PART") or tok.tag_ in ("WRB", "WDT", "WP")


def coordinated(tok: Token) -> list[Token]:
    """A token and the tokens of the same kind coordinated with it ('Y and Z')."""
    nominal = tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
    return [tok] + [c for c in tok.conjuncts if (c.pos_ in ("NOUN", "PROPN", "NUM")) == nominal]


def text_tokens(text: str) -> frozenset[str]:
    """Lower-case content words of a text, for comparing two free-text objects."""
    return frozenset(w for w in WORD.findall(text.lower()) if w not in _STOP)


def similar_texts(a: str, b: str, threshold: float = 0.5) -> bool:
    """Whether two free-text objects share most of their content words."""
    ta, tb = text_tokens(a), text_tokens(b)
    if not ta or not tb:
        return False
    return ta <= tb or tb <= ta or len(ta & tb) / len(ta | tb) >= threshold


def resolve_pronoun(ctx: ArticleContext, tok: Token) -> Mention | None:
    """The actor a personal or possessive pronoun refers to: the last person or group before it."""
    word = tok.lower_
    described = _description_types(ctx, tok)
    if described:
        types: tuple[EntityType, ...] = described
        word = "it"
    elif word in _PERSON_PRONOUNS:
        types = (EntityType.PERSON,)
    elif word in _GROUP_PRONOUNS:
        types = _GROUP_TYPES
    else:
        return None
    first_sent = ctx.sent_of[tok.i] - COREF_WINDOW
    before = [
        m for m in ctx.mentions if m.start < tok.i and m.sent >= first_sent and m.type in types
    ]
    if word in _OBJECT_PRONOUNS:  # 'X flew in and sat down with him': him is not X
        own = _clause_subjects(tok)
        before = [m for m in before if not any(m.start <= t.i < m.end for t in own)]
    subjects = [m for m in before if _is_subject(ctx, m)]
    # 'the far-right Jewish Power party ... the party': the group named with that very noun
    named = [m for m in before if m.end < len(ctx.doc) and ctx.doc[m.end].lower_ == tok.lower_]
    if described and named:
        return max(named, key=lambda m: m.start)
    if word in _GROUP_PRONOUNS:
        before = subjects
    # A pronoun refers back to the last subject ('X waits for Y ... He said'), else the last one.
    pool = subjects or before
    return max(pool, key=lambda m: m.start) if pool else None


def _description_types(ctx: ArticleContext, tok: Token) -> tuple[EntityType, ...]:
    """The types a definite description may refer to ('the movement', 'the group'), if it is one.

    Only a bare 'the <noun>' (an adjective allowed: 'the Islamist movement') that names no entity.
    """
    nouns: dict[str, str] = ctx.patterns["coreference"]["descriptions"]
    if tok.lower_ not in nouns or ctx.mention_for(tok) is not None:
        return ()
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return ()
    if any(c.dep_ in ("compound", "poss", "prep") for c in tok.children):
        return ()  # 'the Hamas movement', 'the group's', 'the group of mediators'
    return (EntityType(nouns[tok.lower_]),)


def _clause_subjects(tok: Token) -> list[Token]:
    """The subjects of the clause a token is in, shared along coordinated verbs."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            break
        cur = cur.head
    out: list[Token] = []
    for _ in range(4):
        out += [t for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            break
        cur = cur.head
    return out


def _is_subject(ctx: ArticleContext, m: Mention) -> bool:
    root = ctx.doc[m.end - 1]
    return root.dep_ in ("nsubj", "nsubjpass", "poss") or root.head.dep_ in ("nsubj", "nsubjpass")


def party_of(ctx: ArticleContext, tok: Token) -> Mention | None:
    """The person, country or organization a token names, refers to or is modified by."""
    m = ctx.mention_for(tok)
    if m is not None:
        return m if m.type in PARTY_TYPES else None
    if tok.pos_ == "PRON" or _description_types(ctx, tok):
        return resolve_pronoun(ctx, tok)
    if tok.pos_ == "NOUN":
        named = [ctx.mention_for(c) for c in tok.children if c.dep_ == "appos"]
        person = next((n for n in named if n is not None and n.type in PARTY_TYPES), None)
        if person is not None:
            return person  # 'the ministry spokesman, Majed al-Ansari,'
        for child in tok.children:
            if child.dep_ in ("amod", "compound", "poss"):
                found = ctx.mention_for(child)
                if found is not None and found.type in _GROUP_TYPES:
                    return found
                if child.dep_ == "poss" and child.pos_ == "PRON":
                    return resolve_pronoun(ctx, child)
    return None


def subject_party(ctx: ArticleContext, verb: Token) -> Mention | None:
    """The party that is the subject of a verb, inherited by conjoined and infinitive verbs."""
    subject = _subject_token(ctx, verb)
    return party_of(ctx, subject) if subject is not None else None


def _subject_token(ctx: ArticleContext, verb: Token) -> Token | None:
    """The subject token of a verb, or of the verb it inherits its subject from."""
    cur = verb
    inherited = False  # through a participle: 'announced that X is postponed, accusing Israel'
    for _ in range(5):
        for child in cur.children:
            subject = child.dep_ in ("nsubj", "nsubjpass")
            party = subject and party_of(ctx, child) is not None
            if subject and inherited and not party and cur.dep_ == "ccomp":
                break  # the postponed release does not accuse: the one who announced it does
            if subject and (cur.dep_ != "conj" or party):
                return child
        participle = cur.dep_ == "advcl" and cur.tag_ == "VBG"  # '..., accusing Israel of'
        if cur.dep_ == "ccomp" and inherited:
            cur = cur.head
            continue
        controller = [c for c in cur.head.children if c.dep_ == "dobj"]
        if cur.dep_ == "xcomp" and controller and party_of(ctx, controller[0]) is not None:
            return controller[0]  # 'pushed Trump to say': Trump says
        if _purpose(cur) and cur.head.i != cur.i:  # 'X blocked aid to press Hamas': X presses
            cur = cur.head
            continue
        if (cur.dep_ in ("conj", "xcomp") or participle) and cur.head.i != cur.i:
            inherited = inherited or participle
            cur = cur.head
            continue
        if cur.dep_ == "acl" and cur.head.dep_ == "ROOT" and cur.head.pos_ in ("NOUN", "PROPN"):
            return cur.head  # 'The Forum, which represents ..., called on X and accused Y'
        if cur.dep_ == "relcl":  # 'the Forum, which represents ..., and accused X'
            return cur.head
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.head.dep_ == "dobj":
            cur = cur.head.head  # 'X issued a statement calling on Y to ...': X calls
            continue
        return None
    return None


def _purpose(verb: Token) -> bool:
    """An infinitive of purpose: 'began a strike to press the government'."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _below_a_clause(tok: Token, top: Token) -> bool:
    """Whether a verb stands between a token and the head of its phrase."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.pos_ in ("VERB", "AUX"):
            return True
        cur = cur.head
    return False


def subject_parties(ctx: ArticleContext, verb: Token) -> list[Mention]:
    """The subject party of a verb and the other parties its subject phrase lists ('Biden, Sisi
    and the emir issued a joint statement'), however the parser hangs the list together.

    A party named as a modifier ('Egypt's president', 'the Egyptian president', 'EU foreign
    policy chief Josep Borrell') is the next one's country or body, not a party of its own.
    """
    subject = _subject_token(ctx, verb)
    first = party_of(ctx, subject) if subject is not None else None
    if subject is None or first is None:
        return []
    found = [first]
    for tok in subject.subtree:
        if _below_a_clause(tok, subject):
            continue  # 'the Forum, which represents the families, called on Israelis ...'
        m = ctx.mention_for(tok)
        if m is None or m in found or m.type not in PARTY_TYPES or tok.i != m.end - 1:
            continue
        modifier = tok.dep_ in ("poss", "amod", "compound")
        if not modifier and not any(c.dep_ == "case" for c in tok.children):
            found.append(m)
    return found
