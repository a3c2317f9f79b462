"""Stage 2: find the actors of a parsed document and resolve their mentions.

One actor per real-world entity in the document, whatever the mention: full
name, surname, title + surname, role nouns ("the top US diplomat"),
appositions, acronyms, demonyms ("Israeli strikes" -> Israel) and, on demand,
conservative pronouns.  Every mention records the rule that linked it (``how``).
The entity type is decided per actor: the gazetteer wins, then a vote of the
statistical NER labels, a person's full name outranking stray single labels.

The stage needs a parsed spaCy ``Doc`` (tagger, parser, NER); the rules are
tested on hand-built Docs in ``tests/test_actors.py``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .lexicons import Lexicons, RoleEntry
from .nlp import token_indices
from .quantities import TAKEN_AS
from .records import Actor, Mention

__all__ = ["ActorIndex", "actor_id", "find_actors"]

#: NER labels that name actors (NORP = nationalities and groups) or places.
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
#: Words that open a title and are not part of a person's name.
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "foreign", "defense", "defence",
    "interior", "general", "gen", "gen.", "lt", "col", "colonel", "major", "brig", "admiral",
    "king", "queen", "crown", "prince", "sheikh", "emir", "sultan", "chancellor", "premier", "senator",
    "sen", "sen.", "rep", "rep.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
    "ambassador", "envoy", "spokesman", "spokeswoman", "governor", "mayor", "judge", "pope",
    "ayatollah", "commander", "chief", "state", "of", "former", "acting", "deputy", "top",
}  # fmt: skip
#: Modifiers that change the sector of a role noun ("police officer", "rebel leader").
ROLE_MODIFIERS = {
    "police": ("COP", "government", "police"),
    "crew": ("CVL", "population", "crew"),
    "medical": ("HLH", "population", "medics"),
    "family": ("CVL", "population", "relatives"),
    "media": ("MED", "organisation", "outlet"),
    "press": ("MED", "organisation", "outlet"),
    "security": ("MIL", "military", "military"),
    "army": ("MIL", "military", "military"),
    "military": ("MIL", "military", "military"),
    "rebel": ("REB", "armed_group", "rebels"),
    "militant": ("REB", "armed_group", "rebels"),
    "insurgent": ("REB", "armed_group", "rebels"),
    "opposition": ("OPP", "group", "opposition"),
    "party": ("PTY", "organisation", "party"),
    "resistance": ("REB", "armed_group", "rebels"),
    "guerrilla": ("REB", "armed_group", "rebels"),
    "separatist": ("REB", "armed_group", "rebels"),
    "jihadist": ("REB", "armed_group", "rebels"),
    "gang": ("CRM", "armed_group", "gangs"),
    "armed": ("REB", "armed_group", "rebels"),  # "armed groups", not "armed forces"
    "paramilitary": ("REB", "armed_group", "rebels"),
    "aid": ("NGO", "population", "aid workers"),
    "humanitarian": ("NGO", "population", "aid workers"),
}
#: Titles that make a person a diplomat ("the top US diplomat" = the Secretary of State).
DIPLOMAT_TITLES = re.compile(
    r"secretary of state|foreign (minister|secretary)|diplomat|envoy|ambassador", re.I
)
#: Names of non-state armed groups the gazetteer does not list (states' armies are in it).
ARMED_NAMES = re.compile(r"\b(Army|Front|Brigades?|Militias?|Battalions?)\b")
#: Names of government bodies the gazetteer does not list ("Ethiopia's Foreign Ministry").
GOV_NAMES = re.compile(r"\b(Ministry|Ministries|Department|Cabinet|Presidency|Parliament)\b")
#: Words that make an army a rebel one ("Myanmar National Democratic Alliance Army").
REBEL_WORDS = re.compile(
    r"\b(Liberation|Alliance|Front|Movement|Revolutionary|Resistance|Mujahideen|Jihad|Brigades?|"
    r"Militias?|Islamic State|Salvation)\b"
)
#: The sector an actor's kind implies when nothing more precise is known.
KIND_SECTORS = {"military": "MIL", "armed_group": "REB", "government": "GOV"}
#: Names of a state's forces, when the name holds its country ("Kenya Defence Forces").
STATE_FORCES = re.compile(r"\b(Army|Armed Forces|Defen[cs]e Forces?|Navy|Air Force|Military)\b")
#: Administrative units the NER tags as organisations ("Rakhine state").
PLACE_NAMES = re.compile(r"\b(state|province|region|district|county|governorate|oblast)$")
#: Words of organisations' names: after "in", such a name is no place ("officials in the
#: Pentagon" aside, "a split in the Democratic Party").
ORG_WORDS = re.compile(
    r"\b(Party|Council|Committee|Commission|Ministry|Department|Agency|Office|Service|Bank|"
    r"Court|Union|Front|Movement|Army|Forces?|Group|Organi[sz]ation|Association|Federation|"
    r"Alliance|League|Corporation|Company|Institute|Mission|Assembly|Parliament|Congress|"
    r"Senate|Cabinet|Government|Authority|Police|Guard|Brigades?|Navy)\b"
)
#: Predicate nouns of hostage-taking ("took 200 soldiers prisoner"): what quantities.py
#: counts them as.
HOSTAGE_WORDS = frozenset(TAKEN_AS)
#: Countries whose names put the family name first ("Wang Yi" is "Wang").
SURNAME_FIRST = {"CHN", "TWN", "HKG"}
#: Words that make "group" an actor by its kind ("rights groups", "armed groups").
GROUP_KINDS = {"rights", "right", "rival", "aid", "advocacy", "humanitarian", "armed", "militant", "rebel",
               "jihadist", "opposition", "activist", "monitoring", "watchdog", "terrorist",
               "extremist", "separatist", "islamist", "paramilitary", "relief"}  # fmt: skip
#: Role nouns that name an actor only when qualified ("the ruling party", "the opposition
#: coalition", "the electoral commission"); bare, they are generic ("all parties to the
#: conflict") or refer back ("the council", see ANAPHORIC_NOUNS).
QUALIFIED_ROLES = {"party", "coalition", "council", "commission"}
#: Role families whose members differ by their words ("the ruling party", "the Kifaya group").
NAMED_FAMILIES = {
    "states",
    "allies",
    "named-group",
    "party",
    "outlet",
    "commission",
    "council",
    "coalition",
}
#: Role families of a head of state or government ("the Russian leader" = Putin).
HEAD_FAMILIES = {"president", "premier", "monarch"}
#: Role families whose described members are distinct actors ("unidentified gunmen",
#: "jihadist groups"), and the determiners that point back to one of them.
DESCRIBED_FAMILIES = {"rebels", "gangs", "protesters", "civilians", "refugees", "prisoners",
                      "ministry"}  # fmt: skip
_BACK = {"the", "these", "those"}
#: Plural nouns that, after "both" or "the two", name the last two parties of these kinds.
_PARTIES = {"country", "government", "armed_group", "military", "organisation", "group"}
PAIR_NOUNS = {
    "side": _PARTIES,
    "party": _PARTIES,
    "country": {"country", "government"},
    "nation": {"country", "government"},
    "state": {"country", "government"},
    "government": {"country", "government"},
    "neighbour": {"country", "government"},
    "neighbor": {"country", "government"},
    "rival": _PARTIES,
    "army": {"military", "country"},
    "man": {"person"},  # "where the two men signed an agreement"
}
_PAIR_WORDS = frozenset(
    "sides parties countries nations states governments neighbours neighbors rivals armies "
    "men".split()
)
#: Anaphoric noun phrases for organisations and countries: "the group" -> last armed group.
ANAPHORIC_NOUNS = {
    "group": {"armed_group", "organisation"},
    "organization": {"organisation"},
    "organisation": {"organisation"},
    "movement": {"armed_group", "organisation"},
    "bloc": {"organisation"},
    "council": {"organisation", "government"},
    "commission": {"organisation", "government"},
    "alliance": {"organisation"},
    "country": {"country"},
    "nation": {"country"},
    "kingdom": {"country"},
    "command": {"military"},
    "mission": {"organisation", "military"},
    "agency": {"organisation", "government"},
}
#: Nouns of a relation to someone ("Lai's son", "the United States' allies"): the noun is not
#: its possessor or modifier, so an argument such a noun heads is not resolved through them.
RELATIONAL_NOUNS = frozenset(
    "son daughter child wife husband father mother brother sister family relative widow "
    "lawyer attorney partner ally neighbor neighbour rival enemy foe adversary critic "
    "opponent detractor supporter friend victim successor predecessor ties relations".split()
)
#: A news dateline at the start of a story: "KYIV, Ukraine (AP) —", "WASHINGTON, May 21 (Reuters) -",
#: "GAZA CITY -", "KABUL / ISLAMABAD, Nov 21 (Dawn) --". Capitals, up to three ", place or
#: date", an optional "(agency)", a dash.
DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'\-]{2,}(?: [A-Z][A-Z.'\-]*){0,3}"
    r"(?:\s*/\s*[A-Z][A-Z.'\-]{2,}(?: [A-Z][A-Z.'\-]*){0,3})*"  # "KABUL / ISLAMABAD"
    r"(?:,\s*[A-Z0-9][\w.' ]{1,30}){0,3}\s*"  # ", Nigeria, Nov 20, 2025"
    r"(?:\([^()\n]{1,40}\))?\s*[-\u2013\u2014]+\s"
)
#: A dateline without a dash, anchored on a news agency: "Raipur, May 22 (PTI) Security forces".
AGENCY_DATELINE = re.compile(
    r"\s*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}(?:,\s*[A-Z0-9][\w.' ]{1,30}){0,3}\s*"
    r"\((?:PTI|IANS|ANI|UNI|AFP|AP|Reuters|Xinhua|IRNA|KUNA|WAM|SPA|Anadolu|AA|TASS|dpa|"
    r"ANSA|Yonhap|Kyodo|Bernama|APP|Dawn|Bloomberg)\)\s*[-\u2013\u2014:]*\s*"
)
#: Last words of the names of buildings and firms a demonym can start ("Saudi Maternity
#: Hospital", "Turkish Airlines"): the demonym names no country there.
FACILITY_WORDS = {"hospital", "clinic", "university", "college", "school", "airport", "airline",
                  "airlines", "mosque", "church", "cathedral", "bank", "stadium", "hotel",
                  "museum", "market", "academy"}  # fmt: skip
#: Last words of the names of treaties and laws, which are never actors.
INSTRUMENT_WORDS = {"Treaty", "Agreement", "Accord", "Accords", "Convention", "Pact", "Protocol",
                    "Act", "Charter", "Memorandum", "Deal", "Initiative", "Declaration"}  # fmt: skip
#: Nouns for places, and prepositions of place, that make an unknown name a place.
LOCALITY_NOUNS = {"town", "city", "village", "region", "province", "district", "camp", "county",
                  "capital", "port", "enclave", "suburb", "neighbourhood", "neighborhood",
                  "locality", "municipality", "island", "valley", "commune", "township",
                  "department", "governorate", "oblast", "prefecture", "state", "crossing",
                  "forest", "area", "zone"}  # fmt: skip
LOCATIVE_PREPS = {"near", "outside", "around", "across", "inside", "towards", "toward",
                  "through"}  # fmt: skip
#: Signs after a country code that make it a currency ("US $50 million").
CURRENCY_SIGNS = {"$", "€", "£", "¥", "dollars", "dollar"}
#: Nouns that introduce an organisation's name ("the rights group Foro Penal").
ORG_DESCRIPTORS = {
    "group", "organization", "organisation", "agency", "watchdog", "movement", "party",
    "network", "coalition", "alliance", "newspaper", "broadcaster", "company", "firm", "union",
    "ngo", "charity", "militia", "outlet", "institute", "foundation", "council",
}  # fmt: skip
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
GROUP_PRONOUNS = {"it", "its", "they", "them", "their"}
RELATIVE_PRONOUNS = {"who", "whom", "whose", "which", "that"}
_DETS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}


def conjuncts(tok) -> list:
    """A token and the tokens conjoined with it ("Israel and Hamas"), depth first, in text
    order, without recursion: a list of thousands of conjuncts is a chain thousands deep."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(reversed([c for c in t.children if c.dep_ == "conj"]))
    return out


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "actor"


