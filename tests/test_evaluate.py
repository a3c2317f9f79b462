"""Tests of kgraph.evaluate: each scoring rule on tiny hand-made documents, and equivalence with the
independent scorer (``../shared/eval/score.py``, when present) on damaged copies of the gold files."""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from kgraph.errors import InputError
from kgraph.evaluate import PLOVER_TYPES, load_jsonl, norm_name, report, score, summary_line

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
SCORER = Path(__file__).resolve().parents[2] / "shared/eval/score.py"
TEXT = "Israel attacked Hamas in Gaza on Monday."
RTEXT = "Jordan and Britain agreed to hold joint exercises."
ATEXT = "Israeli strikes on Gaza killed 232 Palestinians and wounded 1,900 on May 20."


def span(text: str, s: str) -> dict[str, Any]:
    i = text.index(s)
    return {"text": s, "start": i, "end": i + len(s)}


def gold(
    src=("Israel",),
    tgt=("Hamas",),
    type_="ASSAULT",
    text=TEXT,
    dataset="plover_gsr",
    doc_id="d1",
    reciprocal=False,
    **attrs: Any,
) -> dict[str, Any]:
    s, t = [span(text, x) for x in src], [span(text, x) for x in tgt]
    event = {
        "type": type_,
        "type_plover2021": type_,
        "source": s,
        "target": t,
        "reciprocal": reciprocal,
    }
    return {
        "id": doc_id,
        "dataset": dataset,
        "text": text,
        "actors": s + t,
        "events": [dict(event, **attrs)],
    }


def actor(aid: str, s: str, text: str = TEXT, name: str | None = None) -> dict[str, Any]:
    return {"id": aid, "name": name or s, "type": "ORG", "mentions": [span(text, s)]}


def event(src, tgt, type_="ASSAULT", **kw: Any) -> dict[str, Any]:
    return {
        "id": "e",
        "type": type_,
        "predicate": "x",
        "source": list(src),
        "target": list(tgt),
        **kw,
    }


def pred(actors, events, doc_id="d1") -> dict[str, Any]:
    return {"doc_id": doc_id, "actors": list(actors), "events": list(events)}


def good(type_="ASSAULT", **kw: Any) -> dict[str, Any]:
    return pred([actor("a", "Israel"), actor("b", "Hamas")], [event(["a"], ["b"], type_, **kw)])


def run(g, p, ds="plover_gsr", **kw: Any) -> dict[str, Any]:
    return score(g if isinstance(g, list) else [g], p if isinstance(p, list) else [p], **kw)[ds]


def attr_gold(**attrs: Any) -> dict[str, Any]:
    return gold(("Israeli",), ("Palestinians",), text=ATEXT, dataset="seed", **attrs)


def attr_pred(*extra: dict[str, Any], **fields: Any) -> dict[str, Any]:
    acts = [actor("i", "Israeli", ATEXT), actor("p", "Palestinians", ATEXT)]
    return pred(acts, [event(["i"], ["p"], **fields), *extra])


KEYS = (
    "actors_span",
    "actors_string",
    "untyped",
    "untyped_undirected",
    "typed_exact",
    "typed_quad",
)


# ------------------------------------------------------------------------------------------ basics
def test_perfect_prediction_scores_one_everywhere():
    for ds in ("plover_gsr", "seed"):
        res = score([gold(dataset=ds)], [good()])
        assert all(res[ds][k][m] == 1.0 for k in KEYS for m in ("P", "R", "F1"))
        assert res[ds]["untyped"]["P_restricted"] == res[ds]["typed_exact"]["P_restricted"] == 1.0
        assert summary_line(res) == (
            f"{ds} actor_F1=1.00 untyped_F1=1.00 untyped_Pr=1.00 typed_F1=1.00 quad_F1=1.00"
        )
        assert res["meta"] == {"skipped_gold_docs": {}, "pred_docs_not_in_gold": 0}


