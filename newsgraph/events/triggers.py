"""Trigger words: which verbs and nouns evoke which PLOVER type and mode.

The word lists follow the PLOVER definitions (plover_reference.html) and the CAMEO
verb classes they aggregate (CAMEO2PLOVER-2021.txt); nothing here is taken from the
benchmark sentences. A trigger is found on the parse: a verb by lemma (some only
with a given particle or object), a noun by lemma unless a verb already covers it
("held talks" is one CONSULT, not two).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Spec = tuple[str, str | None]  # (PLOVER type, mode)

VERBS: dict[str, Spec] = {
    # AGREE: agree, offer, promise, commit to cooperate (CAMEO 03)
    "agree": ("AGREE", "agree"), "pledge": ("AGREE", "pledge"),
    "promise": ("AGREE", "pledge"), "vow": ("AGREE", "pledge"),
    "offer": ("AGREE", "offer"), "sign": ("AGREE", "sign"), "ratify": ("AGREE", "ratify"),
    "commit": ("AGREE", "pledge"), "settle": ("AGREE", "settle"),
    "swear": ("AGREE", "pledge"), "accept": ("AGREE", "agree"),
    # CONSULT (CAMEO 04)
    "meet": ("CONSULT", "meet"), "visit": ("CONSULT", "visit"), "host": ("CONSULT", "host"),
    "negotiate": ("CONSULT", "talks"), "confer": ("CONSULT", "talks"),
    "consult": ("CONSULT", "talks"), "phone": ("CONSULT", "call"),
    "discuss": ("CONSULT", "talks"),
    "telephone": ("CONSULT", "call"), "mediate": ("CONSULT", "mediate"),
    # SUPPORT (CAMEO 05)
    "back": ("SUPPORT", "back"), "support": ("SUPPORT", "back"),
    "endorse": ("SUPPORT", "endorse"), "praise": ("SUPPORT", "praise"),
    "commend": ("SUPPORT", "praise"), "hail": ("SUPPORT", "praise"),
    "applaud": ("SUPPORT", "praise"), "welcome": ("SUPPORT", "praise"),
    "recognize": ("SUPPORT", "recognize"), "recognise": ("SUPPORT", "recognize"),
    "approve": ("SUPPORT", "endorse"), "defend": ("SUPPORT", "back"),
    "forgive": ("SUPPORT", "back"),  # CAMEO 056
    # CONCEDE (CAMEO 081-083)
    "concede": ("CONCEDE", None), "yield": ("CONCEDE", None), "accede": ("CONCEDE", None),
    "relent": ("CONCEDE", None), "allow": ("CONCEDE", "ease"),
    "permit": ("CONCEDE", "ease"),
    # COOPERATE (CAMEO 06)
    "cooperate": ("COOPERATE", None), "collaborate": ("COOPERATE", None),
    "extradite": ("COOPERATE", "judicial"), "share": ("COOPERATE", "intelligence"),
    # AID (CAMEO 07)
    "aid": ("AID", None), "assist": ("AID", None), "donate": ("AID", "economic"),
    "lend": ("AID", "economic"), "loan": ("AID", "economic"), "fund": ("AID", "economic"),
    "finance": ("AID", "economic"), "arm": ("AID", "military"),
    # RETREAT (CAMEO 084-087)
    "withdraw": ("RETREAT", "withdraw"), "release": ("RETREAT", "release"),
    "free": ("RETREAT", "release"), "resign": ("RETREAT", "resign"),
    "repatriate": ("RETREAT", "return"), "retreat": ("RETREAT", "withdraw"),
    "disarm": ("RETREAT", None), "evacuate": ("RETREAT", "withdraw"),
    # INVESTIGATE (CAMEO 09)
    "investigate": ("INVESTIGATE", "investigate"), "probe": ("INVESTIGATE", "investigate"),
    # DEMAND (CAMEO 10)
    "demand": ("DEMAND", "demand"), "insist": ("DEMAND", "demand"),
    "order": ("DEMAND", "order"),
    # DISAPPROVE (CAMEO 11)
    "accuse": ("DISAPPROVE", "accuse"), "blame": ("DISAPPROVE", "blame"),
    "criticize": ("DISAPPROVE", "criticize"), "criticise": ("DISAPPROVE", "criticize"),
    "condemn": ("DISAPPROVE", "condemn"), "denounce": ("DISAPPROVE", "condemn"),
    "decry": ("DISAPPROVE", "condemn"), "deplore": ("DISAPPROVE", "condemn"),
    "censure": ("DISAPPROVE", "condemn"), "slam": ("DISAPPROVE", "criticize"),
    "sue": ("DISAPPROVE", "sue"), "complain": ("DISAPPROVE", "criticize"),
    "charge": ("DISAPPROVE", "accuse"),
    # REJECT (CAMEO 12)
    "reject": ("REJECT", "reject"), "refuse": ("REJECT", "refuse"),
    "decline": ("REJECT", "refuse"), "veto": ("REJECT", "veto"),
    "rebuff": ("REJECT", "reject"), "spurn": ("REJECT", "reject"),
    "dismiss": ("REJECT", "reject"), "defy": ("REJECT", "defy"),
    "violate": ("REJECT", "defy"), "renege": ("REJECT", "reject"),
    # THREATEN (CAMEO 13)
    "threaten": ("THREATEN", "threaten"), "warn": ("THREATEN", "warn"),
    # PROTEST (CAMEO 14); a government "protesting" is DISAPPROVE, see roles
    "protest": ("PROTEST", "demonstrate"), "demonstrate": ("PROTEST", "demonstrate"),
    "rally": ("PROTEST", "demonstrate"), "march": ("PROTEST", "demonstrate"),
    "riot": ("PROTEST", "riot"), "picket": ("PROTEST", "demonstrate"),
    # CRIME
    "smuggle": ("CRIME", "crime"), "steal": ("CRIME", "crime"), "rob": ("CRIME", "crime"),
    "embezzle": ("CRIME", "crime"), "loot": ("CRIME", "crime"),
    # SANCTION (CAMEO 16)
    "sanction": ("SANCTION", "sanction"), "reimpose": ("SANCTION", "sanction"),
    "sever": ("SANCTION", "break"),
    "embargo": ("SANCTION", "sanction"),
    # MOBILIZE (CAMEO 15)
    "mobilize": ("MOBILIZE", "troops"), "mobilise": ("MOBILIZE", "troops"),
    "deploy": ("MOBILIZE", "troops"), "mass": ("MOBILIZE", "troops"),
    # COERCE (CAMEO 17)
    "arrest": ("COERCE", "arrest"), "detain": ("COERCE", "detain"),
    "jail": ("COERCE", "detain"), "imprison": ("COERCE", "detain"),
    "deport": ("COERCE", "deport"), "ban": ("COERCE", "ban"),
    "censor": ("COERCE", "censor"), "confiscate": ("COERCE", "confiscate"),
    "raid": ("COERCE", "seize"), "demolish": ("COERCE", "destroy"),
    "bulldoze": ("COERCE", "destroy"), "destroy": ("COERCE", "destroy"),
    "sentence": ("COERCE", "detain"),
    "outlaw": ("COERCE", "ban"), "expel": ("COERCE", "expel"),
    # ASSAULT (CAMEO 18)
    "kill": ("ASSAULT", "kill"), "assassinate": ("ASSAULT", "assassinate"),
    "abduct": ("ASSAULT", "abduct"), "kidnap": ("ASSAULT", "abduct"),
    "hijack": ("ASSAULT", "abduct"), "torture": ("ASSAULT", "torture"),
    "beat": ("ASSAULT", "beat"), "execute": ("ASSAULT", "kill"),
    "massacre": ("ASSAULT", "kill"), "shoot": ("ASSAULT", "firearms"),
    "stab": ("ASSAULT", "kill"), "behead": ("ASSAULT", "kill"),
    "bomb": ("ASSAULT", "explosives"), "attack": ("ASSAULT", None),
    "murder": ("ASSAULT", "kill"),
    # FIGHT (CAMEO 19-20)
    "fight": ("FIGHT", "fight"), "clash": ("FIGHT", "fight"), "battle": ("FIGHT", "fight"),
    "shell": ("FIGHT", "heavy-weapons"), "bombard": ("FIGHT", "heavy-weapons"),
    "invade": ("FIGHT", "occupy"), "occupy": ("FIGHT", "occupy"),
    "blockade": ("FIGHT", "blockade"), "capture": ("FIGHT", "occupy"),
    "retake": ("FIGHT", "occupy"), "recapture": ("FIGHT", "occupy"),
    "fire": ("FIGHT", "heavy-weapons"), "boycott": ("PROTEST", "boycott"),
}

# Verbs that are events only with a particle or preposition: (lemma, word) -> spec.
PHRASAL: dict[tuple[str, str], Spec] = {
    ("call", "for"): ("DEMAND", "demand"), ("pull", "out"): ("RETREAT", "withdraw"),
    ("back", "down"): ("CONCEDE", None), ("crack", "down"): ("COERCE", "ban"),
    ("walk", "out"): ("SANCTION", "cancel"), ("hand", "over"): ("RETREAT", "return"),
    ("speak", "phone"): ("CONSULT", "call"), ("talk", "phone"): ("CONSULT", "call"),
    ("talk", "with"): ("CONSULT", "talks"),
    # "the foreign minister spoke with his counterpart", "Lee spoke separately to Park":
    # leaders speaking to each other (one who speaks to reporters has no second side
    # and is not kept as a meeting, events/sides.py)
    ("speak", "with"): ("CONSULT", "talks"), ("speak", "to"): ("CONSULT", "talks"),
    ("go", "strike"): ("PROTEST", "strike"), ("open", "fire"): ("FIGHT", "firearms"),
    ("return", "talks"): ("CONSULT", "talks"), ("return", "negotiations"): ("CONSULT", "talks"),
    ("blow", "up"): ("COERCE", "destroy"), ("seek", "refuge"): ("DEMAND", "asylum"),
    ("seek", "asylum"): ("DEMAND", "asylum"),
}

NOUNS: dict[str, Spec] = {
    "meeting": ("CONSULT", "meet"), "talk": ("CONSULT", "talks"),
    "negotiation": ("CONSULT", "talks"), "visit": ("CONSULT", "visit"),
    "consultation": ("CONSULT", "talks"), "call": ("CONSULT", "call"),
    "conversation": ("CONSULT", "talks"),
    # "the Lee-Park summit", "Lee attended the G20 summit", "Lee's trip to Tokyo"
    "summit": ("CONSULT", "summit"), "encounter": ("CONSULT", "meet"),
    "trip": ("CONSULT", "visit"),
    "accusation": ("DISAPPROVE", "accuse"), "condemnation": ("DISAPPROVE", "condemn"),
    "criticism": ("DISAPPROVE", "criticize"), "lawsuit": ("DISAPPROVE", "sue"),
    "protest": ("PROTEST", "demonstrate"), "demonstration": ("PROTEST", "demonstrate"),
    "rally": ("PROTEST", "demonstrate"), "strike": ("PROTEST", "strike"),
    "riot": ("PROTEST", "riot"), "boycott": ("PROTEST", "boycott"),
    "attack": ("ASSAULT", None), "bombing": ("ASSAULT", "explosives"),
    "assassination": ("ASSAULT", "assassinate"), "airstrike": ("FIGHT", "airstrike"),
    "invasion": ("FIGHT", "occupy"), "offensive": ("FIGHT", "fight"),
    "clash": ("FIGHT", "fight"), "shelling": ("FIGHT", "heavy-weapons"),
    "arrest": ("COERCE", "arrest"), "crackdown": ("COERCE", "ban"),
    "curfew": ("COERCE", "curfew"), "investigation": ("INVESTIGATE", "investigate"),
    "probe": ("INVESTIGATE", "investigate"), "inquiry": ("INVESTIGATE", "investigate"),
    "reimposition": ("SANCTION", "sanction"), "embargo": ("SANCTION", "sanction"),
    "expulsion": ("SANCTION", "expel"), "ultimatum": ("THREATEN", "ultimatum"),
    "threat": ("THREATEN", "threaten"), "withdrawal": ("RETREAT", "withdraw"),
    "ceasefire": ("CONCEDE", "ceasefire"), "truce": ("CONCEDE", "ceasefire"),
    "mediation": ("CONSULT", "mediate"), "demand": ("DEMAND", "demand"),
    "suspension": ("SANCTION", "suspend"),
}

# Nouns that evoke an event only as the object of a verb ("imposed sanctions") or
# with their own predicate ("sanctions imposed on Iran"): mentioned alone, "US
# sanctions" are background, not an event of this article.
OBJECT_ONLY_NOUNS: dict[str, Spec] = {
    "sanction": ("SANCTION", "sanction"), "tariff": ("SANCTION", "sanction"),
    "support": ("SUPPORT", "back"), "agreement": ("AGREE", "sign"),
    "treaty": ("AGREE", "sign"), "deal": ("AGREE", "sign"), "accord": ("AGREE", "sign"),
    "memorandum": ("AGREE", "sign"), "pact": ("AGREE", "sign"), "aid": ("AID", None),
    "assistance": ("AID", None), "restriction": ("COERCE", "ban"),
}

# Verbs that only carry the event of their object noun ("held talks", "launched an
# attack", "imposed sanctions", "expressed support").
LIGHT_VERBS = frozenset({
    "hold", "have", "conduct", "pay", "make", "launch", "carry", "stage", "express",
    "voice", "issue", "impose", "begin", "start", "affirm", "reaffirm", "announce",
    "slap", "extend", "tighten", "expand", "conclude", "reach", "seal", "declare",
    "level", "file", "lodge", "mount", "call", "host", "join", "give", "offer",
    "reiterate", "renew", "register",
})

# The object of a transfer verb decides whether it is aid, and of which kind.
TRANSFER_VERBS = frozenset({"give", "provide", "send", "supply", "deliver", "ship",
                            "transfer", "grant", "donate", "furnish"})
AID_OBJECTS: dict[str, str] = {
    "weapon": "military", "arm": "military", "missile": "military", "drone": "military",
    "ammunition": "military", "tank": "military", "munition": "military",
    "rocket": "military", "equipment": "military", "jet": "military",
    "aid": "economic", "assistance": "economic", "loan": "economic", "grant": "economic",
    "money": "economic", "fund": "economic", "credit": "economic", "dollar": "economic",
    "food": "humanitarian", "medicine": "humanitarian", "supply": "humanitarian",
    "shelter": "asylum", "asylum": "asylum", "intelligence": "military",
}
TROOP_OBJECTS = frozenset({"troop", "soldier", "force", "warship", "battalion",
                           "reinforcement", "unit", "patrol", "police"})
# Giving orders to troops is mobilizing them.
ORDER_VERBS = frozenset({"order", "dispatch", "move"})

PEACEKEEPING = frozenset({"peacekeeping", "peacekeeper", "peace-keeping"})
# "met its demands", "meet the deadline": satisfying a condition, not a meeting.
MET_CONDITIONS = frozenset({"demand", "need", "requirement", "target", "deadline",
                            "criterion", "criteria", "expectation", "condition", "goal",
                            "standard", "obligation", "request", "commitment", "quota",
                            "threshold", "challenge", "cost", "term", "objective"})

# "lift/ease" + object: economic sanctions are RETREAT (CAMEO 085), administrative
# restrictions CONCEDE (CAMEO 081).
EASE_VERBS = frozenset({"lift", "ease", "relax", "remove", "end", "shorten"})
EASE_OBJECTS: dict[str, Spec] = {
    "sanction": ("RETREAT", None), "embargo": ("RETREAT", None),
    "blockade": ("RETREAT", None), "curfew": ("CONCEDE", "ease"),
    "restriction": ("CONCEDE", "ease"), "ban": ("CONCEDE", "ease"),
    "emergency": ("CONCEDE", "ease"),
}
# "suspend/cut/break" + ties, aid, talks: SANCTION (CAMEO 16).
REDUCE_VERBS = frozenset({"suspend", "cut", "break", "halt", "freeze", "cancel",
                          "terminate", "downgrade", "reduce", "close", "recall", "end"})
REDUCE_OBJECTS = frozenset({"tie", "relation", "aid", "assistance", "talk", "ambassador",
                            "envoy", "diplomat", "mediation", "link",
                            "negotiation", "embassy", "trade", "asset", "cooperation",
                            "meeting", "visit", "contact", "export", "import"})

# Verbs whose to-infinitive is the content of the event itself ("agreed to
# cooperate" is one AGREE; "threatened to impose sanctions" one THREATEN).
# "killed in a helicopter crash": not a relations event.
ACCIDENT_NOUNS = frozenset({"crash", "accident", "earthquake", "flood", "disaster",
                            "fire", "storm", "collision", "explosion"})

ABSORBING_TYPES = frozenset({"AGREE", "THREATEN", "REJECT", "DEMAND"})

# A weapon word in a violent sentence makes it armed combat rather than an assault.
HEAVY_WEAPONS = frozenset({"artillery", "tank", "shell", "mortar", "airstrike",
                           "warplane", "jet", "missile", "rocket", "gunship"})
# Withdrawing or expelling these ends a cooperative presence: SANCTION (CAMEO 166).
PRESENCE_OBJECTS = frozenset({"diplomat", "ambassador", "envoy", "inspector", "observer",
                              "peacekeeper", "peacekeeping", "monitor", "mission",
                              "embassy"})
# A protest lodged through these verbs is a written, verbal one: DISAPPROVE.
FORMAL_PROTEST_VERBS = frozenset({"lodge", "file", "issue", "register", "voice",
                                  "express", "send"})
# Blocking a road is an obstruction protest (PLOVER PROTEST mode "obstruct").
BLOCKABLE = frozenset({"road", "roadway", "highway", "street", "traffic", "transport",
                       "entrance", "railway", "bridge", "border"})


@dataclass
class Trigger:
    token: Any  # the spaCy token that heads the event's clause
    type: str
    mode: str | None
    noun: Any = None  # the event noun ("talks") when token is a light verb or the noun itself

    @property
    def text(self) -> str:
        if self.noun is not None and self.noun is not self.token:
            a, b = sorted((self.token, self.noun), key=lambda t: t.i)
            return f"{a.text} {b.text}"
        return self.token.text


def _objects(token: Any) -> list[Any]:
    objs = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    if token.dep_ == "acl" and token.tag_ == "VBN":  # "sanctions imposed on Iran"
        objs.append(token.head)
    if any(c.dep_ == "nsubjpass" for c in token.children):
        objs += [c for c in token.children if c.dep_ == "nsubjpass"]
    out = []
    for o in objs:
        out.append(o)
        out += [c for c in o.children if c.dep_ == "conj"]
    # "aid deliveries", "tons of food aid", "the state of emergency": the words
    # inside the object decide as well, after its head
    inner = []
    for o in out:
        inner += [c for c in o.children if c.dep_ == "compound"]
        for prep in o.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        inner += [pobj, *[c for c in pobj.children if c.dep_ == "compound"]]
    return out + inner


def _particles(token: Any) -> set[str]:
    words = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep")}
    for c in token.children:
        if c.dep_ in ("prep", "dobj", "npadvmod", "pobj"):
            words |= {g.lower_ for g in c.subtree if g.pos_ == "NOUN"}
    return words


def verb_trigger(token: Any) -> Trigger | None:
    """The event a verb token evokes, if any."""
    lemma = token.lemma_.lower()
    if lemma not in RULE_VERBS:
        return None  # no rule below reads this verb (most verbs): its objects unread
    objs = _objects(token)
    obj_lemmas = [o.lemma_.lower() for o in objs]
    for (verb, word), spec in PHRASAL.items():
        if lemma == verb and word in _particles(token):
            noun = next((o for o in objs if word in (o.lemma_.lower(), o.lower_)), None)
            return Trigger(token, spec[0], spec[1], noun)
    if lemma in ("withdraw", "expel", "pull") and any(ol in PRESENCE_OBJECTS
                                                     for ol in obj_lemmas):
        return Trigger(token, "SANCTION", "expel")
    if lemma in ORDER_VERBS and any(ol in TROOP_OBJECTS for ol in obj_lemmas):
        return Trigger(token, "MOBILIZE", "troops")
    if lemma == "block" and any(ol in BLOCKABLE for ol in obj_lemmas):
        return Trigger(token, "PROTEST", "obstruct")
    if lemma in ("establish", "restore", "resume", "normalize", "upgrade") and any(
            ol in ("tie", "relation") for ol in obj_lemmas):
        return Trigger(token, "SUPPORT", "recognize")
    if lemma in FORMAL_PROTEST_VERBS and "protest" in obj_lemmas:
        return Trigger(token, "DISAPPROVE", "criticize")
    if lemma in ("arrive", "land") and any(
            t.lemma_.lower() in PEACEKEEPING for c in token.children
            if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree):
        return Trigger(token, "AID", "military")  # peacekeepers arriving (CAMEO 074)
    if lemma == "meet" and any(ol in MET_CONDITIONS for ol in obj_lemmas):
        return None
    if lemma == "accept" and "demand" in obj_lemmas:
        return Trigger(token, "CONCEDE", None)
    if lemma in EASE_VERBS:
        for o, ol in zip(objs, obj_lemmas, strict=True):
            if ol in EASE_OBJECTS:
                return Trigger(token, *EASE_OBJECTS[ol], noun=o)
    if lemma in REDUCE_VERBS:
        for o, ol in zip(objs, obj_lemmas, strict=True):
            if ol in REDUCE_OBJECTS:
                return Trigger(token, "SANCTION", "suspend" if lemma == "suspend" else "break",
                               noun=o)
    if lemma in TRANSFER_VERBS:
        for o, ol in zip(objs, obj_lemmas, strict=True):
            if ol in TROOP_OBJECTS:
                return Trigger(token, "MOBILIZE", "troops", noun=o)
            if ol in AID_OBJECTS:
                return Trigger(token, "AID", AID_OBJECTS[ol], noun=o)
    if lemma in LIGHT_VERBS or lemma in VERBS:
        for o, ol in zip(objs, obj_lemmas, strict=True):
            if lemma in LIGHT_VERBS and (ol in NOUNS or ol in OBJECT_ONLY_NOUNS):
                spec = NOUNS.get(ol) or OBJECT_ONLY_NOUNS[ol]
                if lemma in ("offer", "give") and spec[0] != "AID":
                    continue
                if lemma == "call" and ol != "call":
                    continue
                if lemma in VERBS and VERBS[lemma][0] in ("AGREE", "CONSULT") \
                        and spec[0] == "AGREE":
                    break  # "signed a treaty": the verb's own sense
                if lemma == "impose" and spec[0] == "COERCE" and ol == "restriction":
                    return Trigger(token, "COERCE", "ban", noun=o)
                if spec[0] == "CONSULT" and _several(o):
                    return None  # "held several summits": a series, no one event
                return Trigger(token, spec[0], spec[1], noun=o)
    if lemma in RECEIVING_VERBS:
        if any(_a_person(o) for o in objs if o.dep_ in ("dobj", "obj", "nsubjpass")):
            return Trigger(token, "CONSULT", RECEIVING_VERBS[lemma])
        return None
    if lemma == "impose" and any(ol in ("curfew", "ban") for ol in obj_lemmas):
        return Trigger(token, "COERCE", "curfew")
    if lemma in VERBS:
        type_, mode = VERBS[lemma]
        return Trigger(token, type_, mode)
    return None


# Shared meals and sit-downs are meetings only with the one met: "Lee had dinner with
# Park", "a sit-down with Park", "Lee took tea with the king" (a dinner alone, "a state
# dinner", is none).
MEAL_NOUNS = frozenset({"dinner", "lunch", "breakfast", "luncheon", "tea", "sitdown",
                        "sit-down"})
MEAL_VERBS = LIGHT_VERBS | {"take", "share", "eat"}
# Receiving a person is hosting them: "Xi received Lee in Beijing", "Lee was received
# by Xi" ("received a letter", "received criticism": no one is met). A greeting is
# often a courtesy on arrival, not a meeting: not one.
RECEIVING_VERBS: dict[str, str] = {"receive": "host"}

# Every lemma a rule of `verb_trigger` tests (most verbs are none of them: their
# objects are not read); tests/test_events_rule_verbs.py checks it against the rules.
RULE_VERBS = frozenset({v for v, _ in PHRASAL} | {
    "withdraw", "expel", "pull", "block", "establish", "restore", "resume", "normalize",
    "upgrade", "arrive", "land", "meet", "accept", "impose"} | ORDER_VERBS
    | FORMAL_PROTEST_VERBS | EASE_VERBS | REDUCE_VERBS | TRANSFER_VERBS | LIGHT_VERBS
    | set(VERBS) | set(RECEIVING_VERBS))

# Common nouns naming a person one receives ("received the ambassador").
RECEIVED_NOUNS = frozenset({"ambassador", "envoy", "minister", "president", "delegation",
                            "counterpart", "leader", "premier", "chancellor", "king",
                            "prince", "queen", "emir", "secretary", "official"})


def _a_person(token: Any) -> bool:
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in RECEIVED_NOUNS


def _with_someone(token: Any) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "with"
               and any(g.dep_ == "pobj" for g in c.children) for c in token.children)


def _meal_trigger(token: Any) -> Trigger | None:
    """"had dinner with Park" (the noun's own "with"), "held a sit-down with Park" (the
    light verb's)."""
    word = token.lower_
    if word == "down" and any(c.lower_ == "sit" and c.dep_ == "compound"
                              for c in token.children):
        word = "sit-down"  # the parser splits "sit-down" and heads it with "down"
    if word not in MEAL_NOUNS and token.lemma_.lower() not in MEAL_NOUNS:
        return None
    if _with_someone(token):
        return Trigger(token, "CONSULT", "meet", noun=token)
    head = token.head
    if token.dep_ == "dobj" and head.lemma_.lower() in MEAL_VERBS and _with_someone(head):
        return Trigger(head, "CONSULT", "meet", noun=token)
    return None


def noun_trigger(token: Any) -> Trigger | None:
    """The event a noun token evokes on its own ("the meeting", "an attack on")."""
    lemma = token.lemma_.lower()
    meal = _meal_trigger(token)
    if meal is not None:
        return meal
    if lemma not in NOUNS:
        return None
    if lemma == "call" and not any(c.lower_ in ("phone", "telephone") for c in token.children) \
            and not _with_someone(token):
        return None  # "a phone call", "his call with Park" ("calls for calm": none)
    if lemma in MET_CONDITIONS and token.dep_ == "dobj" and token.head.lemma_.lower() in (
            "meet", "satisfy", "fulfil", "fulfill"):
        return None  # "met its demands": a condition satisfied, not a demand made
    if lemma == "strike" and any(c.lower_ in ("air", "drone", "missile")
                                 for c in token.children):
        return Trigger(token, "FIGHT", "airstrike", noun=token)
    if lemma == "talk" and token.tag_ != "NNS":
        return None
    if lemma in ("exercise", "drill", "game", "maneuver", "manoeuvre") and (
            lemma != "game" or any(c.lower_ == "war" for c in token.children)):
        joint = any(c.lower_ in ("joint", "with") for c in token.children)
        return Trigger(token, "COOPERATE" if joint else "MOBILIZE",
                       "military" if joint else "exercise", noun=token)
    type_, mode = NOUNS[lemma]
    if type_ == "CONSULT" and _several(token):
        return None
    return Trigger(token, type_, mode, noun=token)


# Words that count a plural event noun as many: "three meetings", "several summits",
# "many calls". A count of encounters is a series over years, not one encounter to date.
SERIES_WORDS = frozenset({"several", "many", "numerous", "multiple", "repeated",
                          "countless", "dozens", "hundreds", "various", "few"})


def _several(token: Any) -> bool:
    """Whether the plural event noun `token` is counted as more than one ("five visits")."""
    if token.tag_ != "NNS" or token.lemma_.lower() == "talk":
        return False
    for c in token.children:
        if c.dep_ == "nummod" and c.lower_ not in ("one", "1"):
            return True
        if c.dep_ in ("amod", "det", "quantmod") and c.lower_ in SERIES_WORDS:
            return True
    return False


__all__ = ["ABSORBING_TYPES", "ACCIDENT_NOUNS", "BLOCKABLE", "HEAVY_WEAPONS",
           "MEAL_NOUNS", "MET_CONDITIONS", "NOUNS", "OBJECT_ONLY_NOUNS", "PHRASAL",
           "PRESENCE_OBJECTS", "Trigger", "VERBS", "noun_trigger", "verb_trigger"]