def actor_id(key: str, name: str) -> str:
    """A stable, safe actor id: a slug of the name plus a hash of the identity key.

    >>> actor_id("gaz:ISR", "Israel")
    'israel-e87f16'
    """
    return f"{_slug(name)}-{hashlib.sha1(key.encode()).hexdigest()[:6]}"


@dataclass
class _Cluster:
    """A working actor while a document is being resolved."""

    key: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    title: str | None = None
    families: set[str] = field(default_factory=set)
    labels: Counter = field(default_factory=Counter)
    mentions: dict[tuple[int, int], Mention] = field(default_factory=dict)
    gazetteer: bool = False
    place_named: bool = False  # a mention reads as a place ("Rakhine state"), see _vote_type


@dataclass
class ActorIndex:
    """The actors of one document and the token -> actor maps the event rules use."""

    doc: object
    lex: Lexicons
    clusters: dict[str, _Cluster] = field(default_factory=dict)
    head: dict[int, list[str]] = field(default_factory=dict)  # head token -> actor keys
    token: dict[int, str] = field(default_factory=dict)  # any token in a mention -> key
    order: list[tuple[int, str]] = field(default_factory=list)  # (token index, key) by position
    absorbed: set[int] = field(default_factory=set)  # tokens of a person's title
    demonyms: set[int] = field(default_factory=set)  # tokens of nationality words
    dateline: frozenset[int] = frozenset()  # its tokens, and a live blog's time stamps

    # ------------------------------------------------------------------ building
    def add(self, key: str, start: int, end: int, how: str, *, head: int | None = None,
            label: str | None = None, **attrs) -> str:  # fmt: skip
        """Register a mention of tokens [start, end) for the actor ``key``."""
        doc = self.doc
        cl = self.clusters.get(key)
        if cl is None:
            cl = self.clusters[key] = _Cluster(key=key, **attrs)
        else:
            for k in ("country", "sector", "wikidata", "title"):
                if attrs.get(k) and not getattr(cl, k):
                    setattr(cl, k, attrs[k])
        if label:
            cl.labels[label] += end - start
        span = doc[start:end]
        sent_i = _sent_index(doc, start)
        m = Mention(span.text, span.start_char, span.end_char, sent_i, how)
        cl.mentions.setdefault((m.start, m.end), m)
        if PLACE_NAMES.search(m.text):  # noted once here, not re-read on every type vote
            cl.place_named = True
        h = span.root.i if head is None else head
        self.head.setdefault(h, [])
        if key not in self.head[h]:
            self.head[h].append(key)
        for i in range(start, end):
            self.token.setdefault(i, key)
        self.order.append((start, key))
        return key

    # ------------------------------------------------------------------ lookups
    def actors_of(self, tok, *, depth: int = 2) -> list[str]:
        """Actor keys an argument token stands for (its NP, then its modifiers)."""
        i = tok.i
        relational = tok.lemma_.lower() in RELATIONAL_NOUNS and tok.pos_ == "NOUN"
        if relational and depth > 0:
            # "Lai's son Sebastien", "its allies: Japan and Australia": only what names them
            keys: list[str] = []
            for c in tok.children:
                if c.dep_ == "appos":
                    for g in (c, *(x for x in c.subtree if x.dep_ == "conj")):
                        keys += [k for k in self.actors_of(g, depth=0) if k not in keys]
            if keys or i not in self.head:
                return keys
        if i in self.head:
            return list(self.head[i])
        if i in self.token:
            return [self.token[i]]
        low = tok.lower_
        if low in RELATIVE_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "poss"):
            rel = tok.head
            if rel.dep_ == "relcl":
                return self.actors_of(rel.head, depth=depth)
        if tok.pos_ == "PRON":
            key = self.resolve_pronoun(tok)
            return [key] if key else []
        if low in ANAPHORIC_NOUNS and any(c.lower_ == "the" for c in tok.lefts):
            key = self.resolve_anaphor(tok, ANAPHORIC_NOUNS[low])
            return [key] if key else []
        if depth <= 0:
            return []
        for c in tok.children:  # "the opposition newspaper La Prensa": the name it is given
            if c.dep_ == "appos" and c.i > tok.i and (c.i in self.head or c.i in self.token):
                return self.actors_of(c, depth=0)
        # a non-actor noun: look at the actors that modify it ("Israeli strikes on Gaza"),
        # but a place before a truce or talks is where they are ("a Gaza truce")
        entry = self.lex.nouns.get(tok.lemma_.lower())
        peaceful = entry is not None and entry.type in ("AGREE", "CONSULT", "RETREAT", "SUPPORT")
        for dep in ("poss", "amod", "compound", "nmod"):
            for c in tok.children:
                if c.dep_ == dep and c.i < tok.i:
                    keys = self.actors_of(c, depth=depth - 1)
                    if peaceful and dep != "poss":
                        keys = [k for k in keys if _vote_type(self.clusters[k]) != "place"]
                    if keys:  # "the Turkish and Greek sides": every conjoined modifier
                        for g in c.children:
                            if g.dep_ == "conj":
                                keys += [
                                    k for k in self.actors_of(g, depth=depth - 1) if k not in keys
                                ]
                        return keys
        for c in tok.children:  # "a ceasefire proposed by the United States"
            trig = self.lex.verbs.get(c.lemma_)
            if trig is not None and trig.mode == "mediation":
                continue  # "a truce brokered by Qatar": Qatar's is the mediation, not the truce
            if c.dep_ == "acl" and c.tag_ == "VBN":
                for a in c.children:
                    if a.dep_ == "agent":
                        for p in a.children:
                            if p.dep_ == "pobj" and (keys := self.actors_of(p, depth=depth - 1)):
                                return keys
        # the agent first: "condemned the killing of a journalist by Israeli forces"; "for"
        # last: "a camp for Congolese refugees was attacked"
        for prep in ("by", "of", "from", "for"):
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == prep:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            keys = self.actors_of(p, depth=depth - 1)
                            if keys:  # "the foreign ministers of Russia and Turkey"
                                for g in conjuncts(p)[1:]:
                                    keys += [
                                        k
                                        for k in self.actors_of(g, depth=depth - 1)
                                        if k not in keys
                                    ]
                                return keys
        return []

    def _recent(self, before: int, window_start: int, accept) -> str | None:
        best = None  # the last (start, key) in the window that ``accept`` takes
        for item in self.order:
            if window_start <= item[0] < before and (best is None or item > best):
                if accept(self.clusters[item[1]]):
                    best = item
        return best[1] if best else None

    def resolve_pronoun(self, tok) -> str | None:
        """Conservative pronoun resolution: the last compatible actor in this or the
        previous sentence, only when exactly one such actor is in that window."""
        low = tok.lower_
        if low in PERSON_PRONOUNS:
            ok = lambda c: c.type == "person"  # noqa: E731
        elif low in GROUP_PRONOUNS:
            ok = lambda c: c.type != "person" and c.type != "place"  # noqa: E731
        else:
            return None
        keys = self._clause_antecedent(tok, ok)
        if len(keys) == 1:
            return self._link(tok, keys[0])
        sent = tok.sent
        # an object pronoun is not its own clause's subject ("Lula spoke with Maduro and
        # urged him": not Lula)
        own = set()
        if tok.dep_ in ("dobj", "dative", "pobj") and low not in ("himself", "herself", "itself"):
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            while not subj and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
                verb = verb.head  # "spoke with Maduro and urged him": the shared subject
                subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            own = {k for c in subj for k in self.actors_of(c, depth=0)}
        # one compatible actor earlier in the same sentence ("the court sentenced Dodik and
        # banned him"); else one in this and the previous sentence
        window = {k for s, k in self.order
                  if sent.start <= s < tok.i and ok(self.clusters[k]) and k not in own}  # fmt: skip
        if len(window) != 1 and sent.start > 0:
            prev = self.doc[sent.start - 1].sent
            window = {k for s, k in self.order
                      if prev.start <= s < tok.i and ok(self.clusters[k]) and k not in own}  # fmt: skip
            if len(window) > 1 and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
                window = self._subject_of(prev, window, tok, ok)
        return self._link(tok, window.pop()) if len(window) == 1 else None

    def _link(self, tok, key: str) -> str:
        self.add(key, tok.i, tok.i + 1, "pronoun", name=self.clusters[key].name, type="person")
        return key

    def _clause_antecedent(self, tok, ok) -> list[str]:
        """The antecedent the pronoun's own clause gives, whatever else is near:
        "the secretary noted that he would" (the reporting verb's subject), "the UAE, which
        it accuses" (the subject of the clause the relative hangs on, never the relative's
        own noun), "accused Manila ... and warned it" (the object of the verb before)."""
        clause = tok.head
        subj = []
        if tok.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp":
            subj = [c for c in clause.head.children if c.dep_ == "nsubj" and c.i < tok.i][:1]
        elif tok.dep_ == "nsubj" and clause.dep_ == "relcl":
            gov = governing_verb(clause.head)
            noun = set(self.actors_of(clause.head, depth=0))
            return [
                k
                for c in gov.children
                if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i
                for k in self.actors_of(c, depth=0)
                if ok(self.clusters[k]) and k not in noun
            ]
        elif tok.dep_ == "dobj" and clause.dep_ == "conj" and clause.head.i < clause.i:
            subj = [c for c in clause.head.children if c.dep_ == "dobj"]
        return [k for c in subj for k in self.actors_of(c, depth=0) if ok(self.clusters[k])]

    def _subject_of(self, prev, window: set[str], tok, ok) -> set[str]:
        """'James Swan, the envoy of the Secretary-General, said ... He urged': the subject
        of the sentence before, when every other candidate is named inside that subject."""
        subj = [c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subj) != 1:
            return window
        lo, hi = subj[0].left_edge.i, subj[0].right_edge.i
        keys = [k for k in self.actors_of(subj[0], depth=0) if ok(self.clusters[k])]
        if len(keys) != 1 or keys[0] not in window:
            return window
        others = [
            s for s, k in self.order if k in window and k != keys[0] and prev.start <= s < tok.i
        ]
        if all(lo <= s <= hi for s in others):
            return {keys[0]}
        return window

    def resolve_anaphor(self, tok, types: set[str]) -> str | None:
        """'the group' / 'the country' -> the last actor of that kind before it."""
        # "The group blamed the RSF": not an actor the same sentence names after it
        end = tok.sent.end
        later = {k for start, k in self.order if tok.i < start < end}
        # "Rights groups accused the group of ...": not the subject of its own clause
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        if tok.dep_ in ("dobj", "pobj", "dative"):
            later |= {
                k
                for c in verb.children
                if c.dep_ in ("nsubj", "nsubjpass")
                for t in c.subtree
                for k in self.head.get(t.i, ())
            }
        key = self._recent(
            tok.i,
            0,
            lambda c: (
                _vote_type(c) in types and c.key not in later and not c.key.startswith("unknown:")
            ),  # not "unidentified attackers"
        )
        if key:
            cl = self.clusters[key]
            self.add(key, tok.i - 1, tok.i + 1, "anaphor", name=cl.name, type=cl.type)
        return key

    # ------------------------------------------------------------------ output
    def actors(self) -> list[Actor]:
        """The resolved actors, in order of first mention."""
        out = []
        for cl in self.clusters.values():
            ms = tuple(sorted(cl.mentions.values(), key=lambda m: (m.start, m.end)))
            if not ms:
                continue
            aliases = tuple(sorted({m.text for m in ms if m.how not in ("pronoun",)} - {cl.name}))
            kind = _vote_type(cl)
            out.append(
                Actor(
                    id=self.id(cl.key),
                    name=cl.name,
                    type=kind,
                    country=cl.country,
                    sector=cl.sector or KIND_SECTORS.get(kind),
                    wikidata=cl.wikidata,
                    title=cl.title,
                    aliases=aliases,
                    mentions=ms,
                )
            )
        out.sort(key=lambda a: a.mentions[0].start)
        return out

    def id(self, key: str) -> str:
        cl = self.clusters[key]
        return actor_id(key, cl.name)