def test_empty_and_missing_predictions_score_zero():
    for p in ([pred([], [])], []):
        r = run(gold(), p)
        assert all(r[k]["F1"] == r[k]["R"] == 0.0 for k in KEYS)
        assert r["pred_events"] == 0 and r["docs_missing_pred"] == (0 if p else 1)
    assert summary_line({"meta": {}}) == "no scorable gold documents"


def test_wrong_direction_misses_but_undirected_matches():
    r = run(gold(), pred([actor("a", "Israel"), actor("b", "Hamas")], [event(["b"], ["a"])]))
    assert r["untyped"]["P"] == r["untyped"]["R"] == r["typed_exact"]["F1"] == 0.0
    assert r["untyped_undirected"]["F1"] == 1.0
    assert r["pred_events_verifiable"] == 1 and r["untyped"]["P_restricted"] == 0.0


def test_source_only_gold_needs_only_the_source():
    p = pred([actor("a", "Israel"), actor("g", "Gaza")], [event(["a"], ["g"])])
    assert run(gold(tgt=()), p)["untyped"]["F1"] == 1.0


def test_reciprocal_gold_any_direction_but_two_distinct_actors():
    g = gold(("Jordan", "Britain"), (), "AGREE", RTEXT, reciprocal=True)
    acts = [actor("j", "Jordan", RTEXT), actor("b", "Britain", RTEXT)]
    for s, t in ((["j"], ["b"]), (["b"], ["j"]), (["j", "b"], [])):
        r = run(g, pred(acts, [event(s, t, "AGREE")]))
        assert r["untyped"]["F1"] == r["typed_exact"]["F1"] == 1.0 and r["gold_reciprocal"] == 1
    compound = {
        "id": "c",
        "name": "Jordan and Britain",
        "mentions": [span(RTEXT, "Jordan and Britain")],
    }
    assert run(g, pred([compound], [event(["c"], [], "AGREE")]))["untyped"]["R"] == 0.0
    assert run(g, pred(acts, [event(["j", "j"], [], "AGREE")]))["untyped"]["R"] == 0.0
    other = [acts[0], actor("x", "joint exercises", RTEXT)]
    assert run(g, pred(other, [event(["j"], ["x"], "AGREE")]))["untyped"]["R"] == 0.0


def test_typed_exact_and_quad():
    r = run(gold(type_="ACCUSE"), good("REJECT"))  # same quad: verbal conflict
    assert (r["untyped"]["F1"], r["typed_exact"]["F1"], r["typed_quad"]["F1"]) == (1.0, 0.0, 1.0)
    r = run(gold(), good("AID"))  # material coop vs material conflict
    assert (r["typed_exact"]["F1"], r["typed_quad"]["F1"]) == (0.0, 0.0)
    g = gold()
    g["events"][0].update(type="FIGHT", type_plover2021=None)  # 0.5b1 alias, lower-case prediction
    assert run(g, good("fight"))["typed_exact"]["F1"] == 1.0


def test_dont_care_gold_and_untyped_predictions():
    r = run(gold(type_=None), good())
    assert r["untyped"]["F1"] == 1.0
    assert (r["typed_exact"]["n_gold"], r["typed_exact"]["n_pred"], r["typed_exact"]["F1"]) == (
        0,
        0,
        0.0,
    )
    p = good()
    p["actors"].append(actor("g", "Gaza"))
    p["events"].append(event(["g"], ["a"], "OTHER"))
    r = run(gold(), p)
    assert (
        r["untyped"]["P"] == 0.5
        and r["typed_exact"]["P"] == 1.0
        and r["typed_exact"]["n_pred"] == 1
    )
    g = gold()  # the same edge coded twice: typed ASSAULT, and a don't-care
    g["events"].append(dict(g["events"][0], type=None, type_plover2021=None))
    typed = run(g, good())["typed_exact"]  # right type: counted
    assert (typed["n_pred"], typed["P"], typed["n_gold"], typed["R"]) == (1, 1.0, 1, 1.0)
    typed = run(g, good("AID"))["typed_exact"]  # wrong type, but may be the don't-care
    assert (typed["n_pred"], typed["tp_gold"], typed["n_gold"]) == (0, 0, 1)


