"""Stage 3: events between actors, read from the dependency parse.

Each trigger (a verb or noun from ``data/events.tsv``) gets a source and a
target from the syntax news uses; every construction handled is a named rule
below, and the rule that produced an event is stored on it (``Event.rule``).

Constructions: active subject/object; passive with agent ("brokered by Egypt");
prepositional objects ("spoke with", "fired towards"); relative clauses ("X, who
welcomed ..."); conjoined actors ("Israel and Hamas agreed"); actor-modified
nominal subjects ("Israeli strikes on Gaza have killed ..."); light verbs with
event nouns ("held talks with", "expressed appreciation for"); control verbs
("threatened to attack X": one THREATEN event); clausal targets ("demanded that
X resign"); reported speech ("X said Y attacked Z": Y attacked Z, reported by X);
mediation of an agreement reached earlier ("the ceasefire, brokered by Egypt").
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from bisect import bisect_left

from .actors import INSTRUMENT_WORDS, ActorIndex, _vote_type, governing_verb
from .actors import conjuncts as _conj
from .dates import resolve_date
from .lexicons import DEFAULT_TARGET_PREPS, Lexicons, Trigger
from .nlp import token_indices
from .quantities import LEFT_AS, find_quantities
from .records import Event, Span

__all__ = ["find_events"]

#: Subject dependencies (textacy-style named sets).
SUBJ_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJ_DEPS = {"nsubjpass", "csubjpass"}
OBJ_DEPS = {"dobj", "dative", "attr", "oprd"}
#: Verbs whose object is an event noun that carries the type ("held talks", "launched an attack").
LIGHT_VERBS = {
    "hold", "launch", "stage", "carry", "conduct", "mount", "make", "issue", "express",
    "impose", "open", "lodge", "wage", "begin", "start", "continue", "resume", "step",
    "announce", "declare", "reach", "sign", "extend", "offer", "give", "deliver", "file",
    "keep", "remain", "arrive", "stay", "renew", "escalate", "intensify", "level", "voice",
    "undertake", "reiterate", "repeat", "organize", "organise", "call", "lead", "attempt",
    "institute", "introduce", "order", "enforce", "tighten", "engage", "complete", "speed",
    "accelerate", "finish", "approve", "adopt", "unveil", "slap", "trigger", "reaffirm",
}  # fmt: skip
#: Verbs whose object is a reaction drawn from someone ("drew a rebuke from China").
DRAW_VERBS = {"draw", "earn", "prompt", "provoke", "spark", "attract"}
#: Devices that make a verb an attack or coercion ("blasted a ship with water cannon").
INSTRUMENTS = {"cannon": "fire cannon", "gas": "fire gas", "laser": "fire cannon",
               "missile": "attack", "rocket": "attack", "drone": "attack", "artillery": "attack",
               "mortar": "attack", "bomb": "attack", "grenade": "attack"}  # fmt: skip
#: Verbs that give devices rather than use them ("equipped the army with drones").
GIVING_VERBS = {"equip", "arm", "supply", "provide", "reinforce", "help", "load", "fill", "replace"}
#: Nouns for attacks and devices whose perpetrator is not named ("a roadside bombing killed").
ATTACK_NOUNS = {"bombing", "bomb", "explosion", "blast", "device", "ied", "mine", "landmine",
                "minefield", "attack", "airstrike", "strike", "shelling", "gunfire", "ambush",
                "rocket", "missile", "grenade", "suicide", "raid", "clash", "fighting",
                "crossfire", "assault", "barrage", "drone", "shell", "mortar", "insurgency",
                "war", "conflict", "violence", "unrest"}  # fmt: skip
#: Types where "X and Y <verb>" means with each other ("Israel and Hamas agreed", "... clashed").
RECIPROCAL_TYPES = {"AGREE", "CONSULT", "COOPERATE", "ASSAULT"}
#: Triggers that make an event with a source alone ("the president resigned", "thousands
#: rallied", "Hamas declared a ceasefire"): acts that need no one to be done to.
UNARY_TRIGGERS = {
    "resign", "surrender", "withdraw", "retreat", "demobilize", "demobilise", "disarm",
    "ceasefire", "truce", "protest", "demonstrate", "rally", "riot", "march", "demonstration",
    "hunger strike", "general strike", "strike", "mobilize", "mobilise", "mutiny", "deploy",
    "mass",
}  # fmt: skip
#: Counted harm that makes an attack or arrest an event even when its victims are not named.
COUNTED_HARM = {
    "killed", "wounded", "arrested", "abducted", "displaced", "casualties", "hostages",
    "prisoners", "rockets",
    "missiles", "drones", "shells", "mortars", "bombs", "airstrikes", "strikes",
}  # fmt: skip
#: Names of seas, straits and rivers: places of events, never their targets.
WATERS = re.compile(r"\b(Sea|Ocean|Gulf|Strait|Straits|Bay|Channel|River|Lake)\b")
#: Names of world regions: where things happen, not who they happen to.
REGIONS = re.compile(
    r"\b(Middle|Near|Far) East\b|\b(Sahel|Balkans|Caucasus|Horn of Africa|Europe|Asia|Africa|"
    r"Americas|Latin America|Mediterranean|Arctic|Pacific|Atlantic|Maghreb|Levant)$"
)
#: What calling someone makes an accusation ("called Maduro a dictator").
NEGATIVE_LABELS = {
    "dictator", "terrorist", "criminal", "liar", "murderer", "aggressor", "tyrant", "fascist",
    "nazi", "thug", "butcher", "puppet", "traitor", "enemy", "threat", "occupier", "regime",
    "separatist", "extremist", "warmonger", "troublemaker", "parasite", "narco", "illegal",
    "hostile", "illegitimate", "corrupt", "rogue", "genocidal", "drug",
}  # fmt: skip
#: Verbs that give someone a name ("called Maduro a dictator", "branded X a terrorist").
NAMING_VERBS = {"call", "label", "brand", "dub"}
#: Objects that make any event mutual: "Russia and Ukraine restored diplomatic ties".
RECIPROCAL_OBJECTS = {"ties", "relations", "prisoners"}
#: Objects that make "send"/"deliver" correspondence rather than aid.
MESSAGE_NOUNS = {"letter", "message", "note", "invitation", "request", "email", "statement"}
#: Documents that speak for whoever issued them: "issued a statement condemning X".
DOCUMENT_NOUNS = {
    "statement", "declaration", "resolution", "communique", "communiqué", "letter", "message",
    "report", "video", "note", "speech", "post", "editorial", "motion", "bill", "decree", "order",
}  # fmt: skip
#: Light verbs that make their event noun a statement ("lodged a protest" = complained).
VERBAL_LIGHT_VERBS = {"lodge", "file", "issue", "voice", "express", "register", "make", "send"}
#: Verbs of saying: their clausal complement is reported speech, not an event of theirs.
SAY_VERBS = {
    "say", "tell", "announce", "report", "state", "claim", "add", "note", "insist", "confirm",
    "declare", "write", "explain", "allege", "believe", "think", "argue", "stress", "quote",
    "reiterate", "repeat", "reaffirm", "conclude", "emphasize", "emphasise", "maintain",
    "underline", "acknowledge", "suggest", "indicate",
}  # fmt: skip
#: Outer event types that take over the event of their complement ("agreed to withdraw").
CONTROL_TYPES = {"AGREE", "THREATEN", "REQUEST", "REJECT", "SUPPORT", "ACCUSE", "CONCEDE"}
#: What a speaker calls an act to condemn it ("the attack was a war crime").
VERDICTS = {"crime", "violation", "illegal", "unacceptable", "terrorism", "aggression",
            "atrocity", "massacre", "genocide", "provocation", "unlawful", "barbaric",
            "outrageous", "criminal", "cowardly", "heinous", "breach", "act"}  # fmt: skip
#: Nouns a date can modify and still date the event ("Tuesday morning", "the 2024 season").
TIME_NOUNS = {"morning", "afternoon", "evening", "night", "day", "week", "weekend", "month",
              "year", "season", "period", "quarter", "hour", "time", "date"}  # fmt: skip
#: Nouns naming an agreement whose parties a mediator brokered between.
AGREEMENT_NOUNS = {"ceasefire", "truce", "deal", "agreement", "accord", "pact", "treaty", "talks"}
#: Types whose target can be a region ("shelled the Middle East", "deployed to the Sahel").
PLACE_TARGET_TYPES = {"ASSAULT", "MOBILIZE", "COERCE", "PROTEST", "SANCTION"}
#: Types whose target may sit deep in the clause, and the prepositions that lead to it.
DEEP_TARGET_TYPES = {"PROTEST", "ACCUSE", "REJECT", "THREATEN", "REQUEST"}
DEEP_PREPS = {"against", "by", "at", "over", "outside", "toward", "towards", "from"}
RELATIVE = {"which", "that", "who", "whom"}
#: Words that open a relative clause ("who took office in January", "where settlers attacked").
RELATIVE_WORDS = RELATIVE | {"whose", "where", "when"}
#: Predicate adjectives that signal an event ("is opposed to", "is ready to").
ADJ_TRIGGERS = {"opposed": "oppose", "ready": "agree", "willing": "agree", "prepared": "agree",
                "committed": "agree", "determined": "agree"}  # fmt: skip
_ADJ_WORDS = frozenset(ADJ_TRIGGERS)
#: Verbs that either request or ask a question (see ``_question``).
QUESTION_VERBS = frozenset({"ask", "query", "question"})
#: Intent: a planned or hypothetical cooperative act is an agreement to act (CAMEO 03),
#: a planned or hypothetical act of force a threat (CAMEO 13).
INTENT_TYPES = {
    **dict.fromkeys(("AID", "COOPERATE", "RETREAT", "CONCEDE", "SUPPORT"), "AGREE"),
    **dict.fromkeys(("ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"), "THREATEN"),
}
#: Modal verbs in reported speech that make a statement a demand: "said X must leave".
DEONTIC_AUX = {"must", "should"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must"}
#: Nouns that measure out an event noun: "a round of talks", "a wave of attacks".
MEASURE_NOUNS = {
    "round", "series", "wave", "spate", "string", "volley", "barrage", "day", "week", "month",
    "hour", "year", "campaign", "flurry", "burst", "number", "dozen", "couple", "package",
    "set", "raft", "slew", "batch", "imposition", "reimposition",
}  # fmt: skip
#: Past forms the lemmatizer leaves alone ("retook" -> "retook").
IRREGULAR_FORMS = {
    "retook": "retake", "retaken": "retake", "overran": "overrun", "shot": "shoot",
    "struck": "strike", "fought": "fight", "sought": "seek", "withdrew": "withdraw",
    "withdrawn": "withdraw", "froze": "freeze", "frozen": "freeze", "undertook": "undertake",
    "undertaken": "undertake", "forbade": "forbid", "forbidden": "forbid", "beaten": "beat",
    "swore": "swear", "sworn": "swear", "overthrew": "overthrow", "overthrown": "overthrow",
}  # fmt: skip
#: Prepositions before a gerund whose doer is the subject of the governing verb.
PCOMP_PREPS = {"in", "by", "after", "before", "while", "through", "upon", "on"}
#: Verbs whose "of"/"for" gerund says what the accused did ("accused X of shelling Y").
CHARGING_VERBS = {"accuse", "blame", "charge", "convict", "condemn", "criticize", "criticise"}
#: Verbs that are events only with an object ("returned the bodies"), travel without one.
MOTION_VERBS = {"return"}
#: Harm done by someone a passive does not name, and what to call them (by verb lemma).
UNNAMED_DOERS = {
    "kill": ("unidentified attackers", "armed_group", "UAF"),
    "wound": ("unidentified attackers", "armed_group", "UAF"),
    "injure": ("unidentified attackers", "armed_group", "UAF"),
    "shoot": ("unidentified attackers", "armed_group", "UAF"),
    "execute": ("unidentified attackers", "armed_group", "UAF"),
    "abduct": ("unidentified kidnappers", "armed_group", "UAF"),
    "kidnap": ("unidentified kidnappers", "armed_group", "UAF"),
    "arrest": ("unnamed authorities", "government", "GOV"),
    "detain": ("unnamed authorities", "government", "GOV"),
    "jail": ("unnamed authorities", "government", "GOV"),
}
#: Victims named only as "people": any named target says better who they were.
GENERIC_VICTIMS = {"role::people"}
#: Verbs of denial, and the nouns for what they deny.
DENIALS = {"deny", "reject", "dismiss", "refute"}
#: Acts done by speaking, which a speaker's second verb can be ("said ... and accused X").
SPEECH_ACTS = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE",
               "CONSULT", "SANCTION"}  # fmt: skip
#: Verbs whose "that" clause is said not to be so ("denied that it had attacked").
DENIED_BY = {"deny", "refute"}
ACCUSATIONS = {"claim", "accusation", "allegation", "charge", "report", "suggestion"}
#: Nouns that point back to an act without saying what it was ("condemned the move").
BREACHES = {"violation", "breach", "provocation", "incursion", "aggression"}
ACT_NOUNS = {"move", "decision", "step", "action", "measure", "launch", "test",
             "incident"} | BREACHES  # fmt: skip
MATERIAL_TYPES = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "AID", "RETREAT"}
#: Who makes a visit when they travel somewhere ("Rubio will travel to Kigali").
VISITORS = {"person", "government", "country", "organisation"}
#: How many sentences back "the attack" or "the move" may point.
ANAPHOR_SENTENCES = 4
#: Verbs that deploy forces when their object is troops ("ordered 2,500 troops to ...").
SENDING_VERBS = {"send", "dispatch", "order", "rush", "move"}
#: Military craft that, sent somewhere, are a show of force ("dispatched warships").
MILITARY_ASSETS = {"warship", "destroyer", "frigate", "carrier", "submarine", "warplane",
                   "jet", "fighter", "bomber", "battalion", "brigade", "gunboat"}  # fmt: skip
#: Craft whose expulsion from waters is coercion, not a diplomatic sanction.
CRAFT = {"vessel", "ship", "boat", "aircraft", "plane", "drone", "trawler", "warship"}
TROOPS = ("role::military", "role::police")
#: Event types whose place after "at" is where they happened, never their target.
VENUE_TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE"}
#: Adverbs that make an event hearsay: "reportedly executed 20 civilians".
HEARSAY = {"reportedly", "allegedly", "purportedly", "apparently", "supposedly"}
# determiners that point back to something told before: "condemned the attack"
ANAPHORIC_DETS = {"the", "this", "these", "that", "those"}
# verbs whose place is where a meeting happens, never the party it is aimed at
VENUES = {"host", "hold", "convene", "organize", "organise", "attend"}
#: Conjunctions of a clause set at another time than the event ("since", "after").
OTHER_TIME_MARKS = {"since", "after", "before", "until", "till", "because", "as"}
#: Words before a complement that make it a possibility or a plan.
HEDGES = {"unlikely", "likely", "possible", "able", "poised", "unable", "reluctant"}
SCHEDULED = {"expect", "expected", "set", "due", "schedule", "scheduled", "slate", "slated"}
#: Nouns of places that are taken and held.
PLACE_NOUNS = {
    "village", "town", "city", "base", "position", "territory", "area", "region", "district",
    "airport", "port", "hill", "bridge", "palace", "building", "headquarters", "outpost", "camp",
}  # fmt: skip
#: Verbs of taking a place, whose "from" names whom it was taken from.
TAKING_VERBS = {"capture", "recapture", "retake", "seize", "take"}
#: Types whose place is where it was done, never whom it was done to: no place targets
#: ("condemned the attack on its embassy in Kabul" does not target Kabul). Requests keep
#: theirs: "sought refuge in Germany" asks Germany.
VERBAL_TYPES = {"CONSULT", "SUPPORT", "AID", "ACCUSE"}
#: Verbs whose object is a topic, never a party ("discussed the withdrawal of troops").
TOPIC_VERBS = {"discuss", "debate", "review", "examine", "study"}
#: Promises that become threats when what is promised is force: "vowed to attack".
VOW_VERBS = {"vow", "pledge", "promise", "swear"}
#: Verbs whose complement is planned, not yet done: "plans to visit".
PLAN_VERBS = {"plan", "intend", "expect", "prepare", "schedule", "set", "aim", "hope", "want",
              "seek", "propose", "vow", "pledge", "promise", "agree", "threaten", "refuse",
              "decide", "ready", "willing", "go"}  # fmt: skip


def _question(v) -> bool:
    """``v`` is "ask" putting a question, not a request: "asked X whether/if ...", "asked
    (X) what/why/how ...", "asked about ..."."""
    if v.lemma_.lower() not in QUESTION_VERBS:
        return False
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "about":
            return True
        if c.dep_ in ("ccomp", "advcl", "xcomp", "dobj"):
            first = next(iter(c.subtree))
            if first.lower_ in ("whether", "if") or (
                first.tag_ in ("WDT", "WP", "WRB") and first.i > v.i
            ):
                return True
    return False