def _vote_type(cl: _Cluster) -> str:
    if cl.gazetteer or cl.type not in ("entity",):
        return cl.type
    label = cl.labels.most_common(1)[0][0] if cl.labels else "ORG"
    if label == "ORG" and STATE_FORCES.search(cl.name) and not REBEL_WORDS.search(cl.name):
        # "Kenya Defence Forces", "Somali National Army"; "the Arakan Army" is a rebel army
        return "military" if cl.country else "armed_group"
    if label == "ORG" and (REBEL_WORDS.search(cl.name) or ARMED_NAMES.search(cl.name)):
        return "armed_group"  # "Myanmar National Democratic Alliance Army"
    if label in ("ORG", "PERSON") and cl.place_named:
        return "place"  # "Rakhine state" tagged ORG, "the attack on Ternopil" tagged PERSON
    if label == "ORG" and GOV_NAMES.search(cl.name):
        return "government"  # "Foreign Ministry", "Defence Department"
    return {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place",
            "NORP": "population"}.get(label, "organisation")  # fmt: skip


def _sent_index(doc, i: int) -> int:
    starts = doc.user_data.get("_kg_sent_starts")
    if starts is None:
        starts = doc.user_data["_kg_sent_starts"] = [s.start for s in doc.sents]
    import bisect

    return bisect.bisect_right(starts, i) - 1


def _norm(text: str) -> str:
    text = re.sub(r"[’']s$", "", text.strip())
    words = text.split()
    while words and words[0].lower() in _DETS:
        words = words[1:]
    return " ".join(words)


# ====================================================================== the stage
def find_actors(doc, lex: Lexicons, matcher) -> ActorIndex:
    """Find and resolve the actors of a parsed ``Doc``.

    ``matcher`` is the gazetteer ``PhraseMatcher`` from :func:`kgraph.nlp.gazetteer_matcher`.
    """
    idx = ActorIndex(doc, lex)
    spans = _named_spans(doc, lex, matcher)
    # the dateline ("NAIROBI, Kenya (Reuters) -") says where the story was filed and by whom:
    # its names are not actors, and the parser runs it into the first subject
    text = doc.text  # (Doc.text joins every token's text anew on each use)
    start, end = _dateline(doc, text)
    idx.dateline = frozenset(range(start, end)) | _time_stamps(doc, text)
    spans = [sp for sp in spans if sp[0] not in idx.dateline]
    taken: set[int] = set(idx.dateline)
    for start, end, _, _ in spans:
        taken.update(range(start, end))

    spans = _relabel(doc, spans, lex)

    # full names first, so that a surname seen earlier still joins its full name
    def person(sp) -> bool:
        return sp[2] == "PERSON" or (sp[3] is not None and lex.gazetteer[sp[3][0]].type == "person")

    for start, end, label, gaz in sorted(spans, key=lambda sp: not person(sp) or sp[1] - sp[0] < 2):
        _add_named(idx, doc, start, end, label, gaz)
    idx.order.sort()
    _add_surnames(idx, doc, taken)
    _add_localities(idx, doc)
    _add_roles(idx, doc, lex, taken)
    _add_pairs(idx, doc)
    _merge_forces(idx)
    _add_appositions(idx, doc)
    _merge_acronyms(idx)
    return idx


