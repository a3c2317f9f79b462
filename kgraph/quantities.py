"""Counted figures attached to an event: killed, wounded, arrested, rockets, ...

"more than 4,300 rockets" is a lower bound (``at_least``), not 4300 exactly.
The figures are read from the event's clause: the objects of the trigger, verbs
conjoined with it that share its subject ("... and have wounded another 1,900")
and relative clauses on its arguments ("rockets, which have claimed 12 lives").
"""

from __future__ import annotations

import re

from .records import Quantity

__all__ = ["find_quantities", "parse_number"]

#: Verb lemma -> what its counted object is.
VERB_KINDS = {
    "kill": "killed", "claim": "killed", "execute": "killed", "massacre": "killed",
    "gun": "killed", "behead": "killed", "lynch": "killed", "neutralise": "killed",
    "neutralize": "killed",
    "wound": "wounded", "injure": "wounded", "hurt": "wounded",
    "arrest": "arrested", "detain": "arrested", "jail": "arrested", "round": "arrested",
    "displace": "displaced", "abduct": "abducted", "kidnap": "abducted", "capture": "captured",
    "deport": "deported", "evacuate": "evacuated", "release": "released", "free": "released",
    "expel": "expelled", "deploy": "troops", "sanction": "sanctioned",
}  # fmt: skip
#: Noun lemma -> kind, for nouns that say what is counted whatever the verb.
NOUN_KINDS = {
    "rocket": "rockets", "missile": "missiles", "drone": "drones", "shell": "shells",
    "mortar": "mortars", "bomb": "bombs", "airstrike": "airstrikes", "strike": "strikes",
    "troop": "troops", "soldier": "troops", "life": "killed", "death": "killed", "dead": "killed",
    "fatality": "killed", "body": "killed", "casualty": "casualties", "refugee": "displaced",
    "hostage": "hostages", "prisoner": "prisoners", "detainee": "arrested", "tank": "tanks",
    "protester": "protesters", "demonstrator": "protesters",
}  # fmt: skip
#: Nouns whose count is never the event's figure: places and spans of time.
NOT_COUNTED = frozenset(
    "country nation state city town village province district region area day week month year "
    "hour minute time decade century".split()
)
#: What people taken are made ("took 251 people hostage").
TAKEN_AS = {
    "hostage": "hostages", "hostages": "hostages", "prisoner": "prisoners",
    "prisoners": "prisoners", "captive": "hostages", "captives": "hostages",
}  # fmt: skip
#: What people an attack leaves are ("left 10 people dead").
LEFT_AS = {"dead": "killed", "injured": "wounded", "wounded": "wounded"}
#: Noun kinds that count people, whom a verb of VERB_KINDS (killed, arrested ...) happens to.
PEOPLE_KINDS = frozenset({"troops", "protesters", "hostages", "prisoners", "arrested", "displaced"})
QUALIFIERS = [
    (re.compile(r"\b(more than|over|at least|upwards of|in excess of|no fewer than)\s*$", re.I), "at_least"),
    (re.compile(r"\b(fewer than|less than|up to|under|nearly|almost|no more than)\s*$", re.I), "at_most"),
    (re.compile(r"\b(about|around|some|roughly|approximately|an estimated|estimated|nearly|close to)\s*$", re.I), "about"),
]  # fmt: skip
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}


def parse_number(text: str) -> int | float | None:
    """'4,300' -> 4300, '1.5 million' -> 1500000, 'twelve' -> 12.

    >>> parse_number("4,300"), parse_number("1.5 million"), parse_number("twelve")
    (4300, 1500000, 12)
    """
    words = text.lower().replace(",", "").split()
    if not words:
        return None
    value: float | None = None
    for w in words:
        if re.fullmatch(r"\d+(\.\d+)?", w):
            value = float(w) if value is None else value * float(w)
        elif w in SCALES and value is not None:
            value *= SCALES[w]
        elif w in WORD_NUMBERS:
            value = WORD_NUMBERS[w] if value is None else value + WORD_NUMBERS[w]
        elif w in SCALES:
            value = SCALES[w]
        else:
            return None
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _number_phrase(tok):
    """The tokens of the number a token belongs to ("1.5 million")."""
    toks = [tok]
    for c in tok.children:
        if c.dep_ in ("compound", "quantmod", "nummod") and c.like_num:
            toks.append(c)
    if tok.head.like_num and tok.head is not tok and tok.dep_ in ("compound", "quantmod"):
        return None  # part of a bigger number: counted from its head
    return sorted(toks, key=lambda t: t.i)