def _own_clause(v) -> list:
    """The tokens of ``v``'s clause, in order, without clauses of their own: a complement
    with its own subject, a relative clause, or a saying ("rejected the warrant, telling
    journalists that he would ask Russia to veto ... at the Security Council")."""
    out, stack = [], [v]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            own = any(g.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS for g in c.children)
            if (c.dep_ in ("ccomp", "parataxis", "relcl", "conj") and own) or (
                c.dep_ == "advcl" and (own or c.lemma_ in SAY_VERBS)
            ):
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _phone_call(idx: ActorIndex, v) -> bool:
    """ "Blinken called his counterpart Wang Yi": a call to a person, and nothing said of
    them ("called him a liar", "called the move disappointing")."""
    if any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "attr") for c in v.children):
        return False
    objs = [c for c in v.children if c.dep_ == "dobj"]
    if len(objs) != 1 or any(t.tag_ in ("``", "''") or t.text in ('"', "\u201c") for t in v.rights):
        return False
    keys = idx.actors_of(objs[0], depth=0)
    return bool(keys) and all(_vote_type(idx.clusters[k]) == "person" for k in keys)


def _name_calling(v) -> bool:
    """ "Milei called Maduro a dictator", "called Petro an illegal drug leader": calling
    someone one of NEGATIVE_LABELS, or a name they qualify."""
    return (
        any(
            c.dep_ in ("oprd", "xcomp", "attr", "dobj")
            and any(
                w.lemma_.lower().strip("-") in NEGATIVE_LABELS
                for w in (c, *(g for g in c.children if g.dep_ in ("amod", "compound")))
            )
            for c in v.children
        )
        and sum(c.dep_ in ("dobj", "oprd", "xcomp", "attr") for c in v.children) >= 2
    )


def _each_other(v) -> bool:
    """``v`` has "each other" or "one another" as its object ("accused each other", "spoke
    with one another"), or "each side ... the other"."""
    for c in v.children:
        for o in (c, *(p for p in c.children if c.dep_ == "prep")):
            if o.lower_ in ("other", "another") and any(
                g.lower_ in ("each", "one") for g in o.children
            ):
                return True
    return bool(_each_side(v)) and any(c.dep_ == "dobj" and c.lower_ == "other" for c in v.children)


def _each_side(v):
    """The subject "each side" ("each side has accused the other"), or None."""
    for c in v.children:
        if (
            c.dep_ in SUBJ_DEPS
            and c.lemma_.lower() in ("side", "party", "country", "camp")
            and any(d.lower_ == "each" for d in c.children)
        ):
            return c
    return None


def _takes_ground(v, idx: ActorIndex) -> bool:
    """'seized the town of Sake', 'captured Goma': territory taken (an assault, CAMEO 192),
    not goods seized."""
    if v.lemma_ not in TAKING_VERBS and v.lemma_ not in ("occupy", "overrun"):
        return False
    for o in (c for c in v.children if c.dep_ == "dobj"):
        if o.lemma_.lower() in PLACE_NOUNS:
            return True
        if any(_vote_type(idx.clusters[k]) == "place" for k in idx.actors_of(o, depth=0)):
            return True
    return False


def _role_forces(idx: ActorIndex, tok, kinds: tuple[str, ...] = ("role::",)) -> bool:
    """``tok`` names unaffiliated forces ("troops", "the army"), the subject's own; with
    ``kinds``, only those roles ("role::military", "role::police": "2,500 troops")."""
    keys = idx.actors_of(tok, depth=0)
    return bool(keys) and all(k.startswith(kinds) for k in keys)


def _keys(idx: ActorIndex, toks, depth: int = 2) -> list[str]:
    out: list[str] = []
    for t in toks:
        for c in _conj(t):
            for k in idx.actors_of(c, depth=depth):
                if k not in out:
                    out.append(k)
    return out


def _prep_objects(tok, preps) -> list:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            # not "with Qatar and Turkey mediating": a clause of its own (see read_absolute)
            out.extend(p for p in c.children if p.dep_ == "pobj" and not _absolute(p))
        elif c.dep_ == "prt" and c.lower_ in preps:  # "fired at", parsed as particle
            out.extend(p for p in (*tok.children, *c.children) if p.dep_ == "pobj")
    return out


_WITH = frozenset({"with"})


def _tense(v) -> str:
    """ "past" ("seized", "has seized", "since"), "future" ("will meet") or "" for the
    verb of an event, to put a month with no year before or after the story's date."""
    auxes = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
    if auxes & (FUTURE_AUX | {"would"}):
        return "future"
    perfect = auxes & {"has", "have", "had"}
    if v.tag_ in ("VB", "VBG") and not perfect:
        return ""
    if v.tag_ in ("VBD", "VBN") or perfect or auxes & {"was", "were"}:
        return "past"
    return ""


def _joined_to_speech(v) -> bool:
    """ "said the Philippines would not be intimidated and called on China": a past tense
    joined to a verb under "would" is the speaker's second act, not part of the speech."""
    return (
        v.dep_ == "conj"
        and v.tag_ == "VBD"
        and any(c.tag_ == "MD" for c in v.head.children)
        and v.head.dep_ == "ccomp"
        and v.head.head.lemma_ in SAY_VERBS
    )


def _charged(v):
    """The verb that charges someone with ``v`` ("accused X of killing": accused), or None."""
    if (
        v.dep_ == "pcomp"
        and v.head.lower_ in ("of", "for")
        and v.head.head.lemma_ in CHARGING_VERBS
    ):
        return v.head.head
    return None


def _counted(t) -> bool:
    return any(c.dep_ == "nummod" for c in t.children)


def _sums_up(n) -> bool:
    """``n`` is a noun after a comma that sums up the clause before it: "Hamas freed three
    hostages, a move welcomed by Egypt", "..., an attack the UN condemned"."""
    return (
        n.pos_ == "NOUN"
        and n.dep_ in ("appos", "npadvmod", "dobj", "attr", "conj")
        and n.left_edge.i > 0
        and n.doc[n.left_edge.i - 1].lower_ == ","
        and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in n.lefts)
        and n.head.i < n.i
    )


def _absolute(p) -> bool:
    """``p`` heads an absolute clause after "with": "..., with Qatar and Turkey mediating"
    (the parser makes the participle a noun and its subject a modifier)."""
    return (
        p.dep_ == "pobj"
        and p.head.lower_ == "with"
        and p.lower_.endswith("ing")
        and p.pos_ != "PROPN"  # not "met with Min Aung Hlaing"
        and any(c.dep_ in ("nmod", "nsubj", "compound") and c.i < p.i for c in p.children)
    )


def _purpose_clauses(v) -> list:
    """'... to disperse demonstrators': infinitival adverbial clauses of a verb."""
    return [
        c for c in v.children
        if c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
    ]  # fmt: skip


