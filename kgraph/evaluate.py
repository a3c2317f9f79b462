"""Score kgraph predictions against the gold data in ``data/gold`` (seed article, PLOVER GSR).

kgraph's own implementation of the metrics of the project's independent scorer (same definitions,
same numbers, standard library only): actor span-overlap and normalised-string P/R/F1; untyped
events (source and target actors match; reciprocal gold needs two distinct actors, either
direction), their precision restricted to verifiable predictions and an undirected diagnostic;
typed events (exact PLOVER 2021 category, quad class; untyped gold is "don't care"); and, where the
gold states them, quantities, date, modality and negation of the gold events found.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict, namedtuple
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import InputError
from .textin import json_line

__all__ = [
    "PLOVER_TYPES",
    "QUAD",
    "load_jsonl",
    "norm_name",
    "norm_type",
    "report",
    "score",
    "summary_line",
]

_GROUPS = {
    "verbal_coop": "AGREE CONSULT SUPPORT CONCEDE",
    "material_coop": "COOPERATE AID RETREAT",
    "verbal_conflict": "REQUEST ACCUSE REJECT THREATEN",
    "material_conflict": "PROTEST SANCTION MOBILIZE COERCE ASSAULT",
}
QUAD: dict[str, str] = {t: quad for quad, types in _GROUPS.items() for t in types.split()}
PLOVER_TYPES: tuple[str, ...] = tuple(QUAD)
_ALIASES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
_PRONOUNS = set(
    """i me my mine myself we us our ours ourselves you your yours yourself he him his
    himself she her hers herself it its itself they them their theirs themselves who whom whose
    which that this these those one ones someone somebody everyone anyone""".split()
)
_DETERMINERS = set(
    """the a an this that these those its their his her our my your some both all
    another other several many two three""".split()
)
_TITLES = set(
    """president vice prime minister ministers foreign defense defence interior secretary
    general gen lt col colonel major maj brig brigadier admiral adm commander chief king queen
    prince princess crown emir sheikh shaikh sultan ayatollah mr mrs ms miss dr sir lord lady
    senator sen rep representative chancellor premier ambassador spokesman spokeswoman
    spokesperson envoy leader deputy acting former senior top chairman chairwoman chair governor
    mayor judge justice pope cardinal bishop rev reverend imam state of and""".split()
)
_POSSESSIVE = re.compile(r"\s*['\u2019`]\s*s\b|(?<=s)['\u2019]", re.I)
_KINDS = {
    **dict.fromkeys("dead death deaths died fatalities killings".split(), "killed"),
    **dict.fromkeys("injured injuries wounds".split(), "wounded"),
}
_DATE_ORDER = ("exact", "coarser", "wrong", "missing")
META = "meta"
Span = tuple[int, int]
_GoldActor = namedtuple("_GoldActor", "spans norm")  # equal when spans and norm are equal
_GoldEvent = namedtuple("_GoldEvent", "src tgt reciprocal type qty date modality negated")
_PredEvent = namedtuple("_PredEvent", "src tgt type negated qty date modality")


def norm_type(t: Any) -> str | None:
    """Map a type label to its PLOVER 2021 category, or None for OTHER/unknown/missing.

    >>> norm_type(" fight "), norm_type("OTHER"), norm_type(None)
    ('ASSAULT', None, None)
    """
    if not isinstance(t, str):
        return None
    t = _ALIASES.get(t.strip().upper(), t.strip().upper())
    return t if t in QUAD else None


def norm_name(s: str | None) -> str:
    """Lower-case a name, dropping possessive 's, punctuation, leading determiners and titles.

    Title words stay when nothing else is left; a lone pronoun normalises to ''.

    >>> [norm_name(x) for x in ["The U.S. President", "President Joe Biden", "Egypt's", "they"]]
    ['u s president', 'joe biden', 'egypt', '']
    """
    if not s:
        return ""
    toks = re.findall(r"[^\W_]+", _POSSESSIVE.sub("", s.replace("\u2019", "'")).lower())
    while toks and toks[0] in _DETERMINERS:
        toks = toks[1:]
    i = 0
    while i < len(toks) and toks[i] in _TITLES:
        i += 1
    toks = toks[i:] or toks
    return "" if len(toks) == 1 and toks[0] in _PRONOUNS else " ".join(toks)


def _kind(k: Any) -> str:
    if not isinstance(k, str):
        return ""
    k = " ".join(k.strip().lower().replace("_", " ").split())
    k = _KINDS.get(k, k)
    return k[:-1] if len(k) > 3 and k.endswith("s") and not k.endswith("ss") else k


def _number(v: Any) -> float | None:
    if isinstance(v, int | float) and not isinstance(v, bool):
        return float(v)
    try:
        return float(v.replace(",", "").strip()) if isinstance(v, str) else None
    except ValueError:
        return None


def _quantities(qs: Any) -> list[tuple[str, float]]:
    pairs = [
        (_kind(q.get("kind")), _number(q.get("value")))
        for q in (qs if isinstance(qs, list) else [])
        if isinstance(q, dict)
    ]
    return [(k, v) for k, v in pairs if k and v is not None]


def _date(d: Any) -> str | None:
    d = d.get("value") if isinstance(d, dict) else d
    return d.strip().split("T")[0] if isinstance(d, str) and d.strip() else None


def _date_relation(pred: str | None, gold: str) -> str:
    if pred is None or pred == gold:
        return "missing" if pred is None else "exact"
    whole = len(pred) < len(gold) and gold.startswith(pred) and gold[len(pred)] == "-"
    return "coarser" if whole else "wrong"


def _modality(m: Any, default: str | None = None) -> str | None:
    return m.strip().lower() if isinstance(m, str) and m.strip() else default


def _overlap(a: Iterable[Span], b: Iterable[Span]) -> bool:
    return any(a0 < b1 and b0 < a1 for a0, a1 in a for b0, b1 in b)


class _PredActor:
    """A predicted actor; identity (not equality) tells actors apart, as actor ids do."""

    def __init__(self, a: dict) -> None:
        self.name = a.get("name") or ""
        self.mentions: list[tuple[Span | None, str]] = []
        for m in a.get("mentions") or []:
            if isinstance(m, dict):
                s, e = m.get("start"), m.get("end")
                ok = isinstance(s, int) and isinstance(e, int) and e > s
                self.mentions.append(((s, e) if ok else None, m.get("text") or ""))
        self.spans = [sp for sp, _ in self.mentions if sp]
        texts = [self.name] + [t for _, t in self.mentions if t]
        self.norms = {n for n in map(norm_name, texts) if n}


def _locate(text: str, a: dict) -> tuple[Span, ...]:
    """Gold span(s); no offsets: find the text ignoring whitespace, '...' splitting fragments."""
    s, e = a.get("start"), a.get("end")
    if isinstance(s, int) and isinstance(e, int) and e > s:
        return ((s, e),)
    spans = []
    for frag in re.split(r"\s*\.{2,}\s*|\s*\u2026\s*", (a.get("text") or "").strip()):
        toks = frag.split()
        if toks and (m := re.search(r"\s*".join(map(re.escape, toks)), text, re.I)):
            spans.append((m.start(), m.end()))
    return tuple(spans)


def _load_gold(rec: dict, generic: bool) -> tuple[list[_GoldActor], list[_GoldEvent]]:
    text = rec["text"]

    def actors(items: Iterable[Any], keep: Any) -> list[_GoldActor]:
        return [
            _GoldActor(_locate(text, a), norm_name(a.get("text")))
            for a in items
            if not generic or keep(a)
        ]

    def has_text(a: Any) -> bool:
        return isinstance(a, dict) and bool(a.get("text"))

    events = [
        _GoldEvent(
            actors(e.get("source") or [], has_text),
            actors(e.get("target") or [], has_text),
            bool(e.get("reciprocal")),
            norm_type(e.get("type_plover2021") or e.get("type")),
            _quantities(e.get("quantities")),
            _date(e.get("date")),
            _modality(e.get("modality")),
            e.get("negated") if isinstance(e.get("negated"), bool) else None,
        )
        for e in rec.get("events", [])
    ]
    doc_actors = actors(rec.get("actors", []), lambda a: "start" in a or "text" in a)
    return list(dict.fromkeys(doc_actors)), events


def _load_pred(doc: dict, drop_negated: bool, warn: Counter) -> tuple[list, list[_PredEvent]]:
    actors = {
        str(a["id"]): _PredActor(a)
        for a in doc.get("actors") or []
        if isinstance(a, dict) and a.get("id") is not None
    }

    def resolve(ids: Any) -> list[_PredActor]:
        found = [actors.get(str(i)) for i in ids or []]
        if None in found:
            warn["unknown_actor_id"] += found.count(None)
        return [a for a in found if a is not None]

    events = [
        _PredEvent(
            resolve(e.get("source")),
            resolve(e.get("target")),
            norm_type(e.get("type")),
            e.get("negated") is True,
            _quantities(e.get("quantities")),
            _date(e.get("date")),
            _modality(e.get("modality"), "asserted"),
        )
        for e in doc.get("events") or []
        if isinstance(e, dict) and not (drop_negated and e.get("negated") is True)
    ]
    return list(actors.values()), events


def _actor_match(p: _PredActor, g: _GoldActor) -> bool:
    return _overlap(p.spans, g.spans) or (bool(g.norm) and g.norm in p.norms)


def _event_match(p: _PredEvent, g: _GoldEvent, directed: bool = True) -> bool:
    if g.reciprocal:
        gs, ps = g.src + g.tgt, list(dict.fromkeys(p.src + p.tgt))
        if len(gs) < 2:
            return any(_actor_match(a, gs[0]) for a in ps)
        return any(
            _actor_match(a, g1) and any(b is not a and _actor_match(b, g2) for b in ps)
            for i, g1 in enumerate(gs)
            for g2 in gs[i + 1 :]
            for a in ps
        )

    def side(ps: list[_PredActor], gs: list[_GoldActor]) -> bool:
        return not gs or any(_actor_match(a, b) for a in ps for b in gs)

    return (side(p.src, g.src) and side(p.tgt, g.tgt)) or (
        not directed and side(p.tgt, g.src) and side(p.src, g.tgt)
    )


def _prf(c: Counter, k: str) -> dict[str, Any]:
    tp_p, n_p, tp_r, n_r = c[f"{k}_tp_pred"], c[f"{k}_pred"], c[f"{k}_tp_gold"], c[f"{k}_gold"]
    p, r = tp_p / n_p if n_p else 0.0, tp_r / n_r if n_r else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "P": round(p, 4),
        "R": round(r, 4),
        "F1": round(f, 4),
        "n_pred": n_p,
        "tp_pred": tp_p,
        "n_gold": n_r,
        "tp_gold": tp_r,
    }


def _ratio(tp: int, n: int) -> float:
    return round(tp / n, 4) if n else 0.0


def _score_doc(gold: dict, pdoc: dict, generic: bool, drop_negated: bool, t: dict) -> None:
    """Add one document's counts to the dataset's tallies ``t`` (c, warn, by_type, by_mod)."""
    c = t["c"]
    gactors, gevents_all = _load_gold(gold, generic)
    pactors, pevents = _load_pred(pdoc, drop_negated, t["warn"])
    mentions: list[tuple[Span | None, str]] = []  # (span or None, normalised text)
    seen: set[Span] = set()
    for pa in pactors:
        for sp, txt in pa.mentions:
            if sp is None and txt:
                mentions.append((None, norm_name(txt)))
            elif sp is not None and sp not in seen:
                seen.add(sp)
                mentions.append((sp, norm_name(txt or pa.name)))
        if not pa.mentions and pa.name:
            mentions.append((None, norm_name(pa.name)))

    def m_match(m: tuple[Span | None, str], g: _GoldActor) -> bool:
        if m[0] is not None and g.spans:
            return _overlap([m[0]], g.spans)
        return not g.spans and bool(g.norm) and m[1] == g.norm

    def gold_hit(actors: list[_PredActor]) -> bool:
        return any(_actor_match(a, g) for a in actors for g in gactors)

    gset, pset = {g.norm for g in gactors if g.norm}, {n for _, n in mentions if n}
    gevents = [g for g in gevents_all if g.src or g.tgt]
    M = [[_event_match(p, g) for g in gevents] for p in pevents]
    MU = [[_event_match(p, g, directed=False) for g in gevents] for p in pevents]
    found = [any(row[j] for row in M) for j in range(len(gevents))]
    ver = [gold_hit(p.src) and (not p.tgt or gold_hit(p.tgt)) for p in pevents]
    n_p, n_g, n_s = len(pevents), len(gevents), len(gset & pset)
    c.update(
        docs=1,
        ut_pred=n_p,
        utu_pred=n_p,
        ut_gold=n_g,
        utu_gold=n_g,
        pred_events_negated=sum(e.negated for e in pevents),
        act_pred=len(mentions),
        act_gold=len(gactors),
        act_tp_pred=sum(any(m_match(m, g) for g in gactors) for m in mentions),
        act_tp_gold=sum(any(m_match(m, g) for m in mentions) for g in gactors),
        str_gold=len(gset),
        str_pred=len(pset),
        str_tp_pred=n_s,
        str_tp_gold=n_s,
        gold_events_unscorable=len(gevents_all) - n_g,
        gold_reciprocal=sum(g.reciprocal for g in gevents),
        ut_tp_gold=sum(found),
        utu_tp_gold=sum(any(row[j] for row in MU) for j in range(n_g)),
        pred_events_verifiable=sum(ver),
        ut_pred_r=sum(ver),
        ut_tp_pred=sum(map(any, M)),
        utu_tp_pred=sum(map(any, MU)),
        ut_tp_pred_r=sum(any(row) for row, v in zip(M, ver, strict=True) if v),
    )

    for gran in ("exact", "quad"):
        glab = [g.type if gran == "exact" else QUAD.get(g.type or "") for g in gevents]
        plab = [p.type if gran == "exact" else QUAD.get(p.type or "") for p in pevents]
        typed = [j for j, lab in enumerate(glab) if lab]
        c[f"{gran}_gold"] += len(typed)
        for j in typed:
            ok = any(M[i][j] and plab[i] == glab[j] for i in range(n_p))
            c[f"{gran}_tp_gold"] += ok
            if gran == "exact":
                t["by_type"][glab[j]].update(n=1, untyped_found=int(found[j]), typed_found=int(ok))
        for i, lab in enumerate(plab):
            tp = bool(lab) and any(M[i][j] and glab[j] == lab for j in typed)
            if not lab or (not tp and any(M[i][j] and not glab[j] for j in range(n_g))):
                continue  # untyped prediction, or it only matches don't-care gold
            c.update(
                {
                    f"{gran}_pred": 1,
                    f"{gran}_tp_pred": int(tp),
                    f"{gran}_pred_r": int(ver[i]),
                    f"{gran}_tp_pred_r": int(tp and ver[i]),
                }
            )

    for j, g in enumerate(gevents):  # attributes: found gold events vs their matches
        c.update(
            attr_qty_all=len(g.qty),
            attr_date_all=int(g.date is not None),
            attr_mod_all=int(g.modality is not None),
            attr_neg_all=int(g.negated is not None),
        )
        if not found[j]:
            continue
        ps = [p for i, p in enumerate(pevents) if M[i][j]]
        c.update(qty_gold=len(g.qty), qty_tp_gold=sum(any(q in p.qty for p in ps) for q in g.qty))
        if g.date is not None:
            rel = min((_date_relation(p.date, g.date) for p in ps), key=_DATE_ORDER.index)
            c.update({"date_gold": 1, "date_" + rel: 1})
        if g.modality is not None:
            ok = int(any(p.modality == g.modality for p in ps))
            c.update(mod_gold=1, mod_tp=ok)
            t["by_mod"][g.modality].update(n=1, correct=ok)
        if g.negated is not None:
            c.update(neg_gold=1, neg_tp=int(any(p.negated == g.negated for p in ps)))
    for i, p in enumerate(pevents):
        if any(M[i]):
            gs = [g for j, g in enumerate(gevents) if M[i][j]]
            c.update(
                qty_pred=len(p.qty), qty_tp_pred=sum(any(q in g.qty for g in gs) for q in p.qty)
            )


def _result(t: dict) -> dict[str, Any]:
    c = t["c"]
    r: dict[str, Any] = {k: c[k] for k in ("docs", "docs_missing_pred")}
    r.update(mode="span", gold_events=c["ut_gold"], pred_events=c["ut_pred"])
    r.update(
        (k, c[k])
        for k in (
            "gold_events_unscorable",
            "gold_reciprocal",
            "pred_events_negated",
            "pred_events_verifiable",
        )
    )
    r.update(
        actors_span=_prf(c, "act"),
        actors_string=_prf(c, "str"),
        untyped=dict(_prf(c, "ut"), P_restricted=_ratio(c["ut_tp_pred_r"], c["ut_pred_r"])),
        untyped_undirected=_prf(c, "utu"),
    )
    for g in ("exact", "quad"):
        r[f"typed_{g}"] = dict(
            _prf(c, g), P_restricted=_ratio(c[f"{g}_tp_pred_r"], c[f"{g}_pred_r"])
        )
    r["by_gold_type"] = {k: dict(v) for k, v in sorted(t["by_type"].items())}
    at: dict[str, Any] = {}
    if c["attr_qty_all"]:
        at["quantities"] = dict(_prf(c, "qty"), n_gold_all=c["attr_qty_all"])
    if c["attr_date_all"]:
        n = c["date_gold"]
        at["date"] = {
            "acc": _ratio(c["date_exact"], n),
            "coarser_rate": _ratio(c["date_coarser"], n),
            "n_gold": n,
            "n_gold_all": c["attr_date_all"],
            **{k: c["date_" + k] for k in _DATE_ORDER},
        }
    if c["attr_mod_all"]:
        at["modality"] = {
            "acc": _ratio(c["mod_tp"], c["mod_gold"]),
            "n_gold": c["mod_gold"],
            "correct": c["mod_tp"],
            "n_gold_all": c["attr_mod_all"],
            "by_gold_value": {k: dict(v) for k, v in sorted(t["by_mod"].items())},
        }
    if c["attr_neg_all"]:
        at["negation"] = {
            "acc": _ratio(c["neg_tp"], c["neg_gold"]),
            "n_gold": c["neg_gold"],
            "correct": c["neg_tp"],
            "n_gold_all": c["attr_neg_all"],
        }
    if at:
        r["attributes"] = at
    if t["warn"]:
        r["warnings"] = dict(t["warn"])
    return r


def score(
    gold: list[dict],
    pred: list[dict],
    *,
    drop_negated: bool = False,
    datasets: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Score predictions (kgraph's document JSON) against gold records, per gold ``dataset``.

    Args:
        gold: gold records ``{id, dataset, text, actors, events}``; the n-th repeat of an id is
            scored as ``id__dupN``.
        pred: one ``{doc_id, actors, events}`` per document; a missing document counts as empty.
        drop_negated: ignore predicted events with ``negated: true``.
        datasets: only score these gold datasets (default: all).

    Returns:
        ``{dataset: metrics}`` in gold order, plus ``"meta"``: skipped gold documents and the
        number of predicted documents not in the gold.

    Raises:
        InputError: a gold record is not a JSON object, or its dataset is called ``meta``.

    >>> g = {"id": "d", "dataset": "x", "text": "Iran hit Iraq.", "actors": [], "events": [
    ...      {"type": "ASSAULT", "source": [{"text": "Iran"}], "target": [{"text": "Iraq"}]}]}
    >>> p = {"doc_id": "d", "actors": [{"id": "a", "name": "Iran"}, {"id": "b", "name": "Iraq"}],
    ...      "events": [{"type": "FIGHT", "source": ["a"], "target": ["b"]}]}
    >>> summary_line(score([g], [p]))
    'x actor_F1=0.00 untyped_F1=1.00 untyped_Pr=0.00 typed_F1=1.00 quad_F1=1.00'
    """
    keep = set(datasets or ())
    preds = {
        str(p["doc_id"]): p for p in pred if isinstance(p, dict) and p.get("doc_id") is not None
    }
    seen: Counter = Counter()
    ids: set[str] = set()
    skipped: Counter = Counter()
    tallies: dict[Any, dict] = {}
    for n, rec in enumerate(gold, 1):
        if not isinstance(rec, dict):
            raise InputError(f"gold record {n}: expected a JSON object, got {type(rec).__name__}")
        uid = str(rec.get("id"))
        seen[uid] += 1
        uid = uid if seen[uid] == 1 else f"{uid}__dup{seen[uid]}"
        ids.add(uid)
        ds = rec.get("dataset") or "unknown"
        if ds == META:
            raise InputError(f"gold record {n}: the dataset name {META!r} is reserved")
        if keep and ds not in keep:
            continue
        if not (rec.get("text") or "").strip():
            skipped[f"{ds}: empty text"] += 1
            continue
        t = tallies.setdefault(
            ds,
            {
                "c": Counter(),
                "warn": Counter(),
                "by_type": defaultdict(Counter),
                "by_mod": defaultdict(Counter),
            },
        )
        t["c"]["docs_missing_pred"] += uid not in preds
        _score_doc(rec, preds.get(uid, {}), ds != "plover_gsr", drop_negated, t)
    results = {ds: _result(t) for ds, t in tallies.items()}
    results[META] = {
        "skipped_gold_docs": dict(skipped),
        "pred_docs_not_in_gold": len(preds.keys() - ids),
    }
    return results


