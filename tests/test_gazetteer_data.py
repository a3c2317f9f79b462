"""Checks on the shipped gazetteer data file (kgraph/data/gazetteer.jsonl).

Loads the file with the standard ``json`` module only, so these tests guard the
data itself, independently of the code that consumes it.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

GAZETTEER = Path(__file__).resolve().parents[1] / "kgraph" / "data" / "gazetteer.jsonl"

TYPES = {"country", "government", "military", "armed_group", "organisation", "population", "place",
         "person"}  # fmt: skip
SECTORS = set("GOV MIL COP REB IGO NGO CVL MED BUS OPP JUD LEG SPY".split())
KEYS = {
    "id": str,
    "name": str,
    "type": str,
    "country": (str, type(None)),
    "sector": (str, type(None)),
    "wikidata": (str, type(None)),
    "aliases": list,
    "demonyms": list,
    "people": list,
}
ISO3 = re.compile(r"^[A-Z]{3}$")
QID = re.compile(r"^Q[1-9][0-9]*$")
ID = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")

# ISO 3166-1 alpha-3 codes of the 193 UN member states.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA
BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE
DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM
GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT
KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO
MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL
POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF
SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR
USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()
EXTRA_COUNTRIES = {"PSE", "XKX", "TWN", "VAT", "ESH", "SUN", "YUG"}


def _load() -> list[dict]:
    raw = GAZETTEER.read_bytes().decode("utf-8")  # strict: the file must be valid UTF-8
    return [json.loads(line) for line in raw.splitlines()]


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    return _load()


@pytest.fixture(scope="module")
def by_id(entries: list[dict]) -> dict[str, dict]:
    return {e["id"]: e for e in entries}


def _surface_forms(e: dict) -> list[str]:
    return [e["name"], *e["aliases"], *e["demonyms"], *e["people"]]


def test_every_line_parses_to_an_object() -> None:
    lines = GAZETTEER.read_text(encoding="utf-8").splitlines()
    assert lines, "gazetteer is empty"
    for n, line in enumerate(lines, 1):
        assert line.strip(), f"blank line {n}"
        obj = json.loads(line)
        assert isinstance(obj, dict), f"line {n} is not a JSON object"


def test_required_keys_and_types(entries: list[dict]) -> None:
    for e in entries:
        assert set(e) == set(KEYS), (e.get("id"), sorted(set(e) ^ set(KEYS)))
        for key, typ in KEYS.items():
            assert isinstance(e[key], typ), (e["id"], key, e[key])
        for key in ("aliases", "demonyms", "people"):
            assert all(isinstance(s, str) for s in e[key]), (e["id"], key)
            assert len(e[key]) == len(set(e[key])), (e["id"], key, "repeated string")
        for s in _surface_forms(e):
            assert s and s == s.strip(), (e["id"], repr(s))
        assert e["name"] not in e["aliases"], e["id"]


def test_ids_unique_well_formed_and_sorted(entries: list[dict]) -> None:
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert ids == sorted(ids), "file must be sorted by id"
    for i in ids:
        assert ID.match(i), i


def test_type_and_sector_in_allowed_sets(entries: list[dict]) -> None:
    for e in entries:
        assert e["type"] in TYPES, (e["id"], e["type"])
        assert e["sector"] is None or e["sector"] in SECTORS, (e["id"], e["sector"])
        if e["type"] != "place":
            assert e["sector"] is not None, e["id"]


def test_iso_codes(entries: list[dict], by_id: dict[str, dict]) -> None:
    for e in entries:
        if e["country"] is not None:
            assert ISO3.match(e["country"]), (e["id"], e["country"])
            owner = by_id.get(e["country"])
            assert owner is not None and owner["type"] == "country", (e["id"], e["country"])
        if e["type"] == "country":
            assert ISO3.match(e["id"]), e["id"]
            assert e["country"] == e["id"], e["id"]
            assert e["sector"] == "GOV", e["id"]
        if e["sector"] == "IGO" and e["type"] == "organisation":
            assert e["country"] is None, e["id"]


def test_wikidata_ids_well_formed_and_unique(entries: list[dict]) -> None:
    qids = [e["wikidata"] for e in entries if e["wikidata"] is not None]
    for q in qids:
        assert QID.match(q), q
    assert len(qids) == len(set(qids)), "one Wikidata id on two entries"


def test_no_surface_form_maps_to_two_ids(entries: list[dict]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        for s in _surface_forms(e):
            owners[s].add(e["id"])
    clashes = {s: sorted(ids) for s, ids in owners.items() if len(ids) > 1}
    assert not clashes, clashes


def test_demonyms_and_people_only_on_countries(entries: list[dict]) -> None:
    for e in entries:
        if e["type"] != "country":
            assert e["demonyms"] == [] and e["people"] == [], e["id"]
        # an invariant form ("Swiss", "Chinese") is kept as a demonym only, so that a
        # word never reads as both an adjective and a people noun
        assert not set(e["demonyms"]) & set(e["people"]), e["id"]


def test_country_coverage(entries: list[dict], by_id: dict[str, dict]) -> None:
    countries = {e["id"] for e in entries if e["type"] == "country"}
    assert len(countries) >= 193
    assert len(UN_MEMBERS) == 193 == len(set(UN_MEMBERS))
    assert set(UN_MEMBERS) <= countries, sorted(set(UN_MEMBERS) - countries)
    assert EXTRA_COUNTRIES <= countries, sorted(EXTRA_COUNTRIES - countries)
    missing_words = [c for c in countries if not by_id[c]["demonyms"] and not by_id[c]["people"]]
    # Dominica shares "Dominican(s)" with the Dominican Republic; the Vatican has no
    # demonym of its own in news use.
    assert sorted(missing_words) == ["COG", "DMA", "VAT"], sorted(missing_words)


def test_forbidden_ambiguous_aliases(entries: list[dict]) -> None:
    forms = {s for e in entries for s in e["aliases"]}
    for bad in ("IS", "PA", "EC", "Korea", "Korean", "Senate", "Wagner"):
        assert bad not in forms, bad
    # bare "Congo" is the DRC (AP and Reuters style); the other Congo is "Republic of Congo"
    assert _owner(entries, "Congo")["id"] == "COD"
    assert _owner(entries, "Republic of Congo")["id"] == "COG"


def _owner(entries: list[dict], surface: str) -> dict:
    found = [e for e in entries if surface in _surface_forms(e)]
    assert len(found) == 1, (surface, [e["id"] for e in found])
    return found[0]


def test_spot_checks(entries: list[dict], by_id: dict[str, dict]) -> None:
    isr = by_id["ISR"]
    assert isr["name"] == "Israel"
    assert "Israeli" in isr["demonyms"] and "Israelis" in isr["people"]
    assert isr["wikidata"] == "Q801"

    assert "Islamic Resistance Movement" in by_id["HAMAS"]["aliases"]
    assert by_id["HAMAS"]["type"] == "armed_group" and by_id["HAMAS"]["sector"] == "REB"

    idf = _owner(entries, "IDF")
    assert idf["name"] == "Israel Defense Forces"
    assert (idf["type"], idf["country"], idf["sector"]) == ("military", "ISR", "MIL")

    state = _owner(entries, "State Department")
    assert (state["type"], state["country"]) == ("government", "USA")

    assert _owner(entries, "Palestinians")["id"] == "PSE"
    assert "Palestinians" in by_id["PSE"]["people"]

    assert _owner(entries, "U.S.")["id"] == "USA"
    assert "U.S." not in by_id["USA"]["demonyms"]
    assert _owner(entries, "Britain")["id"] == "GBR"
    assert _owner(entries, "Burma")["id"] == "MMR"
    assert _owner(entries, "Ivory Coast")["id"] == "CIV"
    assert _owner(entries, "DRC")["id"] == "COD"
    assert _owner(entries, "Congo-Brazzaville")["id"] == "COG"
    assert _owner(entries, "Guinea")["id"] == "GIN"
    assert _owner(entries, "Soviet")["id"] == "SUN"
    assert _owner(entries, "Hizballah")["id"] == "HEZBOLLAH"
    assert _owner(entries, "Daesh")["id"] == "ISIS"
    assert _owner(entries, "Pentagon")["id"] == "USA-DOD"
    assert _owner(entries, "Kurdish")["type"] == "population"
    assert by_id["UN"]["wikidata"] == "Q1065" and by_id["NATO"]["wikidata"] == "Q7184"
    assert by_id["USA"]["wikidata"] == "Q30" and by_id["EGY"]["wikidata"] == "Q79"