def _verb_lemma(tok, lex: Lexicons) -> str:
    """The lemma, mended when the lemmatizer is wrong ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    if lemma in lex.verbs or lemma in LIGHT_VERBS:
        return lemma
    low = tok.lower_
    if low in IRREGULAR_FORMS:
        return IRREGULAR_FORMS[low]
    for cand in (low[:-1], low[:-2], low[:-3], low[:-3] + "e", low[:-4]):
        if len(cand) > 2 and (cand in lex.verbs or cand in LIGHT_VERBS):
            return cand
    return lemma


def _stative(v) -> bool:
    """'Israel is opposed to ...': a passive form without agent that states an attitude."""
    return (
        v.tag_ == "VBN"
        and v.lower_ in ADJ_TRIGGERS
        and not any(c.dep_ == "agent" for c in v.children)
        and any(c.dep_ in PASSIVE_SUBJ_DEPS for c in v.children)
    )


def _subject(v, depth: int = 3):
    """The subject tokens of a verb, inherited up conj/xcomp/advcl chains if absent."""
    if _stative(v):
        return [c for c in v.children if c.dep_ in PASSIVE_SUBJ_DEPS], "subject"
    subj = [c for c in v.children if c.dep_ in SUBJ_DEPS]
    # "several members, including France and Britain, condemned ...": the ones named
    named = [g for t in subj for p in _prep_objects(t, {"including"}) for g in (p, *p.conjuncts)]
    if named and all(t.pos_ == "PROPN" for t in named):  # not "aircraft including gunships"
        return sorted(named, key=lambda t: t.i), "subject-including"
    if subj:
        # headline lists: "Israel, Hamas agree to truce" ("Israel" parsed as a modifier)
        subj += [
            c
            for c in v.children
            if c.dep_ == "npadvmod" and c.i + 2 == subj[0].left_edge.i and c.nbor(1).text == ","
            and c.ent_type_ not in ("DATE", "TIME")
        ]  # fmt: skip
        return sorted(subj, key=lambda t: t.i), "subject"
    if v.dep_ == "acomp":  # "Israel is opposed to ..."
        subj = [c for c in v.head.children if c.dep_ in SUBJ_DEPS]
        if subj:
            return subj, "subject"
    agent = [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if agent:
        return agent, "passive-agent"
    for c in v.children:  # "Modi, addressing a rally, vowed ...": the subject hung on the
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < v.i and c.doc[c.i - 1].text == ",":
            subj = [g for g in c.children if g.dep_ == "nsubj" and g.i < c.i]
            if subj:  # participle between the subject and its verb
                return subj, "subject"
    if depth and v.dep_ in ("xcomp", "conj", "advcl") and v.head.pos_ in ("VERB", "AUX", "ADJ"):
        if v.dep_ == "conj" and any(c.dep_ in PASSIVE_SUBJ_DEPS for c in v.head.children):
            if v.tag_ == "VBN":  # "was arrested and charged": passive too, no doer
                return [], ""
            # "has been indicted ... and will resign": the passive subject acts
            return [c for c in v.head.children if c.dep_ in PASSIVE_SUBJ_DEPS], "subject-inherited"
        if (
            v.dep_ == "conj"
            and v.tag_ in ("VBD", "VBZ")
            and v.head.dep_ == "xcomp"
            and v.head.tag_ == "VB"
        ):
            # "urged Hamas to release ... and called on Israel to ...": a finite verb is no
            # second infinitive; it joins the verb that governs the infinitive
            subj, rule = _subject(v.head.head, depth - 1)
            return subj, (rule + "-inherited") if subj else ""
        if (
            v.dep_ == "advcl"
            and v.head.lemma_ in ("call", "prevail")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        ):
            # "called on all parties to show restraint" (the infinitive hung as a purpose)
            objs = _called_on(v)
            if objs:
                return objs, "object-control"
        if v.dep_ == "xcomp":  # object control: "urged Syria to withdraw" -> Syria withdraws
            objs = [c for c in v.head.children if c.dep_ in ("dobj", "dative") and c.i < v.i]
            objs = objs or _called_on(v)
            if objs:
                return objs, "object-control"
            # raising: "Turkey is expected to host talks", "Israel was forced to withdraw"
            raised = [c for c in v.head.children if c.dep_ == "nsubjpass"]
            if raised:
                return raised, "raised-subject"
        subj, rule = _subject(v.head, depth - 1)
        return subj, (rule + "-inherited") if subj else ""
    gov = v.head.head
    if _charged(v) is not None:
        # "accused the M23 of killing civilians": the accused is said to do it
        objs = [c for c in gov.children if c.dep_ == "dobj"]
        if objs:
            return objs, "accused-object"
    if depth and v.dep_ == "pcomp" and v.head.lower_ in PCOMP_PREPS and gov.pos_ in ("VERB", "AUX"):
        # "led nine members in calling on Rubio", "angered China by meeting the Dalai Lama";
        # not "accused X of providing" (X does it) nor "without returning" (not done)
        subj, rule = _subject(gov, depth - 1)
        return subj, (rule + "-inherited") if subj else ""
    if (
        v.dep_ == "acl"
        and v.tag_ in ("VBD", "VBN")
        and v.head.dep_ == "ROOT"
        and v.head.pos_ in ("NOUN", "PROPN")
        and v.i > v.head.i
    ):
        # "The UN envoy called on all parties ...", parsed as a noun sentence: the sentence
        # has no other verb, so the noun is the subject
        return [v.head], "misparsed-subject"
    if v.dep_ == "acl" and v.tag_ in ("VBD", "VBN") and any(c.dep_ == "dobj" for c in v.children):
        # "Israeli airstrikes killed 45 Palestinians" parsed as a noun with a reduced
        # relative: a passive participle takes no direct object, so the noun is the subject
        return [v.head], "misparsed-subject"
    if v.dep_ == "acl" and v.tag_ == "VBG":
        doc_noun = v.head
        if doc_noun.lemma_.lower() in DOCUMENT_NOUNS:
            # "issued a statement condemning X", "said in a statement condemning X",
            # "the council's resolution demanding ...": whoever issued it
            owner = [c for c in doc_noun.children if c.dep_ == "poss"]
            if owner:
                return owner, "document-owner"
            gov = doc_noun.head
            if doc_noun.dep_ == "pobj" and gov.dep_ == "prep":
                gov = gov.head
            if doc_noun.dep_ in ("dobj", "pobj") and gov.pos_ in ("VERB", "AUX") and depth:
                subj, rule = _subject(gov, depth - 1)
                return subj, ("document-" + rule) if subj else ""
            return [], ""
        gov = doc_noun.head.head if doc_noun.dep_ == "pobj" else doc_noun.head
        if (
            depth
            and v.doc[v.i - 1].text == ","
            and doc_noun.dep_ in ("pobj", "dobj")
            and gov.pos_ in ("VERB", "AUX")
        ):
            # "boarded navy boats during a resupply mission, seizing rifles": a clause of
            # the sentence's verb, hung on its last noun
            subj, rule = _subject(gov, depth - 1)
            return subj, (rule + "-inherited") if subj else ""
        return [doc_noun], "participle"  # "Israeli jets bombing Gaza"
    return [], ""


def _called_on(v) -> list:
    """Who the verb governing the infinitive ``v`` calls on: "called on Arabs to unite"."""
    return [p for p in _prep_objects(v.head, {"on", "upon"}) if p.i < v.i]


def _covers(c, v) -> bool:
    """ "According to X" (the word ``c``) speaks for the event of verb ``v`` too, unless
    ``v`` is in a clause of its own that follows the phrase ("..., according to X, after
    Israel accused Hamas": not the accusation)."""
    for a in (v, *v.ancestors):
        if a.left_edge.i > c.i and (
            (a.dep_ == "advcl" and any(m.dep_ == "mark" for m in a.children))
            # "..., according to X, and rights groups accused Y": a joined clause of its own
            or (a.dep_ == "conj" and any(m.dep_ in SUBJ_DEPS for m in a.children))
        ):
            return False
    return True


def _nobody(t) -> bool:
    """``t`` says that no one was concerned: "no one", "nobody", "none of the crew"."""
    return t.lower_ in ("nobody", "none", "noone") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in t.children
    )