def _datasets(results: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(ds, r) for ds, r in results.items() if ds != META]


def summary_line(results: dict[str, Any]) -> str:
    """One line: ``DATASET actor_F1=.. untyped_F1=.. untyped_Pr=.. typed_F1=.. quad_F1=..``.

    `` qty_R=..`` / `` date_acc=..`` follow when the dataset's gold states quantities / dates;
    datasets are joined with `` | ``.
    """
    parts = []
    for ds, r in _datasets(results):
        at = r.get("attributes") or {}
        extra = ([f" qty_R={at['quantities']['R']:.2f}"] if "quantities" in at else []) + (
            [f" date_acc={at['date']['acc']:.2f}"] if "date" in at else []
        )
        parts.append(
            f"{ds} actor_F1={r['actors_span']['F1']:.2f} "
            f"untyped_F1={r['untyped']['F1']:.2f} "
            f"untyped_Pr={r['untyped']['P_restricted']:.2f} "
            f"typed_F1={r['typed_exact']['F1']:.2f} "
            f"quad_F1={r['typed_quad']['F1']:.2f}" + "".join(extra)
        )
    return " | ".join(parts) if parts else "no scorable gold documents"


_ROWS = (
    ("actors span-overlap", "actors_span", "pred mentions {n_pred}, gold actors {n_gold}"),
    ("actors normalized-string", "actors_string", ""),
    ("events untyped", "untyped", "P_restricted={P_restricted:.3f}"),
    ("events untyped-undirected", "untyped_undirected", ""),
    (
        "events typed exact",
        "typed_exact",
        "P_restricted={P_restricted:.3f}  (gold typed {n_gold}, pred typed {n_pred})",
    ),
    (
        "events typed quad",
        "typed_quad",
        "P_restricted={P_restricted:.3f}  (gold typed {n_gold}, pred typed {n_pred})",
    ),
)
_ATTRS = (
    (
        "quantities",
        "{P:>7.3f}{R:>7.3f}{F1:>7.3f}  (gold quantities of found events "
        "{n_gold} of {n_gold_all}; predicted quantities of matching events {n_pred})",
    ),
    (
        "date",
        "acc={acc:.3f} coarser={coarser_rate:.3f}  (exact {exact}, coarser {coarser}, "
        "wrong {wrong}, missing {missing} of {n_gold} dated gold events found; "
        "{n_gold_all} dated in all)",
    ),
    ("modality", "acc={acc:.3f}  ({correct}/{n_gold} gold events found; {per})"),
    ("negation", "acc={acc:.3f}  ({correct}/{n_gold} gold events found)"),
)