#: Titles that make the name after them a person's ("President Gustavo Petro" tagged ORG).
PERSON_TITLES = {"president", "minister", "premier", "chancellor", "governor", "mayor", "senator",
                 "ambassador", "envoy", "spokesman", "spokeswoman", "commander", "colonel",
                 "gen.", "judge", "king", "queen", "prince", "sheikh", "emir", "sultan",
                 "ayatollah", "pope", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."}  # fmt: skip


def _says_he(tok) -> bool:
    """``tok`` is the subject of a verb of saying whose clause is about "he" or "she"."""
    v = tok.head
    if tok.dep_ != "nsubj" or v.lemma_ not in ("say", "tell", "claim", "insist", "deny"):
        return False
    return any(
        g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("he", "she")
        for c in v.children
        if c.dep_ == "ccomp"
        for g in c.children
    )


def _relabel(doc, spans: list, lex: Lexicons | None = None) -> list:
    """One reading per name in a document: a name after a person's title is a person's,
    and a name the NER tags both as a person and as a place takes the label it gets most
    ("the city of Ternopil", "the attack on Ternopil" tagged PERSON once)."""
    voting = ("PERSON", "GPE", "LOC")
    texts = [doc[s:e].text if gaz is None and lab in voting else "" for s, e, lab, gaz in spans]
    votes: dict[str, Counter] = {}
    for (s, e, label, _), text in zip(spans, texts, strict=True):
        if text:
            # "near Goma", "the town of Goma" count as a place's ("seized Goma" is PERSON)
            if label == "PERSON" and _locative(doc[s:e].root, strict=True):
                label = "GPE"
            votes.setdefault(text, Counter())[label] += 1
    out = []
    for (s, e, label, gaz), text in zip(spans, texts, strict=True):
        if gaz is None and label in ("GPE", "ORG") and e - s <= 2 and _says_he(doc[s:e].root):
            out.append((s, e, "PERSON", gaz))  # "Zambada has said he was kidnapped"
            continue
        if gaz is None and label in ("GPE", "ORG", "NORP") and s:
            before = doc[s - 1]
            if (
                (
                    (before.lower_ in PERSON_TITLES and before.text[:1].isupper())
                    or (lex is not None and _person_role(lex, before) and e - s >= 2)
                )  # "President Gustavo Petro", "government spokeswoman Yolande Makolo"
                and all(t.pos_ == "PROPN" for t in doc[s:e])
            ):
                out.append((s, e, "PERSON", gaz))
                continue
        if text and len(votes[text]) > 1:
            count = votes[text]
            best, n = count.most_common(1)[0]
            place = max(("GPE", "LOC"), key=lambda x: count[x])
            if n > count[label]:
                label = best
            elif label == "PERSON" and count[place] == n:
                label = place  # a tie between a person and a place ("seized Goma", "near Goma")
        out.append((s, e, label, gaz))
    return out


_LOCALITY_FORMS = frozenset(LOCALITY_NOUNS | {w + "s" for w in LOCALITY_NOUNS})


def _add_localities(idx: ActorIndex, doc) -> None:
    """Places the NER missed, named with their kind: "Kwaramari village", "Gurbuz district"
    (a proper noun before a locality noun), so that "stormed Kwaramari village near the
    town of Bama" is an attack on the village, not on Bama."""
    for i in token_indices(doc, words=_LOCALITY_FORMS):
        tok = doc[i]
        if tok.pos_ != "NOUN" or i in idx.token:
            continue
        names = [
            c
            for c in tok.lefts
            if c.dep_ in ("compound", "amod", "nmod")
            and c.text[:1].isupper()
            and c.i > c.sent.start  # not a capital that starts the sentence
            and c.text not in idx.lex.surface  # "an Israeli village": a demonym
        ]
        if len(names) != 1 or names[0].i in idx.token or names[0].i in idx.dateline:
            continue
        start = names[0].left_edge.i
        if any(not doc[j].text[:1].isupper() or j in idx.token for j in range(start, tok.i)):
            continue
        name = doc[start : tok.i + 1].text
        idx.add(f"ent:{name.lower()}", start, tok.i + 1, "locality", label="GPE", name=name,
                type="entity")  # fmt: skip


def _add_appositions(idx: ActorIndex, doc) -> None:
    """'Kenzo Oshima, the United Nations Emergency Relief Coordinator': the apposition
    is another mention of the person (or organisation) it describes."""
    for h, keys in list(idx.head.items()):
        cl = idx.clusters[keys[0]]
        if cl.type not in ("person", "entity", "organisation", "armed_group"):
            continue
        for c in doc[h].children:
            if (
                c.dep_ == "appos"
                and cl.type == "person"
                and (cl.country is None or cl.sector is None)
            ):
                _describe(idx, cl, c)  # "Massad Boulos, the senior U.S. adviser for Africa"
            if c.dep_ != "appos" or c.i in idx.token or c.pos_ not in ("NOUN", "PROPN"):
                continue
            s, e = c.left_edge.i, c.right_edge.i + 1
            if e - s <= 8 and not any(i in idx.token for i in range(s, e)):
                idx.add(cl.key, s, e, "apposition", head=c.i, name=cl.name, type=cl.type)


def _describe(idx: ActorIndex, cl: _Cluster, noun) -> None:
    """A person's country and sector from the role noun that describes them: the country
    a demonym or name before the noun gives, the sector the role gives."""
    role = idx.lex.roles.get(noun.lemma_.lower())
    if role is None or not role.person:
        return
    owners = [t for t in noun.lefts if t.dep_ in ("compound", "amod", "poss", "nmod")]
    owners += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    for t in owners:
        # "the Houthis' military spokesman": the group's; "the senior U.S. adviser": the state's
        org = [idx.clusters[k] for k in idx.actors_of(t, depth=0)
               if idx.clusters[k].type not in ("person", "place", "population")]  # fmt: skip
        if len(org) == 1 and org[0].sector:
            cl.country = cl.country or org[0].country
            cl.sector = cl.sector or (role.sector if org[0].type == "country" else org[0].sector)
            return


def _named_group(cl: _Cluster, strict: bool = False) -> bool:
    """A named armed group ("al-Shabaab", "the BLA"), not a role ("militants"); unless
    ``strict``, also a named organisation of no known sector, which may be one."""
    if cl.key.startswith(("role", "unknown")):
        return False
    kind = _vote_type(cl)
    if strict:
        return kind == "armed_group" and cl.sector == "REB"
    return kind == "armed_group" or (kind == "organisation" and cl.sector is None)


def _person_role(lex: Lexicons, tok) -> bool:
    role = lex.roles.get(tok.lemma_.lower())
    return role is not None and role.person and tok.pos_ == "NOUN"


#: A live blog's time stamp at the start of a line: "09:05 GMT - ", "14.30 local time: ".
TIME_STAMP = re.compile(
    r"(?m)^[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*(?:GMT|UTC|ET|local time))?[ \t]*[-\u2013\u2014:]+[ \t]*"
)


def _time_stamps(doc, text: str) -> frozenset[int]:
    """The tokens of the time stamps that start a live blog's lines."""
    out = set()
    for m in TIME_STAMP.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return frozenset(out)


def _dateline(doc, text: str) -> tuple[int, int]:
    """The tokens (start, end) of the story's dateline, at the start of the text or of the
    line after a headline; (0, 0) when there is none.

    A headline is a first line with no full stop at its end.
    """
    at = [0]
    first = text.lstrip().split("\n", 1)
    if len(first) == 2 and first[0].strip() and first[0].rstrip()[-1:] not in ".!?\"'”":
        at.append(len(text) - len(first[1].lstrip()))
    for pos in at:
        dl = DATELINE.match(text, pos, pos + 200) or AGENCY_DATELINE.match(text, pos, pos + 200)
        if dl is not None:
            start = next((t.i for t in doc if t.idx >= dl.start()), len(doc))
            end = next((t.i for t in doc if t.idx >= dl.end()), len(doc))
            return start, end
    return 0, 0


def _named_spans(doc, lex: Lexicons, matcher) -> list[tuple[int, int, str, tuple | None]]:
    """Gazetteer matches and NER entities, longest first, without overlaps."""
    cands: list[tuple[int, int, str, tuple | None]] = []
    cap = doc.vocab.strings["CAP"]
    capitals = []
    for match_id, s, e in matcher(doc):
        text = doc[s:e].text
        if match_id == cap:
            # (not "Kyiv" in "Kyiv overnight", tagged TIME as a whole)
            if all(t.pos_ == "PROPN" and t.ent_type_ in ("", "TIME", "DATE") for t in doc[s:e]):
                capitals.append((s, e, "GPE", None))
            continue
        hit = lex.surface.get(text)
        if hit:
            cands.append((s, e, "GAZ", hit))
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        s, e = ent.start, ent.end
        while s < e and doc[s].lower_ in _DETS:
            s += 1
        while e > s and doc[e - 1].tag_ == "POS":
            e -= 1
        # "Maria Corina Machado" tagged "Maria Corina": the name runs on to the next proper
        # nouns the NER left untagged
        while (
            ent.label_ == "PERSON"
            and e < len(doc)
            and doc[e].pos_ == "PROPN"
            and not doc[e].ent_type_
            and doc[e].text[:1].isupper()
            and doc[e].text not in lex.surface
            and e - s < 5
        ):
            e += 1
        # "Burkina Faso: Soldiers killed ..." (a section label run into the subject): the
        # part after the colon, and the label to the gazetteer
        colon = next(  # also "09:05 GMT - Israeli troops" in a live blog
            (t.i for t in doc[s:e] if t.text in (":", "—", "–") or (t.text == "-" and t.i > s
             and doc[t.i - 1].text in ("GMT", "UTC"))),
            None,
        )  # fmt: skip
        if colon is not None:
            s = colon + 1
        if (
            e - s == 1
            and doc[s].lemma_.lower() in lex.roles
            and (
                doc[s].pos_ != "PROPN"
                or lex.roles[doc[s].lemma_.lower()].family in ("military", "police")
            )
        ):
            continue  # "Soldiers" at the start of a sentence, "the Army": a role noun, not a name
        if (
            e - s == 1
            and ent.label_ == "NORP"
            and _role_key(lex.roles, doc[s].lemma_.lower(), doc[s].lower_)
        ):
            continue  # "the Maoists", "Naxalites": a role the lexicon knows, not a people
        if e - s == 1 and ent.label_ == "PERSON" and doc[s].tag_ == "NNS":
            continue  # "Jets dropped two bombs": a plural common noun is no person's name
        if ent.label_ != "PERSON":  # "Rwandan government spokeswoman Yolande Makolo" as ORG
            j = next((j for j in range(s, e - 2) if _person_role(lex, doc[j])), None)
            if j is not None and all(
                t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[j + 1 : e]
            ):
                s, label = j + 1, "PERSON"
                cands.append((s, e, label, None))
                continue
        if s < e:
            cands.append((s, e, ent.label_, None))
    cands += capitals
    # "the Dominican Republic and Uruguay" as one NER span: the gazetteer's parts instead
    gaz_tokens = {i for c in cands if c[2] == "GAZ" for i in range(c[0], c[1])}
    cands = [
        c
        for c in cands
        if c[2] == "GAZ"
        or not any(doc[i].lower_ in ("and", "&") for i in range(c[0], c[1]))
        or not any(i in gaz_tokens for i in range(c[0], c[1]))
    ]
    # "US $50 million", "HK$ 3 billion": a currency, not the country
    cands = [
        c
        for c in cands
        if c[1] >= len(doc)
        or doc[c[1]].text not in CURRENCY_SIGNS
        or len(doc[c[0] : c[1]].text.replace(".", "")) > 3  # "gave Ukraine $500 million"
    ]
    # "the Indus Waters Treaty", "the Minsk Agreement": a text, not an actor
    cands = [c for c in cands if c[2] == "GAZ" or doc[c[1] - 1].text not in INSTRUMENT_WORDS]
    # prefer longer spans; at equal length the gazetteer; a demonym inside a longer
    # named organisation ("the Israeli Foreign Ministry") stays part of it
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2] != "GAZ", c[0]))
    taken: set[int] = set()
    out = []
    for s, e, label, gaz in cands:
        if any(i in taken for i in range(s, e)):
            continue
        taken.update(range(s, e))
        out.append((s, e, label, gaz))
    out.sort()
    return out


#: Nouns a nationality or group word describes without naming a people ("this Siberian
#: city", "the Moslem holy month", "Franco-German relations").
NOT_PEOPLE = LOCALITY_NOUNS | {"month", "holiday", "festival", "relations", "ties", "talks",
                               "land", "property", "sector", "territory", "quarter",
                               "calendar", "language"}  # fmt: skip

#: How many sentences back a bare "the troops" looks for the army it stands for.
MILITARY_ANAPHOR_SENTENCES = 3
#: Rebel nouns that, definite and bare ("the insurgents"), mean the one armed group named
#: (not "the attackers" or "the gunmen", who may be anyone's).
DEFINITE_REBELS = {"militant", "rebel", "insurgent", "terrorist", "jihadist", "extremist",
                   "separatist", "guerrilla"}  # fmt: skip
#: Words before a military noun that do not say whose it is ("government troops", "the
#: air force", "security forces").
SERVICE_WORDS = {"air", "security", "ground", "naval", "army", "military", "special",
                 "regular"}  # fmt: skip
#: Role families that a country sends: "officials from Egypt" are Egypt's.
SENT_FAMILIES = {"delegation", "officials", "diplomat", "leader"}
#: Nouns of what a government sends or does from its capital ("offers of talks from Seoul").
SENT_FROM = {"offer", "call", "request", "pressure", "support", "proposal", "message",
             "invitation", "demand", "warning", "threat", "delegation", "envoy", "criticism",
             "condemnation", "protest", "response", "reaction", "assurance", "signal",
             "talk", "talks", "negotiation", "aid", "assistance"}  # fmt: skip


#: Event types whose object is addressed: a capital there is its government.
ADDRESSED_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "AID", "REQUEST", "ACCUSE",
                   "REJECT", "THREATEN", "SANCTION"}  # fmt: skip


def _acts(tok, lex: Lexicons | None = None) -> bool:
    """``tok`` is a doer: the subject of a verb other than a copula, a possessor, the
    agent of a passive ("Moscow denied", "Beijing's decision", "talks hosted by Doha"), or
    a party to an event noun ("talks with Tehran", "mediate between Moscow and Kyiv")."""
    while tok.dep_ == "conj":
        tok = tok.head
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ in ("with", "between", "against") and lex is not None:
        gov = prep.head
        if gov.lemma_.lower() in lex.nouns or gov.lemma_.lower() in lex.verbs:
            return True
        if gov.lower_ in ("ties", "relations"):  # "downgraded ties with Vilnius"
            return True
    if tok.dep_ == "pobj" and prep.lower_ == "from" and prep.head.lemma_ == "recall":
        return True  # "recalled its ambassador from Beijing"
    if tok.dep_ == "pobj" and prep.lower_ == "from" and prep.head.lemma_.lower() in SENT_FROM:
        return True  # "offers of talks from Washington", "pressure from Beijing"
    if lex is not None and (
        tok.dep_ in ("dobj", "dative") or (tok.dep_ == "pobj" and prep.lower_ in ("to", "with"))
    ):
        # "urged Kyiv to", "pledged weapons to Kyiv", "visited Kyiv": one speaks to, or visits,
        # a government; one strikes a city
        verb = prep.head if tok.dep_ == "pobj" else tok.head
        trig = lex.verbs.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
        if trig is not None and trig.type in ADDRESSED_TYPES:
            return True
    if tok.dep_ in ("nsubj", "nsubjpass"):
        if tok.head.lemma_ == "remain" and lex is not None:  # "remained in close contact"
            return any(
                f"remain {c.lower_}" in lex.verbs for c in tok.head.children if c.dep_ == "prep"
            )
        return tok.head.pos_ in ("VERB", "AUX") and tok.head.lemma_ not in (
            "be",
            "become",
            "remain",
        )
    if tok.dep_ == "poss":
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def _strip_title(doc, s: int, e: int) -> int:
    while s < e - 1 and doc[s].lower_.rstrip(".") in TITLE_WORDS:
        s += 1
    return s