class _Reader:
    """Reads the events of one document (per-document working state)."""

    def __init__(self, doc, idx: ActorIndex, lex: Lexicons, doc_id: str, doc_date: str | None):
        self.doc, self.idx, self.lex = doc, idx, lex
        self.doc_id, self.doc_date = doc_id, doc_date
        self.events: list[Event] = []
        self.at: dict[int, int] = {}  # trigger start -> index of its first event in self.events
        self.exclude: set[str] = set()  # the source of the event being read
        self.consumed: set[int] = set()  # complement verbs taken over by a control verb
        self.agreements: dict[str, list[str]] = {}  # "ceasefire" -> parties
        self._ents: dict[int, object] | None = None  # first token -> entity (doc.ents is
        # rebuilt on every access: looking it up per event was quadratic in long documents)
        self._speakers: dict[int, list] = {}  # sentence start -> its trailing speakers

    def speakers(self, sent) -> list:
        """'..., killing 18 people, residents and local officials said.': the parser hangs
        the speakers of a closing say-verb with no subject on the last object, as conjuncts."""
        if sent.start in self._speakers:
            return self._speakers[sent.start]
        out: list = []
        root = sent.root
        if root.lemma_ in SAY_VERBS and not any(c.dep_ in SUBJ_DEPS for c in root.children):
            comma = max((t.i for t in sent if t.text == "," and t.i < root.i), default=None)
            span = range(comma + 1, root.i) if comma is not None else range(0)
            heads = [self.doc[i] for i in span if self.doc[i].head.i not in span]
            if heads and all(h.dep_ == "conj" and h.pos_ in ("NOUN", "PROPN") for h in heads):
                out = heads
        self._speakers[sent.start] = out
        return out

    # ---------------------------------------------------------------- triggers
    def trigger(self, tok) -> tuple[Trigger, list, str] | None:
        """(lexicon entry, trigger tokens, rule) for a verb or a light verb + event noun."""
        lex = self.lex
        if tok.lower_ in ADJ_TRIGGERS and (
            (tok.pos_ == "ADJ" and tok.dep_ in ("amod", "ROOT", "conj"))
            or tok.dep_ == "acomp"
            or _stative(tok)
        ):
            t = lex.verbs.get(ADJ_TRIGGERS[tok.lower_])
            if t:
                return t, [tok], "adjective"
        if tok.pos_ in ("VERB", "AUX"):
            lemma = _verb_lemma(tok, lex)
            if lemma in LIGHT_VERBS or (lemma.startswith("re") and lemma[2:] in LIGHT_VERBS):
                for c in tok.children:
                    if c.dep_ in ("dobj", "pobj") or (
                        c.dep_ == "prep" and lemma in ("remain", "keep", "stay", "arrive", "engage")
                    ):
                        noun = (
                            c
                            if c.dep_ != "prep"
                            else next((p for p in c.children if p.dep_ == "pobj"), None)
                        )
                        if noun is None:
                            continue
                        t = self._noun_entry(noun)
                        if t is None:  # "a mediation mission", "mediation efforts"
                            comp = next(
                                (
                                    g
                                    for g in noun.lefts
                                    if g.dep_ == "compound" and self._noun_entry(g)
                                ),
                                None,
                            )
                            if comp is not None:
                                t, noun = self._noun_entry(comp), comp
                        if t is None and noun.lemma_.lower() in MEASURE_NOUNS:
                            # "a round of talks", "10 days of war games"
                            of = next(iter(_prep_objects(noun, {"of"})), None)
                            if of is not None and (t := self._noun_entry(of)) is not None:
                                noun = of
                        if t:
                            return t, [tok, noun], "light-verb"
            if lemma == "leave" and "kill" in lex.verbs:  # "the strike left 10 people dead"
                for c in (*tok.children, *(g for o in tok.children if o.dep_ == "dobj"
                                           for g in o.children)):  # fmt: skip
                    if c.lower_ in LEFT_AS and c.dep_ in (
                        "oprd",
                        "amod",
                        "acomp",
                        "xcomp",
                        "ccomp",
                    ):
                        return lex.verbs["kill"], [tok, c], "phrasal"
            if (
                lemma in SENDING_VERBS
                and "deploy" in lex.verbs
                and any(  # "sent thousands of troops": through the quantity noun
                    _role_forces(self.idx, o, TROOPS) or o.lemma_.lower() in MILITARY_ASSETS
                    for c in tok.children
                    if c.dep_ == "dobj"
                    for o in (c, *_prep_objects(c, {"of"}))
                )
                # "ordered the army to suspend intelligence sharing": an order, not a move
                and not (lemma == "order" and any(c.dep_ == "xcomp" for c in tok.children))
            ):
                return lex.verbs["deploy"], [tok], "verb"  # "sent 2,500 troops to the border"
            if lemma == "go":  # "workers went on strike": a strike, not an air strike
                for p in _prep_objects(tok, {"on"}):
                    if p.lemma_.lower() == "strike" and "general strike" in lex.nouns:
                        return lex.nouns["general strike"], [tok, p], "light-verb"
            if lemma == "claim":  # "claimed responsibility for the attack on X": the attack
                for c in tok.children:
                    if c.dep_ == "dobj" and c.lemma_.lower() in ("responsibility", "credit"):
                        for p in _prep_objects(c, {"for"}):
                            if (t := self._noun_entry(p)) is not None:
                                return t, [tok, p], "light-verb"
            for c in tok.children:
                # "called on", not "on Sunday called" nor "called Putin on Friday"
                if (
                    (c.dep_ in ("prt", "prep") or (c.dep_ == "advmod" and c.lower_ == "away"))
                    and tok.i < c.i <= tok.i + 2
                    and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)
                ):
                    t = lex.verbs.get(f"{lemma} {c.lower_}")
                    if t:
                        return t, [tok, c], "phrasal"
                # "open fire", "took 251 people hostage" (parsed as a complement)
                if c.dep_ in ("dobj", "xcomp", "oprd") and f"{lemma} {c.lower_}" in lex.verbs:
                    return lex.verbs[f"{lemma} {c.lower_}"], [tok, c], "phrasal"
            if lemma in DRAW_VERBS:  # "the drills drew a rebuke from China"
                for c in tok.children:
                    t = self._noun_entry(c) if c.dep_ == "dobj" else None
                    if t is not None and t.type in ("ACCUSE", "PROTEST", "THREATEN"):
                        if _prep_objects(tok, {"from"}) or _prep_objects(c, {"from"}):
                            return t, [tok, c], "drawn-from"
            t = lex.verbs.get(lemma)
            if t is None and lemma.startswith("re") and len(lemma) > 5:  # reimpose, retake, reopen
                t = lex.verbs.get(lemma[2:].lstrip("-"))
            if t:
                return t, [tok], "verb"
            if lemma not in GIVING_VERBS and any(c.dep_ == "dobj" for c in tok.children):
                for p in _prep_objects(tok, _WITH):  # "blasted a ship with water cannon"
                    key = INSTRUMENTS.get(p.lemma_.lower())
                    if key in lex.verbs:
                        return lex.verbs[key], [tok], "instrument"
        return None

    def _noun_entry(self, tok) -> Trigger | None:
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = tok.lemma_.lower()
        # "hunger strike", "general strike", "joint (military) exercises"
        found = [
            self.lex.nouns[f"{mod.lower_} {lemma}"]
            for mod in tok.lefts
            if mod.dep_ in ("compound", "amod") and f"{mod.lower_} {lemma}" in self.lex.nouns
        ]
        if len(found) > 1 and _prep_objects(tok, {"around", "near", "off"}):
            # "joint military exercises around Taiwan": a show of force near someone
            found = [t for t in found if t.type != "COOPERATE"] or found
        if found:
            return found[0]
        return self.lex.nouns.get(lemma) or self.lex.nouns.get(tok.lower_)

    # ---------------------------------------------------------------- arguments
    def _keys(self, toks, depth: int = 2) -> list[str]:
        """Actor keys of argument tokens, without the event's own source."""
        return [k for k in _keys(self.idx, toks, depth) if k not in self.exclude]

    def targets(self, v, trig: Trigger, noun=None) -> tuple[list[str], str]:
        passive = any(c.dep_ in PASSIVE_SUBJ_DEPS for c in v.children) and not _stative(v)
        preps = set(trig.target_preps) | ({"between"} if trig.mode == "mediation" else set())
        if noun is not None:  # light verb: the noun's own prepositional objects first
            holder = noun.head if noun.dep_ == "compound" else noun  # "a mediation mission between"
            # the noun's own prepositions before the general ones: "filed a complaint with
            # the Security Council against Israel" is against Israel
            for ps in (preps, preps | set(DEFAULT_TARGET_PREPS)):
                keys = self._keys(
                    _prep_objects(noun, ps) + _prep_objects(holder, ps) * (holder is not noun)
                )
                if keys:
                    return keys, "noun-prep"
            keys = self._keys(_prep_objects(v, preps))  # "filed a complaint ... against"
            if keys and trig.target_preps:
                return keys, "verb-prep"
            preps |= set(DEFAULT_TARGET_PREPS)
            if trig.type in VENUE_TYPES:
                preps -= {"at"}  # "signed a treaty at a summit hosted by Trump": a venue
            # "a suspension of air links with Serbia": one level down
            for p in _prep_objects(holder, {"of"}):
                keys = self._keys(_prep_objects(p, preps - {"of"}))
                if keys:
                    return keys, "noun-prep-prep"
            keys = self._keys(_prep_objects(v, preps))
            if keys:
                return keys, "verb-prep"
            keys = self._keys([c for c in v.children if c.dep_ == "dative"])
            if keys:  # "gave the Ivory Coast $5 million of aid"
                return keys, "indirect-object"
            for t in (noun, v):  # "reiterated its demand that Israel ease restrictions"
                keys, rule = (
                    self._noun_clause(t)
                    if t is noun or trig.type in DEEP_TARGET_TYPES
                    else ([], "")
                )
                if keys:
                    return keys, rule
            for comp in _purpose_clauses(v):  # "staged a hunger strike to demand X's resignation"
                inner = self.trigger(comp)
                keys, rule = self.targets(comp, inner[0] if inner else trig)
                if keys:
                    self.consumed.add(comp.i)
                    return keys, "purpose-" + rule
            return self.deep_target(v, trig)
        if passive:
            keys = self._keys([c for c in v.children if c.dep_ in PASSIVE_SUBJ_DEPS])
            if keys:
                return keys, "passive-subject"
        if v.dep_ == "acl" and v.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in v.children):
            keys = self._keys([v.head], depth=0)  # "M23 rebels backed by Rwanda"
            if keys:
                return keys, "reduced-relative"
        # "withdraw its troops from Lebanon": the subject's own forces are not the target
        objs = [
            c
            for c in v.children
            if c.dep_ in OBJ_DEPS
            and not _sums_up(c)  # "released three hostages, a move welcomed by Egypt"
            and v.lemma_ not in TOPIC_VERBS
            and (
                not any(
                    g.dep_ == "poss" and g.lower_ in ("its", "their", "his", "her", "our")
                    for g in c.children
                )
                # "called his counterpart Wang Yi": a named actor is no one's own thing
                or any(not k.startswith("role:") for k in self.idx.actors_of(c, depth=0))
            )
        ]
        if not objs:  # "kidnapped up to 16 advisers": the parser makes "up" a particle
            ups = [c for c in v.children if c.dep_ == "prt" and c.lower_ == "up"]
            objs = [
                p
                for c in (*v.children, *(g for u in ups for g in u.children))
                if c.dep_ == "prep" and c.lower_ == "to" and c.i and c.nbor(-1).lower_ == "up"
                for p in c.children
                if p.dep_ == "pobj" and any(n.dep_ == "nummod" for n in p.children)
            ]
        keys = self._keys(objs)
        if (
            keys
            and all(k.startswith("role::") for k in keys)
            and (
                trig.type in ("MOBILIZE", "AID", "RETREAT")
                # not "killed 12 soldiers in Middle Shabelle": the soldiers are the harmed
                or (
                    all(k == "role::military" for k in keys)
                    and trig.type not in ("ASSAULT", "COERCE")
                )
            )
        ):
            # "deploy peacekeepers in Iraq", "withdraw workers from Iraq": unaffiliated forces
            # sent somewhere are the subject's own; the named actor after the verb is the target
            subj = {t.i for c in v.children if c.dep_ in SUBJ_DEPS for t in c.subtree}
            for t in v.subtree:  # "mobilized reservists for a possible war against Iraq"
                if (
                    t.i in subj
                    or t.dep_ != "pobj"
                    or t.head.lower_ not in ("in", "from", "against", "to", "into")
                ):
                    continue
                # ("in a swap mediated by the UAE": the swap's own words are not reached)
                alt = [k for k in self._keys([t], depth=0) if not k.startswith("role::")]
                if alt:
                    return alt, "prep-object-over-role"
            if trig.type == "MOBILIZE":  # "deployed troops", "threatened to deploy the army"
                keys = []
        if (
            keys
            and v.lemma_ in TAKING_VERBS
            and (
                all(self._is_place(k) for k in keys)
                or any(o.lemma_.lower() in PLACE_NOUNS for o in objs)
            )
        ):
            # "recaptured the village of Robotyne from Russian forces": taken from them
            froms = _prep_objects(v, {"from"}) + [
                p for o in objs for p in _prep_objects(o, {"from"})
            ]
            held = [k for k in self._keys(froms) if not self._is_place(k)]
            keys = held or keys
        if keys:
            return keys, "object"
        pobjs = _prep_objects(v, preps)
        keys = self._keys(pobjs)
        if keys:  # "spoke to leaders on both sides, as well as from Arab nations"
            extra = [p for c in v.children if c.dep_ == "cc" for g in c.children if g.dep_ == "prep"
                     for p in g.children if p.dep_ == "pobj"]  # fmt: skip
            keys += [k for k in self._keys(extra) if k not in keys]
            return keys, "prep-object"
        opreps = preps | set(DEFAULT_TARGET_PREPS) | {"for", "of", "between", "among"}
        if trig.type in VENUE_TYPES:
            opreps -= {"at"}  # "initialled the treaty at the White House": a venue
        # "imposed restrictions on Iran"; "the talks between X and Y were hosted by Qatar"
        things = OBJ_DEPS | (PASSIVE_SUBJ_DEPS if passive else set())
        for o in [c for c in v.children if c.dep_ in things]:
            # "discussed the withdrawal of troops" is a topic; "... cooperation with X" a party
            keys = self._keys(_prep_objects(o, opreps if v.lemma_ not in TOPIC_VERBS else _WITH))
            # "suspended part of a military aid program for Bosnia": through the "of" noun
            for p in [] if keys else _prep_objects(o, {"of"}):
                keys = self._keys(_prep_objects(p, opreps - {"of"}))
                if keys:
                    break
            if keys:
                return keys, "object-prep"
        for p in pobjs:  # "reneged on his commitment to the Zambian people"
            keys = self._keys(_prep_objects(p, set(DEFAULT_TARGET_PREPS) | {"for"}))
            if keys:
                return keys, "prep-object-prep"
        for o in [c for c in v.children if c.dep_ in OBJ_DEPS] + pobjs:
            keys, rule = self._noun_clause(o)  # "insisted on its demands that Burundi grant ..."
            if keys:
                return keys, rule
        # purpose clauses count too: "opened fire to disperse demonstrators"
        comps = [c for c in v.children if c.dep_ in ("ccomp", "xcomp")] + _purpose_clauses(v)
        for comp in comps:  # "demanded that Mugabe resign", "urged X to"
            if v.lemma_ == "deny" and comp.tag_ == "VBG":
                continue  # "denied attacking the hospital": a denial of its own act
            if v.lemma_ in DENIED_BY and comp.dep_ == "ccomp":
                continue  # "denied that his fighters had targeted civilians": see _denied
            if comp.dep_ == "advcl" and trig.type == "RETREAT":
                self.consumed.add(comp.i)  # "withdrew from the city to spare civilians",
                continue  # "resigned to allow elections": what for, not from whom
            if (
                trig.type in ("REQUEST", "ACCUSE", "THREATEN", "REJECT", "CONCEDE")
                and comp.dep_ == "ccomp"
            ):  # "demanded that X resign", "allowed X to run" (parsed as a clause)
                keys = self._keys([c for c in comp.children if c.dep_ in SUBJ_DEPS])
                if (
                    trig.type == "THREATEN"
                    and self.trigger(comp) is None
                    and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in comp.children)
                    and not self._keys([c for c in comp.children if c.dep_ in SUBJ_DEPS], 0)
                ):
                    keys = []  # "warned that the aid plan for Somalia was underfunded": a fact
                own = {self._state(k) for k in self.exclude} - {None}
                if (
                    keys
                    and trig.type == "THREATEN"
                    and all(k.startswith("role:") or self._state(k) in own for k in keys)
                ):
                    # "warned that police will not tolerate rallies by Kifaya", "warned that
                    # Pakistan would strike ... if Afghan authorities failed to act": the
                    # warner's own side will act; whoever it acts on, or whoever must meet
                    # the condition, is the target
                    deep = [
                        k
                        for t in _own_clause(comp)
                        if (t.dep_ == "pobj" and t.head.lower_ in ("by", "against", "on"))
                        or (t.dep_ == "dobj" and t.head.i == comp.i)
                        for k in self._keys([t])
                        if k not in keys
                    ]
                    deep += [
                        k
                        for c in comp.children
                        if c.dep_ == "advcl"
                        and any(m.lower_ in ("if", "unless") for m in c.children)
                        for g in c.children
                        if g.dep_ in SUBJ_DEPS
                        for k in self._keys([g])
                        if k not in keys
                    ]
                    keys = deep[:1]
                if keys:
                    self.consumed.add(comp.i)
                    return keys, "clausal-subject"
            if comp.dep_ in ("xcomp", "advcl") or trig.type in CONTROL_TYPES:
                inner = self.trigger(comp)
                itrig = inner[0] if inner else trig
                inoun = inner[1][1] if inner and inner[2] == "light-verb" else None
                keys, rule = self.targets(comp, itrig, inoun)  # "threatened to launch an offensive"
                if not keys:
                    keys = self._keys(_prep_objects(comp, set(DEFAULT_TARGET_PREPS) | {"for"}))
                    rule = "complement-prep"
                if (
                    not keys
                    and trig.type in ("THREATEN", "AGREE", "REJECT")
                    and comp.lemma_ not in VENUES
                ):
                    # "threatened to institute a curfew in Algiers": the place is the target
                    # ("offered to host talks in Istanbul": a venue is not)
                    keys = [k for k in self._places(comp, inoun) if not self._region(k)][:1]
                    rule = "complement-place"
                if keys:
                    if trig.type in CONTROL_TYPES or inner is None or comp.dep_ == "advcl":
                        self.consumed.add(comp.i)
                    return keys, "control-" + rule
        if trig.mode != "mediation":
            return self.deep_target(v, trig)
        if trig.mode == "mediation":  # "the ceasefire, which was brokered by Egypt"
            thing = [c for c in v.children if c.dep_ in PASSIVE_SUBJ_DEPS | OBJ_DEPS]
            if v.dep_ == "acl":  # "a swap mediated by the UAE"
                thing = [v.head]
            for t in thing:
                if t.dep_ in PASSIVE_SUBJ_DEPS and v.dep_ == "relcl":
                    t = v.head
                parties = self.agreements.get(t.lemma_.lower())
                if parties:
                    return list(parties), "mediation-bridge"
                # "exchanged prisoners in a swap mediated by the UAE", "agreed to a truce
                # brokered by Qatar": the two parties of the clause the noun is part of
                gov = t.head.head if t.dep_ == "pobj" else t.head if t.dep_ in OBJ_DEPS else None
                if gov is not None and gov.pos_ in ("VERB", "AUX"):
                    keys = [k for k in _keys(self.idx, _subject(gov)[0]) if k not in self.exclude]
                    if len(keys) >= 2:
                        return keys, "mediation-parties"
        return [], ""

    def _noun_clause(self, t) -> tuple[list[str], str]:
        """The subject of a clause attached to an event noun: 'demand that X resign'."""
        if t.pos_ in ("NOUN", "PROPN") and self._noun_entry(t) is None:
            return [], ""
        for c in t.children:
            if c.dep_ in ("acl", "ccomp", "relcl") and c.i > t.i:
                if any(  # "an agreement under which Kigali pledged ...": an act of its own
                    g.lower_ in ("which", "whom", "whose")
                    or (g.lower_ == "that" and g.dep_ != "mark")
                    for x in c.children
                    for g in (x, *x.children)
                ):
                    continue
                subj = [g for g in c.children if g.dep_ in SUBJ_DEPS and g.lower_ not in RELATIVE]
                # the subject itself names an actor ("demand that Israel withdraw"), not a
                # thing of one's ("accusations that Lai's trial is unfair")
                keys = self._keys(subj, depth=0)
                if keys:
                    self.consumed.add(c.i)
                    return keys, "noun-clause-subject"
        return [], ""

    def deep_target(self, v, trig: Trigger) -> tuple[list[str], str]:
        """Protests and accusations name their target deep in the clause ("in protest
        against violations by the security forces"): the first actor under such a preposition."""
        if trig.type not in DEEP_TARGET_TYPES:
            return [], ""
        if trig.type == "THREATEN":  # "threatened to stop talks if the United States ..."
            for t in v.subtree:
                if t.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in t.children):
                    keys = self._keys([g for g in t.children if g.dep_ in SUBJ_DEPS])
                    if keys:
                        return keys, "condition-subject"
        subj = {t.i for c in v.children if c.dep_ in SUBJ_DEPS for t in c.subtree}
        # "condemned the strikes as a crime against the Yemeni people": what the act is
        # called names no target
        subj |= {
            t.i for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree
        }
        for t in _own_clause(v):
            if t.i in subj or t.dep_ != "pobj":
                continue
            prep = t.head
            if prep.lower_ not in DEEP_PREPS and not (  # "in protest of", "in defiance of"
                prep.lower_ == "of"
                and prep.head.lemma_.lower() in ("protest", "defiance")
                and prep.head.head.lower_ == "in"
            ):
                continue
            keys = [
                k
                for k in _keys(self.idx, [t])
                if _vote_type(self.idx.clusters[k]) != "place"
                and self.idx.clusters[k].sector != "BUS"  # "over the survey ship": a thing
            ]
            if keys:
                return keys, "deep-prep"
        return [], ""

    def sources(self, v, trig: Trigger | None = None) -> tuple[list[str], str]:
        if _each_side(v) is not None:  # "..., but each side has accused the other": the
            here = _sent_no(self.doc, v.sent)  # two parties of the last joint act
            for ev in reversed(self.events):
                if len(ev.source) >= 2 and here - ev.sentence_index <= 1:
                    return list(ev.source), "each-side"
            return [], ""
        subj, rule = _subject(v)
        if (
            v.dep_ == "relcl"
            and not subj
            and not any(c.dep_ in PASSIVE_SUBJ_DEPS for c in v.children)
        ):
            return [], ""
        keys = _keys(self.idx, subj)
        if (
            # "said the Philippines would not be intimidated and called on China": a past
            # tense is no second verb under "would"
            # "denied that civilians had been targeted and accused Hezbollah": not the
            # passive subject of the clause reported
            (
                not keys
                or _joined_to_speech(v)
                or any(c.dep_ == "nsubjpass" for c in v.head.children)
            )
            and trig is not None
            and trig.type in SPEECH_ACTS
            and v.dep_ == "conj"
            and v.head.dep_ == "ccomp"
            and v.head.head.lemma_ in SAY_VERBS | DENIED_BY | {"warn"}
        ):
            # "Peskov said the summit was a provocation and accused NATO ...": a speech act
            # joined to the speech, not to the clause it reports
            speaker = [c for c in v.head.head.children if c.dep_ in SUBJ_DEPS]
            keys, rule = _keys(self.idx, speaker), "speaker"
            if keys:
                return keys, rule
        if not keys and trig is not None and trig.type == "ASSAULT":
            # "a roadside bombing killed ...", "were killed in a car bombing": perpetrator unknown
            cands = list(subj) + [p for c in v.children if c.dep_ == "prep" and c.lower_ in ("in", "by")
                                  for p in c.children if p.dep_ == "pobj"]  # fmt: skip
            # "were killed when a car bomb exploded"
            cands += [g for c in v.children if c.dep_ == "advcl" for g in c.children
                      if g.dep_ in SUBJ_DEPS]  # fmt: skip
            # "two Israeli air raids in which (it said) 20 people were killed": the raids
            if v.dep_ == "ccomp" and v.head.dep_ == "relcl":
                cands += [p for c in v.head.children if c.dep_ == "prep" and c.lower_ == "in"
                          for p in c.children if p.dep_ == "pobj"]  # fmt: skip
            cands = [t.head.head.head if t.lower_ in RELATIVE and t.head.head.dep_ == "relcl"
                     else t for t in cands]  # fmt: skip
            for t in cands:
                if (
                    t.lemma_.lower() in ATTACK_NOUNS
                    or t.lower_ in ATTACK_NOUNS
                    or any(
                        g.lemma_.lower() in ATTACK_NOUNS for g in t.lefts if g.dep_ == "compound"
                    )
                ):
                    parties = _keys(self.idx, _prep_objects(t, {"between"}), depth=1)
                    if len(parties) >= 2:  # "clashes between the army and rebels killed 10"
                        return parties, "attack-noun-between"
                    if t not in subj:
                        # "were killed in the Indian strikes": the noun names who attacked
                        keys = [k for k in _keys(self.idx, [t]) if not self._is_place(k)]
                        if keys:
                            return keys, "attack-noun-agent"
                    # "wounded in the attack", "the strikes killed 23": the attack told before
                    keys = self._antecedent(t, "ASSAULT", ())
                    if keys:
                        return keys, "attack-anaphor"
                    return [self._unknown(t)], "attack-noun"
            for c in v.children:  # "were wounded when an Israeli tank fired on ..."
                if c.dep_ == "advcl" and any(m.lower_ == "when" for m in c.children):
                    keys = [k for k in _keys(self.idx, [g for g in c.children if g.dep_ in SUBJ_DEPS])
                            if not self._is_place(k)]  # fmt: skip
                    if keys:
                        return keys, "when-clause-subject"
        if not keys and not subj and trig is not None and trig.type in ("ASSAULT", "COERCE"):
            # "43 civilians were killed on Sunday", "Melia was detained": done to someone
            # named or counted, by someone the sentence does not name
            if (
                v.tag_ == "VBN"
                and rule != "passive-agent"
                and any(c.dep_ == "auxpass" for c in v.children)
                and v.lemma_ in UNNAMED_DOERS
            ):
                pas = [c for c in v.children if c.dep_ in PASSIVE_SUBJ_DEPS]
                if any(_nobody(p) for p in pas):
                    return [], ""  # "no one was injured", "none of the crew was hurt"
                if _keys(self.idx, pas) or any(
                    q.kind in COUNTED_HARM for q in self.quantities(v, trig)
                ):
                    if trig.type == "COERCE":  # "was arrested in Lebanon": by its authorities
                        keys = [
                            k
                            for k in _keys(self.idx, _prep_objects(v, {"in"}), depth=0)
                            if _vote_type(self.idx.clusters[k]) == "country"
                        ]
                        if keys:
                            return keys[:1], "arrested-in-country"
                    return [self._unknown(v)], "unnamed-doer"
        return keys, rule

    def _unknown(self, t) -> str:
        """The actor for a doer the text does not name (one per kind and document)."""
        name, typ, sector = UNNAMED_DOERS.get(t.lemma_, UNNAMED_DOERS["kill"])
        start = t.left_edge.i if t.pos_ in ("NOUN", "PROPN") else t.i  # "a roadside bombing"
        return self.idx.add(f"unknown:{name}", start, t.i + 1, "unnamed-doer", head=t.i,
                            name=name, type=typ, sector=sector)  # fmt: skip

    def _antecedent(self, t, etype, src, told: bool = False, summary: bool = False) -> list[str]:
        """The doers of the last ``etype`` event (a type, or a set of types) told before
        token ``t`` ("the attack", "the move"; with ``told``, "the attack on the base" too:
        a verdict is passed on an act already told; with ``summary``, "a move" summing up
        the clause before)."""
        if not summary and not any(d.lower_ in ANAPHORIC_DETS for d in t.lefts if d.dep_ == "det"):
            return []
        if not told and any(
            c.dep_ == "prep"
            and c.lower_ in ("on", "against")
            and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)  # "on Sunday"
            for c in t.children
        ):
            return []  # "the attack on the market": a new one, told in full
        types = {etype} if isinstance(etype, str) else etype
        here = _sent_no(self.doc, t.sent)
        before = [ev for ev in self.events if ev.type in types and ev.trigger.start < t.idx
                  and here - ev.sentence_index <= ANAPHOR_SENTENCES]  # fmt: skip
        if not before and isinstance(etype, str):  # "Trump condemned the attack" on civilians
            # told in the lead paragraphs (not "the move": any act could be meant; not the
            # army's answer to it, whose victims are fighters)
            before = [ev for ev in self.events if ev.type in types and ev.sentence_index <= 2
                      and ev.trigger.start < t.idx and ev.target
                      and all(self.idx.clusters[k].sector == "CVL" for k in ev.target)][:1]  # fmt: skip
        # "condemned the airstrike": the last airstrike, before the last act of any kind
        word = t.lemma_.lower()
        stem = word[:-3] if word.endswith("ing") and len(word) > 6 else word  # "killing": kill
        same = [ev for ev in before if stem in ev.predicate or stem in ev.trigger.text.lower()]
        own = {c for k in src if (c := self._state(k))}
        for ev in reversed(same or before):
            if set(ev.source) & set(src) or any(k.startswith("unknown:") for k in ev.source):
                return []  # one's own act, or one by no one known
            if own and {self._state(k) for k in ev.source} <= own:
                continue  # "Tinubu condemned the attack": not his army's counter-offensive
            return list(ev.source)
        return []

    # ---------------------------------------------------------------- attributes
    def modality(self, v) -> tuple[str, bool, bool]:
        """(modality, negated, assessed): assessed when a hedge or schedule word before the
        complement makes it others' view, not the actor's intent ("is unlikely to")."""
        negated = assessed = False
        mod = "asserted"
        if (
            v.dep_ in ("acl", "advcl")
            and v.tag_ == "VB"
            and any(c.lower_ == "to" for c in v.children)
        ):
            # "a joint force of 5,000 troops to fight jihadists": a purpose, not yet done
            # (nor a threat or a promise: the type stays)
            mod, assessed = "future", True
        chain = [v]
        t = v
        while t.dep_ in ("xcomp", "conj", "ccomp") and t.head is not t and len(chain) < 4:
            if (t.dep_ == "ccomp" and t.head.lemma_ in SAY_VERBS) or _joined_to_speech(t):
                break
            t = t.head
            chain.append(t)
        if v.dep_ == "ccomp" and v.head.lemma_ in DENIED_BY and v.i > v.head.i:
            negated = True  # "denied that they were holding any crew": said not to be so
        for i, t in enumerate(chain):
            for c in t.children:
                low = c.lower_
                if c.dep_ == "neg" and (i == 0 or chain[i - 1].dep_ == "xcomp"):
                    negated = True
                if c.dep_ == "aux" and i <= 1:
                    if low in FUTURE_AUX:
                        mod = "future"
                    elif low in HYPOTHETICAL_AUX and mod == "asserted":
                        mod = "future" if low == "would" and self._in_speech(v) else "hypothetical"
                if c.dep_ == "mark" and low in ("if", "unless", "until") and t.dep_ == "advcl":
                    mod, assessed = "hypothetical", True  # a condition, not an intent
            if i > 0 and t.lemma_ == "fail" and chain[i - 1].dep_ == "xcomp":
                negated = not negated
            if i > 0 and chain[i - 1].dep_ == "xcomp" and mod == "asserted":
                low = t.lemma_.lower()
                if low in HEDGES:  # "is unlikely to invade"
                    mod, assessed = "hypothetical", True
                elif low in SCHEDULED:  # "is expected to host", "is set to sign"
                    mod, assessed = "future", True
            if (
                i > 0
                and t.lemma_ in PLAN_VERBS
                and chain[i - 1].dep_ == "xcomp"
                and mod == "asserted"
            ):
                if t.lemma_ not in ("threaten", "refuse"):  # "agreed to withdraw": not yet
                    mod = "future"
        return mod, negated, assessed

    def _in_speech(self, v) -> bool:
        return bool(self._reporter_verb(v))

    def _reporter_verb(self, v):
        if _joined_to_speech(v):
            return None  # the speaker's own second act
        t = v.head if v.dep_ == "acomp" else v  # "said China is ready to work with ..."
        for _ in range(5):
            if t.dep_ in ("ccomp", "parataxis", "conj", "xcomp") and t.head is not t:
                if t.head.lemma_ in SAY_VERBS or (
                    t.dep_ == "ccomp" and t.head.lemma_ in DENIED_BY and t.i > t.head.i
                ):
                    return t.head
                t = t.head
            else:
                break
        if v.dep_ == "ROOT" or t.dep_ == "ROOT":  # "..., Price said" with the quote as root
            for c in t.children:
                if c.dep_ in ("parataxis", "ccomp") and c.lemma_ in SAY_VERBS:
                    return c
        return None

    def reporters(self, v) -> tuple[list[str], bool]:
        """(who reports the event, whether it is reported at all): "..., local sources said",
        "according to medics" and "reportedly" make a report even when its source is no actor.
        A doer who says it did something reports it too ("the army said it had shot down")."""
        keys: list[str] = []
        sv = self._reporter_verb(v)
        said = False
        charging = _charged(v)
        if charging is not None:  # "Congo accused the M23 of killing civilians": Congo says so
            keys += _keys(self.idx, _subject(charging)[0])
            said = True
        if sv is not None:
            subj = [c for c in sv.children if c.dep_ in SUBJ_DEPS] or self.speakers(v.sent)
            said = bool(subj)
            keys += _keys(self.idx, subj)
        for t in (v, v.sent.root):  # "according to the Gaza health ministry"
            for c in t.subtree:
                if c.lower_ == "according" and c.i > v.i - 40 and _covers(c, v):
                    said = True
                    for to in c.children:
                        keys += _keys(self.idx, [p for p in to.children if p.dep_ == "pobj"])
            if keys:
                break
        said = said or any(c.dep_ == "advmod" and c.lower_ in HEARSAY for c in v.children)
        return list(dict.fromkeys(keys)), said

    def place(self, v, used: set[str]) -> str | None:
        # "in Kharkiv", "in Rakhine state", and one level down: "captured a base in Rakhine"
        for t in (v, *[c for c in v.children if c.dep_ in OBJ_DEPS]):
            for p in _prep_objects(t, {"in", "near", "at", "inside", "outside"}):
                for q in (p, *[c for c in p.children if c.dep_ == "compound"]):
                    if q.ent_type_ in ("GPE", "LOC", "FAC") or q.i in self.idx.head:
                        keys = [
                            k
                            for k in self.idx.actors_of(q)
                            if k not in used
                            and _vote_type(self.idx.clusters[k]) in ("place", "country")
                        ]
                        if keys:
                            return keys[0]
        return None

    def date(self, v):
        # the event's own clause, then the rest of its subtree except clauses of another
        # time ("since the junta expelled French troops in 2022")
        other_time = {
            t.i
            for c in v.subtree
            if (c.dep_ == "advcl" and any(m.lower_ in OTHER_TIME_MARKS for m in c.children))
            or (  # "Chapo, who took office in January," (not "..., the ministry said on
                c.dep_ == "relcl"  # Monday", which the parser may hang as a relative)
                and c is not v
                and any(w.lower_ in RELATIVE_WORDS for w in c.subtree if w.i < c.i)
            )
            for t in c.subtree
        }
        own = _own_clause(v)
        rest = [t for t in v.subtree if t.i not in other_time]
        if self._ents is None:
            self._ents = {e.start: e for e in self.doc.ents}
        for toks in (own, rest):
            # the nearest expression that resolves: "On Tuesday, a court sentenced them to
            # between two and four years" is Tuesday; "on Saturday night" is a TIME entity
            ents = sorted(
                (self._ents[t.i] for t in toks
                 if t.ent_type_ in ("DATE", "TIME") and t.ent_iob_ == "B"),
                key=lambda e: abs(e.start - v.i),
            )  # fmt: skip
            for ent in ents:
                root = ent.root
                if (
                    root.dep_ in ("compound", "nummod", "amod", "nmod")
                    and (
                        root.head.pos_ == "NOUN"
                        or root.head.text in INSTRUMENT_WORDS  # "the 1951 Mutual Defense Treaty"
                    )
                    and root.head.lemma_.lower() not in TIME_NOUNS
                ):
                    continue  # "after the 2021 coup", "a 1951 treaty": that thing's time
                # the tense of the verb the date belongs to: "accepted an invitation to visit
                # in May" is the visit's
                tense = _tense(governing_verb(root))
                value = resolve_date(ent.text, self.doc_date, ent.start_char, ent.end_char, tense)
                if value is not None:
                    return value
        if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and v.head.i < v.i:
            # "arrived in Naypyitaw on Wednesday and met the junta chief": the same day
            if not any(c.dep_ in SUBJ_DEPS for c in v.children):
                return self.date(v.head)
        return None

    # ---------------------------------------------------------------- the loop
    def read(self) -> list[Event]:
        doc = self.doc
        for i in token_indices(doc, ("VERB", "AUX"), _ADJ_WORDS):  # what trigger() can take
            v = doc[i]
            hit = self.trigger(v)
            if hit is None:
                continue
            trig, toks, how = hit
            if v.i in self.consumed:
                continue
            noun = toks[1] if how == "light-verb" else None
            if trig.type in ("ACCUSE", "PROTEST"):
                # "summoned the ambassador to protest the incident": one protest, not a
                # second one planned
                for c in _purpose_clauses(v):
                    inner = self.trigger(c)
                    if inner is not None and inner[0].type in ("ACCUSE", "PROTEST"):
                        self.consumed.add(c.i)
            if trig.type in CONTROL_TYPES:  # "agreed to withdraw": one event, the outer one
                for c in v.children:
                    if c.dep_ == "xcomp":
                        inner = self.trigger(c)
                        self.consumed.add(c.i)
                        if trig.type == "REQUEST":  # "called on X to pressure Israel to
                            self.consumed.update(  # withdraw": nothing asked for is done
                                t.i
                                for t in c.subtree
                                if t.dep_ in ("xcomp", "conj")
                                and t.pos_ == "VERB"
                                and t.tag_ == "VB"
                            )  # (not "... and called on Israel": the asker's own next act)
                        if (
                            (how == "adjective" or v.lemma_ in VOW_VERBS)
                            and inner
                            and INTENT_TYPES.get(inner[0].type) == "THREATEN"
                        ):
                            # "prepared to impose martial law", "vowed to attack Israel"
                            trig = self.lex.verbs.get("threaten", trig)
            if (
                how == "verb"
                and v.lemma_ == "expel"
                and any(c.dep_ == "dobj" and c.lemma_.lower() in CRAFT for c in v.children)
            ):  # "the coast guard expelled Taiwanese vessels": driven away, not a sanction
                trig = self.lex.verbs.get("drive away", trig)
            src, srule = self.sources(v, trig)
            if how == "drawn-from":  # "the drills drew a rebuke from China": China rebukes
                doers = src  # whoever held the drills
                if not doers:
                    head = self.events[self.at[v.head.idx]] if v.head.idx in self.at else None
                    doers = list(head.source) if head is not None and v.dep_ != "ROOT" else []
                src = self._keys(_prep_objects(v, {"from"}) + _prep_objects(toks[1], {"from"}))
                if not src or not doers:
                    continue
                self.exclude = set(src)
                self.emit(v, trig, toks, how, src, [k for k in doers if k not in src],
                          "drawn-from", "drawn-from-doer")  # fmt: skip
                continue
            self.exclude = set(src)
            tgt, trule = self.targets(v, trig, noun)
            if (
                how == "verb"
                and v.lemma_ in ("hold", "control")
                and tgt
                and all(_vote_type(self.idx.clusters[k]) == "place" for k in tgt)
            ):
                continue  # "Nyala, which the RSF holds": who holds a town is a state, not an act
            if trig.type == "CONSULT" and tgt:  # "speaking to reporters": attribution
                tgt = [k for k in tgt if self.idx.clusters[k].sector != "MED"]
                if not tgt and len(src) < 2:
                    continue
            if trig.type == "MOBILIZE" and src:  # "sent thousands of troops": its own
                tgt = [k for k in tgt if not k.startswith(TROOPS)]
            speakers = self.speakers(v.sent)  # "..., killing 18 people, residents said"
            if tgt and speakers:
                tgt = [k for k in tgt if k not in _keys(self.idx, speakers, 0)]
            # a word of the trigger is not its target ("exchanged prisoners")
            tgt = [k for k in tgt if not any(k in self.idx.head.get(t.i, ()) for t in toks[1:])]
            tgt = [k for k in tgt if k not in src] if src else tgt
            if trig.type == "REJECT" and how == "verb" and v.lemma_ in DENIALS:
                tgt, trule = self._denied(v, src, tgt, trule)
            if trig.type not in PLACE_TARGET_TYPES:  # one agrees with actors, not regions
                tgt = [k for k in tgt if not self._region(k)]
            # "fired missiles into the Gulf of Aden": a sea is where, never whom
            tgt = [k for k in tgt if not self._water(k)]
            if v.i in self.consumed:  # taken over while reading an outer verb
                continue
            if any(c.dep_ == "aux" and c.lower_ in DEONTIC_AUX for c in v.children):
                continue  # "Israel must withdraw" is an obligation (see read_statements), not an event
            if _question(v):
                continue  # "asked him whether he agreed": a question, not a request
            if trig.type == "REQUEST" and any(
                c.dep_ == "xcomp" and c.lemma_ in ("name", "identify", "quote") for c in v.children
            ):
                continue  # "asked not to be named": a source's condition, not a demand
            naming = how == "verb" and v.lemma_ in NAMING_VERBS and _name_calling(v)
            if naming:
                trig = self.lex.verbs.get("accuse", trig)  # "called Maduro a dictator"
            elif (
                how == "verb"
                and v.lemma_ in NAMING_VERBS
                and (v.lemma_ != "call" or not _phone_call(self.idx, v))
            ):
                continue  # "called the move disappointing", "calling them an army"
            if naming:  # "called Petro an illegal drug leader": the name is no one
                tgt = self._keys([c for c in v.children if c.dep_ == "dobj"], 0) or tgt
            if (
                how == "verb"
                and v.lemma_ in MOTION_VERBS
                and not any(c.dep_ == "dobj" for c in v.children)
            ):
                continue  # "negotiators return to Geneva": travel, not giving something back
            if not src and trule == "passive-subject" and trig.type == "SANCTION":
                # "Geza was expelled from Zanu PF": the body one is expelled from did it
                src = [
                    k
                    for k in _keys(self.idx, _prep_objects(v, {"from"}), depth=0)
                    if _vote_type(self.idx.clusters[k])
                    in ("organisation", "government", "armed_group")
                    and k not in tgt
                ]
                srule = "expelled-from"
            if not src and trule == "passive-subject" and trig.type == "MOBILIZE":
                # "Police units were dispatched to the area": the forces sent move
                forces = [k for k in tgt if _vote_type(self.idx.clusters[k]) == "military"
                          or k.startswith(TROOPS) or self.idx.clusters[k].sector in ("MIL", "COP")]  # fmt: skip
                if forces:
                    src, srule, tgt, trule = forces, "sent-forces", [], ""
            if not src:
                continue
            if (
                trig.mode == "visit"
                and v.lemma_ in ("travel", "fly")
                and (not tgt or any(_vote_type(self.idx.clusters[k]) not in VISITORS for k in src))
            ):
                continue  # a leader travels to a country; refugees fleeing to Germany do not
            if not tgt or set(tgt) <= GENERIC_VICTIMS:
                # "the Hamas attack on Israel killed 1,200 people": the noun's target
                for sj in (c for c in v.children if c.dep_ in SUBJ_DEPS):
                    st = self._noun_entry(sj)
                    if st is not None and st.type == trig.type:
                        named = [
                            k
                            for k in _keys(self.idx, _prep_objects(sj, set(st.target_preps)), 1)
                            if k not in src
                        ]
                        tgt, trule = (named, "subject-noun-prep") if named else (tgt, trule)
                        break
            if not tgt and trig.type in ("ASSAULT", "COERCE"):
                tgt = self._possessor_victim(v, src)  # "the army bombed its positions"
                trule = "possessor-pronoun" if tgt else trule
            if not tgt and trig.type in ("ACCUSE", "PROTEST", "REJECT", "SUPPORT"):
                # "Zelenskyy condemned the strikes", "Peskov dismissed the sanctions":
                # whoever made the act told before
                tgt = self._attack_antecedent(v, src)
                trule = "attack-anaphor" if tgt else trule
            if (
                not tgt
                and len(src) == 1
                # "signed an agreement in Doha": where a deal is signed is no party to it
                and (trig.type not in VERBAL_TYPES | {"AGREE"} or trig.mode == "visit")
                and not any(c.dep_ == "dobj" and c.pos_ == "NUM" for c in v.children)
            ):
                # "imposed a curfew in Cizre": the place is the target ("wounded 57 in Sumy":
                # the counted people are, see quantities); a request is made of
                # a country ("sought refuge in Germany"), not of a region ("demanded a halt
                # to fighting in Darfur")
                tgt = [k for k in self._places(v, noun) if k not in src][:1]
                if trig.type == "RETREAT":  # "withdrew from Gaza", not "surrendered in Soroti"
                    direct = set(self._keys(_prep_objects(v, {"from", "of"})))
                    tgt = [k for k in tgt if k in direct]
                if trig.type == "REQUEST":
                    direct = set(self._keys(_prep_objects(v, {"in", "from"})))
                    tgt = [
                        k
                        for k in tgt
                        if k in direct and _vote_type(self.idx.clusters[k]) == "country"
                    ]
                if trig.type not in PLACE_TARGET_TYPES:
                    tgt = [k for k in tgt if not self._region(k)]
                tgt = [k for k in tgt if not self._water(k)]  # "in the Red Sea"
                trule = "place-target" if tgt else trule
            if not tgt and v.dep_ in ("advcl", "conj") and v.tag_ == "VBG":
                # "opened fire on protesters, killing one and arresting 12": the same people
                head = self._head_event(v)  # "killing one and arresting 12"
                if (
                    head is not None
                    and head.target
                    and set(head.source) == set(src)
                    and head.type != trig.type  # "..., killing 12": the head's own figures
                    and any(q.kind in COUNTED_HARM for q in self.quantities(v, trig))
                ):
                    tgt, trule = list(head.target), "participle-inherited"
            if not tgt and v.dep_ == "conj" and v.head.idx in self.at:
                # "killed four gang members and arrested two others": the same people
                head = self.events[self.at[v.head.idx]]
                if (
                    head.type != trig.type
                    and set(head.source) == set(src)
                    and any(
                        c.dep_ == "dobj" and c.lower_ == "others" and _counted(c)
                        for c in v.children
                    )
                ):
                    tgt, trule = list(head.target), "others-inherited"
            if not tgt:  # "will halt talks unless Israel stops the raids": the condition names it
                for c in v.children:
                    if c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children):
                        tgt = self._keys([g for g in c.children if g.dep_ in SUBJ_DEPS])
                        trule = "condition-subject" if tgt else trule
            mutual = trig.type in RECIPROCAL_TYPES or any(
                t.lower_ in RECIPROCAL_OBJECTS for t in toks
            )
            if not tgt and len(src) >= 2 and _each_other(v):
                mutual = True  # "Thailand and Cambodia accused each other"
            if trig.type == "ASSAULT" and any(  # "X and Y killed 400 people" is not mutual
                c.dep_ == "dobj" and c not in toks for c in v.children
            ):
                mutual = False
            if not tgt and (len(src) < 2 or not mutual) and not self._unary(v, trig, toks, how):
                if trig.type == "AGREE":  # "Russia agreed to withdraw its troops": the
                    for c in v.children:  # act agreed to stands alone (it is read next)
                        if c.dep_ == "xcomp":
                            self.consumed.discard(c.i)
                continue  # a statement with no target is not an edge; "X and Y agreed" is
            if trig.type == "AID" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in MESSAGE_NOUNS for c in v.children
            ):
                continue  # "sent a letter to X" is correspondence, not aid
            if self._merge_into_head(v, trig, src, tgt):
                continue  # "attacked a camp, killing 30 soldiers": one attack
            self.emit(v, trig, toks, how, src, tgt, srule, trule)
        self.read_statements()
        self.read_absolute()
        self.read_nominal()
        self.read_under_attack()
        return self.events

    def read_under_attack(self) -> None:
        """ "Their forces came under attack from Assad loyalists": an attack on the subject
        by whoever the noun's "from"/"by" names."""
        for i in token_indices(self.doc, ("VERB", "AUX")):
            v = self.doc[i]
            if v.lemma_ not in ("come", "be"):
                continue
            for n in _prep_objects(v, {"under"}):
                trig = self._noun_entry(n)
                if trig is None or trig.type != "ASSAULT":
                    continue
                src = _keys(
                    self.idx, _prep_objects(n, {"from", "by"}) + _prep_objects(v, {"from", "by"})
                )
                subj, _ = _subject(v)
                tgt = [k for k in _keys(self.idx, subj) if k not in src]
                if src and tgt:
                    self.emit(v, trig, [v, n.head, n], "under-attack", src, tgt, "noun-agent",
                              "subject")  # fmt: skip

    def read_nominal(self) -> None:
        """Event nouns that stand alone, with their actors on the noun: "Palestinian riots
        against Israeli policies continue", "since Russia's invasion of Ukraine". A noun
        that is already an argument or trigger of an event adds nothing."""
        taken = set()
        for e in self.events:
            taken.update(range(e.trigger.start, e.trigger.end))
        for i in token_indices(self.doc, ("NOUN", "VERB")):
            n = self.doc[i]
            if n.pos_ == "VERB" and not (n.tag_ == "VBG" and n.dep_ in SUBJ_DEPS):
                continue  # only "Fighting between the army and the RSF erupted" (as a verb)
            trig = self._noun_entry(n) if n.pos_ == "NOUN" else self.lex.nouns.get(n.lower_)
            if trig is None or n.idx in taken:
                continue
            if n.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS | OBJ_DEPS and self.trigger(n.head):
                continue  # "Israeli strikes on Gaza killed ...": the verb's event
            # "agreements between Damascus and the SDF", "talks between Russia and Ukraine"
            parties = _keys(self.idx, _prep_objects(n, {"between"}), depth=1)
            if trig.type in RECIPROCAL_TYPES and len(parties) >= 2:
                self.emit(n, trig, [n], "noun", parties, [], "noun-between", "none")
                continue
            if trig.type in ("AGREE", "CONSULT", "SUPPORT"):
                continue  # "Egypt's offer to mediate": only a party's own act
            mods = [c for c in n.children if c.dep_ in ("poss", "amod", "compound") and c.i < n.i]
            src = _keys(self.idx, mods, depth=0)
            if not src:
                src = _keys(self.idx, _prep_objects(n, {"by"}), depth=1)
            preps = set(trig.target_preps) - {"by"}
            tgt = [k for k in _keys(self.idx, _prep_objects(n, preps), depth=1) if k not in src]
            if src and tgt:
                self.emit(n, trig, [n], "noun", src, tgt, "noun-modifier", "noun-prep")

    def _unary(self, v, trig: Trigger, toks, how: str) -> bool:
        """An act done by its source alone: "the president resigned", "rebels surrendered",
        "thousands rallied", "Hamas declared a unilateral ceasefire"."""
        if trig.type in ("ASSAULT", "COERCE") and _takes_ground(v, self.idx):
            return True  # "M23 seized the town of Sake": territory taken is an event
        if trig.type in ("ASSAULT", "COERCE"):
            # "the BLA killed nearly 400 people": victims counted but not named. "..., killing
            # 12" and "and wounded 1,900" after another trigger are that event's figures.
            head = self.trigger(v.head) if v.dep_ in ("conj", "advcl", "xcomp", "acl") else None
            if head is not None and head[0].type == trig.type:
                return False
            return any(q.kind in COUNTED_HARM for q in self.quantities(v, trig))
        if trig.type not in ("RETREAT", "PROTEST", "MOBILIZE"):
            return False
        word = toks[-1] if how == "light-verb" else v
        two = f"{word.nbor(-1).lower_} {word.lemma_.lower()}" if word.i else ""
        lemma = _verb_lemma(word, self.lex) if how != "light-verb" else word.lemma_.lower()
        if (
            lemma not in UNARY_TRIGGERS
            and two not in UNARY_TRIGGERS
            and not (trig.type == "MOBILIZE" and lemma in SENDING_VERBS)
        ):
            return False
        # "withdrew its ambassador", "released a statement": an object the rules could not
        # read as an actor makes it something else
        return how == "light-verb" or not any(  # "withdrew its troops", "deployed troops"
            c.dep_ in OBJ_DEPS
            and not any(g.dep_ == "poss" for g in c.children)
            and not (trig.type == "MOBILIZE" and _role_forces(self.idx, c))
            for c in v.children
        )

    def _denied(self, v, src, tgt, trule) -> tuple[list[str], str]:
        """A denial names no one inside what it denies ("denied that it had attacked
        civilians", "which Islamabad denied"): it answers whoever accused the denier."""
        objs = [c for c in v.children if c.dep_ in ("dobj", "dative")]
        if v.i + 1 < len(v.doc) and v.doc[v.i + 1].lower_ == "that":
            objs = []  # "denied that his fighters had targeted civilians", however parsed
        if v.lemma_ == "deny":  # only an actor denied something: "denied Ukraine access"
            objs += [g for c in objs for g in c.children if g.dep_ in ("compound", "poss")]
            direct = [c for c in objs if c.lower_ not in RELATIVE and c.i in self.idx.head]
            tgt = [k for k in tgt if any(k in self.idx.head[c.i] for c in direct)]
        elif any(o.lemma_.lower() in ACCUSATIONS and not _keys(self.idx, [o]) for o in objs):
            tgt = []  # "rejected claims that the vessel had entered Vietnamese waters"
        if tgt:
            return tgt, trule
        if v.dep_ == "relcl" and v.head.lemma_.lower() in ACCUSATIONS and _sums_up(v.head):
            # "X rammed a ship, the council said, an allegation China rejected": the sayer
            says = [t for t in v.sent if t.lemma_ in SAY_VERBS and t.i < v.head.i][-1:]
            root = v.sent.root  # else "Amnesty called for an inquiry ..., a charge the army
            says = says or ([root] if root.pos_ in ("VERB", "AUX") else [])  # rejected"
            subj = [c for s in says for c in s.children if c.dep_ in SUBJ_DEPS]
            keys = [k for k in _keys(self.idx, subj) if k not in src]
            if keys:
                return keys, "claim-maker"
        for ev in reversed(self.events):  # "Congo accuses Rwanda ... Kigali denies it"
            # a charge, an arrest or a sentence is what one denies or rejects
            if (
                ev.type in ("ACCUSE", "COERCE")
                and (set(ev.target) & set(src) or self._same_country(ev.target, src))
                and ev.trigger.start < v.idx
            ):
                return [k for k in ev.source if k not in src], "denied-accuser"
        return [], ""

    def _possessor_victim(self, v, src) -> list[str]:
        """Whose positions were attacked, when a pronoun says it: "our positions" in a quote
        is the speaker's; "its/their positions" the one other group in this or the sentence
        before (the attacker's own are not attacked)."""
        for o in (c for c in v.children if c.dep_ == "dobj"):
            poss = [c for c in o.children if c.dep_ == "poss" and c.pos_ == "PRON"]
            if not poss or self._noun_entry(o) is not None:
                continue  # "kept up its attacks": the attacks' own doer
            if poss[0].lower_ == "our":
                keys = [k for k in self.reporters(v)[0] if k not in src]
                return keys if len(keys) == 1 else []
            if poss[0].lower_ not in ("its", "their"):
                return []
            sent = v.sent
            first = self.doc[sent.start - 1].sent.start if sent.start else sent.start
            own = {self._state(k) for k in src} - {None}
            subj = {t.i for c in v.children if c.dep_ in SUBJ_DEPS for t in c.subtree}
            cands = {
                k
                for start, k in self.idx.order
                if first <= start < poss[0].i
                and start not in subj  # "the Iran-backed group ... its positions": not Iran
                and k not in src
                and not k.startswith(("role:", "unknown:"))
                and _vote_type(self.idx.clusters[k]) not in ("person", "place", "population")
                and not (own and self._state(k) in own)
            }
            return list(cands) if len(cands) == 1 else []
        return []

    def _same_country(self, accused, deniers) -> bool:
        """'UNIFIL accused the Israeli army ..., a charge Israel denied': a state denies for
        its forces, and its officials for it (denier and accused of the same state)."""
        mine = {self._state(k) for k in deniers} - {None}  # "Israel's envoy ... rejected"
        return bool(mine) and any(self._state(k) in mine for k in accused)

    def _attack_antecedent(self, v, src) -> list[str]:
        """The attacker of the last attack told before, when ``v`` condemns "the attack" (a
        definite attack noun that names no actor of its own), or when ``v`` qualifies a
        noun that sums up the clause before ("..., an attack condemned by the UN", "..., a
        move Egypt welcomed")."""
        objs = [c for c in v.children if c.dep_ == "dobj"]
        objs += _prep_objects(v, {"against", "over"})
        summary = v.head if v.dep_ in ("acl", "relcl") and _sums_up(v.head) else None
        for o in [summary] if summary is not None else objs:
            if o.lemma_.lower() in ACT_NOUNS and (
                o is summary
                or not _keys(self.idx, [o], depth=0)
                and all(  # not "the decision to"; "this violation of Afghanistan's airspace"
                    c.dep_ in ("det", "amod")
                    or (c.dep_ == "prep" and c.lower_ == "of" and o.lemma_.lower() in BREACHES)
                    for c in o.children
                )
            ):
                # "condemned the move": the last material act told before
                return self._antecedent(o, MATERIAL_TYPES, src, summary=o is summary)
            entry = self._noun_entry(o)
            if (
                entry is None
                or entry.type not in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE")
                or _keys(self.idx, [o], depth=0 if o is summary else 2)
            ):
                continue
            return self._antecedent(o, entry.type, src, summary=o is summary)
        return []

    def _head_event(self, v):
        """The event a participle or conjoined verb follows ("opened fire ..., killing 2
        and arresting 40"), or None."""
        if v.dep_ not in ("advcl", "conj") or v.tag_ != "VBG":
            return None
        up = v.head
        for _ in range(3):
            head = self.events[self.at[up.idx]] if up.idx in self.at else None
            if head is not None or up.dep_ not in ("conj", "advcl") or up.tag_ != "VBG":
                return head
            up = up.head
        return None

    def _merge_into_head(self, v, trig: Trigger, src, tgt) -> bool:
        """A participle of the same type and source as the event it follows is that event:
        its targets join the event's (they replace a target that was only the place) and its
        figures are the event's already. Two events would count the dead twice."""
        head = self._head_event(v)
        if head is None or head.type != trig.type or set(head.source) != set(src):
            return False
        new = list(tgt) if head.rule.endswith("place-target") else [*head.target]
        # "opened fire on protesters, killing four people": the people are the protesters
        new += [k for k in tgt if k not in new and not (new and k in GENERIC_VICTIMS)]
        if tuple(new) != head.target:
            sent = v.sent
            i = self.at[head.trigger.start]
            self.events[i] = dataclasses.replace(
                head,
                target=tuple(new),
                rule=head.rule.replace("place-target", "participle-object"),
                arguments=tuple(_arg_spans(self.idx, list(head.source) + new, sent)),
            )
        return True

    def quantities(self, v, trig: Trigger):
        """The figures of the event of ``v``, leaving out a conjoined verb that is an event
        of another type ("fired tear gas and arrested 50": the 50 are the arrest's)."""

        def other(c) -> bool:
            if c.dep_ != "conj" or c.pos_ != "VERB":
                return False
            hit = self.trigger(c)
            return hit is not None and hit[0].type != trig.type

        return find_quantities(v, trig.type, other)

    def _state(self, key: str) -> str | None:
        """The country whose state ``key`` is part of (its government, army, leaders), or
        None (an armed group, a population, an organisation)."""
        cl = self.idx.clusters[key]
        if cl.sector in ("GOV", "MIL", "COP") or _vote_type(cl) in ("country", "government"):
            return cl.country
        return None

    def _is_place(self, key: str) -> bool:
        return _vote_type(self.idx.clusters[key]) == "place"

    def _water(self, key: str) -> bool:
        """A sea, gulf or river: where things happen, never a party."""
        cl = self.idx.clusters[key]
        return _vote_type(cl) == "place" and bool(WATERS.search(cl.name))

    def _region(self, key: str) -> bool:
        """A region, a sea or a building ("the Middle East", "the Red Sea", "the Elysee
        Palace"): a place, never a party. Towns, provinces and countries can be parties."""
        cl = self.idx.clusters[key]
        if _vote_type(cl) != "place" or not cl.labels:
            return False
        return cl.labels.most_common(1)[0][0] == "FAC" or bool(
            WATERS.search(cl.name) or REGIONS.search(cl.name)
        )

    def _places(self, v, noun=None) -> list[str]:
        out = []
        for t in (v, noun, *[c for c in v.children if c.dep_ in OBJ_DEPS]):
            if t is None:
                continue
            for p in _prep_objects(t, {"in", "into", "to", "from", "on", "near", "at", "across"}):
                if p.lemma_.lower() in ("request", "invitation", "behest", "urging"):
                    continue  # "deployed at the request of Maputo": who asked, not where
                # "rioted at this jail in northern Israel": one level down too
                for q in (p, *_prep_objects(p, {"in", "near", "of", "across"})):
                    if q.i not in self.idx.head:  # "in Rakhine state"
                        q = next((c for c in q.children if c.i in self.idx.head), q)
                    if q.ent_type_ in ("GPE", "LOC", "FAC") or q.i in self.idx.head:
                        out += [
                            k
                            for k in self.idx.actors_of(q)
                            if _vote_type(self.idx.clusters[k]) in ("place", "country")
                        ]
        return out

    def read_statements(self) -> None:
        """'X said (that) Y must/should do Z' -> X demands of Y (REQUEST, CAMEO 10); and the
        verdicts said on acts (:meth:`_verdict`)."""
        req = self.lex.verbs.get("demand")
        for i in token_indices(self.doc, ("VERB",)):
            sv = self.doc[i]
            if sv.lemma_ not in SAY_VERBS:
                continue
            self._verdict(sv)
            for comp in sv.children if req is not None else ():
                if comp.dep_ != "ccomp" or not any(
                    c.dep_ == "aux" and c.lower_ in DEONTIC_AUX for c in comp.children
                ):
                    continue
                src = _keys(self.idx, [c for c in sv.children if c.dep_ in SUBJ_DEPS])
                tgt = [
                    k
                    for k in _keys(self.idx, [c for c in comp.children if c.dep_ in SUBJ_DEPS])
                    if k not in src
                ]
                if src and tgt and sv.idx not in self.at:
                    self.emit(
                        sv, req, [sv], "reported-demand", src, tgt, "subject", "clausal-subject"
                    )

    def read_absolute(self) -> None:
        """'X and Y agreed to a truce, with Qatar and Turkey mediating': the mediators of an
        absolute clause mediate between the parties of the clause it hangs on."""
        withs = (self.doc[i] for i in token_indices(self.doc, words=_WITH))
        for p in (p for w in withs for p in w.children):
            if not _absolute(p) or p.idx in self.at:
                continue
            lemma = next(
                (w for w in (p.lemma_, p.lower_[:-3], p.lower_[:-3] + "e") if w in self.lex.verbs),
                None,
            )
            trig = self.lex.verbs.get(lemma) if lemma else None
            if trig is None or trig.mode != "mediation":
                continue
            subj = [c for c in p.children if c.dep_ in ("nmod", "nsubj", "compound")]
            src = _keys(self.idx, subj)
            tgt = [k for k in _keys(self.idx, _subject(p.head.head)[0]) if k not in src]
            if src and len(tgt) >= 2:
                self.emit(p, trig, [p], "verb", src, tgt, "absolute-with", "mediation-parties")

    def _verdict(self, sv) -> None:
        """'X said the attack was a war crime' -> X accuses whoever made the attack (ACCUSE,
        CAMEO 11): a verdict on an act named by a noun is an accusation of its doer."""
        accuse = self.lex.verbs.get("accuse")
        if accuse is None or sv.idx in self.at:
            return
        for comp in sv.children:
            if comp.dep_ != "ccomp" or comp.lemma_ != "be":
                continue
            verdict = [
                c
                for c in comp.children
                if c.dep_ in ("attr", "acomp")
                and (c.lemma_.lower() in VERDICTS or any(
                    g.lemma_.lower() in VERDICTS for g in c.children if g.dep_ == "compound"
                ))
            ]  # fmt: skip
            act = [c for c in comp.children if c.dep_ == "nsubj"]
            entry = self._noun_entry(act[0]) if act else None
            if not verdict or entry is None or entry.type not in MATERIAL_TYPES:
                continue
            src = _keys(self.idx, [c for c in sv.children if c.dep_ in SUBJ_DEPS])
            # the act's doer: "Russia's attack", "the Israeli strikes", "the arrest by police";
            # not "the arrest of the vice president", who suffered it
            doers = [c for c in act[0].children if c.dep_ in ("poss", "amod", "compound")]
            doers += _prep_objects(act[0], {"by"})
            tgt = [k for k in _keys(self.idx, doers, depth=0) if k not in src]
            if not tgt:
                tgt = self._antecedent(act[0], entry.type, src, told=True)
            if src and tgt:
                self.emit(sv, accuse, [sv], "verdict", src, tgt, "subject", "verdict-on-act")

    def emit(self, v, trig, toks, how, src, tgt, srule, trule) -> None:
        doc = self.doc
        idx = self.idx
        start, end = min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
        # the text of the trigger's tokens (Doc.text would rebuild the whole text per event)
        trigger = Span(doc[min(t.i for t in toks) : max(t.i for t in toks) + 1].text, start, end)
        pred_toks = sorted(toks, key=lambda t: t.i)
        if how == "light-verb" and pred_toks[-1].i - pred_toks[0].i <= 4:  # "remain in close touch"
            pred_toks = [t for t in doc[pred_toks[0].i : pred_toks[-1].i + 1] if t.pos_ != "PRON"]
        predicate = " ".join(t.lower_ for t in pred_toks)
        if trule in ("prep-object", "verb-prep") and how in ("verb", "light-verb"):
            prep = next(
                (c for c in v.children if c.dep_ == "prep" and c.lower_ in trig.target_preps), None
            )
            if prep is not None:
                predicate += f" {prep.lower_}"
        mod, negated, assessed = self.modality(v)
        etype, cameo, mode = trig.type, trig.cameo, trig.mode
        if (
            etype == "ASSAULT"
            and how == "verb"
            and any(
                c.dep_ == "prep" and c.lower_ == "for" and any(g.tag_ == "VBG" for g in c.children)
                for c in v.children
            )
        ):  # "attacked the newspaper for refusing to ...": a verbal attack
            etype, cameo = "ACCUSE", "11"
        if how == "verb" and v.lemma_ in ("target", "hit"):
            # "EU tariffs are targeting products from ...", "sanctions hit Russian banks"
            for sj in _subject(v)[0]:
                if (ntrig := self._noun_entry(sj)) is not None and ntrig.type != etype:
                    etype, cameo = ntrig.type, ntrig.cameo
        if etype == "COERCE" and how == "verb" and _takes_ground(v, idx):
            etype, cameo = "ASSAULT", "192"  # "seized the town": occupying territory
        if how == "verb" and v.lemma_ == "retaliate":  # "retaliated with tariffs": SANCTION
            for p in _prep_objects(v, {"with"}):
                if (inst := self._noun_entry(p)) is not None:
                    etype, cameo = inst.type, inst.cameo
        if how == "light-verb" and etype == "RETREAT" and v.lemma_ in ("sign", "reach", "conclude"):
            etype, cameo = (
                "AGREE",
                "057",
            )  # "signed a ceasefire": an agreement; declaring one is not
        if how == "light-verb" and etype == "PROTEST" and v.lemma_ in VERBAL_LIGHT_VERBS:
            etype, cameo = "ACCUSE", "11"  # "lodged a protest with Albania" is a complaint
        if (
            etype == "PROTEST"
            and how == "verb"
            and v.lemma_ == "protest"
            and tgt
            and all(_vote_type(idx.clusters[k]) in ("country", "government") for k in src)
        ):
            etype, cameo = "ACCUSE", "11"  # "Manila protests the collision": a state complains
        if (
            mod in ("future", "hypothetical")
            and etype in INTENT_TYPES
            and not negated
            and not assessed  # "China is unlikely to invade Taiwan" is no threat
        ):
            etype, mode = INTENT_TYPES[etype], (mode or trig.type.lower())
            cameo = "03" if etype == "AGREE" else "13"
        if mod in ("future", "hypothetical") and any(
            c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children) for c in v.children
        ):  # "will withdraw its force unless ...": a conditional threat
            etype, cameo, mode = "THREATEN", "13", mode or trig.type.lower()
        # "will not accept", "failed to reach agreement"
        elif (
            negated
            and etype in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE")
            # "has never supported any armed group", "did not meet": a denied act, not a
            # refusal ("will not accept", "does not support" are)
            and not (
                etype in ("SUPPORT", "CONSULT")
                and (
                    v.tag_ in ("VBD", "VBN")
                    or any(c.lower_ == "did" and c.dep_ == "aux" for c in v.children)
                )
            )
        ):
            etype, cameo, negated, predicate = "REJECT", "12", False, "not " + predicate
        rep, said = self.reporters(v)
        if said and mod == "asserted":
            mod = "reported"
        sent = v.sent
        used = set(src) | set(tgt)
        place = self.place(v, used)
        conf = (
            0.8
            if srule == "subject" and trule in ("object", "prep-object", "passive-subject")
            else 0.6
        )
        if not tgt:
            conf -= 0.1
        ids = {k: k for k in (*src, *tgt, *rep, *([place] if place else []))}  # keys; ids later
        key = f"{self.doc_id}|{start}|{end}|{trig.type}|{','.join(src)}|{','.join(tgt)}"
        ev = Event(
            id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:12],
            doc_id=self.doc_id,
            type=etype,
            cameo=cameo,
            predicate=predicate,
            source=tuple(ids[k] for k in src),
            target=tuple(ids[k] for k in tgt),
            trigger=trigger,
            sentence=Span(sent.text, sent.start_char, sent.end_char),
            sentence_index=_sent_no(doc, sent),
            negated=negated,
            modality=mod,
            mode=mode,
            quantities=tuple(self.quantities(v, trig)),
            date=self.date(v),
            place=ids[place] if place else None,
            reported_by=tuple(ids[k] for k in rep),
            arguments=tuple(_arg_spans(idx, src + tgt, sent)),
            confidence=round(conf, 2),
            rule=f"{how}:{srule or 'none'}+{trule or 'none'}",
        )
        self.at.setdefault(ev.trigger.start, len(self.events))
        self.events.append(ev)
        if trig.type in ("AGREE", "RETREAT", "CONSULT"):
            for t in [c for c in v.subtree if c.lemma_.lower() in AGREEMENT_NOUNS]:
                parties = src + tgt if len(src + tgt) >= 2 else None
                if parties:
                    self.agreements.setdefault(t.lemma_.lower(), parties)