def test_restricted_precision_counts_only_verifiable_events():
    p = good()
    p["actors"] += [actor("m", "Monday"), actor("g", "Gaza")]
    p["events"].append(event(["g"], ["m"]))
    r = run(gold(), p)
    assert (r["untyped"]["P"], r["untyped"]["P_restricted"], r["pred_events_verifiable"]) == (
        0.5,
        1.0,
        1,
    )


# ------------------------------------------------------------------------------------------ actors
def test_actor_span_and_string_metrics():
    r = run(gold(), pred([actor("a", "Israel"), actor("g", "Gaza")], []))
    assert (r["actors_span"]["P"], r["actors_span"]["R"]) == (0.5, 0.5)
    p = pred(
        [
            {"id": "a", "name": "the Israel", "mentions": []},
            {
                "id": "b",
                "name": "Hamas's",
                "mentions": [{"text": "Hamas", "start": None, "end": None}],
            },
        ],
        [event(["a"], ["b"])],
    )
    r = run(gold(), p)
    assert r["untyped"]["F1"] == r["actors_string"]["F1"] == 1.0 and r["actors_span"]["R"] == 0.0


def test_norm_name_drops_determiners_titles_possessives_pronouns():
    assert norm_name("President Barack Obama") == norm_name("Barack Obama") == "barack obama"
    assert (
        norm_name("the Croatian government 's")
        == norm_name("Croatian government’s")
        == "croatian government"
    )
    assert norm_name("Foreign Minister Gabi Ashkenazi") == "gabi ashkenazi"
    assert norm_name("both leaders") == "leaders" and norm_name("the President") == "president"
    assert norm_name("they") == norm_name("Their") == norm_name(None) == ""
    assert norm_name("The U.S. President Joe Biden") == "u s president joe biden"


def test_gold_actors_without_offsets_are_located():
    text = "U.S. and Iranian\nnegotiators met in Vienna; Islamic   Jihad refused."
    g = {
        "id": "d1",
        "dataset": "plover_gsr",
        "text": text,
        "actors": [
            {"text": "U.S. ... negotiators", "start": None, "end": None},
            {"text": "Islamic Jihad", "start": None, "end": None},
            {"text": "Isreal", "start": None, "end": None},
        ],
        "events": [],
    }
    r = run(g, pred([actor("n", "negotiators", text), actor("j", "Jihad", text)], []))
    assert (r["actors_span"]["R"], r["actors_span"]["P"]) == (pytest.approx(0.6667), 1.0)
    r = run(g, pred([{"id": "i", "name": "Isreal", "mentions": [span(TEXT, "Israel")]}], []))
    assert r["actors_span"]["tp_gold"] == 1  # unlocatable gold: only the string rule applies


def test_plover_loader_keeps_textless_actors_generic_loader_drops_them():
    g = copy.deepcopy(gold())
    del g["events"][0]["source"][0]["text"]  # a source known by its offsets only
    wrong_source = pred([actor("g", "Gaza"), actor("b", "Hamas")], [event(["g"], ["b"])])
    assert run(g, good())["untyped"]["R"] == 1.0 and run(g, wrong_source)["untyped"]["R"] == 0.0
    g["dataset"] = "other"  # generic: the event is now target-only
    assert run(g, wrong_source, "other")["untyped"]["R"] == 1.0
    del g["events"][0]["target"][0]["text"]
    r = run(g, good(), "other")
    assert (r["gold_events"], r["gold_events_unscorable"]) == (0, 1)