def _add_named(idx: ActorIndex, doc, s: int, e: int, label: str, gaz) -> None:
    lex = idx.lex
    if gaz is not None:
        gid, how = gaz
        entry = lex.gazetteer[gid]
        if (
            all(i in idx.absorbed for i in range(s, e))
            and how == "name"
            and entry.type == "country"
        ):
            return  # "US" in "US Secretary of State Antony Blinken": the person's country
        if how == "people":
            idx.add(f"pop:{gid}", s, e, "gazetteer-people", name=doc[s:e].text,
                    type="population", country=entry.country, sector="CVL")  # fmt: skip
            return
        if how == "demonym":
            _add_demonym(idx, doc, s, e, entry)
            return
        owner = _possessor_country(lex, doc, s)
        if entry.type == "government" and owner and entry.country and owner != entry.country:
            # "Mexico's Defense Department" is not the US one: that country's body
            idx.add(f"ent:{owner.lower()}:{doc[s:e].text.lower()}", s, e, "ner", label="ORG",
                    name=doc[s:e].text, type="government", country=owner,
                    sector="GOV")  # fmt: skip
            return
        title, fam = None, set()
        if entry.type == "person":  # "US Secretary of State Antony Blinken": the title too
            title, _, _, fam = _title_of(idx, doc, s, e)
        idx.add(f"gaz:{gid}", s, e, "gazetteer", name=entry.name, type=entry.type,
                country=entry.country, sector=entry.sector, wikidata=entry.wikidata,
                title=title, gazetteer=True)  # fmt: skip
        idx.clusters[f"gaz:{gid}"].families |= fam
        return
    text = doc[s:e].text
    word = doc[s].lower_
    if e - s == 1 and word in ANAPHORIC_NOUNS and s and doc[s - 1].lower_ in ("the", "this"):
        # "the Council" tagged ORG after "the Security Council": the one named before
        key = idx._recent(s, 0, lambda c: word in c.name.lower().split())
        if key is not None:
            cl = idx.clusters[key]
            idx.add(key, s - 1, e, "anaphor", name=cl.name, type=cl.type)
            return
    if s and label in ("PERSON", "GPE", "NORP") and doc[s - 1].lemma_.lower() in ORG_DESCRIPTORS:
        label = "ORG"  # "the rights group Foro Penal", "the news agency Ansa"
    gid = lex.capitals.get(text)
    if gid is not None and any(  # "Denzel Washington ... Washington said": a surname
        " " in cl.name and cl.name.rsplit(" ", 1)[1] == text for cl in idx.clusters.values()
    ):
        gid = None
    if gid is not None and (
        label in ("PERSON", "ORG")
        or (label == "NORP" and doc[s:e].root.dep_ not in ("compound", "amod"))
    ):
        label = "GPE"  # "Kyiv" tagged PERSON by the NER, "Kigali pledged" NORP
    located = False
    if label in ("PERSON", "ORG") and _locative(
        doc[s:e].root, strict=label == "ORG" and bool(ORG_WORDS.search(text))
    ):
        # "shelled homes in Kharkiv", "the town of Sake" tagged PERSON or ORG ("officials in
        # the Pentagon" is no place: an organisation's name after "in" stays one)
        label, located = "GPE", True
    if gid is not None and label in ("GPE", "LOC") and _acts(doc[s:e].root, lex):
        # "Moscow denied", "Beijing's decision": the capital stands for the government
        entry = lex.gazetteer[gid]
        idx.add(f"gaz:{gid}", s, e, "capital", name=entry.name, type=entry.type,
                country=entry.country, sector=entry.sector, wikidata=entry.wikidata,
                gazetteer=True)  # fmt: skip
        return
    if label == "NORP" and _locative(doc[s:e].root):
        label = "GPE"  # "near the town of Samarra" tagged NORP
    if label == "NORP":
        idx.demonyms.update(range(s, e))
        root = doc[s:e].root
        head = root.head
        if root.dep_ in ("amod", "compound", "nmod") and (
            head.lemma_.lower() in NOT_PEOPLE or _role_of(lex, head)
        ):
            # "this Siberian city", "the Christian enclave": a description, no actor;
            # "Islamist armed groups": part of a role's name, which _add_roles makes
            return
        # an unknown nationality/group word: a population actor
        idx.add(f"norp:{_norm(doc[s:e].text).lower()}", s, e, "ner", label=label,
                name=_norm(doc[s:e].text), type="population", sector="CVL")  # fmt: skip
        return
    if label == "PERSON":
        s2 = _strip_title(doc, s, e)
        _add_person(idx, doc, s2, e, "ner")
        return
    if all(i in idx.absorbed for i in range(s, e)):
        return  # "State" in "US Secretary of State Antony Blinken"
    role = _role_of(lex, doc[s:e].root)
    if label == "ORG" and role is not None and role.person:
        return  # "the UN Emergency Relief Coordinator" is a person's title, not an organisation
    text = _norm(doc[s:e].text)
    # its country: "Sudan's Sovereign Council", "the Ministry of Foreign Affairs of Qatar",
    # "Ethiopia's Foreign Ministry"
    words = [*doc[s:e]]
    if e + 1 < len(doc) and doc[e].lower_ == "of":
        words.append(doc[e + 1])
    words += [c for c in doc[s:e].root.children if c.dep_ == "poss"]
    country = next((c for t in words if (c := _country_code(lex, t.text))), None)
    key = idx.add(f"ent:{text.lower()}", s, e, "ner", label=label, name=text, type="entity",
                  country=country)  # fmt: skip
    if located:  # one mention where a place stands makes it a place ("the city of Ternopil")
        idx.clusters[key].place_named = True


def _possessor_country(lex: Lexicons, doc, s: int) -> str | None:
    """The country named as the possessor just before token ``s`` ("Mexico's ...")."""
    if s >= 2 and doc[s - 1].tag_ == "POS":
        return _country_code(lex, doc[s - 2].text)
    return None


def _country_code(lex: Lexicons, text: str) -> str | None:
    """The ISO code of the country a word names ("Qatar", "Ethiopia"), or None."""
    hit = lex.surface.get(text)
    entry = lex.gazetteer[hit[0]] if hit else None
    return entry.country if entry is not None and entry.type == "country" else None


def _locative(tok, strict: bool = False) -> bool:
    """``tok`` names a place by where it stands: "the town of Sake", "Goma city", "near
    Zamzam" (and, unless ``strict``, "in Kharkiv": a person is rarely *in* a sentence)."""
    chain = [tok]  # "in Arauca and neighbouring Norte de Santander": the first conjunct's
    while chain[-1].dep_ == "conj" and chain[-1].head.pos_ == "PROPN":
        if chain[-1].head.ent_type_ in ("DATE", "TIME"):
            break
        chain.append(chain[-1].head)
    if any(
        c.dep_ == "relcl" and any(w.lower_ == "where" and w.dep_ == "advmod" for w in c.children)
        for t in chain
        for c in t.children
    ):
        return True  # "Tame and Arauquita, where officials say food is short"
    tok = chain[-1]
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ == "of" and prep.head.lemma_.lower() in LOCALITY_NOUNS:
            return True
        return prep.lower_ in LOCATIVE_PREPS or (not strict and prep.lower_ == "in")
    if tok.dep_ in ("appos", "compound") and tok.head.lemma_.lower() in LOCALITY_NOUNS:
        return True  # "Goma, the provincial capital", "Cotabato province"
    return any(c.dep_ == "appos" and c.lemma_.lower() in LOCALITY_NOUNS for c in tok.children)


def _person_key(idx: ActorIndex, name: str) -> str:
    """Surname / first-name matching against the full names already known."""
    words = name.split()
    low = name.lower()
    if len(words) == 1:
        for key, cl in idx.clusters.items():
            # "Wang" after "Wang Yi" (a known person whose bare surname is no alias)
            if cl.type == "person" and key.startswith(("per:", "gaz:")):
                parts = cl.name.split()
                if len(parts) > 1 and (parts[-1] == name or parts[0] == name):
                    return key
    return f"per:{low}"


def _add_person(idx: ActorIndex, doc, s: int, e: int, how: str) -> None:
    name = doc[s:e].text
    key = _person_key(idx, name)
    if key != f"per:{name.lower()}":
        how = "surname"
    title, country, sector, fam = _title_of(idx, doc, s, e)
    idx.add(key, s, e, how, label="PERSON", name=name, type="person", title=title,
            country=country, sector=sector)  # fmt: skip
    cl = idx.clusters[key]
    cl.families |= fam
    if len(name.split()) > len(cl.name.split()):
        cl.name = name
    cl.type = "person"


def _title_of(idx: ActorIndex, doc, s: int, e: int):
    """Title, country, sector and role families from the words before a name
    ("US Secretary of State Antony Blinken") or a role noun it is in apposition to
    ("his Israeli counterpart Gabi Ashkenazi")."""
    head = doc[s:e].root
    left = [t for t in head.subtree if t.i < s]
    role_tok = None
    if head.dep_ == "appos" and head.head.i < s:
        role_tok = head.head
        left = [t for t in role_tok.subtree if t.i <= role_tok.i]
    if not left:
        return None, None, None, set()
    title = doc[left[0].i : (role_tok.i + 1 if role_tok is not None else s)].text
    idx.absorbed.update(t.i for t in left)
    country, sector, fam = None, None, set()
    lex = idx.lex
    for t in left:
        hit = lex.surface.get(t.text)
        if hit:
            country = country or lex.gazetteer[hit[0]].country
        k = idx.token.get(t.i)
        if k and idx.clusters[k].country and not country:
            country = idx.clusters[k].country
        role = lex.roles.get(t.lemma_.lower())
        if role:
            sector = sector or role.sector
            fam.add(role.family)
    if DIPLOMAT_TITLES.search(title):
        fam.add("diplomat")
    # the title words and the role noun are mentions of this person too
    return _norm(title), country, sector, fam


def _add_demonym(idx: ActorIndex, doc, s: int, e: int, entry) -> None:
    """A demonym on its own ("Israeli strikes", "the Israeli army said").

    Before a role noun it is handled by :func:`_add_roles`; otherwise it names the
    country, registered only when an event uses it (see ``ActorIndex.actors_of``).
    """
    tok = doc[s]
    head = tok.head
    idx.demonyms.update(range(s, e))
    if tok.dep_ in ("amod", "compound", "nmod") and _role_of(idx.lex, head):
        return  # part of a role NP; _add_roles decides
    j = e
    while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and j - e < 4:
        j += 1
    if j > e and doc[j - 1].lemma_.lower() in FACILITY_WORDS:
        return  # "the Saudi Maternity Hospital": part of a place's name
    key = f"gaz:{entry.id}"
    if key not in idx.clusters:
        idx.clusters[key] = _Cluster(key=key, name=entry.name, type=entry.type,
                                     country=entry.country, sector=entry.sector,
                                     wikidata=entry.wikidata, gazetteer=True)  # fmt: skip
    idx.add(key, s, e, "demonym", name=entry.name, type=entry.type)