def _sent_no(doc, sent) -> int:
    from .actors import _sent_index

    return _sent_index(doc, sent.start)


def _arg_spans(idx: ActorIndex, keys, sent):
    """Each actor's first mention (in the order they were found) inside the sentence."""
    out = []
    for k in keys:
        m = _first_mention(idx, k, sent.start_char, sent.end_char)
        if m is not None:
            out.append(Span(m.text, m.start, m.end))
    return out


def _first_mention(idx: ActorIndex, key: str, start: int, end: int):
    """The first mention of ``key`` (in insertion order) starting in [start, end), found by
    bisection: scanning every mention for every event was quadratic in a long document
    that names an actor thousands of times."""
    mentions = idx.clusters[key].mentions
    cache = idx.__dict__.setdefault("_mentions_by_start", {})
    hit = cache.get(key)
    if hit is None or hit[0] != len(mentions):  # (re)built when mentions were added
        ordered = sorted((m.start, i, m) for i, m in enumerate(mentions.values()))
        hit = cache[key] = (len(mentions), [x[0] for x in ordered], ordered)
    _, starts, ordered = hit
    lo, hi = bisect_left(starts, start), bisect_left(starts, end)
    return min(ordered[lo:hi], default=(0, 0, None), key=lambda x: x[1])[2]


def find_events(
    doc, idx: ActorIndex, lex: Lexicons, *, doc_id: str, doc_date: str | None = None
) -> list[Event]:
    """Read the events of a parsed ``Doc`` whose actors were found by :func:`find_actors`."""
    events = _Reader(doc, idx, lex, doc_id, doc_date).read()
    seen = set()
    out = []
    for e in events:
        k = (e.trigger.start, e.type, e.source, e.target)
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out