def _qualifier(doc, start: int) -> str:
    before = doc[max(0, start - 4) : start].text
    for rx, q in QUALIFIERS:
        if rx.search(before):
            return q
    return "exact"


def _clause_tokens(v, skip=None):
    """Tokens of the event's clause, without nested clauses that have their own subject,
    without 'including ...' sub-counts and without the subtrees ``skip`` refuses."""
    stack = [v]
    out = []
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.lower_ in ("including", "among"):
                continue
            if c.dep_ in ("ccomp", "advcl", "parataxis") and any(
                g.dep_ in ("nsubj", "nsubjpass") for g in c.children
            ):
                continue
            if (
                c.dep_ == "conj"
                and c.pos_ in ("VERB", "AUX")
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            ):  # "... were killed, and 1.3 million have been forced from their homes"
                continue
            if skip is not None and skip(c):
                continue
            stack.append(c)
    return out


def find_quantities(v, event_type: str, skip=None) -> list[Quantity]:
    """Figures in the clause of trigger verb ``v`` (``skip(token)`` True: not that subtree,
    for a conjoined verb that is an event of its own: "fired tear gas and arrested 50")."""
    doc = v.doc
    out: list[Quantity] = []
    seen = set()
    for tok in _clause_tokens(v, skip):
        if not tok.like_num or tok.ent_type_ in SKIP_ENTS or tok.i in seen:
            continue
        phrase = _number_phrase(tok)
        if not phrase:
            continue
        value = parse_number(" ".join(t.text for t in phrase))
        if value is None:
            continue
        seen.update(t.i for t in phrase)
        noun = tok.head if tok.dep_ in ("nummod", "quantmod", "compound") else tok
        if noun.lemma_.lower() in NOT_COUNTED:
            continue  # "expelled diplomats from seven countries": not seven expelled
        verb = noun.head if noun.dep_ in ("dobj", "nsubjpass", "pobj", "nsubj", "conj") else None
        joined = noun.dep_ == "conj"  # "killed a commander and 26 other fighters"
        while (
            verb is not None
            and verb.pos_ not in ("VERB", "AUX")
            and (
                verb.dep_ in ("conj", "appos", "prep", "pobj")
                or (joined and verb.dep_ in ("dobj", "nsubjpass"))
            )
        ):
            verb = verb.head
        kind = NOUN_KINDS.get(noun.lemma_.lower()) if noun is not tok else None
        if kind in PEOPLE_KINDS and verb is not None and verb.lemma_.lower() in VERB_KINDS:
            kind = None  # "killed 12 soldiers": what happened to them is what is counted
        if kind in (None, "killed") or (verb is not None and kind not in NOUN_KINDS.values()):
            vk = VERB_KINDS.get(verb.lemma_.lower()) if verb is not None else None
            if vk and noun.lemma_.lower() not in ("rocket", "missile", "drone", "shell", "bomb"):
                kind = vk
        if verb is not None and verb.lemma_.lower() == "take":
            # "took 251 people hostage", "taken 200 soldiers prisoner": what they were made
            made = next((c for c in (*verb.children, *noun.children)
                         if c.lower_ in TAKEN_AS and c is not noun), None)  # fmt: skip
            if made is not None or noun.lower_ in TAKEN_AS:
                kind = TAKEN_AS[(made or noun).lower_]
        if verb is not None and verb.lemma_.lower() == "leave":
            # "left 10 people dead and 30 injured": what they were left
            made = next((c for c in (*noun.children, *verb.children)
                         if c.lower_ in LEFT_AS and c.i > noun.i), None)  # fmt: skip
            kind = LEFT_AS[made.lower_] if made is not None else kind
        if noun.dep_ == "compound" and noun.head.lower_ in TAKEN_AS:  # "12 aid workers hostage"
            kind = TAKEN_AS[noun.head.lower_]
        if not kind:
            continue
        start = phrase[0].i
        q = _qualifier(doc, start)
        span = doc[start : phrase[-1].i + 1]
        out.append(Quantity(kind, value, q, span.text, span.start_char, span.end_char))
    out.sort(key=lambda q: q.start)
    return out