def _add_surnames(idx: ActorIndex, doc, taken: set[int]) -> None:
    """Reassign stray single-word entities and bare proper nouns that are the
    surname of a known person ("Ashkenazi" tagged ORG, "Price" untagged)."""
    full = {}
    for key, cl in idx.clusters.items():
        if cl.type == "person" and len(cl.name.split()) > 1:
            full.setdefault(cl.name.split()[-1], key)
            if cl.country in SURNAME_FIRST:  # "Wang" after "Wang Yi"
                full.setdefault(cl.name.split()[0], key)
    if not full:
        return
    # single-word entity clusters (ORG/GPE) whose text is a known surname: merge
    for key in list(idx.clusters):
        cl = idx.clusters[key]
        if key.startswith("ent:") and cl.name in full:
            target = idx.clusters[full[cl.name]]
            for pos, m in cl.mentions.items():
                m2 = Mention(m.text, m.start, m.end, m.sentence, "surname")
                target.mentions.setdefault(pos, m2)
            target.labels.update(cl.labels)
            target.place_named |= cl.place_named
            _rekey(idx, key, full[cl.name])
    for i in token_indices(doc, ("PROPN",)):
        tok = doc[i]
        if i in taken or tok.text not in full:
            continue
        idx.add(full[tok.text], tok.i, tok.i + 1, "surname", name=tok.text, type="person")


def _merge_forces(idx: ActorIndex) -> None:
    """ "Israeli troops" and "the Israeli military" are the IDF when the document names it:
    a country's unnamed forces join the one named military of that country."""
    named: dict[str, list[str]] = {}
    for key, cl in idx.clusters.items():
        if cl.gazetteer and cl.type == "military" and cl.country:
            named.setdefault(cl.country, []).append(key)
    for key in [k for k in idx.clusters if k.startswith("role:") and k.endswith(":military")]:
        cl = idx.clusters[key]
        into = named.get(cl.country or "", [])
        if len(into) == 1:
            idx.clusters[into[0]].mentions.update(cl.mentions)  # a military: no place name
            _rekey(idx, key, into[0])


def _rekey(idx: ActorIndex, old: str, new: str) -> None:
    idx.clusters.pop(old, None)
    for h, keys in idx.head.items():
        idx.head[h] = list(dict.fromkeys(new if k == old else k for k in keys))
    for t, k in idx.token.items():
        if k == old:
            idx.token[t] = new
    idx.order = [(s, new if k == old else k) for s, k in idx.order]


def _role_of(lex: Lexicons, tok) -> RoleEntry | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if tok.lower_ in HOSTAGE_WORDS and tok.head.lemma_ == "take" and tok.dep_ != "nsubj":
        return None  # "took its crew hostage": what they were made, not an actor
    if tok.lower_ == "force" and not any(
        c.dep_ in ("det", "poss", "compound", "nummod") for c in tok.children
    ):
        return None  # "used excessive force", "by force": the mass noun, not a unit
    if tok.lemma_.lower() in QUALIFIED_ROLES and not any(
        c.dep_ in ("compound", "amod") for c in tok.children
    ):
        return None  # "the ruling party", "the Saudi-led coalition"; not "all parties to ..."
    if tok.lemma_.lower() == "group" and not any(
        (c.dep_ == "compound" and c.pos_ == "PROPN")
        or (c.dep_ in ("compound", "amod") and c.lemma_.lower() in GROUP_KINDS)
        for c in tok.children
    ):
        return None  # "the Kifaya group", "rights groups"; not "a group of protesters"
    if tok.lower_ == "general" and tok.i > 1 and tok.nbor(-1).text == "-":
        if tok.nbor(-2).lower_ == "secretary":  # "Secretary-General", cut in three tokens
            return lex.roles.get("secretary-general")
    return lex.roles.get(_role_key(lex.roles, tok.lemma_.lower(), tok.lower_) or "")


def _role_key(roles, lemma: str, lower: str) -> str | None:
    """The role lexicon's word for a noun: its lemma, itself, or, when the tagger left a
    capitalised plural unlemmatised ("Jihadists killed ..." at a sentence start), its
    singular."""
    for key in (lemma, lower):
        if key in roles:
            return key
    if lower.endswith("ies") and lower[:-3] + "y" in roles:
        return lower[:-3] + "y"
    if lower.endswith("s") and lower[:-1] in roles:
        return lower[:-1]
    return None


def _role_tokens(doc, lex: Lexicons) -> list:
    """The tokens for which :func:`_role_of` is not None, found on the Doc's arrays, without
    making a Python Token (and reading its strings) for every token of the document."""
    from spacy.attrs import LEMMA, LOWER, POS
    from spacy.symbols import NOUN, PROPN

    arr = doc.to_array([POS, LEMMA, LOWER])
    strings, roles = doc.vocab.strings, lex.roles
    known: dict[tuple[int, int], bool] = {}
    out = []
    for i, (pos, lemma, lower) in enumerate(arr.tolist()):
        if pos != NOUN and pos != PROPN:
            continue
        hit = known.get((lemma, lower))
        if hit is None:
            low = strings[lower]
            hit = known[lemma, lower] = (
                strings[lemma].lower() in roles
                or low in roles
                or (low[-1:] == "s" and _role_key(roles, "", low) is not None)
            )
        if hit:
            out.append(doc[i])
    return out


def _widen_mention(idx: ActorIndex, cl: _Cluster, tok) -> None:
    """Stretch the name mention that ``tok`` (a title compounding into it) precedes over ``tok``."""
    name, first = tok.head, tok
    while (left := idx.doc[first.i - 1] if first.i else None) is not None and (
        left.dep_ == "compound" and left.head.i == first.i and left.i not in idx.token
    ):
        first = left  # "Prime" of "Prime Minister"
    for (start, end), m in list(cl.mentions.items()):
        if start <= name.idx < end and tok.idx < start:
            del cl.mentions[start, end]
            text = idx.doc.char_span(first.idx, end, alignment_mode="expand").text
            cl.mentions[first.idx, end] = Mention(text, first.idx, end, m.sentence, m.how)
            break
    for i in range(first.i, tok.i + 1):
        idx.token.setdefault(i, cl.key)


