"""Mend the small parser's known mistakes before actors and events are read.

The English model often hangs the subject of a second clause on the first clause's object
("Lithuania recalled its envoy from Beijing and China downgraded ties": "China" parsed as a
second object of "from"), so the second verb loses its subject and the first gains a target.
Each repair here is one such pattern, checked on the tokens' order as well as the tree, so
that it only fires where the parse cannot be right.

>>> import spacy  # doctest: +SKIP
>>> doc = repair(nlp("Lithuania recalled its envoy from Beijing and China downgraded ties."))  # doctest: +SKIP
>>> [t.text for t in doc[8].children if t.dep_ == "nsubj"]  # doctest: +SKIP
['China']
"""

from __future__ import annotations

__all__ = ["repair"]

#: Verbs whose clause complement is what they say or think, not a second clause.
_CLAUSE_VERBS = {
    "say", "tell", "think", "believe", "know", "hope", "fear", "expect", "warn", "claim",
    "announce", "report", "insist", "deny", "suggest", "show", "find", "add", "note", "ensure",
    "mean", "feel", "worry", "argue", "confirm", "see", "hear", "learn", "realize", "realise",
}  # fmt: skip
_NOMINAL = ("PROPN", "NOUN")
#: Verbs of attribution that end a news sentence ("..., the ministry said").
_SAYING = {"say", "tell", "report", "announce", "add", "confirm", "state"}


def repair(doc):
    """Mend ``doc`` in place (and return it): a second clause's subject stolen by the first
    clause ("A verbed B and C verbed D"), two nouns parsed as one modifier ("Police and
    Kenyan troops"), an attribution hung on the last noun ("..., the ministry said")."""
    # only the tokens these patterns start from, found on the Doc's arrays
    conj, ccomp, relcl = (_with_dep(doc, d) for d in ("conj", "ccomp", "relcl"))
    for v in (doc[i] for i in conj):
        if v.pos_ == "VERB" and v.i >= 2 and not _has_subject(v):
            _stolen_conjunct(doc, v)
    for v in (doc[i] for i in ccomp):
        if v.head.pos_ == "VERB" and v.head.lemma_ not in _CLAUSE_VERBS:
            _subject_pair_split(doc, v)
    for a in (doc[i] for i in conj):  # "Police and Kenyan troops": "Kenyan" is a conjunct
        if a.tag_ == "JJ" and a.head.dep_ in ("nmod", "compound"):
            h = a.head.head
            if h.pos_ == "NOUN" and h.dep_ != "ROOT":
                _modifier_pair_split(h)
    for v in (doc[i] for i in relcl):
        if v.lemma_ in _SAYING:
            _trailing_attribution(v)
    return doc


def _has_subject(t) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)


def _with_dep(doc, dep: str) -> list[int]:
    import numpy as np
    from spacy.attrs import DEP

    if not len(doc):
        return []
    return np.flatnonzero(doc.to_array([DEP]) == doc.vocab.strings[dep]).tolist()


def _trailing_attribution(v) -> None:
    """'..., summoned the Chinese ambassador, the ministry said on Monday.': the parser
    makes the attribution a relative clause of the last noun; it says the whole sentence."""
    subj = [c for c in v.children if c.dep_ == "nsubj"]
    if len(subj) != 1 or subj[0].lower_ in ("who", "that", "which", "whom"):
        return
    first = subj[0].left_edge
    if first.i == 0 or first.nbor(-1).text != ",":
        return
    sent = v.sent
    if any(t.i > v.i and not t.is_punct and t.i not in {x.i for x in v.subtree}
           for t in sent):  # fmt: skip
        return  # the attribution ends the sentence
    root = sent.root
    if root.i == v.i or v.i in {x.i for x in root.ancestors}:
        return
    v.head, v.dep_ = root, "parataxis"


def _modifier_pair_split(h) -> None:
    """'Police and Kenyan troops launched ...': the parser makes "Police and Kenyan" one
    modifier of "troops"; the two nouns are the conjuncts, the adjective is the second's."""
    for n in list(h.lefts):
        if n.dep_ not in ("nmod", "compound") or n.pos_ != "NOUN":
            continue
        ccs = [g for g in n.children if g.dep_ == "cc" and g.lower_ == "and"]
        adjs = [g for g in n.children if g.dep_ == "conj" and g.tag_ == "JJ" and g.i < h.i]
        if len(ccs) != 1 or len(adjs) != 1 or not (n.i < ccs[0].i < adjs[0].i):
            continue
        if any(t.i > n.i and t.dep_ not in ("cc", "conj") for t in n.children):
            continue
        n.head, n.dep_ = h.head, h.dep_
        h.head, h.dep_ = n, "conj"
        adjs[0].head, adjs[0].dep_ = h, "amod"
        return


def _stolen_conjunct(doc, v) -> None:
    """'recalled its envoy from Beijing and China downgraded ties': "China" hangs on
    "Beijing" as a conjunct, right before the verb that has no subject."""
    n, cc = doc[v.i - 1], doc[v.i - 2]
    if n.dep_ != "conj" or n.pos_ not in _NOMINAL or cc.lower_ != "and" or cc.head.i != n.head.i:
        return
    if any(c.i > n.i for c in n.children) or not n.head.i < n.i:
        return
    first = v.head
    if n.head.i == first.i or n.head.i not in {t.i for t in first.subtree}:
        return
    n.head, n.dep_ = v, "nsubj"
    cc.head, cc.dep_ = first, "cc"


def _subject_pair_split(doc, c) -> None:
    """'Israel struck Gaza and Hamas fired rockets': the parser makes "Gaza and Hamas" the
    subject of "fired" and leaves "struck" with no object."""
    v = c.head
    if any(g.dep_ in ("dobj", "attr", "ccomp") and g.i != c.i for g in v.children):
        return
    subj = [g for g in c.children if g.dep_ == "nsubj"]
    if len(subj) != 1 or subj[0].pos_ not in _NOMINAL:
        return
    s = subj[0]
    conj = [g for g in s.children if g.dep_ == "conj" and g.pos_ in _NOMINAL]
    ccs = [g for g in s.children if g.dep_ == "cc" and g.lower_ == "and"]
    # "struck Gaza and Hamas fired": the verb, its object, "and", the next subject, the verb
    if len(conj) != 1 or len(ccs) != 1 or not (v.i < s.left_edge.i and conj[0].i < c.i):
        return
    if any(t.pos_ in ("VERB", "AUX") for t in doc[v.i + 1 : s.left_edge.i]):
        return
    y = conj[0]
    if y.right_edge.i != c.i - 1 and not all(
        t.pos_ == "ADV" for t in doc[y.right_edge.i + 1 : c.i]
    ):
        return
    s.head, s.dep_ = v, "dobj"
    y.head, y.dep_ = c, "nsubj"
    ccs[0].head, ccs[0].dep_ = v, "cc"
    c.dep_ = "conj"
