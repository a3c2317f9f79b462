"""The event and actor rules on hand-built parses: no statistical model needed.

Each Doc is built with its words, heads, dependency labels, tags and entities,
so these tests pin the rules themselves, whatever a model would predict.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kgraph.actors import find_actors
from kgraph.events import find_events
from kgraph.lexicons import load_lexicons
from kgraph.nlp import gazetteer_matcher


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def parse(blank, rows, ents=()):
    """rows: (word, lemma, pos, tag, dep, head index); ents: (start, end, label)."""
    words = [r[0] for r in rows]
    doc = Doc(
        blank.vocab,
        words=words,
        spaces=[i + 1 < len(rows) and rows[i + 1][0] not in ".,’s" for i in range(len(rows))],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        deps=[r[4] for r in rows],
        heads=[r[5] for r in rows],
        ents=["O"] * len(rows),
    )
    doc.ents = [
        doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=lab) for s, e, lab in ents
    ]
    return doc


def events_of(blank, doc):
    lex = load_lexicons()
    idx = find_actors(doc, lex, gazetteer_matcher(blank, lex))
    evs = find_events(doc, idx, lex, doc_id="t")
    names = {k: c.name for k, c in idx.clusters.items()}
    return [(e.type, [names[s] for s in e.source], [names[t] for t in e.target], e) for e in evs]


def test_active_subject_and_prepositional_target(blank):
    # Hamas fired rockets towards Israel .
    doc = parse(blank, [
        ("Hamas", "Hamas", "PROPN", "NNP", "nsubj", 1), ("fired", "fire", "VERB", "VBD", "ROOT", 1),
        ("rockets", "rocket", "NOUN", "NNS", "dobj", 1), ("towards", "towards", "ADP", "IN", "prep", 2),
        ("Israel", "Israel", "PROPN", "NNP", "pobj", 3), (".", ".", "PUNCT", ".", "punct", 1),
    ], ents=[(0, 1, "ORG"), (4, 5, "GPE")])  # fmt: skip
    [(typ, src, tgt, ev)] = events_of(blank, doc)
    assert (typ, src, tgt) == ("ASSAULT", ["Hamas"], ["Israel"])
    assert ev.trigger.text == "fired" and ev.rule.startswith("verb:subject")


def test_passive_with_agent_reverses_roles(blank):
    # Israel was attacked by Hamas .
    doc = parse(blank, [
        ("Israel", "Israel", "PROPN", "NNP", "nsubjpass", 2), ("was", "be", "AUX", "VBD", "auxpass", 2),
        ("attacked", "attack", "VERB", "VBN", "ROOT", 2), ("by", "by", "ADP", "IN", "agent", 2),
        ("Hamas", "Hamas", "PROPN", "NNP", "pobj", 3), (".", ".", "PUNCT", ".", "punct", 2),
    ], ents=[(0, 1, "GPE"), (4, 5, "ORG")])  # fmt: skip
    [(typ, src, tgt, _)] = events_of(blank, doc)
    assert (typ, src, tgt) == ("ASSAULT", ["Hamas"], ["Israel"])


def test_negation_is_kept(blank):
    # Egypt did not attack Israel .
    doc = parse(blank, [
        ("Egypt", "Egypt", "PROPN", "NNP", "nsubj", 3), ("did", "do", "AUX", "VBD", "aux", 3),
        ("not", "not", "PART", "RB", "neg", 3), ("attack", "attack", "VERB", "VB", "ROOT", 3),
        ("Israel", "Israel", "PROPN", "NNP", "dobj", 3), (".", ".", "PUNCT", ".", "punct", 3),
    ], ents=[(0, 1, "GPE"), (4, 5, "GPE")])  # fmt: skip
    [(typ, src, tgt, ev)] = events_of(blank, doc)
    assert ev.negated and (src, tgt) == (["Egypt"], ["Israel"])


def test_conjoined_subjects_make_a_reciprocal_agreement(blank):
    # Israel and Hamas agreed to a ceasefire .
    doc = parse(blank, [
        ("Israel", "Israel", "PROPN", "NNP", "nsubj", 3), ("and", "and", "CCONJ", "CC", "cc", 0),
        ("Hamas", "Hamas", "PROPN", "NNP", "conj", 0), ("agreed", "agree", "VERB", "VBD", "ROOT", 3),
        ("to", "to", "ADP", "IN", "prep", 3), ("a", "a", "DET", "DT", "det", 6),
        ("ceasefire", "ceasefire", "NOUN", "NN", "pobj", 4), (".", ".", "PUNCT", ".", "punct", 3),
    ], ents=[(0, 1, "GPE"), (2, 3, "ORG")])  # fmt: skip
    [(typ, src, tgt, _)] = events_of(blank, doc)
    assert typ == "AGREE" and src == ["Israel", "Hamas"] and tgt == []


def test_demonym_on_nominal_subject_and_quantity_lower_bound(blank):
    # Israeli strikes have killed more than 200 Palestinians .
    doc = parse(blank, [
        ("Israeli", "israeli", "ADJ", "JJ", "amod", 1), ("strikes", "strike", "NOUN", "NNS", "nsubj", 3),
        ("have", "have", "AUX", "VBP", "aux", 3), ("killed", "kill", "VERB", "VBN", "ROOT", 3),
        ("more", "more", "ADJ", "JJR", "amod", 6), ("than", "than", "ADP", "IN", "quantmod", 6),
        ("200", "200", "NUM", "CD", "nummod", 7), ("Palestinians", "Palestinians", "PROPN", "NNPS", "dobj", 3),
        (".", ".", "PUNCT", ".", "punct", 3),
    ], ents=[(0, 1, "NORP"), (7, 8, "NORP")])  # fmt: skip
    [(typ, src, tgt, ev)] = events_of(blank, doc)
    assert (typ, src, tgt) == ("ASSAULT", ["Israel"], ["Palestinians"])
    [q] = ev.quantities
    assert (q.kind, q.value, q.qualifier) == ("killed", 200, "at_least")


def test_control_verb_takes_over_its_complement(blank):
    # Iran threatened to attack Iraq .  -> one THREATEN event, no ASSAULT
    doc = parse(blank, [
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1), ("threatened", "threaten", "VERB", "VBD", "ROOT", 1),
        ("to", "to", "PART", "TO", "aux", 3), ("attack", "attack", "VERB", "VB", "xcomp", 1),
        ("Iraq", "Iraq", "PROPN", "NNP", "dobj", 3), (".", ".", "PUNCT", ".", "punct", 1),
    ], ents=[(0, 1, "GPE"), (4, 5, "GPE")])  # fmt: skip
    evs = events_of(blank, doc)
    assert [(t, s, g) for t, s, g, _ in evs] == [("THREATEN", ["Iran"], ["Iraq"])]


def test_future_attack_is_a_threat(blank):
    # Russia will attack Ukraine .
    doc = parse(blank, [
        ("Russia", "Russia", "PROPN", "NNP", "nsubj", 2), ("will", "will", "AUX", "MD", "aux", 2),
        ("attack", "attack", "VERB", "VB", "ROOT", 2), ("Ukraine", "Ukraine", "PROPN", "NNP", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ], ents=[(0, 1, "GPE"), (3, 4, "GPE")])  # fmt: skip
    [(typ, _, _, ev)] = events_of(blank, doc)
    assert typ == "THREATEN" and ev.modality == "future" and ev.cameo == "13"


def test_surname_joins_full_name_even_when_ner_mislabels_it(blank):
    # Antony Blinken met Ashkenazi . Ashkenazi thanked Blinken .  (Ashkenazi tagged ORG, Blinken GPE)
    doc = parse(blank, [
        ("Antony", "Antony", "PROPN", "NNP", "compound", 1), ("Blinken", "Blinken", "PROPN", "NNP", "nsubj", 2),
        ("met", "meet", "VERB", "VBD", "ROOT", 2), ("Ashkenazi", "Ashkenazi", "PROPN", "NNP", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
        ("Ashkenazi", "Ashkenazi", "PROPN", "NNP", "nsubj", 6), ("thanked", "thank", "VERB", "VBD", "ROOT", 6),
        ("Blinken", "Blinken", "PROPN", "NNP", "dobj", 6), (".", ".", "PUNCT", ".", "punct", 6),
    ], ents=[(0, 2, "PERSON"), (3, 4, "PERSON"), (5, 6, "ORG"), (7, 8, "GPE")])  # fmt: skip
    evs = events_of(blank, doc)
    assert [(t, s, g) for t, s, g, _ in evs] == [
        ("CONSULT", ["Antony Blinken"], ["Ashkenazi"]),
        ("SUPPORT", ["Ashkenazi"], ["Antony Blinken"]),
    ]