def _add_roles(idx: ActorIndex, doc, lex: Lexicons, taken: set[int]) -> None:
    """Role noun phrases: "Israeli troops", "the top US diplomat", "officials"."""
    # leadership nouns last, so "leaders of/from X" can find the actor X
    order = sorted(
        _role_tokens(doc, lex),
        key=lambda t: (
            getattr(_role_of(lex, t), "family", "") in ("leader", "officials", "delegation"),
            t.i,
        ),
    )
    for tok in order:
        if tok.i in taken:
            continue
        role = _role_of(lex, tok)
        if role is None or (tok.lemma_.lower() in PAIR_NOUNS and _a_pair(tok)):
            continue  # "both governments": the two named before (see _add_pairs)
        # a role noun in apposition with a name, or compounding into a name, is a title
        named = [c for c in tok.children if c.dep_ == "appos" and c.i in idx.token]
        if tok.dep_ == "appos" and tok.head.i in idx.token:  # "Kenzo Oshima, the ... Coordinator"
            named.append(tok.head)
        if tok.dep_ in ("compound", "nmod") and tok.head.i in idx.token:
            named.append(tok.head)
        if not named and tok.i + 2 < len(doc) and doc[tok.i + 1].text == ",":
            # "an armed group, the Syrian Democratic Forces," hung by the parser elsewhere
            after = next(
                (
                    t
                    for t in doc[tok.i + 2 : tok.i + 6]
                    # an apposition, or a list item that carries its own acronym
                    if t.dep_ == "appos"
                    or (t.dep_ == "conj" and t.i + 1 < len(doc) and doc[t.i + 1].text == "(")
                ),
                None,
            )
            if after is not None and after.i in idx.token and after.head.i != tok.i:
                named.append(after)
        if named:
            key = idx.token[named[0].i]
            cl = idx.clusters[key]
            if cl.type == "person" or role.person:
                cl.families.add(role.family)
            if tok.dep_ in ("compound", "nmod") and tok.i < tok.head.i:
                # "President Mario Soares": one mention that takes in the title word
                _widen_mention(idx, cl, tok)
            elif tok.i not in idx.token:  # "his Israeli counterpart Gabi Ashkenazi"
                idx.add(key, tok.i, tok.i + 1, "apposition", head=tok.i, name=cl.name, type=cl.type)
            continue
        if tok.dep_ in ("compound", "amod") and _role_of(lex, tok.head):
            continue  # "police officer": the head decides
        org = _affiliation(idx, tok, role)
        if org is not None:  # "Hamas militants", "leaders of the opposition coalition"
            cl = idx.clusters[org]
            idx.add(org, tok.left_edge.i if tok.left_edge.i >= tok.i - 4 else tok.i, tok.i + 1,
                    "role-affiliation", head=tok.i, name=cl.name, type=cl.type)  # fmt: skip
            continue
        sector, typ, family = role.sector, role.type, role.family
        countries: list[tuple[str, int]] = []  # (gazetteer id, token) of nationality modifiers
        start = tok.i
        for c in tok.lefts:
            if c.dep_ in ("det", "predet", "punct", "cc", "nummod", "quantmod", "poss", "prep"):
                continue
            if c.i in idx.dateline:
                continue  # the dateline, hung by the parser on the first noun
            if any(t.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for t in c.subtree):
                continue  # a clause the parser hung on the noun is not part of its name
            for t in c.subtree:
                hit = lex.surface.get(t.text)
                if (
                    hit
                    and hit[1] in ("demonym", "name")
                    and lex.gazetteer[hit[0]].type == "country"
                ):
                    countries.append((hit[0], t.i))
                owner = idx.clusters.get(idx.token.get(t.i, ""))
                if (
                    owner is not None
                    and owner.type == "person"
                    and owner.country
                    and sector == "GOV"
                ):
                    countries.append((owner.country, t.i))  # "the Trump administration"
                mod = ROLE_MODIFIERS.get(t.lower_)
                if (
                    mod
                    and not (t.lower_ == "armed" and role.family == "military")
                    and not (t.lower_ == "security" and role.family in ("government", "council"))
                ):  # "her security cabinet" is a cabinet
                    sector, typ, family = mod
            start = min(start, min(t.i for t in c.subtree if t.i not in idx.dateline))
        for c in tok.children:  # "Egypt's army", "the foreign ministers of Russia and Turkey"
            owners = [c] if c.dep_ == "poss" else []
            if c.dep_ == "prep" and (
                c.lower_ == "of"
                or (c.lower_ == "from" and family in SENT_FAMILIES and tok.dep_ == "nsubj")
            ):  # "delegations from Armenia and Azerbaijan met", not "withdrew diplomats from"
                owners = [g for p in c.children if p.dep_ == "pobj" for g in conjuncts(p)]
            for o in owners:
                hit = lex.surface.get(o.text)
                if hit and lex.gazetteer[hit[0]].type == "country":
                    countries.append((hit[0], o.i))
                elif o.text in lex.capitals:  # "Beijing's foreign ministry"
                    countries.append((lex.capitals[o.text], o.i))
        end = tok.i + 1
        if not countries and sector in ("MIL", "REB", "COP"):
            # "the Israeli military said its forces struck ...": the possessor's forces
            owner = next(
                (c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None
            )
            key = idx.resolve_pronoun(owner) if owner is not None else None
            cl = idx.clusters.get(key) if key else None
            if cl is not None and cl.type in ("military", "armed_group", "government"):
                idx.add(key, start, end, "role-possessor", head=tok.i, name=cl.name, type=cl.type)
                continue
            if cl is not None and cl.type == "country" and key.startswith("gaz:"):
                countries.append((key[4:], owner.i))
        plural = tok.tag_ in ("NNS", "NNPS")
        if role.person and not plural:
            if _resolve_role_person(idx, doc, tok, start, end, family, countries):
                continue
        if role.person and plural and not countries and _resolve_pair(idx, tok):
            continue
        if any(i in taken and i not in idx.demonyms for i in range(start, end)):
            start = tok.i
        owner = None
        if family == "allies":  # "Ukraine's allies" are not Ukraine, "Western allies" not the West
            countries = []
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            owner = next(iter(idx.actors_of(poss, depth=0)), None) if poss is not None else None
        if (
            not countries
            and tok.lemma_.lower() == "group"
            and not plural
            and any(c.lower_ in ("the", "this") for c in tok.lefts)
        ):
            # "the militant group", "the rights group": the last such actor named before
            kinds = {"armed_group"} if typ == "armed_group" else {"organisation"}
            named = idx._recent(
                tok.i, 0, lambda c, k=kinds: _vote_type(c) in k and not c.key.startswith("role")
            )
            if named is not None:
                cl = idx.clusters[named]
                idx.add(named, start, end, "anaphor", head=tok.i, name=cl.name, type=cl.type)
                continue
        if (
            not countries
            and family == "military"
            and all(t.lower_ in SERVICE_WORDS for t in doc[start : tok.i])
            and not any(c.dep_ == "poss" for c in tok.children)  # "their forces"
            and not (tok.lower_ == "force" and start == tok.i)  # "the force": KFOR, a task force
        ):
            # "the army said ... troops backed by air force jets": a bare military noun is
            # the army named last, a few sentences back ("troops" in a story of two armies
            # is the one just spoken of), or the only one the story names
            here = _sent_index(doc, tok.i)
            first = doc.user_data["_kg_sent_starts"][max(0, here - MILITARY_ANAPHOR_SENTENCES)]

            def national(c: _Cluster) -> bool:
                return _vote_type(c) == "military" and bool(c.country)

            named = idx._recent(tok.i, first, national)
            if named is None:
                armies = {k for i, k in idx.order if i < tok.i and national(idx.clusters[k])}
                named = next(iter(armies)) if len(armies) == 1 else None
            if named is not None and _harmed(tok, lex) and _attacked(idx, named, tok.i, lex):
                named = None  # "Russian forces shelled Kherson. Two soldiers were wounded"
            if named is not None:
                cl = idx.clusters[named]
                idx.add(named, start, end, "anaphor", head=tok.i, name=cl.name, type=cl.type)
                continue
        if (
            not countries
            and family == "rebels"
            and plural
            and start == tok.i
            and tok.lemma_.lower() in DEFINITE_REBELS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts)
        ):
            # "the terrorists", "the insurgents": the one armed group the story names before
            groups = {k for i, k in idx.order if i < tok.i and _named_group(idx.clusters[k])}
            if len(groups) == 1 and _named_group(idx.clusters[next(iter(groups))], strict=True):
                named = next(iter(groups))
                cl = idx.clusters[named]
                idx.add(named, tok.i - 1, end, "anaphor", head=tok.i, name=cl.name, type=cl.type)
                continue
        if not countries:
            label = _norm(doc[start:end].text)
            if owner is not None:
                label = f"{label} of {idx.clusters[owner].name}"
            if family == "states" and not (plural and start < tok.i):
                continue  # only "Arab nations", "Gulf states": not "the state"
            # "the ruling party" and "opposition parties" are two actors; "troops" one role
            key = f"role::{family}" + (f":{label.lower()}" if family in NAMED_FAMILIES else "")
            if role.person and family not in NAMED_FAMILIES:
                # "a Catholic priest and two nuns": one person, and others besides
                key += ":many" if plural else f":{label.lower()}"
            elif family not in NAMED_FAMILIES and start < tok.i and family in DESCRIBED_FAMILIES:
                # "unidentified gunmen" and "jihadist groups" are two armed groups; a bare
                # "the gunmen" after them is the last one described (below)
                key += f":{label.lower()}"
            elif family in DESCRIBED_FAMILIES and any(c.lower_ in _BACK for c in tok.lefts):
                last = idx._recent(tok.i, 0, lambda c, f=family: c.key.startswith(f"role::{f}:"))
                key = last or key
            idx.add(key, start, end, "role", head=tok.i, name=label,
                    type="person" if role.person and not plural else typ, sector=sector)  # fmt: skip
            continue
        # "Hungarian officials", "his Egyptian counterpart" -> the country (its government)
        gov = (sector in ("GOV", "LEG") and family not in ("legislators", "parliament")) or (
            family == "ships"  # "a Chinese coast guard vessel", "a Philippine supply ship"
        )
        for gid, ti in countries:
            entry = lex.gazetteer[gid]
            s, e = (ti, ti + 1) if len(countries) > 1 else (start, end)
            if gov:  # "Hungarian officials", "the Israeli government" -> the country
                idx.add(f"gaz:{gid}", s, e, "role-country", head=tok.i, name=entry.name,
                        type=entry.type, country=entry.country, sector=entry.sector,
                        wikidata=entry.wikidata, gazetteer=True)  # fmt: skip
            else:
                demonym = entry.demonyms[0] if entry.demonyms else entry.name
                noun = tok.lemma_ if not plural else tok.text.lower()
                inside = start <= ti < end  # "Israeli troops", not "the army of Sudan"
                if len(countries) > 1:
                    name = f"{demonym} {noun}"
                elif not inside:  # "Ukraine's air force" -> "Ukrainian air force"
                    words = [t.text for t in doc[start:end] if t.lower_ not in _DETS]
                    name = f"{demonym} {' '.join(words[:-1] + [noun])}".strip()
                else:
                    name = _norm(doc[start:end].text)
                typ2 = "person" if role.person and not plural else typ
                idx.add(f"role:{gid}:{family}" + (f":{tok.lemma_}" if typ2 == "person" else ""),
                        s, e, "role", head=tok.i, name=name, type=typ2,
                        country=entry.country, sector=sector)  # fmt: skip


def _harmed(tok, lex: Lexicons) -> bool:
    """``tok`` is what a verb of force is done to ("two soldiers were wounded", "killed
    four soldiers")."""
    trig = lex.verbs.get(tok.head.lemma_.lower())
    return (
        tok.dep_ in ("dobj", "nsubjpass")
        and trig is not None
        and trig.type in ("ASSAULT", "COERCE")
    )


def _attacked(idx: ActorIndex, key: str, before: int, lex: Lexicons) -> bool:
    """Actor ``key`` is the subject of a verb of force before token ``before``."""
    for i, keys in idx.head.items():
        if i < before and key in keys:
            tok = idx.doc[i]
            while tok.dep_ == "conj":
                tok = tok.head
            trig = lex.verbs.get(tok.head.lemma_.lower())
            if tok.dep_ == "nsubj" and trig is not None and trig.type in ("ASSAULT", "COERCE"):
                return True
    return False


def _resolve_role_person(idx: ActorIndex, doc, tok, start, end, family, countries) -> bool:
    """'the secretary', 'the top US diplomat' -> the last person with a compatible title."""
    want_country = idx.lex.gazetteer[countries[0][0]].country if countries else None
    families = {family}
    if DIPLOMAT_TITLES.search(doc[start:end].text) or family == "diplomat":
        families.add("diplomat")
    if family == "leader":  # "the Russian leader" = its president, prime minister or king
        families |= HEAD_FAMILIES
    has_det = any(c.lower_ in ("the", "his", "her") for c in tok.lefts)
    if not has_det:
        return False

    def ok(cl: _Cluster) -> bool:
        if cl.type != "person" or not cl.families:
            return False
        if want_country and cl.country and cl.country != want_country:
            return False
        if want_country and not cl.country:
            return False
        if family == "leader" and cl.title and "prime minister" in cl.title.lower():
            return True
        return bool(cl.families & families) or ("counterpart" in cl.families and bool(want_country))

    key = idx._recent(tok.i, 0, ok)
    if key is None:
        return False
    idx.add(key, tok.i, tok.i + 1, "role-title", name=idx.clusters[key].name, type="person")
    for i in range(start, end):
        idx.token.setdefault(i, key)
    return True


def _affiliation(idx: ActorIndex, tok, role: RoleEntry) -> str | None:
    """The named non-country actor a role noun belongs to: a compound before it
    ("Hezbollah guerrillas") or an of-phrase after a leadership noun ("leaders of X")."""
    for c in tok.lefts:
        if c.dep_ in ("compound", "nmod") and c.i in idx.token:
            cl = idx.clusters[idx.token[c.i]]  # "The Wall Street Journal newspaper"
            if _vote_type(cl) in ("armed_group", "organisation", "government", "military"):
                return cl.key
            if role.family == "named-group" and _vote_type(cl) == "person" and not cl.gazetteer:
                cl.type = "organisation"  # "the Tamarod group": a group, whatever the NER said
                return cl.key
    if role.family in ("rebels", "military", "gangs"):  # "fighters loyal to the RSF"
        for c in tok.children:
            if c.dep_ in ("amod", "acl") and c.lower_ in (
                "loyal",
                "allied",
                "affiliated",
                "linked",
            ):
                for p in (g for pr in c.children if pr.dep_ == "prep" for g in pr.children):
                    if p.dep_ == "pobj" and p.i in idx.token:
                        cl = idx.clusters[idx.token[p.i]]
                        if _vote_type(cl) in ("armed_group", "military", "organisation", "person"):
                            return cl.key
    if role.family in ("rebels", "gangs"):  # "gunmen believed to be from ISWAP"
        verbs = [c for c in tok.children if c.dep_ == "acl"]
        if tok.dep_ in ("nsubj", "nsubjpass"):
            verbs.append(tok.head)  # the parser's "Gunmen believed ... and stormed"
        for v in verbs:
            if v.lemma_ not in ("believe", "think", "suspect", "say", "understand"):
                continue
            for be in (c for c in v.children if c.dep_ == "xcomp" and c.lemma_ == "be"):
                for p in _pobjs_of(be, ("from", "of")):
                    key = idx.token.get(p.i)
                    if key and _vote_type(idx.clusters[key]) in ("armed_group", "organisation"):
                        return key
    if role.family == "wing":  # "the group's armed wing", "Hamas's military wing"
        for c in tok.children:
            if c.dep_ == "poss":
                keys = idx.actors_of(c, depth=0)
                if keys and _vote_type(idx.clusters[keys[0]]) in ("armed_group", "organisation"):
                    return keys[0]
    if role.family in ("government", "ministry", "officials"):  # "President Suharto's government"
        for c in tok.children:
            if (
                c.dep_ == "poss"
                and c.i in idx.token
                and idx.clusters[idx.token[c.i]].type == "person"
            ):
                return idx.token[c.i]
    if role.family in (
        "leader",
        "officials",
        "delegation",
        "rebels",
        "military",
        "members",
        "gangs",
    ) or (
        role.lemma in ("member", "leader")
    ):  # "leaders of X", "militants from JNIM", "soldiers of the 3rd brigade"
        leads = role.family in ("leader", "officials", "delegation")
        for c in tok.children:
            # the of/from phrase right after the noun ("militants from JNIM"), not a far one
            # the parser hung on it ("the army and its allies from the Africa Corps")
            if c.dep_ == "prep" and c.lower_ in ("of", "from") and (leads or c.i == tok.i + 1):
                for p in c.children:
                    # "from the Viv Ansanm coalition": the name before a descriptor noun
                    named = [g.i for g in p.children if g.dep_ == "compound" and g.i in idx.token]
                    if p.dep_ == "pobj" and (p.i in idx.head or named):
                        if any(g.dep_ == "conj" for g in p.children):
                            return None  # "leaders of France and Italy": each country's
                        key = idx.head[p.i][0] if p.i in idx.head else idx.token[named[-1]]
                        kind = _vote_type(idx.clusters[key])
                        if kind not in ("person", "place") and (leads or kind != "country"):
                            return key  # "the army of Sudan" stays the Sudanese army
    return None