# ------------------------------------------------------------------------------------------ attributes
def test_quantities_with_synonyms_and_numeric_strings():
    q = [{"kind": "killed", "value": 232}, {"kind": "wounded", "value": 1900}]
    p = attr_pred(
        quantities=[{"kind": "deaths", "value": 232}, {"kind": "injured", "value": "1,900"}]
    )
    r = run(attr_gold(quantities=q), p, "seed")
    assert (r["attributes"]["quantities"]["P"], r["attributes"]["quantities"]["R"]) == (1.0, 1.0)
    assert summary_line({"seed": r}).endswith(" quad_F1=1.00 qty_R=1.00")
    p = attr_pred(
        quantities=[
            {"kind": "dead", "value": 230},
            {"kind": "Wounded", "value": 1900},
            {"kind": "rockets", "value": 5},
        ]
    )
    a = run(attr_gold(quantities=q), p, "seed")["attributes"]["quantities"]
    assert (a["tp_gold"], a["n_gold"], a["tp_pred"], a["n_pred"], a["R"], a["P"]) == (
        1,
        2,
        1,
        3,
        0.5,
        0.3333,
    )
    hostages = attr_gold(quantities=[{"kind": "hostages", "value": "3"}])
    p = attr_pred(quantities=[{"kind": "Hostage", "value": 3.0}])
    assert run(hostages, p, "seed")["attributes"]["quantities"]["R"] == 1.0


def test_dates_exact_coarser_wrong_missing():
    g = attr_gold(date={"value": "2021-05-20", "granularity": "day"})
    cases = {
        "2021-05-20": "exact",
        "2021-05-20T08:00:00Z": "exact",
        "2021-05": "coarser",
        "2021": "coarser",
        "2021-05-2": "wrong",
        "2021-05-21": "wrong",
        None: "missing",
    }
    for value, rel in cases.items():
        d = run(
            g, attr_pred(date=value if value is None or "T" in value else {"value": value}), "seed"
        )["attributes"]["date"]
        assert (
            d[rel] == 1 and d["acc"] == (rel == "exact") and d["coarser_rate"] == (rel == "coarser")
        )
    both = attr_pred(event(["i"], ["p"], date={"value": "2021-05-20"}), date="2021")
    res = score([g], [both])
    assert res["seed"]["attributes"]["date"]["acc"] == 1.0  # the best of the matching predictions
    assert summary_line(res).endswith(" quad_F1=1.00 date_acc=1.00")


def test_modality_and_negation_only_where_gold_states_them():
    assert "attributes" not in run(attr_gold(), attr_pred(), "seed")
    g = attr_gold(modality="future", negated=True)
    at = run(g, attr_pred(modality="Future", negated=True), "seed")["attributes"]
    assert at["modality"]["acc"] == at["negation"]["acc"] == 1.0 and set(at) == {
        "modality",
        "negation",
    }
    at = run(g, attr_pred(), "seed")["attributes"]  # no modality = asserted, no negated = False
    assert at["modality"]["acc"] == at["negation"]["acc"] == 0.0
    assert at["modality"]["by_gold_value"] == {"future": {"n": 1, "correct": 0}}
    assert summary_line({"seed": run(g, attr_pred(), "seed")}).endswith("quad_F1=1.00")


def test_attributes_compared_only_on_found_events():
    g = attr_gold(quantities=[{"kind": "killed", "value": 232}], date={"value": "2021-05-20"})
    wrong_way = event(
        ["p"], ["i"], quantities=[{"kind": "killed", "value": 232}], date="2021-05-20"
    )
    acts = [actor("i", "Israeli", ATEXT), actor("p", "Palestinians", ATEXT)]
    at = run(g, pred(acts, [wrong_way]), "seed")["attributes"]
    assert (
        at["quantities"]["n_gold"],
        at["quantities"]["n_gold_all"],
        at["quantities"]["n_pred"],
    ) == (0, 1, 0)
    assert (at["date"]["n_gold"], at["date"]["n_gold_all"], at["date"]["acc"]) == (0, 1, 0.0)