def report(results: dict[str, Any], by_type: bool = False) -> str:
    """A readable multi-line table of the metrics of :func:`score`, one block per dataset.

    Args:
        results: the value returned by :func:`score`.
        by_type: add the untyped/typed recall per gold event type.
    """
    lines = []
    for ds, r in _datasets(results):
        lines += [
            f"== {ds}: {r['docs']} docs ({r['docs_missing_pred']} without prediction), "
            f"gold events {r['gold_events']} ({r['gold_reciprocal']} reciprocal, "
            f"{r['gold_events_unscorable']} unscorable), pred events {r['pred_events']} "
            f"({r['pred_events_verifiable']} verifiable, {r['pred_events_negated']} negated)",
            f"  {'':<26}{'P':>7}{'R':>7}{'F1':>7}",
        ]
        for label, key, note in _ROWS:
            d = r[key]
            lines.append(
                f"  {label:<26}{d['P']:>7.3f}{d['R']:>7.3f}{d['F1']:>7.3f}  "
                f"{note.format(**d)}".rstrip()
            )
        for key, fmt in _ATTRS:
            if key in (r.get("attributes") or {}):
                d = r["attributes"][key]
                per = ", ".join(
                    f"{k} {v.get('correct', 0)}/{v.get('n', 0)}"
                    for k, v in d.get("by_gold_value", {}).items()
                )
                lines.append(f"  {'attrs ' + key:<26}{fmt.format(**d, per=per)}")
        if r.get("warnings"):
            lines.append(f"  warnings: {r['warnings']}")
        if by_type:
            lines += [
                f"    {k:<16} n={v['n']:<4} untyped_R={v['untyped_found'] / v['n']:.2f} "
                f"typed_R={v['typed_found'] / v['n']:.2f}"
                for k, v in r["by_gold_type"].items()
            ]
    meta = results.get(META) or {}
    if meta.get("skipped_gold_docs"):
        lines.append(f"skipped gold docs: {meta['skipped_gold_docs']}")
    if meta.get("pred_docs_not_in_gold"):
        lines.append(f"predicted docs not in gold (ignored): {meta['pred_docs_not_in_gold']}")
    return "\n".join(lines) or "no scorable gold documents"


def load_jsonl(path: str | Path) -> list[dict]:
    """Read a JSON Lines file (blank lines skipped) into a list of objects.

    Raises:
        InputError: the file cannot be read, or a line is not a JSON object
            (``path:line: ...``).
    """
    out = []
    try:
        with open(path, encoding="utf-8-sig") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                rec = json_line(line, f"{path}:{n}")
                if not isinstance(rec, dict):
                    raise InputError(
                        f"{path}:{n}: expected a JSON object per line, got {type(rec).__name__}"
                    )
                out.append(rec)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return out