def _pobjs_of(tok, preps) -> list:
    return [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _a_pair(tok) -> bool:
    """'both leaders', 'the two sides' (not 'two nuns': a number alone counts new people)."""
    kids = [c.lower_ for c in tok.children]
    return "both" in kids or ("two" in kids and ("the" in kids or "these" in kids))


def _last_two(idx: ActorIndex, tok, accept, skip=None) -> list[str]:
    """The last two actors before ``tok`` that ``accept`` takes, leaving out the subject of
    the verb it depends on ("China urged both sides": not China)."""
    verb = governing_verb(tok.head)
    subject = {k for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c is not tok
               for t in c.subtree for k in idx.head.get(t.i, ())}  # fmt: skip
    if verb.dep_ == "acl":  # "The UN envoy called on ..." parsed as a noun and its participle
        subject.update(idx.actors_of(verb.head))
    found: list[str] = []
    for start, key in sorted(idx.order, reverse=True):
        if skip is not None and skip(idx.doc[start]):
            continue  # this mention does not make it a side
        if start < tok.i and key not in found and key not in subject and accept(idx.clusters[key]):
            found.append(key)
        if len(found) == 2:
            return found
    return []


def _resolve_pair(idx: ActorIndex, tok) -> bool:
    """'both leaders', 'the two ministers' -> the last two people mentioned."""
    if not _a_pair(tok):
        return False
    people = _last_two(idx, tok, lambda cl: cl.type == "person")
    for key in people:
        idx.add(key, tok.i, tok.i + 1, "plural-role", name=idx.clusters[key].name, type="person")
    return bool(people)


def _only_venue(idx: ActorIndex, key: str) -> bool:
    """Every mention of ``key`` is where something happened ("at the White House")."""
    heads = [idx.doc[h] for h, keys in idx.head.items() if key in keys]
    return bool(heads) and all(
        t.dep_ == "pobj" and t.head.lower_ in ("at", "in", "inside") for t in heads
    )


def _mediating(idx: ActorIndex, t) -> bool:
    """Token ``t`` names a go-between ("Qatar mediated", "brokered by Egypt", "with Turkey
    mediating"), not one of two sides."""

    def mediates(word) -> bool:
        trig = idx.lex.verbs.get(word.lemma_.lower()) or idx.lex.verbs.get(word.lower_[:-3] + "e")
        return trig is not None and trig.mode == "mediation"

    while t.dep_ == "conj":
        t = t.head
    if t.dep_ in ("nsubj", "nmod", "compound") and mediates(t.head):
        return True
    return t.dep_ == "pobj" and t.head.dep_ == "agent" and mediates(t.head.head)


#: Event types whose joined subjects are two sides ("the army and the RSF have fought").
_JOINT_TYPES = {"ASSAULT", "AGREE", "CONSULT", "ACCUSE", "REJECT", "COOPERATE"}


def _joint_pairs(idx: ActorIndex, doc) -> list[tuple[int, list[str]]]:
    """(position, the two actors) of each pair named together as the two sides of an act:
    joined subjects of a verb of fighting, talks or deals, or "between X and Y"."""
    out = []
    for t in doc:
        if t.dep_ != "conj" or t.head.i not in idx.head or t.i not in idx.head:
            continue
        first = t.head
        if sum(c.dep_ == "conj" for c in first.children) != 1 or any(
            c.dep_ == "conj" for c in t.children
        ):
            continue  # "The United States, China and the UN called for restraint": no two sides
        if first.dep_ == "pobj" and first.head.lower_ == "between":
            pass  # "clashes between the army and the RSF"
        elif first.dep_ in ("nsubj", "nsubjpass"):
            verb = first.head
            trig = next(  # "exchanged fire": the verb with its object first
                (
                    idx.lex.verbs[k]
                    for k in [f"{verb.lemma_.lower()} {c.lower_}" for c in verb.children
                              if c.dep_ == "dobj"] + [verb.lemma_.lower()]
                    if k in idx.lex.verbs
                ),
                None,
            )  # fmt: skip
            if trig is None or trig.type not in _JOINT_TYPES or trig.mode == "phone":
                continue
        else:
            continue
        keys = [*idx.head[first.i], *idx.head[t.i]]
        if len(set(keys)) == 2:
            out.append((t.i, list(dict.fromkeys(keys))))
    return out


def _add_pairs(idx: ActorIndex, doc) -> None:
    """'both sides', 'the two countries', 'both governments' -> the two sides of the last
    fight, talks or deal told in the five sentences before, else the last two parties named."""
    joint = None
    for tok in (doc[i] for i in token_indices(doc, words=_PAIR_WORDS)):
        kinds = PAIR_NOUNS.get(tok.lemma_.lower())
        if kinds is None or tok.tag_ not in ("NNS", "NNPS") or not _a_pair(tok):
            continue
        joint = _joint_pairs(idx, doc) if joint is None else joint
        here = tok.sent.start
        verb = governing_verb(tok.head)
        subject = {k for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c is not tok
                   for k in idx.actors_of(c, depth=0)}  # fmt: skip
        recent = [
            keys
            for at, keys in joint
            if at < tok.i
            and not subject & set(keys)  # "China urged both sides": not China's pair
            and _sentences_between(doc, at, here) <= 5
            and all(_vote_type(idx.clusters[k]) in kinds for k in keys)
        ]
        if recent:
            for key in recent[-1]:
                cl = idx.clusters[key]
                idx.add(key, tok.i, tok.i + 1, "pair", name=cl.name, type=cl.type)
            continue
        pair = _last_two(
            idx,
            tok,
            lambda cl, kinds=kinds: (
                _vote_type(cl) in kinds
                and cl.sector != "MED"  # not the news agency that reports them
                and not _only_venue(idx, cl.key)  # nor "the White House" where they met
            ),
            skip=lambda t: _mediating(idx, t),  # nor "with Qatar and Turkey mediating"
        )
        for key in pair:
            cl = idx.clusters[key]
            idx.add(key, tok.i, tok.i + 1, "pair", name=cl.name, type=cl.type)


def governing_verb(tok):
    """``tok`` if it is a verb, else the first verb above it (the root if there is none)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok:
        tok = tok.head
    return tok


def _sentences_between(doc, a: int, b: int) -> int:
    """How many sentence starts lie between tokens ``a`` and ``b`` (a <= b)."""
    return sum(1 for t in doc[a + 1 : b + 1] if t.is_sent_start)


def _spelled_before(idx: ActorIndex, cl: _Cluster, acr: str) -> str | None:
    """The actor named just before the acronym's first use in brackets, when the acronym
    spells it: "The Resistance Front (TRF)", "United States Africa Command (AFRICOM)"."""
    doc = idx.doc
    first = min(cl.mentions.values(), key=lambda m: m.start)
    i = next((t.i for t in doc if t.idx == first.start), None)
    if i is None or i < 2 or doc[i - 1].text != "(" or i + 1 >= len(doc) or doc[i + 1].text != ")":
        return None
    keys = idx.head.get(i - 2) or ([idx.token[i - 2]] if i - 2 in idx.token else [])
    if len(keys) != 1 or keys[0] == cl.key:
        return None
    named = [m for m in idx.clusters[keys[0]].mentions.values() if m.end <= doc[i - 1].idx]
    if not named:
        return None
    span = doc.char_span(
        max(named, key=lambda m: m.end).start, doc[i - 1].idx, alignment_mode="expand"
    )
    if span is None:
        return None
    if span.start and doc[span.start - 1].lower_ == "the":  # "The Resistance Front (TRF)"
        span = doc[span.start - 1 : span.end]
    return keys[0] if _spells(acr, span.text) else None


def _spells(acr: str, name: str) -> bool:
    """``acr`` is made of letters of ``name`` in order, from a word's first letter on.

    >>> _spells("AFRICOM", "United States Africa Command"), _spells("AUSSOM", "Somalia")
    (True, False)
    """
    words = name.split()
    low = acr.lower()
    for w, word in enumerate(words):
        if word[:1].lower() != low[:1]:
            continue
        rest, j = " ".join(words[w:]).lower(), 0
        for ch in rest:
            if j < len(low) and ch == low[j]:
                j += 1
        if j == len(low):
            return True
    return False


def _merge_acronyms(idx: ActorIndex) -> None:
    """'IDF' = 'Israel Defense Forces' when the initials match; 'MBS' = 'Mohammed bin
    Salman' and 'AMLO' = 'Andrés Manuel López Obrador' (a person: every word, 3+ letters)."""
    by_initials = {}
    for key, cl in idx.clusters.items():
        words = [w for w in re.split(r"[\s-]+", cl.name) if w[:1].isupper()]
        if len(words) >= 2 and cl.type != "person":
            by_initials.setdefault("".join(w[0] for w in words), key)
        if cl.type == "person" and len(words) >= 2:
            every = "".join(w[0] for w in cl.name.replace(".", " ").split()).upper()
            if len(every) >= 3:
                by_initials.setdefault(every, key)
    for key in list(idx.clusters):
        cl = idx.clusters.get(key)
        if cl is None or not key.startswith(("ent:", "per:")) or " " in cl.name:
            continue
        acr = cl.name.replace(".", "")
        if not acr.isupper() or not 2 <= len(acr) <= 8:
            continue
        target = by_initials.get(acr) if len(acr) <= 6 else None
        target = target or _spelled_before(idx, cl, acr)
        if target and target != key:
            tcl = idx.clusters[target]
            for pos, m in cl.mentions.items():
                tcl.mentions.setdefault(pos, Mention(m.text, m.start, m.end, m.sentence, "acronym"))
            tcl.place_named |= cl.place_named
            _rekey(idx, key, target)