# ------------------------------------------------------------------------------------------ documents, io
def test_ids_datasets_options_and_meta():
    g1, g2, empty = (
        gold(doc_id="x"),
        gold(doc_id="x", type_="COERCE"),
        dict(gold(doc_id="e"), text=" "),
    )
    preds = [
        dict(good(), doc_id="x"),
        dict(good("COERCE"), doc_id="x__dup2"),
        dict(good(), doc_id="zz"),
    ]
    res = score([g1, g2, empty, gold(doc_id="o", dataset="other")], preds)
    assert list(res) == ["plover_gsr", "other", "meta"]
    assert res["plover_gsr"]["docs"] == 2 and res["plover_gsr"]["typed_exact"]["F1"] == 1.0
    assert res["meta"] == {
        "skipped_gold_docs": {"plover_gsr: empty text": 1},
        "pred_docs_not_in_gold": 1,
    }
    assert " | other actor_F1=0.00 " in summary_line(res)
    assert list(score([g1, g2], preds, datasets=["other"])) == ["meta"]
    neg = good(negated=True)
    assert run(g1, dict(neg, doc_id="x"))["untyped"]["F1"] == 1.0
    assert run(g1, dict(neg, doc_id="x"), drop_negated=True)["untyped"]["F1"] == 0.0
    p = pred([actor("a", "Israel")], [event(["a"], ["nobody"])])
    assert run(gold(), p)["warnings"] == {"unknown_actor_id": 1}
    with pytest.raises(InputError, match="reserved"):
        score([gold(dataset="meta")], [])


def test_report_lists_every_metric():
    g = attr_gold(
        quantities=[{"kind": "killed", "value": 232}],
        date={"value": "2021-05-20"},
        modality="future",
        negated=False,
    )
    text = report(score([g, dict(gold(doc_id="e"), text="")], [attr_pred()]), by_type=True)
    for label in (
        "== seed: 1 docs",
        "actors span-overlap",
        "actors normalized-string",
        "events untyped ",
        "P_restricted=",
        "events untyped-undirected",
        "events typed exact",
        "events typed quad",
        "attrs quantities",
        "attrs date",
        "attrs modality",
        "attrs negation",
        "ASSAULT",
        "skipped gold docs",
    ):
        assert label in text, label
    assert "attrs" not in report(score([gold()], [good()]))


def test_load_jsonl(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"a": 1}\n\n{"b": "\u2028"}\n', encoding="utf-8")
    assert load_jsonl(path) == [{"a": 1}, {"b": "\u2028"}]
    path.write_text('{"a": 1}\n{"b": \n')
    with pytest.raises(InputError, match=r"p\.jsonl:2: not valid JSON"):
        load_jsonl(path)
    path.write_text("[" * 100_000 + "\n")  # deeper than Python's parser goes
    with pytest.raises(InputError, match=r"p\.jsonl:1: not valid JSON \(nested too deeply\)"):
        load_jsonl(path)
    path.write_text("[1]\n")
    with pytest.raises(InputError, match=r"p\.jsonl:1: expected a JSON object"):
        load_jsonl(path)
    with pytest.raises(InputError, match="cannot read"):
        load_jsonl(tmp_path / "missing.jsonl")


# ------------------------------------------------------------------------------------------ gold files
def oracle(rec: dict[str, Any], doc_id: str) -> dict[str, Any]:
    """A prediction that restates a gold record (actors, events and their attributes)."""
    actors: list[dict[str, Any]] = []
    index: dict[tuple, str] = {}

    def aid(a: dict[str, Any]) -> str:
        key = (a.get("start"), a.get("end"), a.get("text"))
        if key not in index:
            index[key] = f"a{len(actors)}"
            mention = {k: a.get(k) for k in ("text", "start", "end")}
            actors.append({"id": index[key], "name": a.get("text") or "", "mentions": [mention]})
        return index[key]

    for a in rec.get("actors", []):
        aid(a)
    events = [
        {
            "id": f"e{i}",
            "type": e.get("type_plover2021") or e.get("type") or "OTHER",
            "source": [aid(a) for a in e.get("source") or []],
            "target": [aid(a) for a in e.get("target") or []],
            **copy.deepcopy(
                {k: e[k] for k in ("quantities", "date", "modality", "negated") if k in e}
            ),
        }
        for i, e in enumerate(rec.get("events", []))
    ]
    return {"doc_id": doc_id, "actors": actors, "events": events}


def gold_file(name: str) -> list[dict[str, Any]]:
    return load_jsonl(GOLD / name)


def test_gold_files_oracle_scores_one():
    seed, gsr = gold_file("seed.jsonl"), gold_file("plover_gsr.jsonl")
    ids = [r["id"] for r in gsr]
    assert len(gsr) == 322 and len(set(ids)) == 322 and "PLOVER-GSR01-COERCE-0004__dup2" in ids
    res = score(seed + gsr, [oracle(r, r["id"]) for r in seed + gsr])
    for ds in ("seed", "plover_gsr"):
        assert res[ds]["untyped"]["F1"] == res[ds]["typed_exact"]["F1"] == 1.0
    assert (
        res["seed"]["attributes"]["quantities"]["R"]
        == res["seed"]["attributes"]["modality"]["acc"]
        == 1.0
    )
    assert summary_line(res).startswith(
        "seed actor_F1=1.00 untyped_F1=1.00 untyped_Pr=1.00 typed_F1=1.00 "
    )


# ------------------------------------------------------------------------------------------ equivalence
def damaged(recs: list[dict[str, Any]], seed: int, rate: float) -> list[dict[str, Any]]:
    """Oracle predictions randomly damaged: actors dropped/renamed/moved, events dropped, reversed,
    retyped, negated, attributes changed, noise events and documents added, documents left out."""
    rng = random.Random(seed)
    out, seen = [], Counter()
    for rec in recs:
        seen[rec["id"]] += 1
        uid = rec["id"] if seen[rec["id"]] == 1 else f"{rec['id']}__dup{seen[rec['id']]}"
        if rng.random() < rate / 4:
            continue
        p = oracle(rec, uid)
        n = len(rec.get("text") or "x")
        for a in p["actors"]:
            m, r = a["mentions"][0], rng.random() / (rate or 1)
            if r < 0.2:
                a["mentions"] = []
            elif r < 0.4:
                m["start"] = m["end"] = None
            elif r < 0.6 and isinstance(m["start"], int):
                m["start"], m["end"] = (
                    m["start"] + rng.randint(-8, 8),
                    m["end"] + rng.randint(-8, 3),
                )
            elif r < 0.8:
                a["name"] = rng.choice(
                    ["the {}", "President {}", "they", "{}'s", "", "{} ..."]
                ).format(a["name"])
        if p["actors"] and rng.random() < rate:
            p["actors"].pop(rng.randrange(len(p["actors"])))
        for k in range(rng.randint(0, 3)):
            s = rng.randrange(n)
            p["actors"].append(
                {"id": f"x{k}", "name": "noise", "mentions": [{"start": s, "end": s + 6}]}
            )
        if p["actors"] and rng.random() < rate:
            p["actors"].append(
                dict(p["actors"][0], mentions=[{"text": "Gaza", "start": 0, "end": 4}])
            )
        ids = [a["id"] for a in p["actors"]]
        for e in p["events"]:
            if rng.random() < rate:
                e["source"], e["target"] = e["target"], e["source"]
            if rng.random() < rate:
                e["type"] = rng.choice([*PLOVER_TYPES, "OTHER", "fight", "Demand", None, "", "XYZ"])
            if rng.random() < rate and len(e["source"]) >= 2 and not e["target"]:
                e["source"], e["target"] = e["source"][:1], e["source"][1:]
            if rng.random() < rate / 2:
                e["negated"] = True
            if rng.random() < rate:
                e["modality"] = rng.choice(["future", "Asserted", None, "hypothetical", "reported"])
            for q in e.get("quantities") or []:
                q["kind"] = rng.choice(
                    [q["kind"], "deaths", "Dead", "injuries", "rocket", "wounded"]
                )
                q["value"] = rng.choice([q["value"], f"{q['value']:,}", q["value"] + 1, "many"])
            if rng.random() < rate:
                v = (e.get("date") or {}).get("value") or "2021-05-20"
                e["date"] = rng.choice(
                    [None, v[:7], v[:4], v + "T10:00", {"value": v[:8]}, "1999-01-01"]
                )
        p["events"] = [e for e in p["events"] if rng.random() > rate / 2]
        for _ in range(rng.randint(0, 2)):
            p["events"].append(
                event(
                    rng.sample(ids, min(len(ids), rng.randint(0, 2))),
                    rng.sample(ids, min(len(ids), rng.randint(0, 1))),
                    rng.choice(PLOVER_TYPES),
                    negated=rng.random() < 0.2,
                )
            )
        out.append(p)
        if rng.random() < rate / 4:
            out.append(dict(p, doc_id=f"extra-{uid}"))
    return out


def seed_variant() -> list[dict[str, Any]]:
    """The seed gold with dates, negation, modality, a don't-care event, missing offsets and a repeated id."""
    rec = copy.deepcopy(gold_file("seed.jsonl")[0])
    for i, e in enumerate(rec["events"]):
        e["date"] = {"value": ["2021-05-20", "2021-05", "2021", "2021-05-21"][i % 4]}
        e["negated"] = i % 3 == 0
        e["modality"] = ["asserted", "future", "reported"][i % 3]
        if i % 5 == 4:
            e["type"] = e["type_plover2021"] = None
    rec["events"][1]["source"][0].update(start=None, end=None)
    rec["actors"][0].update(start=None, end=None)
    return [
        rec,
        dict(copy.deepcopy(rec), dataset="seed_v2"),
        dict(copy.deepcopy(rec), dataset="seed_v2"),
    ]


@pytest.mark.parametrize("case", ["seed", "plover_gsr", "seed_variant", "both"])
def test_equivalence_with_independent_scorer(case, tmp_path):
    if not SCORER.exists():
        pytest.skip(f"independent scorer not present at {SCORER}")
    recs = {
        "seed": lambda: gold_file("seed.jsonl"),
        "plover_gsr": lambda: gold_file("plover_gsr.jsonl"),
        "seed_variant": seed_variant,
        "both": lambda: gold_file("seed.jsonl") + gold_file("plover_gsr.jsonl"),
    }[case]()
    gpath = tmp_path / "gold.jsonl"
    gpath.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    runs = [(s, rate, []) for s, rate in enumerate((0.0, 0.1, 0.3, 0.6, 1.0))]
    runs += [(7, 0.4, ["--drop-negated"]), (8, 0.4, ["--dataset", recs[-1]["dataset"]])]
    for s, rate, opts in runs:
        preds = (
            [{"doc_id": r["id"], "actors": [], "events": []} for r in recs]
            if rate == 1.0
            else damaged(recs, s, rate)
        )
        ppath, jpath = tmp_path / f"pred{s}.jsonl", tmp_path / f"out{s}.json"
        ppath.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
        out = subprocess.run(
            [sys.executable, str(SCORER), str(gpath), str(ppath), "--json-out", str(jpath), *opts],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        mine = score(
            load_jsonl(gpath),
            load_jsonl(ppath),
            drop_negated="--drop-negated" in opts,
            datasets=opts[1:] or None,
        )
        assert summary_line(mine) == out.strip().splitlines()[-1], (case, s, rate)
        theirs = json.loads(jpath.read_text())
        assert json.loads(json.dumps(mine)) == {**theirs["results"], "meta": theirs["meta"]}, (
            case,
            s,
        )
