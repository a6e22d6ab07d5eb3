"""Transfer frames: which cue words govern which weapon items, who gives, who gets, how far.

A frame is one transfer asserted in one sentence: the chain of cue words above the items (inner
first: "received its first shipment of drones" -> [shipment, received]), the parties read from the
syntactic slots of those cues (EXTRACTION.md section 2), the items and the status (section 3).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from armswatch.extract.lexicons import Cue, Lexicons
from armswatch.extract.mentions import (
    SHIP_PREFIX_STATES,
    PartyMention,
    TokenMentions,
    WeaponMention,
    cue_for,
)
from armswatch.extract.quantities import quantity_of, quantity_of_number
from armswatch.extract.unlisted_groups import described_group, named_group
from armswatch.models import Item, Party

# Cue classes that say which way the goods move.
DIRECTIONAL = {"give", "get", "ask", "offer", "arrive", "use", "elaborate", "seize"}
# Cue classes that only say how far a governed transfer has got.
META = {"agree", "negotiate", "block", "cancel", "complete"}
# Which role the grammatical subject plays, by cue class.
SUBJECT_ROLE = {
    "give": "supplier",
    "offer": "supplier",
    "block": "supplier",
    "cancel": "supplier",
    "get": "recipient",
    "ask": "recipient",
    "use": "recipient",
}
SPEECH_LEMMAS = {
    "say", "tell", "announce", "reveal", "confirm", "deny", "state", "report", "add", "affirm",
    "claim", "warn", "note", "insist", "acknowledge", "stress", "write", "disclose", "allege",
    "assert", "declare", "explain", "indicate", "suggest", "believe", "estimate", "assess",
    "learn", "cite", "quote", "reject", "dismiss", "refute", "admit", "argue", "testify",
    "maintain", "contend", "concede", "inform",
}  # fmt: skip
# Verbs that ask someone else to give: "Ukraine asked Germany to supply ..." (the asker receives).
REQUEST_LEMMAS = {"ask", "request", "urge", "appeal", "press", "call", "beg", "lobby"}
# Verbs over a transfer verb that set its status ("wants to buy", "agreed to supply").
GOVERNOR_STATUS = {
    "want": "sought", "seek": "sought", "hope": "sought", "look": "sought", "try": "sought",
    "hop": "sought",  # the model's lemma of "hoped"
    "aim": "sought", "wish": "sought", "ask": "sought", "request": "sought", "need": "sought",
    "plan": "offered", "intend": "offered", "prepare": "offered", "propose": "offered",
    "ready": "offered", "prepared": "offered", "willing": "offered", "able": "offered",
    "unable": "suspended",
    "consider": "offered", "offer": "offered", "pledge": "offered", "promise": "offered",
    "vow": "offered", "commit": "offered", "announce": "offered", "set": "offered",
    "agree": "agreed", "decide": "offered", "approve": "agreed", "allow": "agreed", "permit": "agreed", "let": "agreed", "authorize": "agreed", "contract": "agreed",
    "authorise": "agreed", "sign": "agreed", "negotiate": "negotiating", "discuss": "negotiating",
    "halt": "suspended", "stop": "suspended", "suspend": "suspended", "freeze": "suspended",
    "pause": "suspended", "block": "suspended", "ban": "suspended", "cancel": "cancelled",
    # "keeps pressing Washington to sell it F-16s", "urged Berlin to send tanks"
    "press": "sought", "urge": "sought", "beg": "sought", "lobby": "sought",
    # "are due to be delivered in 2027", "is scheduled to receive": a delivery a deal has fixed
    "due": "agreed", "schedule": "agreed", "slate": "agreed",
    # "Greece proceeds with the purchase of 20 F-35s": the buyer goes ahead with a deal
    "proceed": "agreed",
}  # fmt: skip
# Why a state's own forces arrive somewhere: "for joint exercises", "on a visit"
DEPLOYMENT_NOUNS = {
    "exercise", "drill", "manoeuvre", "maneuver", "visit", "patrol", "deployment", "airshow",
    "rotation", "mission", "flyover", "refuel", "refuelling", "stopover",
}  # fmt: skip
# A weapon that joins a state's service was delivered to it ("joined the Indian Navy in 1988")
JOINING_LEMMAS = {"join"}
# Verbs that keep someone supplied ("kept the Taliban supplied with ammunition")
KEEPING_LEMMAS = {"keep", "leave", "get", "have"}
# Verbs of signing: "signs for 12 jets" buys them
SIGNING_LEMMAS = {"sign", "contract"}
# Verbs of sending, and the people whose sending with weapons makes a deployment, not a
# transfer ("sent four fighters and 145 airmen", "deployed troops and tanks")
SENDING_LEMMAS = {"send", "deploy", "dispatch", "fly", "move", "rush"}
FORCE_NOUNS = {
    "troop", "soldier", "airman", "sailor", "marine", "personnel", "crew", "pilot",
    "paratrooper", "force", "serviceman", "servicemen", "commando", "unit", "battalion",
}  # fmt: skip
# What ships and aircraft are sent for when a state deploys them rather than hands them over
DEPLOYMENT_PURPOSES = {
    "exercise", "drill", "manoeuvre", "maneuver", "relief", "rescue", "evacuation", "tsunami",
    "earthquake", "flood", "famine", "cyclone", "hurricane", "typhoon", "disaster", "search",
    "firefighting", "fire",
}  # fmt: skip
DEPLOYED_CATEGORIES = {"aircraft", "ships"}
# Waters and places ships are sent to when deployed, not handed over
WATERS_WORDS = {
    "island", "water", "coast", "strait", "sea", "gulf", "shore", "region", "area", "zone",
    "channel", "ocean",
}  # fmt: skip
# Verbs of goods on their way, whose purpose clause may tell where they arrive
TRAVEL_LEMMAS = {"cross", "come", "pour", "flow", "move", "travel", "pass", "go", "trickle"}
# Verbs of crewing a craft: "flown by Soviet crews", "manned by Russian sailors"
CREWING_LEMMAS = {"fly", "crew", "man", "pilot", "operate", "sail"}
CREW_NOUNS = {"crew", "pilot", "sailor", "airman", "serviceman", "servicemen"}
# Nouns whose "of" names what is talked about ("the question of arms sales to Taiwan")
TOPIC_NOUNS = {"question", "issue", "matter", "subject", "topic", "problem", "debate"}
# Nouns of intent: "approved a plan to supply weapons" approves the intent, not a deal
PLAN_NOUNS = {"plan", "proposal", "idea", "intention", "scheme"}
# Verbs that turn a transfer down ("refused to supply"): what is refused was never made
REFUSING_LEMMAS = {"refuse", "decline", "reject"}
# Negotiations a buyer is in: "is in talks with China over the purchase of drones"
TALKS_NOUNS = {"talk", "negotiation", "discussion"}
# Verbs of a weapon's armament: "trainers which can carry bombs" do not transfer the bombs
ARMAMENT_LEMMAS = {"carry", "fire", "launch", "mount"}
# Regions a seller sells in: a market, not a buyer ("sell fighters in Central Europe")
REGION_WORDS = {
    "europe", "africa", "asia", "america", "americas", "east", "gulf", "balkans", "caucasus",
    "sahel", "pacific", "region", "world", "market", "markets", "abroad", "overseas",
}  # fmt: skip
# Words after a state's name that date or describe a weapon, never its maker ("Soviet-era")
PERIOD_WORDS = {"era", "style", "vintage", "pattern", "standard"}
# A state's trade in arms as the subject of a clause ("Russian sales ... have grown")
TRADE_NOUNS = {"sale", "export", "delivery", "shipment", "supply", "trade", "transfer"}
# Verbs of wanting goods: "the trainers that Caracas wanted" go to Caracas
WANTING_LEMMAS = {"want", "seek", "request", "need", "covet", "desire", "demand"}
# Verbs of waiting for goods: their subject is the one the goods arrive for
AWAITING_LEMMAS = {"expect", "await", "anticipate"}
# What makes a transfer noun a delivery still to come ("deliveries are scheduled for 2026")
SCHEDULED_WORDS = {"schedule", "due", "slate", "set", "plan", "expect", "begin", "start"}
# Verbs whose subject holds the weapons it takes ("the rebels carry rifles supplied by Chad")
HOLDING_LEMMAS = {
    "carry", "field", "have", "wield", "possess", "brandish", "use", "deploy", "operate",
    "employ", "show",
}  # fmt: skip
# Amounts a holder carries weapons in ("a mixture of captured weapons and new rifles")
HOLDING_AMOUNTS = {
    "mixture", "mix", "assortment", "array", "range", "variety", "collection", "squadron",
    "fleet", "batch", "number", "pair", "couple", "handful", "set", "lot", "flotilla", "quantity",
}  # fmt: skip
# "fighters retired by the Dutch air force", "tanks operated by the army": the owner can sell them
OWNING_LEMMAS = {
    "retire",
    "operate",
    "own",
    "decommission",
    "field",
    "hold",
    "store",
    "withdraw",
    "surplus",
}
# Verbs whose subject holds or uses weapons it was supplied ("the rebels carry rifles supplied by
# Chad", "the Houthis have fired missiles that were supplied by Iran")
HOLDER_USE_LEMMAS = HOLDING_LEMMAS | {"fire", "launch", "shoot", "fly"}
# Verbs of a sentence that says a party holds weapons a following pronoun can stand for
HELD_BEFORE_LEMMAS = HOLDING_LEMMAS | {"fly", "own", "keep", "retain", "hold"}
# Verbs of holding whose object, marked with its maker, says the holder received it
HOLDING_MADE_LEMMAS = {
    "carry", "field", "have", "possess", "wield", "brandish", "operate", "fly", "show", "display",
    "parade", "rely", "depend",
}  # fmt: skip
# Maker marks that say where a weapon was made or who supplied it ("-designed" says neither)
MADE_SUFFIXES = ("-made", "-built", "-supplied", "-produced", "-manufactured", "-provided")
MADE_LEMMAS = {"make", "build", "supply", "produce", "manufacture", "provide"}
MAKER_SUFFIXES = (
    "-made",
    "-built",
    "-supplied",
    "-designed",
    "-produced",
    "-manufactured",
    "-provided",
    "-donated",
)
RESTRICTION_NOUNS = {
    "embargo",
    "ban",
    "moratorium",
    "restriction",
    "freeze",
    "halt",
    "suspension",
    "sanction",
}
# Generic nouns that name a platform outright ("jet trainers", "frigates"): they outrank a
# designation of another kind ("Hawk" is also an air defence system)
PLATFORM_CATEGORIES = {"aircraft", "ships", "armoured_vehicles", "uav"}
# Edges by which a clause hangs from the verb above it; any other edge makes the item that verb's.
CLAUSAL_EDGES = {"xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp", "parataxis", "csubj"}
# Verbs of a deal's course whose subject performs the transfer noun they govern ("Russia has
# begun deliveries", "Germany completed the handover"), or takes it up again ("Madrid reinstated
# the sale")
PHASE_VERBS = {
    "begin", "start", "resume", "complete", "continue", "finish", "make", "conduct",
    "reinstate", "restore", "revive", "renew", "unfreeze",
}  # fmt: skip
# Verbs an item may sit under and still belong to the transfer above ("agreed to buy", "began
# delivering"); any other verb that takes the item as its argument ends the climb.
PASS_THROUGH_VERBS = set(GOVERNOR_STATUS) | {
    *PHASE_VERBS, "help", "need", "try", "expect", "be", "have",
    "complete", "finish", "include", "cover", "worth", "total", "involve", "comprise", "make",
    "carry", "transport",
}  # fmt: skip
# Accords that precede a contract ("a letter of intent", "a memorandum of understanding")
PRELIMINARY_ACCORDS = {"intent", "intention", "memorandum", "understanding", "mou"}
# Words for a block on a transfer, and verbs that undo one ("lifted the freeze on deliveries")
BLOCK_WORDS = {
    "freeze", "suspension", "hold", "ban", "embargo", "moratorium", "halt", "block", "veto",
    "restriction", "pause", "stop",
}  # fmt: skip
LIFTING_LEMMAS = {"lift", "end", "remove", "ease", "reverse", "overturn", "rescind", "revoke"}
# Verbs whose object did what their "of"/"for" clause says ("accused X of supplying")
ACCUSING_LEMMAS = {
    "accuse", "suspect", "blame", "charge", "condemn", "criticise", "criticize", "thank",
    "praise", "fault", "sanction", "punish", "penalise", "penalize", "fine",
}  # fmt: skip
# Verbs over a transfer noun whose subject is its supplier ("the United States is rushing a shipment").
SUPPLYING_VERBS = {
    "rush",
    "speed",
    "expedite",
    "accelerate",
    "arrange",
    "unveil",
    "organise",
    "organize",
    "finance",
    "fund",
}
ACKNOWLEDGING_VERBS = {
    "confirm",
    "acknowledge",
    "welcome",
    "celebrate",
    "hail",
    "receive",
    "mark",
    "announce",
}
# Verbs whose own "to" names an addressee or a goal, never a transfer noun's recipient
TO_TAKING_LEMMAS = {
    "object", "propose", "present", "report", "submit", "write", "talk", "speak", "explain",
    "refer", "return", "add", "send", "give", "deliver", "ship", "sell", "supply", "offer",
    "provide", "transfer", "lead", "bring", "take", "move", "travel", "go", "come", "fly",
    "appeal", "apply", "respond", "reply", "complain", "turn", "switch", "extend", "expand",
    "limit", "restrict", "raise", "increase", "cut", "reduce", "link", "tie", "compare",
}  # fmt: skip
# "thanks Norway for the transfer of": the thanked party gave
THANKING_LEMMAS = {"thank", "praise", "commend"}
SUBJECT_SUPPLYING_GOVERNORS = set(GOVERNOR_STATUS) | SUPPLYING_VERBS | PHASE_VERBS
# Heads that keep a weapon word's meaning: "rocket systems", "missile launchers", "tank rounds".
WEAPON_SYSTEM_NOUNS = {
    "system",
    "aircraft",
    "plane",
    "launcher",
    "battery",
    "unit",
    "round",
    "munition",
    "weapon",
    "vehicle",
    "carrier",
    "destroyer",
    "interceptor",
    "platform",
}
OBJECT_CONTROL = {
    "push",
    "force",
    "urge",
    "allow",
    "ask",
    "persuade",
    "help",
    "enable",
    "lead",
    "prompt",
    "drive",
    "press",
    "encourage",
}
# Heads that make a demonym or a state's name stand for the state ("Russian forces", "U.S. Army").
STATE_ACTOR_NOUNS = {
    "government", "army", "navy", "force", "military", "troop", "ministry", "administration",
    "official", "authority", "regime", "state", "kingdom", "republic", "marine", "guard",
    "department", "president", "leader", "king", "prince", "spokesman", "spokeswoman", "soldier",
    "unit", "leadership", "cabinet", "parliament", "congress", "company", "firm", "manufacturer",
    "maker", "contractor", "industry", "side", "delegation", "negotiator", "diplomat", "envoy",
    "embassy", "intelligence", "agency", "service", "police", "brigade", "battalion", "division",
    "fleet", "squadron", "corps", "command", "supplier", "exporter", "producer", "defence",
    "defense", "minister", "counterpart", "ally", "partner", "buyer", "customer", "client",
    "pilot", "crew", "gunner", "sailor", "commander", "operator", "shipyard", "shipbuilder",
    "yard", "works", "factory", "plant", "centre", "center", "office", "bureau", "directorate", "wing",
}  # fmt: skip
# State-actor nouns that name a person, whose relative clause ("a pilot who flew MiG-29s") is
# that person's story, not the service's
PERSON_ACTOR_NOUNS = {
    "official", "president", "leader", "king", "prince", "spokesman", "spokeswoman", "soldier",
    "minister", "counterpart", "pilot", "crew", "gunner", "sailor", "commander", "operator",
    "diplomat", "envoy", "negotiator", "buyer", "customer", "client", "partner", "ally",
}  # fmt: skip
# Words before a surname that leave it a leader's ("President Abbas", "Mr Putin")
LEADER_TITLES = {
    "president", "premier", "minister", "chancellor", "king", "queen", "prince", "emir",
    "sheikh", "general", "gen.", "mr", "mr.", "mrs", "ms", "dr", "leader", "ayatollah",
    "secretary", "marshal", "colonel", "col.", "admiral", "sultan", "shah", "tsar",
}  # fmt: skip
# Heads that make a state's name its government acting ("Russia's defence ministry", "U.S. Army").
GOVERNMENT_ACTOR_NOUNS = {
    "government",
    "ministry",
    "administration",
    "department",
    "president",
    "minister",
    "cabinet",
}
# Who stands behind a party from a place ("their backers in Khartoum" are Sudan's)
BACKER_NOUNS = {"backer", "patron", "sponsor", "supplier", "ally", "paymaster", "friend"}
# Heads that name a non-state armed group ("Angolan rebels"): the group, not the state.
GROUP_NOUNS = {
    "rebel",
    "insurgent",
    "militant",
    "guerrilla",
    "fighter",
    "militia",
    "separatist",
    "faction",
    "jihadist",
    "mujahideen",
    "contra",
    "opposition",
}
# Nouns of goods under way: "consignments ... will not be sent for the present"
SHIPMENT_NOUNS = {"consignment", "shipment", "delivery", "cargo", "batch", "tranche"}
# Verbs of paying back: the one repaid for weapons had bought them ("reimburse Russia for")
REFUND_LEMMAS = {"reimburse", "repay", "refund", "compensate"}
# Nouns that name a deal a later sentence refers back to ("the deal", "under the arrangement")
DEAL_NOUNS = {"deal", "contract", "agreement", "arrangement", "accord", "package"}
# Verbs that put a state out of a weapon's programme ("removing Turkey from the F-35 programme")
EXCLUDING_LEMMAS = {"remove", "expel", "exclude", "eject", "oust", "kick", "suspend", "drop", "bar"}
PROGRAMME_NOUNS = {"programme", "program", "project", "consortium", "partnership"}
# Nouns a weapon's name may modify without the phrase being that weapon
NON_WEAPON_HEADS = {
    "simulator", "engine", "factory", "plant", "programme", "program", "project", "crash",
    "pilot", "maintenance", "production", "school", "museum", "model", "replica", "toy",
    "game", "film", "movie", "documentary", "exhibition", "show", "fan", "club",
}  # fmt: skip
# Weapons got by taking them: their user received nothing from their maker
CAPTURE_LEMMAS = {"capture", "seize", "steal", "loot", "abandon", "take", "leave", "scavenge"}
# Acts a state performs on the record: its name as their subject speaks for its government
OFFICIAL_ACTS = {
    "sign", "ink", "conclude", "ratify", "approve", "authorize", "authorise", "clear", "notify",
}  # fmt: skip
# Verbs of attack that say a weapon is in use only through "with" ("attacked Kyiv with drones"):
# their object is the target, never the goods
ATTACK_LEMMAS = {"attack", "strike", "hit", "bomb", "shell", "pound", "target", "raid", "bombard"}
# Verbs of buying, after which "in" a state names the seller ("bought in Ukraine")
BUYING_LEMMAS = {"buy", "purchase", "acquire", "procure", "order"}
# "helicopters flown by the Angolan government": flying a weapon is using it, unless it is
# flown to someone ("flew the missiles to Syria" is a delivery)
FLYING_LEMMAS = {"fly", "pilot"}
# Prepositions whose object is a use verb's target, not its instrument ("fired at tanks")
TARGET_PREPOSITIONS = {"at", "on", "against", "toward", "towards", "into"}
# What weapons travel in: a seizure is of a shipment in transit only when one is named
CARRIER_NOUNS = {
    "plane", "airplane", "ship", "vessel", "boat", "freighter", "dhow", "truck", "lorry",
    "container", "cargo", "shipment", "consignment", "convoy", "train", "tanker", "flight",
}  # fmt: skip
# Verbs that move goods either way: "leased to India" gives, "leased from Russia" takes
LEASING_LEMMAS = {"lease", "rent", "charter"}
# Verbs of giving that move goods away from a place: "exported from Ukrainian stocks"
DISPATCH_LEMMAS = {
    "export", "ship", "smuggle", "send", "fly", "airlift", "truck", "divert", "transfer",
    "deliver", "supply", "lease",
}  # fmt: skip
# Holdings a demonym gives to its state: "from Ukrainian stocks", "U.S. stockpiles"
STOCK_NOUNS = {"stock", "stockpile", "inventory", "arsenal", "depot", "reserve", "warehouse"}
# Places a demonym makes stand for their state as a destination ("the Nicaraguan port of Corinto")
DESTINATION_PLACE_NOUNS = {
    "port", "harbour", "harbor", "airport", "airbase", "base", "coast", "capital",
}  # fmt: skip
# Verbs of carrying that tell a delivery under way when the goods go "to" a party
CARRYING_LEMMAS = {"carry", "transport", "ferry"}
# Words that give a shipment's destination ("bound for Iran", "destined for the Houthis")
DESTINATION_LEMMAS = {"bind", "destine", "head", "route"}
# Movements whose "from X" is where a seized shipment came from ("flown from Pyongyang")
MOVEMENT_LEMMAS = {
    "fly", "sail", "leave", "depart", "come", "ship", "send", "travel", "originate", "load",
    "smuggle", "transport", "carry", "arrive",
}  # fmt: skip
ANAPHORIC_DETERMINERS = {"that", "this", "those", "these", "the", "such"}
ANAPHORIC_NOUNS = {
    "country",
    "nation",
    "regime",
    "government",
    "state",
    "kingdom",
    "republic",
    "administration",
    "leadership",
}
PRONOUNS = {"it", "they", "its", "their", "them", "he", "she", "his", "her"}
# Money named after a state ("US dollars", "Saudi riyals"), never that state as a party
CURRENCY_WORDS = {
    "dollar", "euro", "pound", "sterling", "franc", "mark", "deutschmark", "rouble", "ruble",
    "yen", "yuan", "renminbi", "won", "rupee", "riyal", "rial", "dinar", "dirham", "shekel",
    "lira", "krone", "krona", "zloty", "peso", "real", "rand", "naira",
}  # fmt: skip
# Prepositions of a verb's circumstances, not of what it moves ("took this step as an answer
# to ...", "after attacks with drones")
CIRCUMSTANCE_PREPOSITIONS = {"as", "after", "despite", "amid", "against", "because", "following"}
# Verbs of depending on weapons one holds: "its air force relies on MiG-29s delivered by ..."
RELYING_LEMMAS = {"rely", "depend", "count"}
# Verbs whose passive subject is given the weapons named with "with" ("re-equipped with T-72s")
ARMING_LEMMAS = {"arm", "equip", "re-equip", "rearm", "re-arm"}
REFLEXIVE_PRONOUNS = {"itself", "themselves", "himself", "herself", "ourselves"}
# A state's armed services, as the last word of their name ("the Royal Nepalese Army")
ARMED_SERVICE_WORDS = {"army", "navy", "force", "military", "guard", "marine", "corps"}
# Nouns of a reason or a circumstance, whose "of" names no party to the transfer ("for fear of
# U.S. sanctions", "at the risk of angering China")
CIRCUMSTANCE_NOUNS = {
    "fear", "threat", "risk", "lack", "want", "sake", "danger", "prospect", "fears", "worry",
}  # fmt: skip
# Determiners of a noun that is any or all of its kind: "either side", "both sides"
EITHER_WORDS = {"either", "neither", "both", "each", "any", "all", "every", "no"}
# Words that leave a noun's referent unnamed: "a country", "several countries"
INDEFINITE_WORDS = {
    "a", "an", "another", "one", "some", "several", "many", "numerous", "other", "various",
    "more", "few",
}  # fmt: skip
# A state's relations, never the state itself: "the Soviet Union and its allies"
OTHER_STATE_NOUNS = {
    "ally", "partner", "neighbour", "neighbor", "customer", "client", "supplier", "counterpart",
    "rival", "enemy", "adversary", "backer", "patron", "sponsor",
}  # fmt: skip
BUILD_LEMMAS = {"build", "make", "manufacture", "produce", "develop", "design", "assemble"}
PURCHASE_LEMMAS = {"buy", "purchase", "acquire", "procure", "import"}
TRANSIT_WORDS = {
    "en route",
    "on its way",
    "on their way",
    "heading to",
    "headed to",
    "bound for",
    "in transit",
    "being shipped",
    "being transported",
    "being sent",
    "being delivered",
}
NEGOTIATION_WORDS = {"in the process of", "in talks", "negotiating", "in negotiations"}


@dataclass
class Frame:
    """One transfer asserted in one sentence, before certainty and attribution are added."""

    sentence: Span
    chain: list[Token]  # cue tokens, inner first
    direction: str
    status: str
    deal: str
    suppliers: list[Party] = field(default_factory=list)
    recipients: list[Party] = field(default_factory=list)
    via: list[Party] = field(default_factory=list)
    origin_suppliers: list[Party] = field(default_factory=list)  # from "Iranian-made" and the like
    period_states: list[Party] = field(default_factory=list)  # from "Soviet-era" and the like
    design_states: list[Party] = field(default_factory=list)  # from "Soviet-designed"
    # the origins named on each item of its own, by the item's label and designation:
    # "American-built F-5s and Chinese-built jets" are two sellers' goods
    item_origins: list[tuple[str, str | None, list[Party]]] = field(default_factory=list)
    # the goods are sold in a region, a market and no one buyer ("in Central Europe"), or to a
    # buyer left unnamed ("to a country in Latin America")
    market: bool = False
    items: list[Item] = field(default_factory=list)
    anaphoric: bool = False  # items or parties refer back to an earlier transfer
    anaphor_lemma: str | None = None
    # a transfer whose goods the text names later ("two possible sales to Taiwan. The first is
    # for ..."): an antecedent for elaborations, never a claim of its own
    introduces: bool = False
    unresolved_roles: set[str] = field(default_factory=set)
    # roles filled by "we"/"our": the speaker's own state, known once attribution is read
    first_person_roles: set[str] = field(default_factory=set)
    # roles filled by an unnamed state actor ("the Air Force"): most often the writer's own state
    unnamed_state_roles: set[str] = field(default_factory=set)
    # the nouns naming them ("department", "army"), to find the body named earlier
    unnamed_actor_words: set[str] = field(default_factory=set)
    # sides told by a group noun no group was found for ("supplied the rebels")
    group_roles: set[str] = field(default_factory=set)
    # token indices of the frame's weapon items
    item_heads: set[int] = field(default_factory=set)
    # a rule for all transfers of a kind ("an embargo on all arms sales"), not one transfer
    policy: bool = False
    # roles the text fills with something that is no party ("airlines", "a leasing company")
    nonparty_roles: set[str] = field(default_factory=set)
    # a party slot names an office holder or government body ("President Bush approved the sale")
    official_actor: bool = False
    # a seized shipment names its carrier ("a cargo plane carrying weapons from North Korea")
    carrier: bool = False
    # a side is anyone at all ("whoever supplies the weapons"): a generality, not a transfer
    indefinite: bool = False
    # the weapons used were taken, not given ("U.S.-made Humvees captured from Afghan forces")
    captured: bool = False
    # the transfer is said to be an earlier deal's ("the deal was to have supplied ...")
    deal_reference: bool = False

    @property
    def top(self) -> Token:
        return self.chain[-1]


class PartyResolver:
    """Turns slot tokens into parties; anaphors ("the country", "it") are resolved by a callback."""

    def __init__(
        self,
        mentions: TokenMentions,
        lexicons: Lexicons,
        resolve_anaphor: Callable[[Token], Party | None],
        resolve_group: Callable[[Token], Party | None] = lambda token: None,
        defined_groups: Mapping[str, Party] | None = None,
    ) -> None:
        self.mentions = mentions
        self.lexicons = lexicons
        self.resolve_anaphor = resolve_anaphor
        self.resolve_group = resolve_group
        # acronyms the document defines for groups the lexicon lacks ("... of Congo (MLC)")
        self.defined_groups = defined_groups or {}
        self.official = False

    def official_parties(self, token: Token) -> tuple[list[Party], bool]:
        """Parties of a phrase, and whether it names an office holder or a government body."""
        self.official = False
        parties = self.parties(token)
        return parties, self.official

    def parties(self, token: Token, *, exclude: set[int] | None = None) -> list[Party]:
        """Parties named by a noun phrase and its conjuncts ("Germany and France")."""
        found: list[Party] = []
        for head in [token, *token.conjuncts]:
            if exclude and head.i in exclude:
                continue
            party = self._party_of_phrase(head)
            if party and party not in found:
                found.append(party)
            if party is not None:
                for named in self._coordinated_owners(head, party):
                    if named not in found:
                        found.append(named)
        return found

    def _coordinated_owners(self, head: Token, party: Party) -> list[Party]:
        """ "the air forces of Brazil, Greece and Mexico": the other states the phrase's "of"
        coordinates with the one it resolved to."""
        official = self.official  # resolving the owners must not change how the head acts
        found = []
        for prep in _children(head, "prep"):
            if prep.lower_ != "of":
                continue
            for place in _children(prep, "pobj"):
                if not place.conjuncts or self._party_of_phrase(place) != party:
                    continue
                for other in place.conjuncts:
                    named = self._party_of_phrase(other)
                    if named is not None:
                        found.append(named)
        self.official = official
        return found

    def _party_of_phrase(self, head: Token) -> Party | None:
        head_lemma = head.lemma_.lower()
        if head_lemma in CIRCUMSTANCE_NOUNS:
            return None  # "for fear of U.S. sanctions": a reason, not the party "for" names
        indices = self.phrase_indices(head)
        # the mention that holds the head first ("Yemen's Houthi movement" is the Houthis)
        indices.sort(key=lambda index: (abs(index - head.i) > 1, index))
        # "the forces of eastern Libyan commander Khalifa Haftar": the group, not the demonym
        groups = [
            index
            for index in indices
            if (mention := self.mentions.party_at.get(index)) is not None
            and mention.term.role == "group"
        ]
        if groups:
            indices = groups + [index for index in indices if index not in groups]
        elif unlisted := self._unlisted_group(head):
            return unlisted  # "the Movement for the Liberation of Congo", "the MLC"
        for index in indices:
            mention = self.mentions.party_at.get(index)
            if mention is None or not self._stands_for_party(mention, head):
                continue
            if mention.term.party.kind == "state" and head_lemma in GROUP_NOUNS:
                break  # "Angolan rebels" are not Angola
            # an office holder or a government body acting in its own name
            self.official = mention.term.role in {"leader", "body", "company", "seat"} or (
                head_lemma in GOVERNMENT_ACTOR_NOUNS
            )
            return mention.term.party
        if head_lemma in BACKER_NOUNS:
            # "their backers in Khartoum": the state whose capital or seat the backers sit in
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    for place in _children(prep, "pobj"):
                        mention = self.mentions.party_at.get(place.i)
                        if (
                            mention is not None
                            and mention.term.party.kind == "state"
                            and mention.term.role in {"name", "capital", "seat"}
                        ):
                            return mention.term.party
        if head_lemma in GROUP_NOUNS and any(i in self.mentions.weapon_at for i in indices):
            return None  # "the Mirage 5 fighters that France sold Colombia": jets, not fighters
        if head_lemma in GROUP_NOUNS or (
            _actor_word(head) is not None
            and any(
                child.dep_ in {"compound", "amod"} and child.lemma_.lower() in GROUP_NOUNS
                for child in head.children
            )
        ):
            # "the rebels of the Rally for Congolese Democracy", "Iraqi Shiite militias", "the
            # opposition forces"
            named = self._unlisted_in_phrase(head, indices)
            return (
                named
                or self.resolve_group(head)
                or described_group(head, self.mentions, self.lexicons)
            )
        if head_lemma in STATE_ACTOR_NOUNS and head_lemma not in OTHER_STATE_NOUNS:
            # "its pilots", "their army": the state the possessive refers to; "its allies"
            # are other states, unnamed
            for child in head.children:
                if child.dep_ == "poss" and child.lower_ in {"its", "their"}:
                    return self.resolve_anaphor(child)
        if head.lower_ in {"which", "who", "that"} and head.head.dep_ == "relcl":
            return self._party_of_phrase(head.head.head)  # "Ukraine, which agreed to sell ..."
        if head.lower_ in PRONOUNS or (
            head.lemma_.lower() in ANAPHORIC_NOUNS
            and any(child.lower_ in {"the", "that", "this"} for child in head.children)
            # "the two governments", "both countries": more than the one state it would be
            and not any(
                child.dep_ == "nummod" or child.lower_ in {"both", "all"} for child in head.children
            )
        ):
            return self.resolve_anaphor(head)
        # "a second rebel group, Jean-Pierre Bemba's Movement for the Liberation of Congo"
        return self._unlisted_in_phrase(head, indices)

    def _unlisted_group(self, token: Token, *, called_rebels: bool = False) -> Party | None:
        """A group the lexicon lacks, named by the token's phrase or by an acronym the
        document defines."""
        if token.text in self.defined_groups:
            return self.defined_groups[token.text]
        return named_group(token, self.mentions, self.lexicons, called_rebels=called_rebels)

    def _unlisted_in_phrase(self, head: Token, indices: list[int]) -> Party | None:
        """A group the lexicon lacks, named beside the head: in apposition, after "of", or as
        its possessor or modifier ("the MLC's fighters")."""
        for index in sorted(indices):
            token = head.doc[index]
            if (
                index != head.i
                and token.dep_ in {"appos", "pobj", "poss", "compound"}
                and (
                    unlisted := self._unlisted_group(
                        token, called_rebels=head.lemma_.lower() in GROUP_NOUNS
                    )
                )
            ):
                return unlisted
        return None

    def _stands_for_party(self, mention: PartyMention, head: Token) -> bool:
        """A demonym counts on a state actor, a weapon or alone; a name inside another
        organisation's name ("Singapore Airlines", "Air India") does not count, nor one inside a
        longer word ("U.S.-based")."""
        first = head.doc[mention.start]
        if len(first.text) > len(mention.term.surface) + 1 and not any(
            first.lower_.endswith(suffix) for suffix in MAKER_SUFFIXES
        ):
            return False
        inside_head = mention.start <= head.i < mention.end
        if not inside_head and (
            head.lemma_.lower() in CURRENCY_WORDS
            or head.doc[mention.end - 1].head.lemma_.lower() in CURRENCY_WORDS
        ):
            return False  # "3.2 billion US dollars", "Saudi riyals": money, not a party
        if (
            mention.term.role == "leader"
            and mention.end - mention.start == 1
            and mention.start > 0
            and head.doc[mention.start - 1].pos_ == "PROPN"
            and head.doc[mention.start - 1].text[:1].isupper()
            and head.doc[mention.start - 1].lower_ not in LEADER_TITLES
        ):
            return False  # "Bandar Abbas", "Port Said": a surname inside a longer name
        if mention.term.role == "demonym" and not inside_head:
            return (
                head.i in self.mentions.weapon_at
                or head.head.i in self.mentions.weapon_at  # "Iranian-made drones"
                # "American-built F-5 fighters": a weapon named inside the noun it is on
                or (
                    head.dep_ == "amod"
                    and any(
                        token.i in self.mentions.weapon_at
                        for token in head.head.subtree
                        if head.i < token.i <= head.head.i
                    )
                )
                or _actor_word(head) is not None  # "the Hungarian Defence Forces"
                or head.lemma_.lower() in GROUP_NOUNS
                # "a Soviet ship has delivered ...", "to the Nicaraguan port of Corinto"
                or head.lemma_.lower() in CARRIER_NOUNS | DESTINATION_PLACE_NOUNS | STOCK_NOUNS
            )
        if mention.term.role in {"name", "capital"} and not inside_head:
            # "Belarus people", "Iran arms initiative": a bare name modifying a common noun is no party
            named = head.doc[mention.end - 1]
            if (
                named.dep_ in {"compound", "nmod"}
                and named.head.i == head.i
                and head.pos_ == "NOUN"
                and head.i not in self.mentions.weapon_at
                and head.lemma_.lower() not in STATE_ACTOR_NOUNS | GROUP_NOUNS
                and head.lemma_.lower() not in self.lexicons.noun_cues
            ):
                return False
        if mention.term.role in {"name", "capital"}:
            for entity in head.doc.ents:
                if entity.start <= mention.start < entity.end and entity.label_ in {
                    "ORG",
                    "FAC",
                    "GPE",
                    "LOC",
                }:
                    extra = [
                        t
                        for t in entity
                        if not mention.start <= t.i < mention.end
                        and not t.is_punct
                        and t.pos_ not in {"DET", "PART"}
                    ]
                    if extra and not any(
                        t.lemma_.lower() in STATE_ACTOR_NOUNS
                        or t.lemma_.lower() in self.lexicons.noun_cues
                        or t.i in self.mentions.weapon_at
                        for t in extra
                    ):
                        return False
        return True

    def phrase_indices(self, head: Token) -> list[int]:
        """Token indices of a noun phrase without its clauses and non-"of" prepositions."""
        indices: list[int] = []
        stack = [head]
        while stack:
            token = stack.pop()
            indices.append(token.i)
            for child in token.children:
                # an apposition names the same party ("the companies Hyundai Rotem and Hanwha")
                if child.dep_ in {"relcl", "acl", "advcl", "cc", "conj", "punct"}:
                    continue
                if child.dep_ == "prep" and child.lower_ not in {"of"}:
                    continue
                stack.append(child)
        return sorted(indices)


SELECTING_LEMMAS = {"select", "choose", "pick", "opt", "prefer"}


def _passed_over(token: Token) -> bool:
    """A weapon named as the one not chosen: "over the Rafale", "rather than the Gripen", and
    the others listed with it ("ahead of the M1A2 Abrams, the Leopard 2 and the Leclerc")."""
    first = np_head(token)
    while first.dep_ in {"conj", "appos"}:
        first = first.head
    for node in (token, np_head(token), first):
        if node.dep_ == "pobj" and node.head.lower_ in {"over", "than", "of"}:
            before = node.head.nbor(-1) if node.head.i > 0 else None
            if node.head.lower_ == "over" or (
                # "rather than", "instead of", "selected ahead of the Leopard 2"
                before is not None and before.lower_ in {"rather", "instead", "ahead"}
            ):
                return True
    return False


def _carrying(token: Token, category: str) -> bool:
    """An aircraft or ship the goods travel on ("on military transport planes", "aboard a
    freighter", "by helicopter")."""
    if category not in {"aircraft", "ships"}:
        return False
    if token.dep_ == "pobj" and token.head.lower_ in {"on", "aboard", "by", "in", "onboard", "via"}:
        return True
    # "with British transport planes carrying the cargo"
    return any(
        child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in CARRYING_LEMMAS
        for child in token.children
    )


# Verbs that put delivered weapons to use in fighting ("are using them", "which have struck
# targets", "fired them at Ukraine")
PUT_TO_USE_LEMMAS = (
    {"use", "employ", "fire", "launch", "deploy"} | ATTACK_LEMMAS | {"shoot", "down"}
)
# Verbs of fighting whose "with" names the weapons fought with ("won the war with drones")
FIGHTING_LEMMAS = ATTACK_LEMMAS | {"win", "fight", "defeat", "repel", "kill", "destroy", "wage"}
FIGHTING_NOUNS = {"war", "offensive", "attack", "campaign", "battle", "assault", "raid", "strike"}
# Verbs a weapon does in fighting, the weapon as their subject ("Soviet-built tanks spearheaded
# the offensive", "its Scuds have hit the capital"); their object is the target or the operation
WEAPON_ACTION_LEMMAS = ATTACK_LEMMAS | {"sink", "destroy", "down", "shoot"}
# Verbs of carrying out an operation ("the Mirages carried out Iraq's raids", "flew sorties")
OPERATION_LEMMAS = {"carry", "conduct", "mount", "fly", "spearhead", "lead", "stage"}
# Operations a party fights with weapons: whose offensive or raids they are is whose weapons
OPERATION_NOUNS = FIGHTING_NOUNS | {
    "sortie", "mission", "bombing", "airstrike", "counteroffensive", "counter-offensive",
    "operation", "bombardment", "onslaught", "advance", "push", "incursion",
}  # fmt: skip
MODAL_WORDS = {"could", "may", "might", "would", "will", "should", "can", "shall"}


def _aimed(verb: Token) -> bool:
    """A use verb with a target ("used against cities", "fired at tanks"): "drones used by the
    army" alone may only operate them."""
    return any(
        child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS for child in verb.children
    )


def put_to_use(frame: Frame) -> bool:
    """The sentence of a delivery says the weapons delivered are used in fighting: a use verb
    conjoined with the delivery whose object is a pronoun ("received Milans and are using
    them"), a relative clause on the weapon ("drones, which have struck targets"), or the weapon
    as what a war or an attack was fought with ("won the war with drones bought from Israel").
    Flying or operating weapons is no use in fighting; a modal or negated use is none."""
    if frame.status != "delivered" or frame.direction not in {"give", "get", "arrive", "use"}:
        return False
    doc = frame.sentence.doc
    heads = [doc[i] for i in frame.item_heads]
    chain = {token.i for token in frame.chain}

    def asserted(verb: Token) -> bool:
        return not any(
            child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in MODAL_WORDS)
            for child in verb.children
        )

    for head in heads:
        targets = [head, *head.conjuncts]
        for noun in targets:
            # "drones, which have struck targets", "missiles used against cities"
            for child in noun.children:
                if (
                    child.dep_ in {"relcl", "acl"}
                    and child.lemma_.lower() in PUT_TO_USE_LEMMAS
                    # "howitzers, which Ukrainian crews have used", also when the parser's
                    # chain runs through the use to the delivery
                    and (child.i not in chain or frame.direction != "use")
                    and (child.dep_ == "relcl" or _aimed(child))
                    and asserted(child)
                ):
                    return True
            # "MiGs flown by the air force struck at rebel positions"
            if (
                noun.dep_ == "nsubj"
                and noun.head.lemma_.lower() in PUT_TO_USE_LEMMAS
                and noun.head.i not in chain
                and asserted(noun.head)
            ):
                return True
            # "won the war with drones bought from Israel"
            if noun.dep_ == "pobj" and noun.head.lower_ == "with":
                fought = noun.head.head  # "attacked ... with", or "a war ... with"
                # "won a war with", "defeated the rebels with": the parser may hang "with" on
                # the war or on the enemy
                if fought.pos_ == "NOUN" and (
                    fought.lemma_.lower() in FIGHTING_NOUNS or fought.dep_ == "dobj"
                ):
                    fought = fought.head
                if (
                    fought.pos_ == "VERB"
                    and fought.lemma_.lower() in FIGHTING_LEMMAS
                    and asserted(fought)
                ):
                    return True
    # "have received Milans ... and are using them", "delivered missiles, and Russian forces
    # have fired them at Ukraine"
    for cue in frame.chain:
        for verb in cue.conjuncts:
            if (
                verb.lemma_.lower() in PUT_TO_USE_LEMMAS
                and verb.i not in chain
                and asserted(verb)
                and any(
                    child.dep_ == "dobj" and child.lower_ in {"them", "it", "these", "those"}
                    for child in verb.children
                )
            ):
                return True
    return False


def _children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def _operations(verb: Token) -> list[Token]:
    """Operations a verb's object names: "carried out most of Iraq's raids", "flew sorties"."""
    found = []
    for obj in _children(verb, "dobj"):
        nouns = [obj, *obj.conjuncts] + [
            pobj
            for prep in _children(obj, "prep")
            if prep.lower_ == "of"
            for pobj in _children(prep, "pobj")
        ]
        found += [noun for noun in nouns if noun.lemma_.lower() in OPERATION_NOUNS]
    return found


def _preps(token: Token) -> dict[str, list[Token]]:
    """Objects of the token's prepositions, by preposition ("to" -> [Ukraine])."""
    found: dict[str, list[Token]] = {}
    for child in token.children:
        if (
            child.dep_ in {"prep", "dative", "agent"}
            and child.pos_ == "ADP"
            # "bought for the frontier, not for the traffickers"
            and not _children(child, "neg")
        ):
            for pobj in _children(child, "pobj"):
                found.setdefault(child.lower_, []).append(pobj)
            # "from within U.S. intelligence", "to and through": one level of nesting
            for nested in _children(child, "prep"):
                if _children(nested, "neg"):
                    continue
                # "handed over tanks, along with officers, to the army": the parser hangs the
                # destination on "along"; it is the verb's own
                # "from its own stocks to Ukraine": a destination after the source is its own
                key = (
                    nested.lower_
                    if child.lower_ in {"along", "together"}
                    or (child.lower_ == "from" and nested.lower_ == "to")
                    else child.lower_
                )
                for pobj in _children(nested, "pobj"):
                    found.setdefault(key, []).append(pobj)
            # "delivered in crates to a Pakistani air base": a destination hung on the manner;
            # "ordered by Kenya's army from Ukraine": a source hung on the agent
            if child.lower_ in {"in", "by", "aboard", "on"}:
                for pobj in _children(child, "pobj"):
                    for nested in _children(pobj, "prep"):
                        if nested.lower_ == "to" or (
                            nested.lower_ == "from" and child.lower_ == "by"
                        ):
                            for place in _children(nested, "pobj"):
                                found.setdefault(nested.lower_, []).append(place)
    return found


def _service_owner(verb: Token) -> Token | None:
    """Whose service weapons are in: "are in service with the air force", "are in the service
    of the Armed Forces of Armenia", "belong to the army", "serve with the navy"."""
    if verb.lemma_.lower() == "enter" and any(
        o.lemma_.lower() == "service" for o in _children(verb, "dobj")
    ):
        # "entered service with the Indian Navy"
        for prep in _children(verb, "prep") + [
            p for o in _children(verb, "dobj") for p in _children(o, "prep")
        ]:
            if prep.lower_ in {"with", "in"}:
                return next(iter(_children(prep, "pobj")), None)
        return None
    for prep in _children(verb, "prep"):
        if prep.lower_ == "to" and verb.lemma_.lower() == "belong":
            return next(iter(_children(prep, "pobj")), None)
        if prep.lower_ == "with" and verb.lemma_.lower() in {"serve", "fly"}:
            # "serves with the navy", "the Tucano flies with the air forces of Brazil and Honduras"
            return next(iter(_children(prep, "pobj")), None)
        if prep.lower_ != "in":
            continue
        for service in _children(prep, "pobj"):
            if service.lemma_.lower() != "service":
                continue
            for owner_prep in _children(service, "prep"):
                if owner_prep.lower_ in {"of", "with"}:
                    return next(iter(_children(owner_prep, "pobj")), None)
    return None


# "The first is for 108 tanks, the second for 250 missiles": which of the transfers just named
ORDINAL_REFERENCES = {
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "other",
    "latter",
    "former",
    "last",
}

# Verbs a weapon is in a party's service by ("is in service with", "entered service with")
SERVICE_LEMMAS = {"be", "remain", "enter", "serve", "fly"}

# Verbs whose subject is the seller of the deal it takes as object ("won a contract from Kuwait")
# Verbs of coming back from a trip, with a deal in hand ("returned from Paris with a deal")
RETURNING_LEMMAS = {"return", "fly", "come", "arrive", "leave", "head", "go"}
# Verbs of taking up an offer: their subject is the one offered to ("is weighing offers")
OFFER_TAKING_LEMMAS = {
    "weigh", "consider", "receive", "accept", "study", "evaluate", "examine", "review",
    "welcome", "reject", "decline", "have", "get",
}  # fmt: skip
# Verbs of a company taking an order, whose subject sells ("Saab has received an order from ...")
ORDER_WINNING_LEMMAS = {"win", "secure", "land", "clinch", "book", "receive", "bag"}
# Nouns of an order placed "with" its seller
ORDER_NOUNS = {"order", "contract"}
CONTRACT_WINNING_LEMMAS = ORDER_WINNING_LEMMAS | {"announce"}

# "most of them", "some of them": a share of what a pronoun stands for
PRONOUN_SHARES = {"most", "some", "all", "many", "several", "half", "both", "each", "none"}
# Nouns a story uses for the named weapon it has just described: "The Hermes 900 is a
# long-endurance drone. The system has been delivered to Brazil."
SYSTEM_ANAPHORS = {"system", "type", "platform", "design", "model"}


# Words for a load of goods: "a planeload of rifles", "crates of ammunition"
LOAD_WORDS = SHIPMENT_NOUNS | CARRIER_NOUNS | HOLDING_AMOUNTS | {"crate", "box", "pallet"}


def _is_load(noun: Token) -> bool:
    """ "a planeload", "a shipload", "two truckloads", "crates": a load that holds goods."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in LOAD_WORDS or lemma.endswith("load"))


# Words for a part of a whole: "most of them", "one of several", "part of a batch"
SHARE_WORDS = PRONOUN_SHARES | {"one", "part"}


def _whole_of_share(noun: Token) -> list[Token]:
    """The whole a share word is of ("one of several", "part of a batch"), or nothing."""
    if noun.lower_ not in SHARE_WORDS:
        return []
    return [
        whole
        for prep in _children(noun, "prep")
        if prep.lower_ == "of"
        for whole in _children(prep, "pobj")
    ]


def _example_container(noun: Token) -> Token | None:
    """The noun that goods are named as examples of: "equipment, including T-72 tanks and
    MiG-23 fighters", "arms such as rifles"."""
    while noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ != "pobj":
        return None
    prep = noun.head
    container = prep.head
    if prep.lower_ == "as" and container.lower_ == "such":
        container = container.head
    elif prep.lower_ not in {"including", "like"}:
        return None
    return container if container.pos_ == "NOUN" else None


def _acts(token: Token) -> bool:
    """The phrase is the doer of its verb: an active subject, or the agent of a passive."""
    while token.dep_ in {"conj", "appos"}:
        token = token.head
    if token.dep_ in {"nsubj", "csubj"}:
        return True
    if token.dep_ != "pobj":
        return False
    if token.head.dep_ == "agent":
        return True
    # "signed a contract with the Royal Thai Air Force": both signatories act
    governor = token.head.head
    return token.head.lower_ == "with" and (
        governor.lemma_.lower() in OFFICIAL_ACTS
        or (governor.head.lemma_.lower() in OFFICIAL_ACTS and governor.dep_ == "dobj")
    )


def _goods_pronoun(verb: Token) -> Token | None:
    """The pronoun standing for what a verb of transfer moves: the object of an active verb
    ("bought them from Kuwait"), the subject of a passive one ("They were acquired from Russia")."""
    subjects = [child for child in verb.children if child.dep_ == "nsubjpass"]
    if not subjects and verb.dep_ == "conj" and _children(verb.head, "auxpass"):
        # "It was built in Spain and delivered in 1997": the passive subject both verbs share
        subjects = [child for child in verb.head.children if child.dep_ == "nsubjpass"]
    for subject in subjects:
        if subject.lower_ in {"they", "it"}:
            return subject
        if subject.lower_ in PRONOUN_SHARES:
            # "Most of them were bought from Belarus"
            for prep in _children(subject, "prep"):
                if prep.lower_ == "of":
                    return next((o for o in _children(prep, "pobj") if o.lower_ == "them"), None)
    return next(
        (
            child
            for child in verb.children
            if child.dep_ == "dobj" and child.lower_ in {"them", "it"}
        ),
        None,
    )


# The last word of a firm's name: "The Boeing Company", "Yarrow Shipbuilders Limited"
FIRM_WORDS = {
    "company", "co", "co.", "corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.",
    "limited", "plc", "gmbh", "ag", "sa", "s.a.", "spa", "industries", "shipbuilders",
    "shipbuilding", "shipyard", "shipyards", "aerospace", "aviation", "dynamics", "works",
}  # fmt: skip


def _names_firm(token: Token) -> bool:
    """A proper name ending in a firm's word ("The Boeing Company", "Yarrow Shipbuilders
    Limited"): a company, so a maker, whatever its name."""
    phrase = [t for t in token.subtree if t.i <= token.i and t.dep_ in {"compound", "flat"}]
    return (
        token.lower_ in FIRM_WORDS
        and any(t.pos_ == "PROPN" for t in phrase)
        or token.pos_ == "PROPN"
        and any(t.lower_ in FIRM_WORDS for t in phrase)
    )


def _system_anaphor(verb: Token) -> Token | None:
    """ "The system has been delivered to Chile", "sold the type to Peru": a definite noun for
    a weapon named before, as the goods of a verb of transfer."""
    candidates = _children(verb, "nsubjpass", "dobj")
    if not candidates and verb.dep_ == "conj" and _children(verb.head, "auxpass"):
        candidates = _children(verb.head, "nsubjpass")
    for noun in candidates:
        if (
            noun.lemma_.lower() in SYSTEM_ANAPHORS
            and any(d.dep_ == "det" and d.lower_ in {"the", "this", "that"} for d in noun.children)
            and not any(c.dep_ in {"compound", "amod", "nmod", "prep"} for c in noun.children)
        ):
            return noun
    return None


def subject_of(token: Token) -> tuple[Token | None, bool]:
    """The grammatical subject of a verb, climbing through control and coordination.

    Returns (subject, passive). For object control ("pushed the country to seek") the controller's
    object is the subject.
    """
    for _ in range(6):
        # headline "Hungary admits selling rifles" parses "admits" as an auxiliary of "selling"
        # and hangs the subject on it
        subjects = _children(token, "nsubj", "csubj") or [
            subject for aux in _children(token, "aux") for subject in _children(aux, "nsubj")
        ]
        if subjects:
            return subjects[0], False
        if token.dep_ == "ROOT":
            # headlines: "US considering sending ..." parses "US" as a modifier of the verb
            early = [
                c
                for c in token.children
                if c.i < token.i
                and c.dep_ in {"npadvmod", "compound", "dep", "nmod"}
                and c.pos_ in {"PROPN", "NOUN"}
            ]
            if early:
                return early[0], False
        passive = _children(token, "nsubjpass")
        if passive:
            return passive[0], True
        head = token.head
        if head.i == token.i:
            return None, False
        to_infinitive = token.dep_ == "advcl" and any(
            child.lower_ == "to" and child.dep_ == "aux" for child in token.children
        )
        if token.dep_ in {"advcl", "xcomp", "acl", "relcl"}:
            # "a licence for Ukraine to buy rifles": the object of "for" is the infinitive's subject
            for child in token.children:
                if child.lower_ == "to" and child.dep_ == "aux" and child.i > 0:
                    before = token.doc[child.i - 1]
                    if before.dep_ == "pobj" and before.head.lower_ == "for":
                        return before, False
        if (
            token.dep_ == "acl"
            and token.tag_ == "VBN"
            and head.dep_ == "pobj"
            and head.head.head.lemma_ == "have"
            and head.head.head.i < head.i < token.i
        ):
            # "India had for years given the army rifles": the parser hangs the participle on
            # the aside between it and its auxiliary
            token = head.head.head
            continue
        if _headline_infinitive(token):
            return head, False  # headline "Dutch to sell 18 F-16s to Chile"
        if token.dep_ == "xcomp" or to_infinitive:
            objects = _children(head, "dobj")
            if objects and head.lemma_.lower() in OBJECT_CONTROL:
                return objects[0], False
            token = head
        elif (
            token.dep_ in {"acl", "relcl"}
            and head.pos_ in {"NOUN", "PROPN"}
            and any(child.lower_ == "to" and child.dep_ == "aux" for child in token.children)
        ):
            if head.pos_ == "PROPN" and head.dep_ in {"ROOT", "advcl", "nsubj", "ccomp"}:
                return head, False  # headline "Morocco to buy Israeli air defence system"
            # "Germany's decision to send tanks", "a Spanish plan to sell": the possessor decides
            possessors = _children(head, "poss") + [
                child
                for child in head.children
                if child.dep_ in {"amod", "compound"} and child.pos_ in {"ADJ", "PROPN"}
            ]
            if possessors:
                return possessors[0], False
            # "India signed a contract to buy": the buyer is the subject of the verb over the noun
            if head.dep_ in {"dobj", "attr", "nsubjpass"}:
                token = head.head
            elif head.dep_ == "pobj" and head.head.head.i != head.head.i:
                token = head.head.head
            else:
                return None, False
        elif (
            token.dep_ == "acl"
            and token.tag_ == "VBG"
            and head.pos_ == "NOUN"
            and head.dep_ == "dobj"
        ):
            token = head.head  # "the State Department made a determination approving a sale"
        elif token.dep_ in {"conj", "advcl", "pcomp", "ccomp"} and head.pos_ in {"VERB", "AUX"}:
            token = head
        elif token.dep_ == "acomp" and head.pos_ in {"VERB", "AUX"}:
            token = head  # "he was wrong to sell arms", "Berlin is ready to send": the copula's
        elif token.dep_ == "pcomp" or (token.dep_ == "pobj" and head.pos_ == "ADP"):
            accuser = head.head if head.pos_ == "ADP" else None
            if (
                accuser is not None
                and head.lower_ in {"of", "for"}
                and accuser.lemma_.lower() in ACCUSING_LEMMAS
            ):
                # "accused Russian companies of supplying Iraq": the accused supplies
                objects = _children(accuser, "dobj")
                return (objects[0], False) if objects else (None, False)
            token = head.head if head.pos_ == "ADP" else head
            if token.lemma_.lower() in SPEECH_LEMMAS | {
                "oppose",
                "object",
                "protest",
                "criticise",
                "criticize",
            }:
                return (
                    None,
                    False,
                )  # "Putin warns against supplying F-16s": the speaker is not the supplier
        elif token.dep_ == "prep":
            token = head
        else:
            return None, False
    return None, False


def governing_verb(noun: Token) -> Token | None:
    """The verb a transfer noun is the object of, through "in"/"of" under an amount
    ("announced $800 million in security assistance", "approved the sale")."""
    current = noun
    for _ in range(4):
        if current.dep_ not in {"dobj", "nsubjpass", "pobj", "prep", "attr", "appos", "conj"}:
            return None
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if (
            current.pos_ == "ADP"
            and current.lower_ not in {"in", "of", "for", "worth", "over", "on", "about"}
            # "proceeds with the purchase", "went ahead with the sale"
            and not (current.lower_ == "with" and current.head.lemma_.lower() in {"proceed", "go"})
        ):
            return None
    return None


# Categories a designation may name on a generic noun of another ("Patriot missiles" are air
# defence, "Reaper aircraft" drones); a frigate's name on "missiles" is a misparse
CATEGORY_FAMILIES = [
    {"missiles", "air_defence"},
    {"aircraft", "uav"},
    {"artillery", "ammunition", "armoured_vehicles"},
]


def _amount_of(noun: Token, *, last_only: bool = True) -> Token | None:
    """The amount noun a (last) listed item belongs to ("a mixture of captured weapons and new
    rifles that were supplied by Chad": the parser hangs the clause on the mixture)."""
    if last_only and any(child.dep_ == "conj" for child in noun.children):
        return None
    first = noun
    for _ in range(4):
        if first.dep_ != "conj":
            break
        first = first.head
    if first.dep_ != "pobj" or first.head.lower_ != "of":
        return None
    amount = first.head.head
    return amount if amount.lemma_.lower() in HOLDING_AMOUNTS else None


def _same_family(generic: str, designation: str) -> bool:
    return generic in {"unspecified", designation} or any(
        generic in family and designation in family for family in CATEGORY_FAMILIES
    )


def _places_for(goods: list[Token]) -> list[Token]:
    """Whom the goods are "for" ("50 F-35 jets for Poland"), on each goods noun phrase."""
    return [place for token in goods for place in _preps(np_head(token)).get("for", [])]


def _misattached_clauses(noun: Token) -> list[Token]:
    """ "the missiles the Houthis fired at Riyadh, which were supplied by Iran": a relative
    clause the parser hung on the place named in a prepositional phrase of the clause about the
    goods. Only a passive clause whose subject is the relative pronoun is taken: a place is not
    supplied."""
    if noun.dep_ == "dobj":
        verbs = [noun.head]
    else:
        verbs = [child for child in noun.children if child.dep_ == "relcl"]
    found = []
    for verb in verbs:
        for prep in _children(verb, "prep"):
            # a named place: a common noun ("for the gun, which was cancelled") may be goods
            for place in _children(prep, "pobj"):
                if place.pos_ != "PROPN":
                    continue
                for clause in _children(place, "relcl"):
                    inner = [clause]
                    if clause.lemma_.lower() in SPEECH_LEMMAS:
                        inner = _children(clause, "ccomp")
                    pronouns = [
                        child
                        for node in [clause, *inner]
                        for child in node.children
                        if child.dep_ in {"nsubj", "nsubjpass"}
                        and child.lower_ in {"which", "that"}
                    ]
                    if pronouns and any(_children(verb_, "auxpass") for verb_ in inner):
                        found.append(clause)
    if noun.dep_ == "dobj":
        # "has flown the MiG-21, bought from the Soviet Union, since 1962": a participle set off
        # after the object, which the parser hangs on the verb
        found.extend(
            clause
            for clause in _children(noun.head, "advcl")
            if clause.tag_ == "VBN"
            and clause.i == noun.right_edge.i + 2
            and noun.doc[noun.right_edge.i + 1].lower_ == ","
            and not any(
                child.dep_ in {"nsubj", "nsubjpass", "mark", "aux"} for child in clause.children
            )
        )
    return found


def _names_vessel(generic: Token, party_at: Mapping[int, object]) -> bool:
    """ "the frigate Fridtjof Nansen", "the submarine Kursk": a type word before a ship's or
    aircraft's own name describes the named item, which is the weapon."""
    name = generic.head
    return (
        generic.text.islower()  # not a title-case headline's "Ammo Vehicles"
        and name.pos_ == "PROPN"
        and generic.i < name.i
        and not any(index in party_at for index in range(generic.i + 1, name.i + 1))
    )


def _names_period(modifier: Token) -> bool:
    """ "Yugoslav-era", "Cold War-era", "Soviet-style", "Warsaw Pact-vintage": when a weapon dates
    from or what it is modelled on, not who made or sold it."""
    if modifier.lower_ in PERIOD_WORDS:
        return True
    doc = modifier.doc
    following = doc[modifier.i + 1 : modifier.i + 3]
    return (
        len(following) == 2 and following[0].text == "-" and following[1].lower_ in PERIOD_WORDS
    ) or modifier.lower_.endswith(tuple(f"-{word}" for word in PERIOD_WORDS))


def np_head(token: Token) -> Token:
    """The noun a chain of modifiers hangs from ("S-400 air defence missile systems" -> systems)."""
    while token.dep_ in {"compound", "amod", "nmod", "nummod"} and token.head.i != token.i:
        token = token.head
    return token


def _verb_group(token: Token) -> list[str]:
    """Auxiliaries and particles of a verb, lower-cased, in order."""
    return [
        child.lower_ for child in token.children if child.dep_ in {"aux", "auxpass", "neg", "prt"}
    ]


def held_back(chain: list[Token]) -> bool:
    """A negated transfer verb limited in time, on goods already named or under way: "the
    consignments will not be sent for the present", "won't deliver the tanks for now", "not
    until further notice", "refusing to deliver them until ...". A bare "will not send tanks
    for now" turns a request down."""
    for token in chain:
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        refused = token.dep_ == "xcomp" and token.head.lemma_.lower() in REFUSING_LEMMAS
        if not refused and not any(child.dep_ == "neg" for child in token.children):
            continue
        goods = _children(token, "dobj", "nsubjpass")
        if not any(
            good.lemma_.lower() in SHIPMENT_NOUNS
            or good.lower_ in {"them", "it"}
            or any(
                child.dep_ == "poss"
                or (child.dep_ == "det" and child.lower_ in {"the", "these", "those", "this"})
                for child in good.children
            )
            for good in goods
        ):
            continue
        if refused and any(
            child.lower_ == "until" and child.dep_ in {"mark", "prep"}
            for verb in (token, token.head)
            for clause in [verb, *verb.children]
            for child in clause.children
        ):
            return True  # "refusing to deliver them until Pakistan proves ...": held back
        for child in token.children:
            if child.dep_ == "advmod" and child.lower_ in {"temporarily", "provisionally"}:
                return True
            if child.dep_ == "prep" and child.lower_ in {"for", "until"}:
                words = {t.lower_ for t in child.subtree}
                if words & {"now", "present", "moment", "being", "notice"}:
                    return True
    return False


def _future_in_past(verb: Token) -> bool:
    """ "was to have supplied", "were to deliver", "would have given": a plan told as unrealised."""
    group = _verb_group(verb)
    if "would" in group and "have" in group:
        return True
    return (
        "to" in group
        and verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() == "be"
        and verb.head.tag_ == "VBD"
    )


def _part_of_larger_deal(token: Token, cues: Mapping[int, Cue]) -> bool:
    """ "talks on buying 50 F-35s as part of a $23 billion arms package": the package is the
    larger deal, not what the verb above it does."""
    return (
        token.dep_ == "pobj"
        and token.i in cues
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() == "part"
    )


def _joined_to_cancellation(token: Token, cues: Mapping[int, Cue]) -> bool:
    """A verb coordinated with a verb that halts or cancels: its own act, not the one called off
    ("dropped the F-16 deal and agreed to buy Sukhois"); and a halt or cancellation in a clause
    of its own ("bought Rafales, two years after Washington blocked its purchase of F-16s")."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    if token.dep_ in {"advcl", "conj"} and token.i in cues:
        return cues[token.i].cue_class in {"block", "cancel"} and token.head.i in cues
    return (
        token.dep_ == "conj"
        and token.head.i in cues
        and cues[token.head.i].cue_class in {"block", "cancel"}
    )


# Edges from a transfer verb up to the verb that governs it without a tense of its own
NONFINITE_EDGES = {"xcomp", "pcomp", "pobj", "prep", "dobj", "acl", "relcl", "advcl"}


def _governors(token: Token, limit: int = 3) -> list[Token]:
    """Verbs above a transfer verb through to-infinitives and complements ("wants to buy")."""
    found = []
    current = token
    for _ in range(limit):
        # only non-finite complements: "announced that X has been delivered" keeps its own tense;
        # "lets Israel sell", "allows Israel to sell": an infinitive with its own subject
        if current.dep_ not in NONFINITE_EDGES and not _infinitive_complement(current):
            break
        # "had already agreed in 2014 to buy", parsed as an adverbial clause: only an infinitive
        if current.dep_ in {"acl", "relcl"} and not any(
            c.lower_ == "to" and c.dep_ == "aux" for c in current.children
        ):
            break
        if current.dep_ == "advcl" and not any(
            c.lower_ == "to" and c.dep_ == "aux" for c in current.children
        ):
            break
        current = current.head
        if current.pos_ in {"VERB", "AUX", "NOUN", "ADJ"}:
            found.append(current)
    return found


def _infinitive_complement(token: Token) -> bool:
    """ "allows Israel to sell", "let Kyiv use": a complement clause in the bare form, with no
    modal or tense of its own."""
    return (
        token.dep_ == "ccomp"
        and token.tag_ == "VB"
        and not any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "MD" for c in token.children)
        and not any(c.dep_ == "mark" for c in token.children)
    )


def _block_lifted(tokens: list[Token]) -> bool:
    """ "ended its freeze on deliveries", "lifted the suspension of F-16 sales": a block on the
    transfer that is itself undone."""
    for token in tokens:
        for node in [token, *_governors(token, limit=4)]:
            if (
                node.lemma_.lower() in BLOCK_WORDS
                and node.dep_ in {"dobj", "nsubjpass"}
                and node.head.lemma_.lower() in LIFTING_LEMMAS
            ):
                lifting = node.head
                # "refused to lift the freeze", "has not lifted the ban": the block stands
                return not _children(lifting, "neg") and not any(
                    governor.lemma_.lower() in REFUSING_LEMMAS | {"fail"}
                    or _children(governor, "neg")
                    for governor in _governors(lifting, limit=2)
                )
    return False


def verb_status(cue: Cue, token: Token, sentence: Span) -> str:
    """Status of a directional verb from its tense, aspect and governing verbs."""
    group = _verb_group(token)
    # "will likely continue to buy": tense and aspect sit on the verbs the cue hangs from
    current = token
    while current.dep_ in {"xcomp"} and current.head.i != current.i:
        current = current.head
        group += _verb_group(current)
    text = sentence.text.lower()
    if (
        token.dep_ in {"ccomp", "xcomp"}
        and "to" in group
        and token.head.lemma_.lower() in AWAITING_LEMMAS
        and cue.cue_class in {"arrive", "get"}
    ):
        return "agreed"  # "expects the first tanks to arrive next year"
    wanted = False  # "hoped to sell": a seller's wish is at most an offer
    for governor in _governors(token):
        lemma = governor.lemma_.lower()
        if lemma in GOVERNOR_STATUS and not (
            lemma in {"announce", "set"} and cue.cue_class not in {"give", "offer"}
        ):
            status = GOVERNOR_STATUS[lemma]
            if (
                status == "sought"
                and cue.cue_class in {"give", "offer"}
                and lemma not in REQUEST_LEMMAS
            ):
                wanted = True
                continue  # "wants to send" is a pledge-in-waiting, keep reading
            if status == "offered" and cue.cue_class == "get" and lemma != "decide":
                return "sought"  # "the Army is considering buying": a buyer's plan seeks
            return status
        if lemma == "process" or lemma == "talk":
            return "negotiating"
        if lemma in AWAITING_LEMMAS and cue.cue_class in {"arrive", "get"}:
            return "agreed"  # "expects the tanks to arrive next year": bought, not yet there
        if lemma in REFUSING_LEMMAS and cue.cue_class in {"give", "offer"}:
            return "offered"  # "refused to supply its S-400s": a supply turned down, not made
    if wanted:
        return "offered"
    if cue.cue_class in {"ask"}:
        return "sought"
    if cue.cue_class == "offer":
        return "offered"
    if cue.cue_class == "use":
        if any(word in {"will", "'ll", "shall", "would"} for word in group) or (
            token.dep_ in {"xcomp", "advcl"} and "to" in group
        ):
            return "offered"  # "the helicopters will be used against militants": not yet
        return cue.status  # in use, or delivered for weapons a force flies or operates
    # "Germany to send tanks": a headline's bare infinitive is a future
    headline_future = (
        (token.dep_ == "ROOT" and "to" in group)
        or (token.dep_ == "xcomp" and token.head.lemma_ == "be" and "to" in group)
        # "Morocco to buy ...", parsed as a relative clause on "Morocco"
        or (token.dep_ == "relcl" and token.head.pos_ == "PROPN" and "to" in group)
        # "Dutch to sell F-16s to Chile", parsed as a complement of the demonym
        or _headline_infinitive(token)
    )  # "Germany to send", "Greece is to send"
    # "may have received": a modal on a perfect hedges something done, not something to come
    modal_perfect = (
        "have" in group
        and token.tag_ == "VBN"
        and any(word in {"may", "might", "could", "must", "should"} for word in group)
    )
    future = (
        # "may provide", "could send": a modal transfer has not happened yet (certainty says how sure)
        any(
            word in {"will", "'ll", "shall", "wo", "may", "might", "could", "can", "should", "must"}
            for word in group
        )
        and not modal_perfect
        or _going_to(token)
        or headline_future
    )
    # "has been buying" reports purchases made, "is buying" one under way
    progressive = (
        token.tag_ == "VBG"
        and any(word in {"is", "are", "am", "was", "were", "be"} for word in group)
        and "been" not in group
    )
    passive_progressive = token.tag_ == "VBN" and "being" in group
    if (
        any(phrase in text for phrase in TRANSIT_WORDS)
        and cue.cue_class in {"give", "get", "arrive"}
        and not future
    ):
        return "in_transit"
    if (future or "would" in group) and _under_a_deal(token):
        return "agreed"  # "under the agreement, Baykar will supply 24 drones": a deal made
    if future:
        if cue.cue_class == "get" and cue.status == "agreed":
            return "agreed"
        if cue.cue_class == "get" and cue.lemma in PURCHASE_LEMMAS:
            return "agreed"
        if cue.cue_class == "give" and cue.deal in {"sale", "loan"}:
            return "agreed"  # "will sell" reports a sale agreed, "will send" a pledge
        return "offered"
    if "would" in group:
        return "offered" if cue.cue_class in {"give", "get", "arrive"} else cue.status
    if progressive or passive_progressive:
        if cue.cue_class == "get" and cue.lemma in {
            "buy",
            "purchase",
            "acquire",
            "procure",
            "import",
            "order",
        }:
            return "negotiating"
        if passive_progressive and cue.lemma in {
            "ship",
            "send",
            "transfer",
            "deliver",
            "dispatch",
            "airlift",
        }:
            return "in_transit"
        return cue.status
    if (
        token.tag_ in {"VBZ", "VBP"}
        and cue.cue_class == "get"
        and cue.lemma in PURCHASE_LEMMAS
        and not group
    ):
        return "agreed"  # "China buys Russian submarines": a purchase made, not yet delivered
    if (
        token.tag_ in {"VBZ", "VBP"}
        and cue.cue_class == "give"
        and cue.deal == "sale"
        and not group
    ):
        return "agreed"  # "Bonn sells warships to Indonesia": a sale made, as "buys" is
    if token.tag_ == "VB" and not group and token.dep_ in {"xcomp", "advcl", "acl", "relcl"}:
        # a bare infinitive of purpose: "a plan to supply", "moves to buy"
        return (
            "offered"
            if cue.cue_class in {"give"}
            else "sought"
            if cue.cue_class == "get"
            else cue.status
        )
    return cue.status


DEAL_NOUNS = {"agreement", "contract", "deal", "arrangement", "accord", "memorandum", "order"}


def _under_a_deal(verb: Token) -> bool:
    """A future transfer told as the terms of a deal: "under the agreement", "under a 2019
    contract"."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "under"
        and any(obj.lemma_.lower() in DEAL_NOUNS for obj in child.children if obj.dep_ == "pobj")
        for child in verb.children
    )


def _no_use_of_anothers(verb: Token) -> bool:
    """A firing that is a test ("would test-fire a Zircon") or of one's "own" weapons ("were
    firing their own rifles"): no use of weapons another party supplied."""
    words = [t.lower_ for t in verb.doc[max(0, verb.i - 2) : verb.i]]
    if words[-1:] == ["test"] or words == ["test", "-"]:
        return True
    return any(
        any(child.lower_ == "own" for child in obj.children)
        and any(child.dep_ == "poss" for child in obj.children)
        for obj in _children(verb, "dobj")
    )


def _phrasal_cue(token: Token) -> Cue | None:
    """Cues two words make: "turned over to the Philippine Navy" (handed over), "decided not to
    proceed with the lease of 28 F-16s" (called off)."""
    lemma = token.lemma_.lower()
    if not (token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")):
        return None
    particles = {child.lower_ for child in token.children if child.dep_ == "prt"}
    preps = {child.lower_ for child in token.children if child.dep_ == "prep"}
    if lemma == "turn" and "over" in particles:
        return Cue(lemma, "verb", "give", "delivered", "unspecified")
    if lemma == "take" and "over" in particles:
        # "the Mexican navy took over the first of six patrol ships": a force or a state takes
        # charge of goods handed to it (rebels that take over a depot capture it)
        subjects = _children(token, "nsubj")
        if subjects and (
            _actor_word(subjects[0]) in ARMED_SERVICE_WORDS or subjects[0].pos_ == "PROPN"
        ):
            return Cue(lemma, "verb", "get", "delivered", "unspecified")
    if (
        lemma == "proceed"
        and "with" in preps
        and any(child.dep_ == "neg" for child in token.children)
    ):
        return Cue(lemma, "verb", "cancel", "cancelled", "unspecified")
    return None


def unique_parties(parties: list[Party]) -> list[Party]:
    """Parties in order, once each ("MiG" and "Soviet-made" both name the Soviet Union)."""
    return list(dict.fromkeys(parties))


def _actor_word(token: Token) -> str | None:
    """The state-actor noun a token is ("the army", "the Armed Forces", whose capitalised plural
    the tagger leaves unlemmatised), or None."""
    for word in (token.lemma_.lower(), token.lower_, token.lower_.removesuffix("s")):
        if word in STATE_ACTOR_NOUNS:
            return word
    return None


def _delivered_landing(verb: Token) -> bool:
    """Aircraft that land are delivered when they are counted or new to their owner ("six
    MiG-29s land in Serbia", "Malaysia's first Sukhois land"), and are no transport planes."""
    subjects = _children(verb, "nsubj")
    # a headline "Six MiG-29s land in Serbia" the parser read as a noun phrase "... land"
    phrases = [list(subject.subtree) for subject in subjects] or [
        [word for word in verb.subtree if word.i < verb.i]
    ]
    for phrase in phrases:
        words = {word.lower_ for word in phrase}
        if words & {"transport", "cargo", "freighter", "airliner", "passenger"}:
            return False
        if words & {"first", "new"} or any(word.dep_ in {"nummod", "poss"} for word in phrase):
            return True
    return False


def _headline_infinitive(token: Token) -> bool:
    """A headline's "X to V" ("Dutch to sell F-16s to Chile", "Israelis to sell Kfirs"), which
    the parser hangs on the name that opens the sentence in one way or another."""
    head = token.head
    return (
        token.tag_ == "VB"
        and token.dep_ in {"xcomp", "advcl", "acl", "relcl"}
        and any(child.lower_ == "to" and child.dep_ == "aux" for child in token.children)
        and head.pos_ in {"ADJ", "PROPN", "NOUN"}
        and head.dep_ in {"ROOT", "nsubj"}
        and head.left_edge.i == head.sent.start
        and not any(child.dep_ == "det" for child in head.children)  # "a plan to sell"
    )


def _scheduled(noun: Token) -> bool:
    """A delivery noun whose predicate puts it in the future: "deliveries are scheduled for
    2026", "are due next year", "will begin in March", "are set to start"."""
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    head = noun.head
    words = [head] + [child for child in head.children if child.dep_ in {"acomp", "xcomp", "attr"}]
    if any(word.lemma_.lower() in SCHEDULED_WORDS for word in words):
        return head.lemma_.lower() not in {"begin", "start"} or any(
            child.lower_ in {"will", "to", "'ll", "shall"} for child in head.children
        )
    return any(child.dep_ == "aux" and child.lower_ in {"will", "shall"} for child in head.children)


def _going_to(token: Token) -> bool:
    head = token.head
    return (
        token.dep_ == "xcomp"
        and head.lower_ == "going"
        and any(child.lower_ in {"is", "are", "am"} for child in head.children)
    )


class FrameBuilder:
    """Builds the frames of one sentence."""

    def __init__(
        self, mentions: TokenMentions, lexicons: Lexicons, resolver: PartyResolver
    ) -> None:
        self.mentions = mentions
        self.lexicons = lexicons
        self.resolver = resolver

    def _lists_contents(self, verb: Token) -> bool:
        """A clause that lists contents ("documents with Russian officials that include
        agreements for S-400s"): parties include nothing, so the parser hung it on the wrong
        noun."""
        cue = cue_for(verb, self.lexicons)
        return cue is not None and cue.pos == "verb" and cue.cue_class == "elaborate"

    def _signed_for_goods(self, verb: Token) -> bool:
        """ "signs for 12 Czech L-159 jets": a verb of signing with no deal or partner of its
        own ("signed a contract with Serbia for jets" is read as a deal) whose "for" names
        weapons."""
        if _children(verb, "dobj") or any(
            prep.lower_ == "with" for prep in _children(verb, "prep")
        ):
            return False
        return self._weapons_for(verb)

    def _weapons_for(self, verb: Token) -> bool:
        """Whether a verb's "for" names weapons ("signs for 12 jets", "is for 40 F-16s")."""
        return self._weapons_after(verb, "for")

    def _weapons_after(self, verb: Token, preposition: str) -> bool:
        """Whether a preposition on a verb names weapons ("for 12 jets", "with ammunition")."""
        return any(
            self._names_weapon(goods)
            for prep in _children(verb, "prep")
            if prep.lower_ == preposition
            for goods in _children(prep, "pobj")
        )

    def _licence_cue(self, token: Token) -> Cue | None:
        """ "Turkey to build 350 South Korean K9 howitzers under licence": building another
        state's weapons under its licence is a licence deal, the builder the buyer."""
        if token.lemma_.lower() not in BUILD_LEMMAS - {"design", "develop"} or not (
            token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")
        ):
            return None
        licensed = any(
            pobj.lemma_.lower() in {"licence", "license"}
            for prep in _children(token, "prep")
            if prep.lower_ == "under"
            for pobj in _children(prep, "pobj")
        )
        if not licensed or not any(self._names_weapon(obj) for obj in _children(token, "dobj")):
            return None
        return Cue(token.lemma_.lower(), "verb", "get", "agreed", "licence")

    def _sends_forces(self, verb: Token) -> bool:
        """Whether a verb of sending deploys forces rather than handing weapons over: troops,
        airmen or crews among its objects; aircraft "flown by Soviet crews"; ships or aircraft
        sent for an exercise or a disaster ("sends warships and helicopters to Sri Lanka after
        the tsunami", "sent a frigate for the drills")."""
        for obj in _children(verb, "dobj"):
            for noun in obj.subtree:
                if (
                    (noun.i == obj.i or noun.dep_ in {"conj", "appos"})
                    and noun.lemma_.lower() in FORCE_NOUNS
                    and noun.i not in self.mentions.weapon_at
                ):
                    return True
        if any(
            noun.dep_ == "pobj"
            and noun.head.dep_ == "agent"
            and noun.head.head.i != verb.i
            and noun.head.head.lemma_.lower() in CREWING_LEMMAS
            and noun.lemma_.lower() in CREW_NOUNS
            for noun in verb.subtree
        ):
            return True  # "transport planes and helicopters, flown by Soviet crews"
        goods = [
            mention.term.category
            for obj in _children(verb, "dobj")
            for noun in obj.subtree
            if (mention := self.mentions.weapon_at.get(noun.i)) is not None
        ]
        word_scope = list(verb.sent)  # the purpose may be told anywhere in the sentence
        if not goods or any(category not in DEPLOYED_CATEGORIES for category in goods):
            return False
        # "sent warships close to Chinese-held islands": to waters, not to a party
        if any(
            word.lemma_.lower() in WATERS_WORDS
            and word.head.lower_ in {"to", "into", "near", "off", "toward", "towards"}
            for word in verb.subtree
            if word.dep_ == "pobj"
        ):
            return True
        return any(
            word.lemma_.lower() in DEPLOYMENT_PURPOSES
            for word in word_scope
            if word.dep_ in {"pobj", "dobj", "nsubj"} and word.i not in self.mentions.weapon_at
        ) or any(
            # "..., and the South African navy is taking part with a frigate"
            word.lemma_ == "take" and any(c.lower_ == "part" for c in word.children)
            for word in word_scope
        )

    def _deployed_in_service(self, verb: Token) -> bool:
        """ "The first U.S. Army Apache helicopters landed at Tirana's airport", "two West German
        air force Transall transports arrived": goods marked as a state's armed service's own
        arriving somewhere else are its forces deployed, not goods delivered."""
        for subject in _children(verb, "nsubj"):
            if subject.i not in self.mentions.weapon_at:
                continue
            services = [
                word
                for word in subject.subtree
                if word.i < subject.i
                and word.dep_ in {"compound", "nmod", "amod"}
                and _actor_word(word) in ARMED_SERVICE_WORDS
            ]
            owners = [party for word in services for party in self.resolver.parties(word)]
            if not owners:
                continue
            places = [
                party
                for prep in _children(verb, "prep")
                if prep.lower_ in {"in", "at", "to", "into"}
                for place in _children(prep, "pobj")
                for word in place.subtree
                for party in self.resolver.parties(word)
                if word.i in self.mentions.party_at
            ]
            if places:
                return any(place not in owners for place in places)
            makers = {
                self.lexicons.weapon_origins.get(mention.term.canonical)
                for word in subject.subtree
                if (mention := self.mentions.weapon_at.get(word.i)) is not None
            } - {None}
            return any(owner.code in makers for owner in owners)
        return False

    def cues_of(self, sentence: Span) -> dict[int, Cue]:
        found = {}
        for token in sentence:
            cue = (
                cue_for(token, self.lexicons)
                or self._instrument_cue(token)
                or self._licence_cue(token)
                or _phrasal_cue(token)
            )
            if cue is None:
                continue
            if cue.pos == "verb" and cue.lemma in SIGNING_LEMMAS and self._signed_for_goods(token):
                # "Iraq signs for 12 Czech L-159 combat jets": signing for weapons buys them
                cue = Cue(cue.lemma, "verb", "get", "agreed", "sale")
            if cue.pos == "verb" and token.i in self.mentions.weapon_at:
                continue  # "Arms" in a headline is the noun, not the verb "to arm"
            if cue.cue_class == "elaborate" and token.dep_ == "prep":
                continue  # "aircraft, including a Tu-22": examples of a noun, not a package's contents
            if cue.cue_class in {"give", "offer"} and any(
                child.dep_ == "nsubj" and child.i in self.mentions.weapon_at
                for child in token.children
            ):
                continue  # "the jets give the air force a modern fleet": a weapon gives nothing away
            if cue.cue_class == "ask" and any(
                child.dep_ in {"xcomp", "ccomp"} and cue_for(child, self.lexicons)
                for child in token.children
            ):
                continue  # "asked Moscow not to sell": a request about another transfer verb
            if (
                cue.lemma == "use"
                and any(
                    child.dep_ in {"xcomp", "advcl"}
                    and any(
                        grand.lower_ == "to" and grand.dep_ == "aux" for grand in child.children
                    )
                    for child in token.children
                )
                and not any(self._names_weapon(obj) for obj in _children(token, "dobj"))
            ):
                continue  # "a route used to smuggle weapons": a purpose, not a weapon in use
            if (
                token.lower_ == "used"
                and token.i > sentence.start
                and token.nbor(-1).pos_ in {"NUM", "DET", "ADJ"}
                and token.i + 1 < sentence.end
                and token.nbor(1).i in self.mentions.weapon_at
            ):
                continue  # "24 used F-16s", "the used frigates": second-hand, not in use
            if cue.cue_class == "arrive" and any(
                word.lemma_.lower() in DEPLOYMENT_NOUNS for word in token.subtree
            ):
                continue  # "bombers landed in Venezuela for joint exercises": a visit, no sale
            if cue.lemma == "give" and any(
                child.dep_ == "prt" and child.lower_ == "up" for child in token.children
            ):
                continue  # "give up all arms they have taken": surrendered, not supplied
            if cue.lemma == "take" and (
                any(obj.lower_ in {"part", "place"} for obj in _children(token, "dobj"))
                or any(
                    child.dep_ == "prt" and child.lower_ in {"off", "up", "place"}
                    for child in token.children
                )
            ):
                # "aircraft from 16 countries are taking part", "its Su-22s take off from
                # Bagram": in an exercise or in the air, not taken
                continue
            if cue.pos == "verb" and cue.lemma in SENDING_LEMMAS and self._sends_forces(token):
                # "India sent four Su-30MKI fighters, a C-17 and about 145 airmen": a state's
                # forces deployed with their weapons, not weapons handed over
                continue
            if cue.cue_class == "arrive" and self._deployed_in_service(token):
                continue
            if cue.cue_class == "use" and _no_use_of_anothers(token):
                continue
            if cue.lemma == "accept" and not any(
                self._names_weapon(obj) or obj.lemma_.lower() in SHIPMENT_NOUNS
                for obj in _children(token, "dobj")
            ):
                continue  # "declined to accept a letter of request": only goods are received
            if (
                cue.lemma == "pass"
                and not (
                    token.dep_ == "conj"
                    and cue_for(token.head, self.lexicons) is not None
                    and any(c.lower_ == "to" for c in _children(token, "prep"))
                    and all(obj.lower_ in {"them", "it"} for obj in _children(token, "dobj"))
                )
                and not (
                    # "to pass Javelins from its own stocks to Kyiv": weapons passed on to a party
                    # (the object itself a weapon: "passed Patriot technology" is no weapon)
                    any(obj.i in self.mentions.weapon_at for obj in _children(token, "dobj"))
                    and any(
                        self.resolver.parties(place)
                        for prep in token.subtree
                        if prep.lower_ == "to"
                        and prep.dep_ == "prep"
                        and token.i in {prep.head.i, prep.head.head.i}
                        for place in _children(prep, "pobj")
                    )
                )
            ):
                # "passed a bill", "allegations that it passed technology to China": only
                # weapons just bought or received and passed on ("bought rifles and passed them to")
                continue
            if cue.lemma == "reach" and any(
                obj.pos_ != "PROPN" and not self.resolver.parties(obj)
                for obj in _children(token, "dobj")
            ):
                continue  # "reached the final round", "reached their targets": no arrival
            if cue.lemma == "come" and not (
                "from" in _preps(token)
                and any(self._names_weapon(subject) for subject in _children(token, "nsubj"))
            ):
                continue  # only weapons that "came from" a party arrive from it
            if (
                cue.lemma == "land"
                and not _delivered_landing(token)
                and not self._weapons_after(token, "with")
            ):
                # "transport planes landed at the base": the carriers, not the goods (unless
                # they "landed with ammunition")
                continue
            if cue.lemma == "exercise" and not any(
                obj.lemma_.lower() == "option" for obj in _children(token, "dobj")
            ):
                continue  # only "exercised an option for 12 more Rafales" orders anything
            if cue.lemma == "option" and token.head.lemma_.lower() != "exercise":
                continue  # "holds options on 32 more": not yet an order
            if cue.lemma in {"receive", "get", "obtain"} and any(
                obj.lemma_.lower() in ORDER_NOUNS for obj in _children(token, "dobj")
            ):
                continue  # "Saab has received an order": the seller takes an order, not goods
            if cue.cue_class == "seize" and not self._in_transit(sentence):
                continue  # "police seized rifles", "intercepted a missile": no shipment on its way
            found[token.i] = cue
        return found

    def _names_weapon(self, noun: Token) -> bool:
        """The noun is a weapon or heads one ("Mirage F-1 fighters")."""
        return noun.i in self.mentions.weapon_at or any(
            child.i in self.mentions.weapon_at
            for child in noun.children
            if child.dep_ in {"compound", "amod", "nmod"}
        )

    @staticmethod
    def _in_transit(sentence: Span) -> bool:
        """The sentence names a carrier or a destination: what was seized was on its way."""
        return any(
            token.lemma_.lower() in CARRIER_NOUNS
            or (
                token.lemma_.lower() in DESTINATION_LEMMAS
                and any(child.lower_ in {"for", "to"} for child in token.children)
            )
            for token in sentence
        )

    def _seizure_roles(self, frame: Frame) -> None:
        """A seized shipment's sides: where it came from ("from Pyongyang", "loaded in Iran")
        and where it was going ("bound for Iran", "arms for the Houthis"); the seizer is neither."""
        weapon_at = self.mentions.weapon_at
        for token in frame.sentence:
            if token.lemma_.lower() in CARRIER_NOUNS:
                frame.carrier = True
            if token.dep_ != "pobj" or token.head.dep_ not in {"prep", "agent"}:
                continue
            word = token.head.lower_
            governor = token.head.head
            lemma = governor.lemma_.lower()
            if not self.resolver.parties(token):
                continue
            if (
                word == "from"
                and (lemma in MOVEMENT_LEMMAS or governor.i in weapon_at or lemma in CARRIER_NOUNS)
                or word in {"in", "at"}
                and lemma == "load"
            ):
                self._add(frame, "supplier", token)
            elif word in {"for", "to"} and (
                lemma in DESTINATION_LEMMAS or (word == "for" and governor.i in weapon_at)
            ):
                self._add(frame, "recipient", token)

    def _in_foreign_service(self, verb: Token) -> bool:
        """A weapon the subject names is in a party's service ("is in service with the Portuguese
        Air Force", "entered service with the Indian Navy")."""
        owner = _service_owner(verb)
        if owner is None or not self.resolver.parties(owner):
            return False
        return any(self._names_weapon(subject) for subject in _children(verb, "nsubj"))

    def _elaborates(self, verb: Token) -> bool:
        """ "The first is for 108 M1A2T Abrams tanks", "The sale is for 40 F-16s": a copula whose
        subject refers back to a transfer says what that transfer is for."""
        subjects = _children(verb, "nsubj")
        if len(subjects) != 1:
            return False
        subject = subjects[0]
        lemma = subject.lemma_.lower()
        refers_back = (
            lemma in ORDINAL_REFERENCES
            or (
                cue_for(subject, self.lexicons) is not None
                and any(
                    child.dep_ == "det" and child.lower_ in ANAPHORIC_DETERMINERS
                    for child in subject.children
                )
            )
        ) and any(child.lower_ in {"the", "this", "that"} for child in subject.children)
        if not (refers_back or subject.lower_ in {"it", "this"}):
            return False
        return self._weapons_for(verb)

    def _holds_foreign_made(self, verb: Token) -> bool:
        """An active verb of holding, with a subject and no destination, whose object is a weapon
        marked with its maker ("-made", "-built", "-supplied") and not taken from an enemy."""
        if verb.dep_ in {"acl", "relcl", "amod"} or not _children(verb, "nsubj"):
            return False
        if any(prep.lower_ in {"to", "for"} for prep in _children(verb, "prep")):
            return False  # "carrying Chinese-made rifles to Sudan": a shipment under way
        objects = _children(verb, "dobj")
        if verb.lemma_.lower() in RELYING_LEMMAS:
            # "relies on a handful of American-built F-5 fighters"
            objects += [obj for prep in _children(verb, "prep") for obj in _children(prep, "pobj")]
        for obj in objects:
            # "show visitors Chinese-made rocket launchers": the parser may take the weapons
            # for an apposition to the one shown them
            appositions = [child for child in obj.children if child.dep_ == "appos"]
            # "a handful of American-built F-5s": the goods the amount counts
            counted = [
                goods
                for prep in _children(obj, "prep")
                if prep.lower_ == "of" and obj.lemma_.lower() in HOLDING_AMOUNTS
                for goods in _children(prep, "pobj")
            ]
            for noun in [obj, *obj.conjuncts, *appositions, *counted]:
                if not any(
                    token.i in self.mentions.weapon_at
                    for token in noun.subtree
                    if token.i <= noun.i
                ):
                    continue
                modifiers = list(noun.children)
                if any(m.lemma_.lower() in CAPTURE_LEMMAS for m in modifiers):
                    return False  # "captured Russian-made rifles" were never supplied
                if any(
                    m.dep_ in {"amod", "compound", "nmod", "npadvmod"}
                    and (
                        m.lower_.endswith(MADE_SUFFIXES)
                        # "Iranian-made" in three tokens: "Iranian", "-", "made"
                        or (
                            m.lemma_.lower() in MADE_LEMMAS
                            and m.i > 0
                            and m.doc[m.i - 1].text == "-"
                        )
                    )
                    for m in modifiers
                ):
                    return True
        return False

    def _instrument_cue(self, token: Token) -> Cue | None:
        """A cue no transfer word gives: a weapon in use or carried (`_use_or_carry_cue`), else
        a holder of weapons marked with their maker: "Guerrillas show visitors Chinese-made rocket
        launchers", "the Iranian air force still flies U.S.-built F-14s" got them."""
        cue = self._use_or_carry_cue(token)
        lemma = token.lemma_.lower()
        if cue is None and lemma == "be" and self._elaborates(token):
            cue = Cue(lemma, "verb", "elaborate", "agreed", "unspecified")
        if cue is None and lemma in SERVICE_LEMMAS and self._in_foreign_service(token):
            # "The C-390 is already in service with the Portuguese Air Force": delivered to it
            cue = Cue(lemma, "verb", "get", "delivered", "unspecified")
        if cue is None and lemma in HOLDING_MADE_LEMMAS and self._holds_foreign_made(token):
            cue = Cue(lemma, "verb", "get", "delivered", "unspecified")
        if cue is None and lemma == "have" and self._has_on_order(token):
            # "It has 36 F-16 fighters on order from the United States"
            cue = Cue(lemma, "verb", "get", "agreed", "sale")
        if cue is None and lemma in JOINING_LEMMAS and self._joins_service(token):
            # "The boat was built in the Soviet Union and joined the Indian Navy in 1988"
            cue = Cue(lemma, "verb", "arrive", "delivered", "unspecified")
        return cue

    def _has_on_order(self, verb: Token) -> bool:
        """ "has 36 F-16 fighters on order": weapons a holder has ordered."""
        return any(
            self._names_weapon(obj)
            and any(
                pobj.lemma_.lower() == "order"
                for holder in (verb, obj)
                for prep in _children(holder, "prep")
                if prep.lower_ == "on"
                for pobj in _children(prep, "pobj")
            )
            for obj in _children(verb, "dobj")
        )

    def _joins_service(self, verb: Token) -> bool:
        """ "the boat joined the Indian Navy": a weapon that joins a state's armed service."""
        if not any(self._names_weapon(subject) for subject in _children(verb, "nsubj")):
            return False
        return any(
            _actor_word(obj) in ARMED_SERVICE_WORDS and self.resolver.parties(obj)
            for obj in _children(verb, "dobj")
        )

    def _use_or_carry_cue(self, token: Token) -> Cue | None:
        """A use cue that is no transfer word elsewhere: "attacked Kyiv with Iranian-made drones",
        "MiGs flown by the Angolan air force"."""
        if not (token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")):
            return None
        lemma = token.lemma_.lower()
        weapon_at = self.mentions.weapon_at
        if self._acting_weapon(token) is not None and self._users_in_action(token):
            # "Soviet-built T-54 tanks spearheaded the Vietnamese offensive", "its Scuds have
            # hit the capital": a weapon fighting for a named party is in that party's use
            return Cue(lemma, "verb", "use", "in_use", "unspecified")
        downing = lemma in {"bring", "shoot"} and any(
            child.dep_ == "prt" and child.lower_ == "down" for child in token.children
        )
        if lemma in ATTACK_LEMMAS or downing or lemma in {"down", "sink", "destroy"}:
            # "attacked Kyiv with Iranian-made drones", "brought down the plane with a
            # Soviet-made SAM-7"
            instruments = [
                obj
                for prep in _children(token, "prep")
                if prep.lower_ == "with"
                for pobj in _children(prep, "pobj")
                for obj in [pobj, *pobj.conjuncts]
            ]
            if not any(obj.i in weapon_at for obj in instruments):
                return None
        elif lemma in CARRYING_LEMMAS:
            # "a Soviet ship carrying combat jets to Nicaragua": a delivery under way
            if not any(self._names_weapon(obj) for obj in _children(token, "dobj")):
                return None
            destinations = (
                [
                    pobj
                    for prep in _children(token, "prep")
                    if prep.lower_ in {"to", "for"}
                    for pobj in _children(prep, "pobj")
                ]
                + [
                    # "carrying attack helicopters to Syria", the parser hanging "to" on the goods
                    # (or on the last of them: "rounds, mortar bombs and grenades for Zimbabwe")
                    pobj
                    for obj in _children(token, "dobj")
                    for goods in [obj, *obj.conjuncts]
                    for prep in _children(goods, "prep")
                    if prep.lower_ in {"to", "for"}
                    for pobj in _children(prep, "pobj")
                ]
                + [
                    # "carrying Scud-C missiles destined for Syria"
                    pobj
                    for obj in _children(token, "dobj")
                    for clause in obj.children
                    if clause.lemma_.lower() in DESTINATION_LEMMAS
                    for prep in _children(clause, "prep")
                    if prep.lower_ in {"to", "for"}
                    for pobj in _children(prep, "pobj")
                ]
            )
            if not any(self.resolver.parties(place) for place in destinations):
                return None
            return Cue(lemma, "verb", "give", "in_transit", "unspecified")
        elif lemma in FLYING_LEMMAS:
            # "flies MiGs", "MiGs flown by the air force", "the Tucano is flown by the air force"
            flown = _children(token, "dobj") + ([token.head] if token.dep_ == "acl" else [])
            if _children(token, "agent"):
                flown += _children(token, "nsubjpass")  # who flies them, not where to
            flown_in = [
                # "had flown in military helicopters": the particle read as a preposition
                pobj
                for prep in _children(token, "prep")
                if prep.lower_ == "in" and prep.i == token.i + 1
                for pobj in _children(prep, "pobj")
                if self._names_weapon(pobj)
            ]
            if flown_in:
                if any(prep.lower_ == "for" for prep in _children(token, "prep")):
                    # "Russia had flown in helicopters for the country's armed forces"
                    return Cue(lemma, "verb", "give", "delivered", "unspecified")
                return Cue(lemma, "verb", "get", "delivered", "unspecified")
            # "a planeload of rifles flown to Sierra Leone": the load's contents
            flown += [
                goods
                for holder in list(flown)
                for prep in _children(holder, "prep")
                if prep.lower_ == "of"
                for goods in _children(prep, "pobj")
            ]
            if not any(self._names_weapon(obj) for obj in flown):
                return None
            imported = any(
                child.dep_ in {"prt", "advmod"} and child.lower_ == "in" for child in token.children
            ) or any(
                prep.lower_ == "from"
                for holder in [token, *flown]
                for prep in _children(holder, "prep")
            )
            if imported:
                # "the government flew in four Mi-24s from Ukraine": an import, not a sortie
                return Cue(lemma, "verb", "get", "delivered", "unspecified")
            if any(
                self.resolver.parties(place)
                for prep in _children(token, "prep")
                if prep.lower_ in {"to", "into"}
                for place in _children(prep, "pobj")
            ):
                # "rifles flown to Sierra Leone", "flew the missiles to Syria": a delivery
                return Cue(lemma, "verb", "give", "delivered", "unspecified")
            if any(prep.lower_ in {"to", "into"} for prep in _children(token, "prep")):
                return None  # flown to a place that is no party: a movement, not a use
        else:
            return None
        if (
            lemma in FLYING_LEMMAS
            and not any(
                child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS | {"over"}
                for child in token.children
            )
            and not any(
                # "flew Czech-built trainers, smuggled in pieces, on night raids": flown on an
                # operation, wherever the parser hangs it in the clause
                word.dep_ == "pobj"
                and word.head.lower_ in {"on", "in", "during"}
                and word.lemma_.lower() in OPERATION_NOUNS
                for word in token.subtree
            )
        ):
            # "the air force flies French Mirages": operating weapons shows they were delivered;
            # flown on raids or against a target they are in use
            return Cue(lemma, "verb", "use", "delivered", "unspecified")
        return Cue(lemma, "verb", "use", "in_use", "unspecified")

    def _acting_weapon(self, verb: Token) -> Token | None:
        """The weapon that is the subject of a verb of fighting or of carrying out an operation
        ("the tanks spearheaded the offensive", "Kfirs, which flew sorties"), in the active."""
        lemma = verb.lemma_.lower()
        if lemma in OPERATION_LEMMAS:
            if lemma == "carry" and not any(
                child.dep_ == "prt" and child.lower_ == "out" for child in verb.children
            ):
                return None  # "carry" alone moves goods
            if not _operations(verb):
                return None
        elif lemma not in WEAPON_ACTION_LEMMAS:
            return None
        if any(child.dep_ in {"nsubjpass", "auxpass", "neg"} for child in verb.children):
            return None
        for subject in _children(verb, "nsubj"):
            if subject.tag_ == "WDT" and verb.dep_ == "relcl":
                subject = verb.head  # "Kfir fighter-bombers, which flew sorties"
            if self._names_weapon(subject):
                return subject
        return None

    def _owner_of_weapon(self, weapon: Token) -> list[Token]:
        """Possessors of a weapon noun or of the first of its conjuncts ("its Scuds"), or of the
        weapon it is said to be ("the air force's strike aircraft were Israeli-built Kfirs")."""
        heads = [weapon, weapon.head] if weapon.dep_ == "conj" else [weapon]
        # "German-built Alpha Jets of the Nigerian Air Force": the armed service they serve in
        services = [
            service
            for head in heads + _children(weapon, "appos")
            for prep in _children(head, "prep")
            if prep.lower_ == "of"
            for service in _children(prep, "pobj")
            if _actor_word(service) in ARMED_SERVICE_WORDS and self.resolver.parties(service)
        ]
        return (
            [child for head in heads for child in _children(head, "poss")]
            + services
            + self._owner_by_copula(weapon)
        )

    def _owner_by_copula(self, weapon: Token) -> list[Token]:
        """ "The air force's main aircraft were Israeli-built Kfirs", "Colombia's strike force is
        Brazilian-built Super Tucanos": the owner of the subject."""
        noun = weapon.head if weapon.dep_ == "conj" else weapon
        if noun.dep_ != "attr" or noun.head.lemma_ != "be":
            return []
        return [
            owner
            for subject in _children(noun.head, "nsubj")
            for owner in _children(subject, "poss")
        ]

    def _operation_owners(self, verb: Token) -> list[Token]:
        """Whose operation a verb's object is: "carried out Iraq's raids", "spearheaded the
        Vietnamese offensive" (a possessor, or a party's name or demonym on the noun)."""
        owners = []
        for operation in _operations(verb):
            for child in operation.children:
                if child.dep_ == "poss" or (
                    child.dep_ in {"amod", "compound", "nmod"} and child.i in self.mentions.party_at
                ):
                    owners.append(child)
        return owners

    def _users_in_action(self, verb: Token) -> bool:
        """A weapon in action names its user in the sentence: its owner ("Iraq's Mirages", when
        another state made them) or the party whose operation it carries out; a weapon that
        only a demonym marks ("Russian jets spearheaded the Syrian offensive") may be flown by
        its own state's forces for an ally, and names none."""
        weapon = self._acting_weapon(verb)
        if weapon is None:
            return False
        if self._owner_of_weapon(weapon):
            return True
        return bool(self._operation_owners(verb)) and self._made_abroad(weapon)

    def _made_abroad(self, weapon: Token) -> bool:
        """The weapon's maker is marked outright: "Soviet-built", "U.S.-supplied", or a
        designation whose maker the lexicon knows ("Mirages")."""
        nouns = [weapon, *weapon.conjuncts, *_children(weapon, "appos")]
        for noun in nouns:
            for child in noun.children:
                if child.dep_ not in {"amod", "compound", "nmod", "npadvmod"}:
                    continue
                if self._names_origin_text(child) or (
                    child.lemma_.lower() in BUILD_LEMMAS | {"supply", "provide"}
                    and any(grand.i in self.mentions.party_at for grand in child.children)
                ):
                    return True
        doc = weapon.doc
        return any(
            mention.term.kind == "designation"
            and self.lexicons.weapon_origins.get(mention.term.canonical) is not None
            and np_head(doc[mention.head]).i in {noun.i for noun in nouns}
            for mention in self.mentions.weapons
        )

    def build(self, sentence: Span) -> list[Frame]:
        cues = self.cues_of(sentence)
        if not cues:
            return self._programme_exclusions(sentence)
        items_by_cue: dict[int, list[WeaponMention]] = {}
        owned: set[int] = set()
        cue_of_item: dict[int, int] = {}
        heads = self._item_heads(sentence)
        doc = sentence[0].doc
        for weapon in heads:
            chain = self._chain(doc[weapon.head], cues) or self._contract_for(
                doc[weapon.head], cues
            )
            if chain:
                cue_of_item[weapon.head] = chain[0].i
        for weapon in heads:
            # "weapons bound for the Houthis, including anti-tank missiles": the examples belong
            # to the transfer of the noun they illustrate
            example_of = self._illustrated(doc[weapon.head])
            cue_index = cue_of_item.get(
                example_of.i if example_of is not None else -1, cue_of_item.get(weapon.head)
            )
            if (
                cue_index is None
                and len(set(cue_of_item.values())) == 1
                and self._free(doc[weapon.head])
            ):
                # "approving sales to Israel of 50 F-15IA aircraft, ..., and of 32,739 tank
                # cartridges": a list item the parser hung elsewhere joins the sentence's one transfer
                cue_index = next(iter(cue_of_item.values()))
            if cue_index is not None:
                items_by_cue.setdefault(cue_index, []).append(weapon)
                owned.add(weapon.head)
        # "Singapore picks the F-15 over the Rafale": the alternative turned down is no item
        for cue_index, weapons in items_by_cue.items():
            if cues[cue_index].lemma in SELECTING_LEMMAS:
                chosen = [w for w in weapons if not _passed_over(doc[w.head])]
                if chosen and len(chosen) < len(weapons):
                    items_by_cue[cue_index] = chosen
        # "sent thousands of shells on military transport planes": the planes carry, they are
        # not sent
        for cue_index, weapons in items_by_cue.items():
            carried = [w for w in weapons if not _carrying(doc[w.head], w.term.category)]
            if carried and len(carried) < len(weapons):
                items_by_cue[cue_index] = carried
        # "36 CAESAR howitzers, the first heavy weapons France has agreed to sell": the weapon a
        # generic noun stands in apposition to is the one sold
        by_head = {weapon.head: weapon for weapon in heads}
        for weapons in items_by_cue.values():
            for weapon in list(weapons):
                token = doc[weapon.head]
                named = by_head.get(token.head.i) if token.dep_ == "appos" else None
                if named is not None and named not in weapons:
                    weapons.append(named)
        frames: list[Frame] = []
        chained: set[int] = set()
        for cue_index, weapons in items_by_cue.items():
            cue_token = sentence.doc[cue_index]
            chain = [cue_token, *self._cue_ancestors(cue_token, cues)]
            chained.update(token.i for token in chain)
            for group in self._by_source(weapons):
                frame = self._frame(sentence, chain, cues, group)
                if frame is not None:
                    self._buyer_around(frame)
                    frames.append(frame)
        # "bought rifles from Croatia and passed them to the rebels": a verb of giving joined to
        # a transfer, whose object stands for its items, passes them on
        for cue_index, cue in cues.items():
            token = sentence.doc[cue_index]
            if (
                cue_index in chained
                or cue.pos != "verb"
                or cue.cue_class != "give"
                or token.dep_ != "conj"
                or token.head.i not in items_by_cue
                or not any(obj.lower_ in {"them", "it"} for obj in _children(token, "dobj"))
            ):
                continue
            # the transfer it is joined to is not its own: "bought" does not make "shipped" a buying
            chain = [token, *(t for t in self._cue_ancestors(token, cues) if t.i != token.head.i)]
            chained.update(t.i for t in chain)
            frame = self._frame(sentence, chain, cues, items_by_cue[token.head.i])
            if frame is not None:
                frames.append(frame)
        # "bought twelve MiG-29s from the Soviet Union and received ten more from the Czech
        # Republic": a transfer verb joined to another, whose object is a bare number, moves
        # more of the same goods
        for cue_index, cue in cues.items():
            token = sentence.doc[cue_index]
            counts = [obj for obj in _children(token, "dobj") if obj.like_num]
            if (
                cue_index in chained
                or cue.pos != "verb"
                or cue.cue_class not in DIRECTIONAL
                or token.dep_ != "conj"
                or token.head.i not in items_by_cue
                or len(counts) != 1
            ):
                continue
            # the other side is the one this verb names, on it or on the number ("ten more
            # from the Czech Republic"); the goods' own "from" was the first verb's
            role = "supplier" if cue.cue_class in {"get", "ask", "arrive"} else "recipient"
            wanted = {"from"} if role == "supplier" else {"to", "for"}
            other_side = [
                party
                for holder in (token, counts[0])
                for prep in _children(holder, "prep")
                if prep.lower_ in wanted
                for place in _children(prep, "pobj")
                for party in self.resolver.parties(place)
            ]
            if not other_side:
                continue
            chain = [token, *(t for t in self._cue_ancestors(token, cues) if t.i != token.head.i)]
            frame = self._frame(sentence, chain, cues, items_by_cue[token.head.i])
            if frame is None:
                continue
            if role == "supplier":
                frame.suppliers = other_side
            else:
                frame.recipients = other_side
            chained.update(t.i for t in chain)
            count = quantity_of_number(counts[0])
            frame.items = [
                Item(item.category, item.label, item.designation, count) for item in frame.items
            ]
            frames.append(frame)
        pronoun_frames = self._pronoun_goods_frames(sentence, cues, chained)
        frames.extend(pronoun_frames)
        pronoun_verbs = {frame.chain[0].i for frame in pronoun_frames}
        # anaphoric transfer nouns with no items of their own: "that purchase has been completed"
        for cue_index, cue in cues.items():
            token = sentence.doc[cue_index]
            if (
                cue_index in chained
                or cue.pos != "noun"
                or cue.cue_class not in DIRECTIONAL | {"agree"}
            ):
                continue
            determiners = {
                child.lower_ for child in token.children if child.dep_ in {"det", "poss"}
            }
            if not determiners & ANAPHORIC_DETERMINERS or any(
                self.mentions.weapon_at.get(t.i) for t in token.subtree
            ):
                continue
            if any(
                child.dep_ == "prep" and child.lower_ in {"of", "for"} for child in token.children
            ):
                continue  # "the sale of the company": its object is named, and is not a weapon
            chain = [token, *self._cue_ancestors(token, cues)]
            if any(t.i in pronoun_verbs for t in chain):
                continue  # "They were acquired ... under the agreements": read with its goods
            chained.update(t.i for t in chain)
            frame = self._frame(sentence, chain, cues, [])
            if frame is not None:
                frame.anaphoric = True
                frame.anaphor_lemma = cue.lemma
                frames.append(frame)
        for frame in frames:
            self._seller_of_trade_above(frame)
        frames.extend(self._introduced_transfers(sentence, cues, chained))
        frames.extend(self._programme_exclusions(sentence))
        frames.extend(self._refunds(sentence, cues))
        frames.sort(key=lambda frame: min(token.i for token in frame.chain))
        return frames

    def _seller_of_trade_above(self, frame: Frame) -> None:
        """ "Russian sales to Latin America have grown, with helicopters sold to Colombia": a
        sale told with no seller, in a clause under a state's trade named as the subject, is
        that state's."""
        if frame.direction != "give" or frame.suppliers or frame.origin_suppliers:
            return
        ancestors = {token.i for token in frame.chain[0].ancestors}
        for token in frame.sentence:
            if (
                token.lemma_.lower() not in TRADE_NOUNS
                or token.dep_ not in {"nsubj", "nsubjpass"}
                or token.head.i not in ancestors
                or token.i in {t.i for t in frame.chain}
            ):
                continue
            for modifier in token.children:
                if modifier.dep_ in {"amod", "poss", "compound"}:
                    for party in self.resolver.parties(modifier):
                        if party not in frame.recipients:
                            frame.suppliers.append(party)
            return

    def list_items(self, sentence: Span, frame: Frame) -> list[Item]:
        """The goods named in a fragment of a list that belongs to the frame's transfer."""
        return self._items(self._item_heads(sentence), frame)

    def _pronoun_goods_frames(
        self, sentence: Span, cues: dict[int, Cue], chained: set[int]
    ) -> list[Frame]:
        """ "Kenya's army fields 40 BTR-80 carriers. They were bought from Russia": a verb of
        giving or getting whose goods are a pronoun takes the weapons the sentence before says a
        party holds, and that holder takes the side the clause leaves open."""
        frames: list[Frame] = []
        for cue_index, cue in cues.items():
            token = sentence.doc[cue_index]
            if cue_index in chained or cue.pos != "verb" or cue.cue_class not in {"give", "get"}:
                continue
            pronoun = _goods_pronoun(token)
            held = self._held_before(sentence, pronoun) if pronoun is not None else None
            if held is None:
                described = self._described_before(sentence, token) or (
                    self._goods_of_copula(sentence, token, pronoun) if pronoun is not None else []
                )
                if described:
                    chain = [token, *self._cue_ancestors(token, cues)]
                    frame = self._frame(sentence, chain, cues, described)
                    if frame is not None:
                        chained.update(t.i for t in chain)
                        frames.append(frame)
                continue
            weapons, holder = held
            chain = [token, *self._cue_ancestors(token, cues)]
            frame = self._frame(sentence, chain, cues, weapons)
            if frame is None:
                continue
            chained.update(t.i for t in chain)
            holders = [
                party
                for party in self.resolver.parties(holder)
                if party not in frame.suppliers and party not in frame.recipients
            ]
            if frame.recipients and not frame.suppliers:
                frame.suppliers = holders  # "Poland had 250 T-72s. It sent them to Ukraine"
            elif not frame.recipients:
                frame.recipients = holders  # "It was delivered in 1997", "bought them from"
            frames.append(frame)
        return frames

    def _introduced_transfers(
        self, sentence: Span, cues: dict[int, Cue], chained: set[int]
    ) -> list[Frame]:
        """A transfer named before its goods ("approving two possible Foreign Military Sales to
        Taiwan. The first is for 108 M1A2T Abrams tanks"): no claim of its own, but what the next
        sentences elaborate."""
        if any(token.i in self.mentions.weapon_at for token in sentence):
            return []
        frames: list[Frame] = []
        for cue_index, cue in cues.items():
            token = sentence.doc[cue_index]
            if (
                cue_index in chained
                or cue.pos != "noun"
                or cue.cue_class not in {"give", "get", "offer"}
                or any(
                    child.dep_ == "prep" and child.lower_ in {"of", "for"}
                    for child in token.children
                )
            ):
                continue
            chain = [token, *self._cue_ancestors(token, cues)]
            frame = self._frame(sentence, chain, cues, [])
            if frame is not None and (frame.suppliers or frame.recipients):
                chained.update(t.i for t in chain)
                frame.introduces = True
                frames.append(frame)
        return frames

    def _contract_for(self, item: Token, cues: dict[int, Cue]) -> list[Token]:
        """ "won a contract from Kuwait for 254 Desert Warrior vehicles": the parser hangs "for"
        on the verb; the goods are those of the deal noun it takes as object."""
        noun = np_head(item)
        while noun.dep_ == "conj":
            noun = noun.head
        if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.head.head.pos_ != "VERB":
            return []
        deals = [
            obj
            for obj in _children(noun.head.head, "dobj")
            if obj.i in cues and cues[obj.i].pos == "noun"
        ]
        return [deals[0], *self._cue_ancestors(deals[0], cues)] if len(deals) == 1 else []

    def _held_before(
        self, sentence: Span, pronoun: Token
    ) -> tuple[list[WeaponMention], Token] | None:
        """The weapons the sentence before says a party holds, and that party's phrase, when the
        pronoun can stand for them: the object of a verb of holding ("Peru flies 18 MiG-29s. It
        bought them from Belarus") or weapons in a party's service ("The Iskander systems are in
        the service of the Armed Forces of Armenia. They were acquired from Russia")."""
        if sentence.start == 0:
            return None
        before = sentence.doc[sentence.start - 1].sent
        verb = before.root
        lemma = verb.lemma_.lower()
        holder: Token | None = None
        held: Token | None = None
        if lemma in HELD_BEFORE_LEMMAS:
            subject, passive = subject_of(verb)
            objects = _children(verb, "dobj")
            if subject is not None and not passive and len(objects) == 1:
                holder, held = subject, objects[0]
        elif lemma in {"be", "remain", "belong", "serve"}:
            subjects = _children(verb, "nsubj")
            owner = _service_owner(verb)
            if len(subjects) == 1 and owner is not None:
                holder, held = owner, subjects[0]
        if holder is None or held is None:
            return None
        plural = pronoun.lower_ in {"they", "them"}
        if plural != (held.tag_ in {"NNS", "NNPS"}):
            return None  # "it" is not "18 fighters", nor "they" "a carrier"
        if plural and holder.tag_ in {"NNS", "NNPS"} and held.dep_ == "dobj":
            # "The rebels carry rifles. They were sent by Sudan": a pronoun most often continues
            # the sentence before's subject, so "they" may be the rebels; weapons that were that
            # subject ("The jets are in service with ...") are what it continues
            return None
        weapons = self._items_headed_by(before, [held])
        return (weapons, holder) if weapons else None

    def _described_before(self, sentence: Span, verb: Token) -> list[WeaponMention]:
        """The named weapon the sentence before is about ("The Hermes 900 is a drone ..."), when
        the verb's goods are a noun that stands for it ("The system has been delivered to
        Chile"): the subject of that sentence, or the only design it names."""
        if sentence.start == 0 or _system_anaphor(verb) is None:
            return []
        before = sentence.doc[sentence.start - 1].sent
        named = [weapon for weapon in self._item_heads(before) if weapon.term.kind == "designation"]
        subjects = [
            weapon
            for weapon in named
            if np_head(self.mentions.doc[weapon.head]).dep_ in {"nsubj", "nsubjpass"}
        ]
        if subjects:
            return subjects[:1]
        designs = {weapon.term.canonical for weapon in named}
        return named[:1] if len(designs) == 1 else []

    def _by_source(self, weapons: list[WeaponMention]) -> list[list[WeaponMention]]:
        """Goods listed each with its own source ("bought Kfirs from Israel, Mi-24 gunships from
        Ukraine and Russia, and F-7 fighters and artillery from China"): one group for each "from"
        a party that closes a stretch of the list, so each source is paired with its own goods."""
        doc = self.mentions.doc

        def names_source(weapon: WeaponMention) -> bool:
            holder = np_head(doc[weapon.head])
            return any(
                prep.dep_ == "prep"
                and prep.lower_ == "from"
                and any(
                    t.i in self.mentions.party_at
                    for pobj in _children(prep, "pobj")
                    for t in [pobj, *pobj.conjuncts]
                )
                for prep in holder.children
            )

        groups: list[list[WeaponMention]] = []
        current: list[WeaponMention] = []
        ordered = sorted(weapons, key=lambda w: w.start)
        for position, weapon in enumerate(ordered):
            current.append(weapon)
            following = ordered[position + 1] if position + 1 < len(ordered) else None
            if names_source(weapon) and (
                # "Kfir fighter-bombers from Israel": the designation and its noun are one item
                following is None or np_head(doc[following.head]).i != np_head(doc[weapon.head]).i
            ):
                groups.append(current)
                current = []
        if len(groups) < 2:
            return [weapons]
        if current:
            groups[-1].extend(current)
        return groups

    def _goods_of_copula(self, sentence: Span, verb: Token, pronoun: Token) -> list[WeaponMention]:
        """The weapons a clause of "be" names just before a pronoun that stands for them: "They
        are BTR-80s, eight-wheeled Russian vehicles, and Turkey bought them from Moscow", or
        the sentence before ("The carriers are BTR-80s. Turkey bought them from Moscow")."""
        copula: Token | None = None
        if verb.dep_ == "conj" and verb.head.lemma_ == "be":
            copula = verb.head
        elif sentence.start > 0:
            root = sentence.doc[sentence.start - 1].sent.root
            copula = root if root.lemma_ == "be" else None
        if copula is None:
            return []
        plural = pronoun.lower_ in {"they", "them"}
        named = [
            child
            for child in copula.children
            if child.dep_ in {"attr", "nsubj"}
            and child.i in self.mentions.weapon_at
            and (child.tag_ in {"NNS", "NNPS"} or child.text.endswith("s")) == plural
        ]
        if not named:
            return []
        return self._items_headed_by(copula.sent, named)

    def _items_headed_by(self, sentence: Span, nouns: list[Token]) -> list[WeaponMention]:
        """The sentence's items whose noun phrase is one of `nouns` or coordinated with one."""
        members = {t.i for noun in nouns for t in [noun, *noun.conjuncts]}
        return [
            weapon
            for weapon in self._item_heads(sentence)
            if np_head(self.mentions.doc[weapon.head]).i in members
        ]

    def _refunds(self, sentence: Span, cues: dict[int, Cue]) -> list[Frame]:
        """ "France will reimburse Russia for two Mistral carriers whose sale it cancelled",
        "France to repay Russia for scrapped Mistral warships": the one repaid for weapons
        called off had bought them from the one repaying."""
        frames = []
        for token in sentence:
            if token.lemma_.lower() not in REFUND_LEMMAS or token.pos_ not in {"VERB", "NOUN"}:
                continue
            buyers = [
                obj
                for obj in _children(token, "dobj", "dative")
                if any(party.kind == "state" for party in self.resolver.parties(obj))
            ]
            goods = _preps(token).get("for", [])
            weapons = [
                weapon
                for weapon in self._item_heads(sentence)
                if any(self._np_holder(weapon).i == place.i for place in goods)
            ]
            if not buyers or not weapons:
                continue
            called_off = [
                child
                for place in goods
                for child in place.children
                if child.dep_ in {"amod", "acl", "relcl"}
                and child.i in cues
                and cues[child.i].cue_class == "cancel"
            ]
            if not called_off:
                continue  # a payment for weapons delivered (or late) is no cancellation
            cue = cues[called_off[0].i]
            frame = Frame(
                sentence=sentence,
                chain=[called_off[0], token],
                direction="get",
                status=cue.status,
                deal="sale",
            )
            subject, passive = subject_of(token)
            if subject is not None and not passive:
                self._add(frame, "supplier", subject)
            for buyer in buyers:
                self._add(frame, "recipient", buyer)
            frame.item_heads = {weapon.head for weapon in weapons}
            frame.items = self._items(weapons, frame)
            if frame.recipients and frame.items:
                frames.append(frame)
        return frames

    def _programme_exclusions(self, sentence: Span) -> list[Frame]:
        """ "The United States is removing Turkey from the F-35 programme": a state put out of a
        weapon's programme loses the purchase (cancelled; "suspended from" is suspended). The
        remover, when a party, sells; otherwise the weapon's maker does, found later."""
        doc = sentence.doc
        frames = []
        for token in sentence:
            if token.lemma_.lower() not in EXCLUDING_LEMMAS or token.pos_ != "VERB":
                continue
            # "from the programme", "out of the program" (the parser hangs "of" on "out")
            places = _preps(token).get("from", []) + [
                pobj
                for out in [*_children(token, "prt"), *_children(token, "prep")]
                if out.lower_ == "out"
                for prep in [*_children(token, "prep"), *_children(out, "prep")]
                if prep.lower_ == "of"
                for pobj in _children(prep, "pobj")
            ]
            programmes = {place.i for place in places if place.lemma_.lower() in PROGRAMME_NOUNS}
            weapons = [
                weapon
                for weapon in self.mentions.weapons
                if weapon.term.kind == "designation"
                and sentence.start <= weapon.start < sentence.end
                and np_head(doc[weapon.head]).i in programmes
            ]
            if not weapons:
                continue
            subject, passive = subject_of(token)
            excluded = (
                ([subject] if passive and subject is not None else [])
                if passive
                else _children(token, "dobj")
            )
            # the state itself, not "Turkish suppliers" dropped from the programme's industry
            members = [
                member
                for member in excluded
                if member.pos_ == "PROPN"
                and any(party.kind == "state" for party in self.resolver.parties(member))
            ]
            if not members:
                continue
            frame = Frame(
                sentence=sentence,
                chain=[token],
                direction="get",
                status="suspended" if token.lemma_.lower() == "suspend" else "cancelled",
                deal="sale",
            )
            for member in members:
                self._add(frame, "recipient", member)
            if subject is not None and not passive:
                self._add(frame, "supplier", subject)
            frame.item_heads = {weapon.head for weapon in weapons}
            frame.items = self._items(weapons, frame)
            if frame.recipients and frame.items:
                frames.append(frame)
        return frames

    def _free(self, token: Token) -> bool:
        """No verb of its own takes the weapon: it is a subject or object of nothing but
        pass-through and speech verbs up to the root ("used missiles to shoot down aircraft":
        the aircraft belong to "shoot down")."""
        if self._armament_of_another(np_head(token)):
            return False  # "trainers, which can also carry bombs"
        current = token
        for _ in range(12):
            if current.head.i == current.i:
                return True
            if current.dep_ in {"nsubj", "nsubjpass"} and current.i == token.i:
                return False  # "the jets arrive", "tanks roll": the weapon acts in its own clause
            argument = current.dep_ not in CLAUSAL_EDGES
            current = current.head
            lemma = current.lemma_.lower()
            if (
                argument
                and current.pos_ == "VERB"
                and lemma not in PASS_THROUGH_VERBS
                and lemma not in SPEECH_LEMMAS
            ):
                return False
        return False

    def _np_holder(self, weapon: WeaponMention) -> Token:
        """The noun a weapon mention heads or modifies ("Agosta 90B submarines" -> submarines)."""
        return np_head(self.mentions.doc[weapon.head])

    def _illustrated(self, token: Token) -> Token | None:
        """The weapon noun an item is an example of ("arms, including rockets" -> arms)."""
        current = token
        for _ in range(3):  # through conjuncts: "including rockets and grenades"
            if current.dep_ == "conj":
                current = current.head
                continue
            break
        if current.dep_ != "pobj":
            return None
        prep = current.head
        if prep.lower_ not in {"including", "like", "as"}:
            return None
        if prep.lower_ == "as" and not any(c.lower_ == "such" for c in prep.head.children):
            return None
        noun = prep.head
        if noun.i in self.mentions.weapon_at:
            return noun if noun.i != token.i else None
        # "a boat carrying Iranian weapons ..., including missiles": the parser hangs the list on
        # the boat; the examples illustrate the last weapon named before them in its phrase
        phrase = {t.i for t in noun.subtree}
        before = [
            w.head
            for w in self.mentions.weapons
            if w.head in phrase and w.head < prep.i and w.head != token.i
        ]
        return noun.doc[max(before)] if before else None

    def _item_heads(self, sentence: Span) -> list[WeaponMention]:
        """Weapon mentions heading a noun phrase; a designation inside a generic's phrase merges into it."""
        heads = []
        doc = sentence.doc
        # "Patriot missile batteries": the designation names the item, the generic word only describes it
        designation_heads = {
            np_head(doc[w.head]).i
            for w in self.mentions.weapons
            if w.term.kind == "designation"
            and sentence.start <= w.start < sentence.end
            and doc[w.head].dep_ in {"compound", "amod", "nmod"}
        }
        for weapon in self.mentions.weapons:
            if weapon.start < sentence.start or weapon.end > sentence.end:
                continue
            head = doc[weapon.head]
            if (
                weapon.term.kind == "generic"
                and head.dep_ in {"compound", "amod"}
                and np_head(head).i in designation_heads
            ):
                continue
            if (
                head.dep_ in {"compound", "amod", "nmod"}
                and np_head(head).lemma_.lower() in NON_WEAPON_HEADS
                # "F110 engines" are engines: the head noun names the designation's own kind
                and not (
                    weapon.term.category == "engines" and np_head(head).lemma_.lower() == "engine"
                )
            ):
                continue  # "a Hawk flight simulator", "the F-35 programme": not the weapon itself
            if (
                weapon.term.kind == "generic"
                and head.dep_ in {"compound", "amod"}
                and head.head.i not in self.mentions.weapon_at
            ) and not (
                head.head.lemma_.lower() in WEAPON_SYSTEM_NOUNS
                or head.head.lemma_.lower() in self.lexicons.noun_cues
                or _names_vessel(head, self.mentions.party_at)
            ):
                continue
            heads.append(weapon)
        return heads

    def _chain(self, item_token: Token, cues: dict[int, Cue]) -> list[Token]:
        """Cue tokens above an item (and a participle or relative clause on it), inner first."""
        chain: list[Token] = [item_token] if item_token.i in cues else []
        if self._carries_goods(np_head(item_token)):
            return []  # "transport aircraft have landed with ammunition": the carrier
        holders, first = self._clause_holders(item_token)
        # "the 62 tanks and 24 howitzers that KMW sold Qatar": a clause after the last of
        # coordinated goods, which the parser hangs on the first, is about them all
        shared: list[Token] = []
        head = np_head(item_token)
        if head.dep_ == "conj" and head.head.pos_ in {"NOUN", "PROPN"}:
            # on the first of the list ("rifles, mortars and ammunition flown to ...")
            shared = [
                child
                for conjunct in {head.head, first}
                for child in conjunct.children
                if child.dep_ in {"acl", "relcl"} and child.i > head.i
            ]
        # "fighters bought from Russia", "the missiles Cyprus ordered": a clause on the item's noun
        for holder in holders.values():
            misattached = _misattached_clauses(holder)
            clauses = [*misattached, *holder.children]
            if holder.i == head.i:
                clauses += shared
            for child in clauses:
                # a noun has no clausal complement: "T-55s that the Soviet Union shipped" parsed
                # as one is a relative clause
                if (
                    child.dep_ not in {"acl", "relcl"}
                    and not (child.dep_ == "ccomp" and holder.pos_ in {"NOUN", "PROPN"})
                    and child not in misattached
                ):
                    continue
                if child.i in cues and cues[child.i].pos == "verb":
                    chain.append(child)
                else:
                    # "the S-300 system that Cyprus has contracted to buy from Russia", "the
                    # missiles that U.S. agencies say China has delivered"
                    speech = child.lemma_.lower() in SPEECH_LEMMAS
                    chain.extend(
                        grand
                        for grand in child.children
                        if (grand.dep_ == "xcomp" or (speech and grand.dep_ == "ccomp"))
                        and grand.i in cues
                        and cues[grand.i].pos == "verb"
                    )
        head = np_head(item_token)
        if not chain and head.dep_ in {"npadvmod", "dep"} and head.head.pos_ in {"VERB", "AUX"}:
            # "may buy, through the Foreign Military Sales programme, 140 tanks": an object set
            # off by an aside, which the parser hangs on the verb above; it is the object of the
            # transfer verb below that has none
            for verb in head.head.children:
                if (
                    verb.dep_ in {"ccomp", "xcomp"}
                    and verb.i in cues
                    and cues[verb.i].pos == "verb"
                    and verb.i < head.i
                    and not _children(verb, "dobj")
                ):
                    chain.append(verb)
                    break
        if not chain and head.dep_ in {"dobj", "conj"}:
            # "has requested to buy 14 aircraft; 16 engines; 30 AIM-120 missiles": later goods
            # of a list that the parser makes objects of the verb above the transfer verb
            first = head
            while first.dep_ == "conj":
                first = first.head
            above = first.head if first.dep_ == "dobj" else None
            if above is not None and above.i not in cues and above.pos_ in {"VERB", "AUX"}:
                for complement in _children(above, "xcomp"):
                    if (
                        complement.i in cues
                        and cues[complement.i].pos == "verb"
                        and complement.i < first.i
                        and _children(complement, "dobj")
                    ):
                        chain.append(complement)
                        break
        if (
            not chain
            and head.dep_ in {"nsubj", "nsubjpass"}
            and head.head.lemma_ in PHASE_VERBS | TRAVEL_LEMMAS
        ):
            # "its Mirage fighters began reaching the Iraqi air force", "weapons have crossed
            # the mountains to reach the separatists": goods that are the subject of a phase or
            # travel verb take part in the movement its complement tells
            chain.extend(
                verb
                for verb in _children(head.head, "xcomp", "advcl")
                if verb.i in cues and cues[verb.i].cue_class == "arrive"
            )
        token = item_token
        target = False  # the climb passed "at"/"on"/"against": a use above aims at the item
        if item_token.dep_ == "pobj" and item_token.head.lower_ in {"aboard", "onboard"}:
            return []  # "reached the bay aboard a Dutch heavy-lift vessel": the carrier
        if self._armament_of_another(np_head(item_token)):
            return []  # "36 jet trainers, which can also carry bombs": what the goods can carry
        for _ in range(12):
            if token.head.i == token.i:
                break
            if token.dep_ == "pobj" and token.head.lower_ in TARGET_PREPOSITIONS:
                target = True
            argument = token.dep_ not in CLAUSAL_EDGES
            if (
                token.dep_ == "pobj"
                and token.head.lower_ == "for"
                and token.head.head.i in self.mentions.weapon_at
            ):
                break  # "missiles for Saudi F-15 fighters": the fighters are the buyer's, not the goods
            if (
                token.dep_ == "pobj"
                and token.head.lower_ in TARGET_PREPOSITIONS
                and token.head.head.i in cues
                and cues[token.head.head.i].cue_class == "use"
            ):
                break  # "fired on Ukrainian tanks": the target of a use, not the weapon used
            if token.dep_ == "relcl" and token.head.i in self.mentions.party_at:
                # "closer ties with Russia, which last year gave the Philippines rifles": a
                # clause about a party ends the transfer; the main clause's verbs are not its
                break
            if _joined_to_cancellation(token, cues):
                break  # "dropped the F-16 deal and agreed to buy Sukhois instead": two acts
            if _part_of_larger_deal(token, cues):
                break
            object_of = token.dep_ == "dobj"
            came_from = token
            token = token.head
            lemma = token.lemma_.lower()
            if lemma in SPEECH_LEMMAS and token.pos_ in {"VERB", "AUX"}:
                break
            if (
                came_from.dep_ == "prep"
                and came_from.lower_ in CIRCUMSTANCE_PREPOSITIONS
                and any(
                    obj.i not in self.mentions.weapon_at
                    and obj.i not in self.mentions.party_at
                    and obj.i not in cues
                    and obj.lower_ not in PRONOUNS
                    for obj in _children(token, "dobj")
                )
            ):
                # "We have taken this step as an answer to attacks with Iranian drones": the
                # verb moves its own object; the goods are in the circumstances told around it
                break
            if token.i in cues:
                if target and cues[token.i].cue_class == "use":
                    break  # "fires SA-5s at U.S. Navy jets": the jets are the target
                if (
                    object_of
                    and cues[token.i].cue_class == "use"
                    and (
                        lemma in WEAPON_ACTION_LEMMAS | {"bring"}
                        or self._acting_weapon(token) is not None
                    )
                ):
                    break  # "attacked Ukrainian tanks with drones": the tanks are the target
                if token not in chain:
                    chain.append(token)
            elif argument and token.pos_ == "VERB" and lemma not in PASS_THROUGH_VERBS:
                # "used missiles supplied by Ukraine to shoot down Russian aircraft": the aircraft
                # belong to "shoot down", not to the transfer above it
                break
        return chain

    def _clause_holders(self, item_token: Token) -> tuple[dict[int, Token], Token]:
        """The nouns whose relative clause or participle may tell the item's transfer, and the
        first of the list the item is in."""
        head = np_head(item_token)
        holders = {item_token.i: item_token, head.i: head}
        for noun in (
            _amount_of(head),
            # "Soviet equipment bought in the 1970s, including T-72 tanks": the goods the items
            # are examples of
            _example_container(head),
            # "SA-24 missiles, a modern Russian weapon that Libya bought"
            self._description_after(head),
        ):
            if noun is not None:
                holders[noun.i] = noun
        first = head
        while first.dep_ == "conj":
            first = first.head
        load = first.head.head
        if (
            first.dep_ == "pobj"
            and first.head.lower_ == "of"
            and _is_load(load)
            and load.i not in self.mentions.weapon_at
        ):
            # "a planeload of rifles, mortars and ammunition flown to Liberia": a clause on the
            # load is about its contents
            holders[load.i] = load
        if first.dep_ == "nsubj" and first.head.lemma_ == "be":
            # "the launchers had been part of a batch sold to the Venezuelan army"
            for attr in _children(first.head, "attr"):
                for whole in _whole_of_share(attr):
                    holders[whole.i] = whole
        # "a drone, an armed model that the air force has used in strikes": a clause on a noun
        # in apposition to the item (or to the first of its list), when it names no party
        for holder in [*holders.values(), first]:
            for appos in _children(holder, "appos"):
                if (
                    appos.pos_ == "NOUN" or appos.lower_ in SHARE_WORDS
                ) and appos.i not in self.mentions.party_at:
                    # "tanks and artillery pieces, most of them bought by Libya from ...",
                    # "a Hermes 450, one of several that Georgia has bought from Elbit"
                    holders[appos.i] = appos
                    for whole in _whole_of_share(appos):
                        holders[whole.i] = whole
        return holders, first

    def _carries_goods(self, noun: Token) -> bool:
        """The subject of an arrival "with" weapons carries them ("cargo planes landed in
        Damascus with weapons")."""
        verb = noun.head
        return (
            noun.dep_ == "nsubj"
            and verb.lemma_.lower() in {"land", "arrive", "dock", "reach"}
            and self._weapons_after(verb, "with")
        )

    def _description_after(self, noun: Token) -> Token | None:
        """ "SA-24 missiles, a modern Russian weapon that Libya bought": a general noun set off
        after the goods, which describes them, however the parser attached it."""
        doc = noun.doc
        after = noun.right_edge.i + (0 if noun.right_edge.text == "," else 1)
        if after + 1 >= len(doc) or doc[after].text != ",":
            return None
        for token in doc[after + 1 : min(len(doc), after + 6)]:
            if token.pos_ == "NOUN":
                if token.left_edge.i != after + 1 or (
                    token.dep_ == "appos" and token.head.i == noun.i
                ):
                    return None  # an apposition the parser saw is read as one already
                mention = self.mentions.weapon_at.get(token.i)
                general = token.lemma_.lower() in SYSTEM_ANAPHORS | {"weapon"} or (
                    mention is not None and mention.term.category == "unspecified"
                )
                # told as bought or sold, not as what it can do ("a design a soldier can fire")
                moved = any(
                    clause.dep_ in {"relcl", "acl"}
                    and (cue := cue_for(clause, self.lexicons)) is not None
                    and cue.cue_class in {"give", "get", "arrive"}
                    for clause in token.children
                )
                return token if general and moved else None
        return None

    def _armament_of_another(self, noun: Token) -> bool:
        """ "jet trainers, which can also carry bombs", "frigates that fire Harpoon missiles": a
        weapon told as what another weapon carries or fires, in a clause on that weapon."""
        while noun.dep_ == "conj":
            noun = noun.head
        clause = noun.head
        return (
            noun.dep_ == "dobj"
            and clause.lemma_.lower() in ARMAMENT_LEMMAS
            and clause.dep_ in {"relcl", "acl"}
            and clause.head.i in self.mentions.weapon_at
        )

    def _cue_ancestors(self, token: Token, cues: dict[int, Cue]) -> list[Token]:
        found = []
        current = token
        reported = False  # above a clausal complement ("reports that ... delivered")
        for _ in range(12):
            if current.head.i == current.i:
                break
            reported = reported or current.dep_ == "ccomp"
            if (
                current.dep_ == "relcl"
                and current.head.i in self.mentions.party_at
                and not self._lists_contents(current)
            ):
                break  # "Russia, which gave rifles": the main clause's verbs are not the transfer's
            if _joined_to_cancellation(current, cues) or _part_of_larger_deal(current, cues):
                break  # "dropped the F-16 deal and agreed to buy Sukhois instead": two acts
            if current.dep_ == "conj" and current.pos_ == "VERB" and current.i not in cues:
                break  # "has signed a contract for tanks and is weighing offers": two acts
            current = current.head
            if current.lemma_.lower() in SPEECH_LEMMAS and current.pos_ in {"VERB", "AUX"}:
                break
            if current.i in cues:
                if reported and cues[current.i].cue_class in META:
                    # "TASS is authorized to state that reports ... that a ship delivered ...":
                    # an approval governs a transfer through its object, not a reported clause
                    continue
                found.append(current)
        return found

    def _frame(
        self, sentence: Span, chain: list[Token], cues: dict[int, Cue], weapons: list[WeaponMention]
    ) -> Frame | None:
        chain_cues = [(token, cues[token.i]) for token in chain]
        directional = [(t, c) for t, c in chain_cues if c.cue_class in DIRECTIONAL]
        if not directional:
            for token, cue in list(chain_cues):
                if cue.pos != "verb" or cue.cue_class not in META:
                    continue
                # "approving a possible sale", "notified Congress of a proposed sale"
                objects = _children(token, "dobj") + [
                    pobj
                    for prep in _children(token, "prep")
                    if prep.lower_ == "of"
                    for pobj in _children(prep, "pobj")
                ]
                for obj in objects:
                    obj_cue = cues.get(obj.i)
                    if (
                        obj_cue is not None
                        and obj_cue.pos == "noun"
                        and obj_cue.cue_class in DIRECTIONAL
                    ):
                        chain_cues.insert(0, (obj, obj_cue))
                        chain.insert(0, obj)
                        directional = [(obj, obj_cue)]
                        break
        verbs = [(t, c) for t, c in directional if c.pos == "verb"]
        if verbs:
            direction_token, direction_cue = verbs[-1]
            inner = [
                (token, cue)
                for token, cue in verbs[:-1]
                if cue.cue_class in {"give", "get", "offer"} and token.dep_ in {"acl", "relcl"}
            ]
            if (
                direction_cue.cue_class == "elaborate"
                and inner
                # "the deliveries included 1,000 TOW missiles flown to Iran": a transfer noun's
                # contents, told by the noun
                and not any(
                    subject.i in cues or subject.lemma_.lower() in self.lexicons.noun_cues
                    for subject in _children(direction_token, "nsubj")
                )
            ):
                # "Chad's air force now includes two Su-25 jets purchased from Ukraine": the
                # clause on the weapons is the transfer; what includes them holds them
                direction_token, direction_cue = inner[0]
            if direction_cue.cue_class == "elaborate":
                # "a package for Ukraine that includes Stinger missiles": the clause lists what
                # the transfer noun it hangs on carries, and that noun gives the direction;
                # "documents that include agreements for the purchase of the S-400": so does a
                # transfer noun among the contents (after the verb: the subject is the container)
                below = {t.i for t in direction_token.subtree if t.i > direction_token.i}
                for token, cue in directional:
                    if (
                        cue.pos == "noun"
                        and cue.cue_class in {"give", "get", "offer"}
                        and (
                            direction_token.dep_ in {"relcl", "acl"}
                            and direction_token.head.i == token.i
                            or token.i in below
                        )
                    ):
                        direction_token, direction_cue = token, cue
                        break
        elif directional:
            direction_token, direction_cue = directional[0]
        else:
            # "Vietnam signed a deal with Russia for submarines": the deal is the verb's object
            for token, cue in list(chain_cues):
                if cue.pos == "verb" and cue.cue_class in META:
                    for obj in _children(token, "dobj"):
                        obj_cue = cues.get(obj.i)
                        if obj_cue is not None and obj_cue.cue_class in {"agree", "negotiate"}:
                            chain_cues.insert(0, (obj, obj_cue))
            return self._deal_with_frame(sentence, chain_cues, weapons)
        meta = [
            (t, c)
            for t, c in chain_cues
            if c.cue_class in META
            or (
                c.cue_class in {"offer", "ask"}
                and t.i != direction_token.i
                # "sold Chile the radars that Santiago had requested": the clause on the goods
                # tells their past, the verb above it the transfer
                and not (
                    t.dep_ in {"relcl", "acl"}
                    and direction_token.i not in {node.i for node in t.subtree}
                )
            )
        ]
        status = self._status(sentence, direction_token, direction_cue, meta, chain_cues)
        policy = False
        for token, cue in chain_cues:
            if cue.pos != "noun":
                continue
            # "all arms sales to Venezuela", "any weapons deliveries": a policy, not a transfer
            if any(
                child.lower_ in {"all", "any"} for child in token.children if child.dep_ == "det"
            ):
                policy = True
            # "an embargo on arms sales to Iran", "a ban on exports to Turkey"
            holder = token.head.head if token.head.lower_ in {"on", "of"} else None
            if holder is not None and holder.lemma_.lower() in RESTRICTION_NOUNS:
                status = "agreed" if _block_lifted([holder]) else "suspended"
                if all(
                    self.mentions.weapon_at[weapon.head].term.category == "unspecified"
                    for weapon in weapons
                    if weapon.head in self.mentions.weapon_at
                ):
                    # "lifting the ban on the sale of military equipment to Vietnam", "an
                    # embargo on arms sales to Iran": a policy on all arms, no transfer
                    policy = True
            # "on the question of arms sales to Taiwan": the subject of talk, no transfer told
            if holder is not None and holder.lemma_.lower() in TOPIC_NOUNS:
                policy = True
        for token, cue in chain_cues:
            if (
                cue.pos == "verb"
                and any(child.dep_ == "aux" and child.lower_ == "shall" for child in token.children)
                and any(child.dep_ == "neg" for child in token.children)
            ):
                # "Iran shall not supply, sell or transfer any arms": a rule laid down
                policy = True
        deal = next(
            (c.deal for _, c in reversed(chain_cues) if c.deal != "unspecified"), "unspecified"
        )
        frame = Frame(
            sentence=sentence,
            chain=chain,
            direction=direction_cue.cue_class,
            status=status,
            deal=deal,
            policy=policy,
        )
        frame.item_heads = {weapon.head for weapon in weapons}
        if frame.direction == "use":
            frame.captured = any(
                child.dep_ in {"acl", "relcl", "amod"} and child.lemma_.lower() in CAPTURE_LEMMAS
                for weapon in weapons
                for holder in {sentence.doc[weapon.head], np_head(sentence.doc[weapon.head])}
                for child in holder.children
            )
        self._fill_roles(frame, chain_cues, direction_token)
        if direction_token.lemma_.lower() in SERVICE_LEMMAS and not frame.recipients:
            owner = _service_owner(direction_token)
            if owner is not None:
                for place in [owner, *owner.conjuncts]:
                    self._add(frame, "recipient", place)
        if len(frame.suppliers) > 1 and not frame.recipients:
            self._signatory_receiving(frame, chain)
        if (
            not frame.suppliers
            and direction_cue.pos == "noun"
            and direction_cue.lemma in ORDER_NOUNS
        ):
            # "Qatar placed an order for 24 Rafale fighters with Dassault": an order is placed
            # with the seller, wherever the parser hangs "with"
            verb = governing_verb(direction_token)
            goods = [np_head(sentence.doc[weapon.head]) for weapon in weapons]
            # "the orders for tanks that Iraq placed with French companies": the placing
            # verb in a clause on the order, or on its goods, where the parser hangs it
            placing = [
                clause
                for noun in [direction_token, *goods]
                for clause in noun.children
                if clause.dep_ in {"relcl", "acl"} and clause.lemma_.lower() == "place"
            ]
            if verb is not None:
                placing.insert(0, verb)
            for holder in [direction_token, *placing, *goods]:
                for place in _preps(holder).get("with", []):
                    if self.resolver.parties(place):
                        self._add(frame, "supplier", place)
            for verb in placing:
                if verb.lemma_.lower() == "place" and not frame.recipients:
                    subject, passive = subject_of(verb)
                    if subject is not None and not passive:
                        self._add(frame, "recipient", subject)  # who places an order buys
        acting = self._acting_weapon(direction_token) if frame.direction == "use" else None
        if acting is not None and not frame.recipients and self._made_abroad(acting):
            # "Soviet-built tanks spearheaded the Vietnamese offensive": whose operation the
            # weapon carries out uses it
            # "the air force's strike aircraft were Israeli-built Kfirs, which flew sorties"
            # "Alpha Jets of the Nigerian Air Force struck the port"
            owners = self._owner_of_weapon(acting) + self._operation_owners(direction_token)
            for owner in owners:
                self._add(frame, "recipient", owner)
        self._deal_reference(frame, direction_token)
        if frame.direction == "use" and not frame.recipients and not frame.captured:
            self._user_from_sentence_subject(frame, direction_token)
        if not frame.suppliers and direction_cue.cue_class in {"get", "agree"}:
            self._builder_of_ordered_weapons(frame, direction_token)
        if not frame.recipients and direction_cue.cue_class == "get":
            self._user_of_bought_weapons(frame, direction_token)
        if not frame.recipients and direction_cue.cue_class == "give":
            self._holder_of_supplied_weapons(frame, direction_token)
        if not frame.recipients and direction_cue.cue_class in {"give", "offer", "block"}:
            # "unable to deliver Super Tucano trainers that Caracas wanted": who wanted them
            for weapon in weapons:
                for clause in _children(np_head(sentence.doc[weapon.head]), "relcl"):
                    if clause.lemma_.lower() in WANTING_LEMMAS:
                        for subject in _children(clause, "nsubj"):
                            self._add(frame, "recipient", subject)
        if not frame.recipients and direction_cue.cue_class in {"give", "offer"}:
            # "their backers in Khartoum have sent mortars": the backed receive
            subject, passive = subject_of(direction_token)
            if subject is not None and not passive and subject.lemma_.lower() in BACKER_NOUNS:
                for backed in _children(subject, "poss"):
                    for party in self.resolver.parties(backed):
                        if party not in frame.suppliers and party not in frame.recipients:
                            frame.recipients.append(party)
        if not frame.recipients and direction_cue.cue_class in {"give", "arrive"}:
            # "These missiles came from Libya, and they crossed Algeria to reach the Polisario":
            # where a clause joined to the transfer, about the same goods, says they ended up
            for joined in _children(direction_token, "conj"):
                if not any(s.lower_ in {"they", "it"} for s in _children(joined, "nsubj")):
                    continue
                for verb in [joined, *_children(joined, "xcomp", "advcl", "ccomp")]:
                    if verb.lemma_.lower() == "reach":
                        for place in _children(verb, "dobj"):
                            self._add(frame, "recipient", place)
        if not frame.recipients and direction_cue.cue_class == "give":
            # "built two corvettes for Pakistan" with "for Pakistan" hung on the corvettes
            for weapon in weapons:
                for place in _preps(sentence.doc[weapon.head]).get("for", []):
                    self._add(frame, "recipient", place)
        frame.items = self._items(weapons, frame)
        if direction_cue.cue_class == "elaborate":
            frame.anaphoric = True
        for weapon in weapons:
            head = sentence.doc[weapon.head]
            if (
                any(
                    child.lower_ in {"those", "these", "the", "such"}
                    for child in head.children
                    if child.dep_ == "det"
                )
                and not frame.suppliers
            ):
                frame.anaphoric = True
        if not (frame.suppliers or frame.recipients or frame.origin_suppliers or frame.anaphoric):
            # "the shipments, which included TOW missiles, were sent through Israel": a definite
            # transfer noun refers back to a transfer told before
            for token, cue in chain_cues:
                if cue.pos == "noun" and any(
                    child.dep_ == "det"
                    and child.lower_ in {"the", "those", "these", "that", "this"}
                    for child in token.children
                ):
                    frame.anaphoric = True
                    frame.anaphor_lemma = cue.lemma
                    break
        return frame

    def _signatory_receiving(self, frame: Frame, chain: list[Token]) -> None:
        """ "KMW and the Hellenic Ministry signed a contract for the supply of tanks to the
        Hellenic Army": of two signatories, the one the goods go to receives them."""
        # the goods' nouns however the parser hung them ("tanks" taken for the verb's object)
        anchors = {token.i for token in chain} | {
            node.i
            for token in frame.sentence
            if token.i in self.mentions.weapon_at
            for node in [token, np_head(token)]
        }
        destinations = {
            party
            for token in frame.sentence
            if token.dep_ == "prep" and token.lower_ == "to" and token.head.i in anchors
            for place in _children(token, "pobj")
            for party in self.resolver.parties(place)
        }
        if len(destinations) == 1 and (receiving := next(iter(destinations))) in frame.suppliers:
            frame.suppliers.remove(receiving)
            frame.recipients.append(receiving)
            return
        if destinations or len(frame.suppliers) != 2:
            return
        # "KMW and the Hungarian Ministry of Defence concluded a contract for the delivery of
        # 44 tanks": of a maker and a government of another state, the government buys
        roles: dict[Party, set[str]] = {}
        for token in chain:
            subject, passive = subject_of(token)
            if subject is None or passive:
                continue
            for signer in [subject, *subject.conjuncts]:
                for word in signer.subtree:
                    mention = self.mentions.party_at.get(word.i)
                    if mention is not None:
                        roles.setdefault(mention.term.party, set()).add(mention.term.role)
        makers = [party for party in frame.suppliers if roles.get(party) == {"company"}]
        buyers = [
            party
            for party in frame.suppliers
            if party not in makers and roles.get(party, set()) & {"name", "demonym", "body"}
        ]
        if len(makers) == 1 and len(buyers) == 1:
            frame.suppliers.remove(buyers[0])
            frame.recipients.append(buyers[0])
            frame.nonparty_roles.discard("recipient")

    def _user_of_bought_weapons(self, frame: Frame, cue: Token) -> None:
        """ "Azerbaijan won the war with drones bought from Israel": who uses weapons bought
        from someone bought them."""
        noun = cue.head
        examples = {
            container.i
            for head in frame.item_heads
            if (container := _example_container(np_head(self.mentions.doc[head]))) is not None
        }
        misread = (
            # "turned the war with armed drones, among them TB2s bought from Turkey", the
            # participle parsed as a verb of its own with the goods as its subject
            cue.dep_ == "advcl"
            and cue.tag_ in {"VBD", "VBN"}
            and "from" in _preps(cue)
            and any(subject.i in frame.item_heads for subject in _children(cue, "nsubj"))
        )
        if not misread and (
            cue.dep_ != "acl" or (noun.i not in frame.item_heads and noun.i not in examples)
        ):
            # "relies on Soviet equipment bought in the 1970s, including T-72 tanks" too
            return
        while noun.dep_ == "conj":  # "with drones and precision weapons bought from"
            noun = noun.head
        governor = noun
        for _ in range(
            0 if misread else 3
        ):  # "won a war with drones bought from ...": up to the verb
            if governor.dep_ == "dobj":
                governor = governor.head
            elif governor.dep_ == "pobj" and governor.head.dep_ == "prep":
                governor = governor.head.head
            else:
                return
            if governor.pos_ == "VERB":
                break
        if governor.pos_ != "VERB" or governor.lemma_.lower() in SPEECH_LEMMAS:
            return
        subject, passive = subject_of(governor)
        if subject is None or passive:
            return
        for party in self.resolver.parties(subject):
            if party not in frame.suppliers and party not in frame.recipients:
                frame.recipients.append(party)

    def _holder_of_supplied_weapons(self, frame: Frame, cue: Token) -> None:
        """ "The rebels carry rifles supplied by Chad", "fighters carried rifles that diplomats
        say were sent by Chad": whoever carries or fields weapons someone supplied received them."""
        if cue.dep_ in {"acl", "relcl"}:
            clause = cue
        elif (
            cue.dep_ == "ccomp"
            and cue.head.dep_ == "relcl"
            and cue.head.lemma_.lower() in SPEECH_LEMMAS
        ):
            clause = cue.head
        else:
            return
        noun = clause.head
        items = [self.mentions.doc[head] for head in frame.item_heads]
        goods = {
            token.i: token
            for item in items
            for token in [
                item,
                np_head(item),
                _amount_of(np_head(item)),
                _example_container(np_head(item)),
            ]
            if token is not None
        }
        if noun.i not in goods:
            # "the missiles the Houthis fired at Riyadh, which ... were supplied by Iran": the
            # clause the parser hung on the place belongs to the goods
            noun = next(
                (
                    token
                    for token in goods.values()
                    if any(c.i == clause.i for c in _misattached_clauses(token))
                ),
                noun,
            )
            if noun.i not in goods:
                return
        amount = _amount_of(noun, last_only=False)
        if amount is not None:
            noun = amount  # "carry a mixture of captured weapons and rifles"
        while noun.dep_ == "conj":  # "captured weapons and new rifles supplied by ..."
            noun = noun.head
        # "the missiles the Houthis have fired, which were supplied by Iran"
        holding_clauses = [
            clause
            for clause in _children(noun, "relcl")
            if clause.lemma_.lower() in HOLDER_USE_LEMMAS and not _children(clause, "dobj")
        ]
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in HOLDER_USE_LEMMAS:
            holder = noun.head
        elif holding_clauses:
            holder = holding_clauses[0]
        elif (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "with"
            and self._arming(noun.head.head)
            and _children(noun.head.head, "auxpass")
        ):
            holder = noun.head.head  # "the militia is armed with rifles supplied by ..."
        elif (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "on"
            and noun.head.head.lemma_.lower() in RELYING_LEMMAS
        ):
            holder = noun.head.head  # "its air force relies on MiG-29s delivered by ..."
        else:
            return
        subject, passive = subject_of(holder)
        if subject is None or (passive and not self._arming(holder)):
            return
        for party in self.resolver.parties(subject):
            if party not in frame.suppliers and party not in frame.origin_suppliers:
                frame.recipients.append(party)

    def _arming(self, verb: Token) -> bool:
        """ "armed", "equipped", "re-equipped" (which the text reaches the parser joined)."""
        cue = cue_for(verb, self.lexicons)
        lemma = cue.lemma if cue is not None else verb.lemma_.lower()
        return lemma in ARMING_LEMMAS

    def _builder_of_ordered_weapons(self, frame: Frame, cue: Token) -> None:
        """ "Spain's Navantia shipyard is building eight patrol vessels ordered by the Venezuelan
        navy": the builder of what a buyer ordered is its supplier."""
        holder = cue.head
        if cue.dep_ != "acl" or holder.dep_ != "dobj" or holder.i not in frame.item_heads:
            return
        if holder.head.lemma_.lower() not in BUILD_LEMMAS:
            return
        subject, passive = subject_of(holder.head)
        if subject is None or passive:
            return
        for party in self.resolver.parties(subject):
            if party not in frame.recipients and party not in frame.suppliers:
                frame.suppliers.append(party)

    def _user_from_sentence_subject(self, frame: Frame, verb: Token) -> None:
        """ "Russia relies on Iran for its strikes: Iranian-made Shahed drones are launched at
        Ukrainian cities every night": an agentless passive of use leaves the user to the subject
        of the sentence's main clause."""
        if not any(child.dep_ == "nsubjpass" for child in verb.children) or any(
            child.dep_ == "agent" for child in verb.children
        ):
            return
        root = frame.sentence.root
        if root.i == verb.i:
            # "Russia relies on Iran: drones are launched ..." parses the clause before the colon
            # as the complement of the one after it
            before = [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and c.i < verb.i]
            if not before:
                return
            root = before[0]
        elif verb.dep_ not in {"conj", "parataxis"} or verb.head.i != root.i:
            return  # a clause reported or subordinated: its user is not the speaker
        if root.lemma_.lower() in SPEECH_LEMMAS:
            return
        subject, passive = subject_of(root)
        if subject is None or passive:
            return
        for party in self.resolver.parties(subject):
            if party not in frame.suppliers and party not in frame.origin_suppliers:
                frame.recipients.append(party)

    def _deal_with_frame(
        self, sentence: Span, chain: list[tuple[Token, Cue]], weapons: list[WeaponMention]
    ) -> Frame | None:
        """ "India signed a $5 billion deal with Russia for S-400s": with no verb of giving or
        getting, the signer is the buyer and the party "with" it the seller, as reports put it."""
        nouns = [
            (t, c) for t, c in chain if c.pos == "noun" and c.cue_class in {"agree", "negotiate"}
        ]
        if not nouns:
            return None
        noun, cue = nouns[0]
        partners = _preps(noun).get("with", [])
        if not partners:
            # "won a contract from Kuwait", "signed a contract from the navy"
            partners = [
                place for place in _preps(noun).get("from", []) if self.resolver.parties(place)
            ]
        if not partners:
            # "signed a contract for three submarines from France"
            partners = [
                place
                for weapon in weapons
                for holder in {self._np_holder(weapon), np_head(self._np_holder(weapon))}
                for place in _preps(holder).get("from", [])
            ]
        verb = governing_verb(noun)
        if (
            verb is None
            and noun.dep_ == "pobj"
            and noun.head.lower_ == "with"
            and noun.head.head.lemma_.lower() in RETURNING_LEMMAS
        ):
            # "Chavez flew home from Moscow with a contract for 24 Sukhoi jets": who comes back
            # with a deal bought it, from where he comes back
            verb = noun.head.head
            places = [*_preps(verb).get("from", [])] + [
                place
                for child in verb.children
                if child.dep_ == "advmod"
                for place in _preps(child).get("from", [])
            ]
            partners = partners or [place for place in places if self.resolver.parties(place)]
        if not partners and verb is not None:
            # "signed a contract for Tucanos from Short Brothers", "signed a deal with Russia for
            # jets": "from" or "with" hung on the verb
            partners = [
                place
                for preposition in ("with", "from")
                for place in _preps(verb).get(preposition, [])
                if self.resolver.parties(place)
            ]
        top_cue = chain[-1][1]
        called_off = top_cue.cue_class == "cancel" and top_cue.pos == "verb"
        if not partners and called_off:
            # "Nigeria scraps Russian tank deal": the state of origin on the deal or its weapons
            partners = self._origin_partners(noun, weapons)
        # "Kenya has signed a contract for twelve Tucano trainers": with no partner named, a
        # designated weapon's maker is the seller, found once the document is read
        designated = any(weapon.term.kind == "designation" for weapon in weapons)
        if not (partners or designated):
            return None
        subject, passive = subject_of(verb) if verb is not None else (None, False)
        if (subject is None or passive) and (
            called_off or (noun.dep_ in {"nsubj", "nsubjpass"} and cue.cue_class == "agree")
        ):
            # "Iraq's arms deal with Russia was cancelled", "the contract for 36 Yak-130s was
            # signed in 2012", "a contract for 36 Yak-130s would go ahead": the deal's owner
            # buys; with no owner named, the buyer is left to the story ("the agreement for 30
            # T129s has been cancelled" in a story about Pakistan)
            owners = _children(noun, "poss")
            subject, passive = (owners[0] if owners else None), False
            if subject is None:
                frame = Frame(
                    sentence=sentence,
                    chain=[t for t, _ in chain],
                    direction="get",
                    status=top_cue.status if top_cue.cue_class in META else cue.status,
                    deal=cue.deal,
                )
                for partner in partners:
                    self._add(frame, "supplier", partner)
                if not frame.suppliers and not designated:
                    return None
                frame.unnamed_state_roles.add("recipient")
                frame.items = self._items(weapons, frame)
                self._origins_on_weapons(frame, weapons)
                return frame
        if subject is None or passive:
            return None
        frame = Frame(
            sentence=sentence,
            chain=[t for t, _ in chain],
            direction="get",
            status=top_cue.status if top_cue.cue_class in META else cue.status,
            deal=cue.deal,
        )
        # "GKN Defence has won a contract from Kuwait": who wins, secures or announces an order
        # sells, and the one it comes from or is with buys
        won = verb is not None and verb.lemma_.lower() in CONTRACT_WINNING_LEMMAS
        self._add(frame, "supplier" if won else "recipient", subject)
        for partner in partners:
            if won and set(self.resolver.parties(partner)) & set(frame.suppliers):
                # "a contract from the Pentagon for 50 F-35s for Poland": an order from the
                # seller's own government is for the state it names
                for place in _places_for([sentence.doc[weapon.head] for weapon in weapons]):
                    self._add(frame, "recipient", place)
                continue
            self._add(frame, "recipient" if won else "supplier", partner)
        self._companies_sell(frame, chain)
        # "The navy has signed ...": an unnamed buyer is resolved from the story later
        if not (frame.suppliers or (designated and not partners)) or not (
            frame.recipients or frame.unnamed_state_roles
        ):
            return None  # a partner named that is no party ("an agreement with an airline")
        frame.items = self._items(weapons, frame)
        self._origins_on_weapons(frame, weapons)
        return frame

    def _origins_on_weapons(self, frame: Frame, weapons: list[WeaponMention]) -> None:
        """ "signed a deal for 16 Russian-made Mi-17 helicopters": the maker named on the goods
        of a deal told with no verb of giving or getting."""
        for weapon in weapons:
            for party in self._origins_named_on(self.mentions.doc[weapon.head]):
                if party not in frame.origin_suppliers + frame.recipients:
                    frame.origin_suppliers.append(party)

    def _origins_named_on(self, token: Token) -> list[Party]:
        """The states a weapon's own modifiers name as its origin ("Chinese-built jets")."""
        parties: list[Party] = []
        for holder in {token, np_head(token)}:
            for child in holder.children:
                if child.dep_ in {"amod", "compound", "nmod", "npadvmod"} and self._names_origin(
                    child
                ):
                    parties += [p for p in self.resolver.parties(child) if p not in parties]
        return parties

    def _deal_reference(self, frame: Frame, verb: Token) -> None:
        """ "The deal ... was to have supplied 30 helicopters", "Under the arrangement, France was
        to equip the army with ...": the transfer of a deal told before, whose parties and (if
        it was called off) fate it shares."""
        if verb.pos_ not in {"VERB", "AUX"}:
            return
        subject, passive = subject_of(verb)
        nouns = [*_preps(verb).get("under", [])]
        # "F-16 fighters assembled near Ankara under the agreement": on the goods' participle
        doc = frame.sentence.doc
        for index in frame.item_heads:
            for clause in _children(np_head(doc[index]), "acl"):
                nouns += _preps(clause).get("under", [])
        opening = frame.sentence[0]
        if opening.lower_ == "under" and opening.i < verb.i:
            nouns += _children(opening, "pobj")  # "Under the deal, agreed in 2014, France was to"
        if subject is not None and not passive:
            nouns.append(subject)
        for noun in nouns:
            if noun.lemma_.lower() not in DEAL_NOUNS or not any(
                child.dep_ == "det" and child.lower_ in ANAPHORIC_DETERMINERS - {"such"}
                for child in noun.children
            ):
                continue
            frame.deal_reference = True
            # "taking F-16 fighters under the agreement signed with the United States in 1987":
            # the partner of the deal the goods come under is the side left open
            partners = [
                partner
                for holder in [noun, *_children(noun, "acl")]
                for partner in _preps(holder).get("with", [])
            ]
            open_role = (
                "supplier"
                if frame.direction in {"get", "arrive"} and not frame.suppliers
                else "recipient"
                if frame.direction in {"give", "offer"} and not frame.recipients
                else None
            )
            if open_role is not None and noun is not subject:
                for partner in partners:
                    self._add(frame, open_role, partner)
            if noun is subject and _future_in_past(verb):
                # the deal supplies nothing itself: both sides are the earlier deal's
                role = SUBJECT_ROLE.get(frame.direction)
                if role is not None:
                    frame.nonparty_roles.discard(role)
                frame.anaphoric = True
                frame.anaphor_lemma = noun.lemma_.lower()
            return

    def _origin_partners(self, noun: Token, weapons: list[WeaponMention]) -> list[Token]:
        """States named by a demonym on the weapons of a deal called off ("scrapped a deal for
        Russian tanks"), or on the deal noun itself when it is the state that makes the named
        weapon ("dumps U.S. F-16 deal"): "cancels Saudi tank deal" may be the seller's act."""
        makers = {
            self.lexicons.weapon_origins.get(weapon.term.canonical)
            for weapon in weapons
            if weapon.term.kind == "designation"
        } - {None}
        found = []
        for holder in [noun, *(self._np_holder(weapon) for weapon in weapons)]:
            for child in holder.children:
                if not (
                    child.dep_ in {"amod", "compound", "nmod"}
                    and child.i in self.mentions.party_at
                    and child.i not in self.mentions.weapon_at
                ):
                    continue
                states = {p.code for p in self.resolver.parties(child) if p.kind == "state"}
                on_weapon = holder.i != noun.i and holder.i in self.mentions.weapon_at
                if states and (on_weapon or states & makers):
                    found.append(child)
        return found

    def _status(
        self,
        sentence: Span,
        token: Token,
        cue: Cue,
        meta: list[tuple[Token, Cue]],
        chain: list[tuple[Token, Cue]],
    ) -> str:
        status = self._stated_status(sentence, token, cue, meta, chain)
        if status == "suspended" and _block_lifted([token, *(t for t, _ in chain)]):
            return "agreed"  # "lifted its freeze on deliveries": the deal stands again
        if status == "agreed" and any(
            node.lemma_.lower() in PRELIMINARY_ACCORDS
            for link in [token, *(t for t, _ in chain)]
            for node in [link, *_governors(link, limit=4)]
        ):
            return "negotiating"  # "signed a letter of intent to buy 490 VBCIs": not yet a deal
        return status

    def _stated_status(
        self,
        sentence: Span,
        token: Token,
        cue: Cue,
        meta: list[tuple[Token, Cue]],
        chain: list[tuple[Token, Cue]],
    ) -> str:
        if cue.pos == "noun":
            for child in token.children:
                # "the cancelled sale", "halted arms deliveries", a headline's "U.S. paused bomb
                # shipment to Israel": a participle of halting or cancelling on the transfer noun
                if child.dep_ == "amod" and child.tag_ == "VBN":
                    participle = cue_for(child, self.lexicons)
                    if participle is not None and participle.cue_class in {"block", "cancel"}:
                        return participle.status
        if meta:
            meta_token, meta_cue = meta[-1]
            if meta_cue.cue_class == "complete":
                nouns = [c for t, c in chain if c.pos == "noun"]
                return "agreed" if nouns and nouns[0].cue_class == "agree" else "delivered"
            planned = any(
                governor.lemma_.lower() in PLAN_NOUNS and governor.pos_ == "NOUN"
                for governor in _governors(token)
            )
            if meta_cue.cue_class == "agree" and planned and cue.pos == "verb":
                # "approved a plan to supply weapons": a plan approved is a pledge, not a deal
                return verb_status(cue, token, sentence)
            if meta_cue.cue_class in {"agree", "negotiate", "block", "cancel", "offer", "ask"}:
                if meta_cue.pos == "verb" and meta_cue.cue_class == "agree":
                    group = _verb_group(meta_token)
                    if any(word in {"will", "would"} for word in group):
                        return "negotiating"
                return meta_cue.status
        if cue.pos == "verb":
            return verb_status(cue, token, sentence)
        # a transfer noun takes its status from a governing non-cue verb ("announced a package")
        head = governing_verb(token)
        if head is not None and head.lemma_.lower() in GOVERNOR_STATUS:
            return GOVERNOR_STATUS[head.lemma_.lower()]
        if (
            head is not None
            and head.lemma_.lower() in PHASE_VERBS
            and cue.status == "delivered"
            and any(
                child.dep_ == "aux" and child.lower_ in {"will", "shall", "to", "'ll"}
                for child in head.children
            )
        ):
            return "agreed"  # "will begin deliveries next year": fixed, not yet made
        text = sentence.text.lower()
        if any(phrase in text for phrase in TRANSIT_WORDS):
            return "in_transit"
        if cue.status == "delivered" and _scheduled(token):
            return "agreed"  # "the first deliveries are scheduled for 2026": fixed, not made
        return cue.status

    def _fill_roles(
        self, frame: Frame, chain: list[tuple[Token, Cue]], direction_token: Token
    ) -> None:
        direction = frame.direction
        has_directional_verb = any(c.pos == "verb" and c.cue_class in DIRECTIONAL for _, c in chain)
        compounds: list[tuple[Token, str | None]] = []
        deferred_subjects: list[
            tuple[Token, str, str]
        ] = []  # subjects of meta verbs (approve, sign, halt): placed last
        for token, cue in chain:
            role_class = cue.cue_class if cue.cue_class in SUBJECT_ROLE else direction
            if cue.pos == "noun" and has_directional_verb:
                role_class = (
                    direction  # "received a shipment of drones from Iran": the verb decides
                )
            subject_role = SUBJECT_ROLE.get(role_class)
            # the subject of a meta verb plays the subject role of the transfer it governs
            if cue.cue_class in META:
                subject_role = SUBJECT_ROLE.get(direction)
            if (
                cue.lemma in LEASING_LEMMAS
                and any("from" in _preps(node) for node in [token, *_children(token, "dobj")])
                and "to" not in _preps(token)
            ):
                # "India leased a submarine from Russia": the one leasing from another takes
                role_class, subject_role = "get", "recipient"
            if (
                token.pos_ in {"VERB", "AUX"}
                or token.tag_.startswith("VB")
                or (cue.pos == "verb" and token.dep_ == "ROOT")
            ):
                subject, passive = subject_of(token)
                preps = _preps(token)
                if subject is not None and subject.tag_ == "WDT" and self._lists_contents(token):
                    subject = None  # "officials and companies that include agreements": misplaced
                kept_by = None
                if (
                    role_class == "give"
                    and token.dep_ in {"oprd", "xcomp", "ccomp"}
                    and token.tag_ == "VBN"
                    and token.head.lemma_.lower() in KEEPING_LEMMAS
                ):
                    # "Pakistan has kept the Taliban supplied with ammunition"
                    kept_by, kept_ones = token.head, _children(token.head, "dobj")
                elif (
                    role_class == "give"
                    and token.dep_ == "acl"
                    and token.tag_ == "VBN"
                    and token.head.dep_ == "dobj"
                    and token.head.head.lemma_.lower() in KEEPING_LEMMAS
                ):
                    # "Russia has kept the Syrian army stocked with ammunition", the participle
                    # hung on the one kept
                    kept_by, kept_ones = token.head.head, [token.head]
                if kept_by is not None:
                    keeper, _ = subject_of(kept_by)
                    if keeper is not None:
                        self._add(frame, "supplier", keeper)
                    for kept in kept_ones:
                        self._add(frame, "recipient", kept)
                    subject = None
                if (
                    not passive
                    and token.tag_ == "VBN"
                    and preps.get("by")
                    and (
                        subject is None
                        or subject.i in self.mentions.weapon_at
                        # "rifles that diplomats say were supplied by Chad": the parser makes
                        # the relative pronoun of a passive an active subject
                        or (subject.tag_ == "WDT" and bool(_children(token, "auxpass")))
                        # "tanks and guns, most of them bought by Libya from ...": the share
                        # of the goods, which the parser makes the participle's subject
                        or (
                            subject.lower_ in PRONOUN_SHARES
                            and any(prep.lower_ == "of" for prep in _children(subject, "prep"))
                        )
                    )
                ):
                    # "missiles fired by the Houthis", "helicopters flown by the government": a
                    # participle with its agent is passive whatever the parser made of it
                    passive = True
                if passive:
                    agents = preps.get("by", [])
                    for agent in agents:
                        self._add(frame, subject_role, agent)
                    if (
                        role_class in {"give", "offer"}
                        and subject is not None
                        and not self.mentions.weapon_at.get(subject.i)
                        and any(
                            self._names_weapon(goods) or goods.i in frame.item_heads
                            for goods in preps.get("with", [])
                        )
                    ):
                        # "Ukraine was supplied with tanks", "the army is equipped with Soviet
                        # T-55s": the one supplied with the goods receives them
                        self._add(frame, "recipient", subject)
                elif (
                    subject is not None
                    and subject_role
                    and not self.mentions.weapon_at.get(subject.i)
                    # "Kfirs, which flew sorties": the relative pronoun is the weapon
                    and not (
                        subject.tag_ == "WDT"
                        and token.dep_ == "relcl"
                        and self._names_weapon(token.head)
                    )
                ):
                    if cue.cue_class in META and cue.pos == "verb":
                        # "Germany blocks Estonian arms exports", "the minister approved contracts
                        # with Korean companies for tanks to Poland": the blocker or approver takes
                        # a side only when nothing else names it
                        deferred_subjects.append((subject, subject_role, cue.cue_class))
                    else:
                        self._add(frame, subject_role, subject)
                if cue.lemma in CARRYING_LEMMAS and token.dep_ == "acl":
                    # "a Soviet ship carrying jets to Nicaragua": the carrier's state sends them
                    self._add(frame, "supplier", token.head)
                if role_class == "arrive":
                    # "Iranian arms reached Bosnia"
                    for obj in _children(token, "dobj"):
                        self._add(frame, "recipient", obj)
                    carriers = [
                        subject
                        for subject in _children(token, "nsubj")
                        if subject.lemma_.lower() in CARRIER_NOUNS | {"aircraft", "transport"}
                        and self._weapons_after(token, "with")
                    ]
                    for vessel in carriers:
                        # "Military transport aircraft from the Emirates, Jordan and Qatar have
                        # landed in Beirut with ammunition": the carriers' states sent it
                        for place in _preps(vessel).get("from", []):
                            self._add(frame, "supplier", place)
                        for child in vessel.children:
                            if child.dep_ in {"amod", "compound"} and self._names_supplier(child):
                                self._add(frame, "supplier", child)
                    travel = token.head
                    if token.dep_ in {"xcomp", "advcl"} and travel.lemma_ in TRAVEL_LEMMAS:
                        # "weapons have crossed the mountains from Azerbaijan to reach ..."
                        for holder in [travel, *_children(travel, "dobj")]:
                            for place in _preps(holder).get("from", []):
                                self._add(frame, "supplier", place)
                if role_class == "get" and cue.lemma in BUYING_LEMMAS and "from" not in preps:
                    # "bought two Mi-24 gunships in Ukraine": the parser hangs the place on the
                    # goods; the state bought in sold them
                    for obj in _children(token, "dobj"):
                        for place in _preps(obj).get("in", []):
                            if self._names_state(place):
                                self._add(frame, "supplier", place)
                if role_class == "ask" and "for" in preps:
                    # "Lebanon asked Moscow for tanks": the one asked is the would-be supplier
                    for obj in _children(token, "dobj"):
                        if not self.mentions.weapon_at.get(obj.i) and self.resolver.parties(obj):
                            self._add(frame, "supplier", obj)
                if role_class in {"give", "offer"}:
                    for dative in _children(token, "dative", "iobj"):
                        self._add(frame, "recipient", dative)
                    # "supply Ukraine with tanks": the object is the recipient when the goods come with "with"
                    # "supply Ukraine with tanks", "sell Saudi Arabia 84 jets": a party object receives
                    for obj in _children(token, "dobj"):
                        if self.mentions.weapon_at.get(obj.i):
                            if (
                                taker := self._taker_before_goods(obj)
                            ) is not None and not _children(token, "dative", "iobj"):
                                # "Ukraine had sold Georgia Kolchuga radar stations": the
                                # parser made the taker part of the goods' name
                                self._add(frame, "recipient", taker)
                            continue
                        if obj.lower_ in {"them", "it"} and "to" in preps:
                            continue  # "passed them to the rebels": the pronoun is the goods
                        if self.resolver.parties(obj) or (obj.pos_ == "PROPN" and "with" in preps):
                            # a named taker that is no party ("providing American Airlines with") is noted
                            self._add(frame, "recipient", obj)
            else:
                preps = _preps(token)
                if cue.cue_class == "give" and "from" in preps:
                    # "a consignment from Norinco", "a shipment from Iran": the sender
                    for sender in preps["from"]:
                        self._add(frame, "supplier", sender)
                for possessor in _children(token, "poss"):
                    if subject_role:
                        self._add(frame, subject_role, possessor)
                if subject_role:
                    # "the acquisition by China of Su-27s", "deliveries by Russia": the agent of
                    # the noun plays its verb's subject
                    for agent in preps.pop("by", []):
                        self._add(frame, subject_role, agent)
                thanker = token.head.head if token.head.lower_ == "for" else None
                if (
                    thanker is not None
                    and token.dep_ == "pobj"
                    and thanker.lemma_.lower() in THANKING_LEMMAS
                    and cue.cue_class in {"give", "offer"}
                ):
                    # "Ukraine thanks Norway for the transfer of NASAMS" (the parser may read
                    # "thanks" as a noun): the one thanked gave, the one thanking received
                    for subject in _children(thanker, "nsubj"):
                        self._add(frame, "recipient", subject)
                    for thanked in _children(thanker, "dobj"):
                        self._add(frame, "supplier", thanked)
                head = governing_verb(token)
                if (
                    head is not None
                    and cue.cue_class in {"give", "offer"}
                    and "to" not in preps
                    and head.lemma_.lower() not in SPEECH_LEMMAS | TO_TAKING_LEMMAS
                    and not any(head.i == t.i for t, _ in chain)
                ):
                    # "Iran criticised U.S. arms sales to Saudi Arabia": the parser hangs the
                    # destination on the verb over the transfer noun
                    hung = [
                        obj
                        for obj in _preps(head).get("to", [])
                        if obj.lower_ not in PRONOUNS and self.resolver.parties(obj)
                    ]
                    if hung:
                        preps["to"] = hung
                if (
                    head is not None
                    and cue.cue_class in DIRECTIONAL
                    and not any(head.i == t.i for t, _ in chain)
                ):
                    subject, passive = subject_of(head)
                    # "Saab has received an order from Pakistan", "Rheinmetall won a contract":
                    # who wins or receives an order sells
                    won = (
                        head.lemma_.lower() in ORDER_WINNING_LEMMAS
                        and token.lemma_.lower() in ORDER_NOUNS
                    )
                    # "Kuwait is weighing offers for armoured vehicles from Britain": who
                    # weighs an offer is offered to, and the offer comes "from" the offerer
                    weighed = (
                        cue.cue_class == "offer"
                        and head.lemma_.lower() in OFFER_TAKING_LEMMAS
                        and subject is not None
                        and not passive
                    )
                    if weighed and subject is not None:
                        self._add(frame, "recipient", subject)
                        offerers = [*preps.pop("from", []), *_preps(head).get("from", [])]
                        for weapon in self._weapon_tokens(frame):
                            offerers += _preps(np_head(weapon)).get("from", [])
                        for place in offerers:
                            self._add(frame, "supplier", place)
                        subject = None
                    if (
                        subject is not None
                        and not passive
                        and subject_role
                        and (head.lemma_.lower() in SUBJECT_SUPPLYING_GOVERNORS or won)
                    ):
                        self._add(frame, "supplier" if won else subject_role, subject)
                        if won:
                            # the order comes "from" its buyer, on the noun or on the verb;
                            # an order from the seller's own government ("a contract from the
                            # Pentagon for 50 F-35s for Poland") is for the state it names
                            for place in [*preps.pop("from", []), *_preps(head).get("from", [])]:
                                if not set(self.resolver.parties(place)) & set(frame.suppliers):
                                    self._add(frame, "recipient", place)
                            for place in _places_for(self._weapon_tokens(frame)):
                                self._add(frame, "recipient", place)
                        if head.lemma_.lower() in PHASE_VERBS:
                            # "Russia has begun deliveries of S-400s to India": the parser
                            # hangs the destination on the verb
                            for preposition, objects in _preps(head).items():
                                if preposition in {"to", "from"}:
                                    preps.setdefault(preposition, []).extend(objects)
                    elif (
                        subject is not None
                        and not passive
                        and head.lemma_.lower() in ACKNOWLEDGING_VERBS
                    ):
                        # "Serbia confirms delivery of Chinese air defence system": the side left open
                        compounds.append((subject, None))
                for modifier in _children(token, "compound", "amod", "nmod"):
                    if self.resolver.mentions.party_at.get(modifier.i):
                        compounds.append((modifier, subject_role))
            # "Soviets install missiles in Syria": weapons placed in a country go to it
            self._prep_roles(
                frame,
                preps,
                role_class,
                stationing=self._stationing(chain),
                moved=any(t.lemma_.lower() in DISPATCH_LEMMAS for t, _ in chain),
            )
        # "Putin promises Belarus missiles" parsed with Belarus on the missiles: a state named right
        # after a verb of giving is its indirect object
        if (
            direction in {"give", "offer"}
            and not frame.recipients
            and direction_token.pos_ == "VERB"
        ):
            following = (
                direction_token.doc[direction_token.i + 1]
                if direction_token.i + 1 < len(direction_token.doc)
                else None
            )
            if following is not None and following.dep_ in {"nmod", "compound"}:
                mention = self.mentions.party_at.get(following.i)
                if mention is not None and mention.term.role in {"name", "capital", "group"}:
                    self._add(frame, "recipient", following)
        # "Ukraine asked Germany to supply Taurus missiles": the asker is the recipient
        if (
            direction in {"give", "offer"}
            and direction_token.dep_ == "xcomp"
            and not frame.recipients
            and not any(child.dep_ == "neg" for child in direction_token.children)
        ):
            asker = direction_token.head
            if asker.lemma_.lower() in REQUEST_LEMMAS:
                subject, passive = subject_of(asker)
                if subject is not None and not passive:
                    self._add(frame, "recipient", subject)
        # "signed a contract with the Russian Federation for the purchase of ...": the partner is
        # the side still open (the seller, when the buyer signs or the goods' destination is named)
        agreements = [token for token, cue in chain if cue.cue_class in {"agree", "negotiate"}]
        # "approved contracts with Korean companies for the delivery of ...": the contract is the
        # approving verb's object, beside the chain
        agreements += [
            obj
            for token, cue in chain
            if cue.pos == "verb" and cue.cue_class in META
            for obj in _children(token, "dobj")
            if obj.lemma_.lower() in {"contract", "deal", "agreement"}
        ]
        for token in agreements:
            # "the agreement signed with the United States": the partner may hang on the
            # participle that tells the signing
            holders = [token, *(c for c in _children(token, "acl") if c.lemma_.lower() == "sign")]
            for partner in [p for holder in holders for p in _preps(holder).get("with", [])]:
                if frame.recipients and not frame.suppliers:
                    self._add(frame, "supplier", partner)
                elif frame.suppliers and not frame.recipients:
                    self._add(frame, "recipient", partner)
                else:
                    self._add(
                        frame,
                        "supplier" if direction in {"get", "ask"} else "recipient",
                        partner,
                    )
        # "the guerrillas have armed themselves with rifles bought on the black market": whoever
        # arms itself receives, from a seller the clause does not name
        if direction == "give" and any(
            obj.lower_ in REFLEXIVE_PRONOUNS
            for token, cue in chain
            if cue.pos == "verb"
            for obj in _children(token, "dobj")
        ):
            if not frame.recipients:
                frame.recipients = frame.suppliers
            frame.suppliers = []
            frame.nonparty_roles.add("supplier")
        # origin adjectives and possessives on the items: "Iranian-made drones", "Iran's drones"
        possessors: list[Party] = []
        for weapon_token in self._weapon_tokens(frame):
            self._note_item_origin(frame, weapon_token)
            navy = self._commissioning_navy(weapon_token)
            if navy is not None:
                # the navy that named a ship owns it ("BRP Tarlac arrived at Manila": the
                # Philippines'), or owned it when it goes to another ("the former HMS Diomede",
                # "USS Hamilton was handed over to the Philippine Navy": Britain's, America's)
                before = weapon_token.doc[max(0, weapon_token.left_edge.i - 3) : weapon_token.i]
                if navy in frame.suppliers:
                    pass
                elif any(word.lower_ in {"former", "formerly", "ex"} for word in before) or (
                    frame.recipients and navy not in frame.recipients
                ):
                    if navy not in frame.origin_suppliers:
                        frame.origin_suppliers.append(navy)
                elif not frame.recipients:
                    frame.recipients.append(navy)
                    frame.nonparty_roles.discard("recipient")
            # conjoined items share the first conjunct's modifiers ("equipment and arms from X")
            heads = [weapon_token]
            if weapon_token.dep_ == "conj":
                heads.append(weapon_token.head)
            if weapon_token.dep_ in {"compound", "amod", "nmod", "nummod"}:
                heads.append(np_head(weapon_token))
            # "Soviet equipment, including T-72 tanks": the goods they are examples of
            example_of = _example_container(np_head(weapon_token))
            if example_of is not None and example_of.i not in self.mentions.party_at:
                heads.append(example_of)
            for held in {weapon_token, np_head(weapon_token)}:
                container = held.head.head
                if (
                    held.dep_ == "pobj"
                    and held.head.lower_ == "of"
                    and container.pos_ == "NOUN"
                    and container.i not in self.mentions.weapon_at
                    and container.lemma_.lower() not in self.lexicons.noun_cues
                ):
                    # "6,700 containers of munitions to Russia": the parser hangs the destination
                    # on the load that holds the weapons; "Kenya's fleet of 30 F-5 fighters"
                    # names their owner on it
                    heads.append(container)
            # "Saudi arms package": a demonym on a deal names either side, as on any transfer noun
            deal_word = weapon_token.lemma_.lower() in self.lexicons.noun_cues
            for child in (child for head in heads for child in head.children):
                if child.dep_ == "poss":
                    possessors.extend(self.resolver.parties(child))
                elif (
                    child.dep_ == "compound"
                    and child.pos_ == "PROPN"
                    and _actor_word(child) in ARMED_SERVICE_WORDS
                    and child.i not in self.mentions.weapon_at
                    and direction in {"give", "offer"}
                ):
                    # "had given the Royal Nepalese Army rifles", parsed as one noun phrase: the
                    # army the goods were given to, not their maker
                    if not frame.recipients:
                        self._add(frame, "recipient", child)
                elif (
                    child.dep_ in {"compound", "nmod"}
                    and child.pos_ == "PROPN"
                    and _actor_word(child) in ARMED_SERVICE_WORDS
                    and child.i not in self.mentions.weapon_at
                    and direction in {"arrive", "use"}
                ):
                    # "the first Polish Air Force F-35s arrived": the service's state owns them
                    possessors.extend(self.resolver.parties(child))
                elif (
                    child.dep_ in {"amod", "compound", "nmod", "npadvmod"}
                    and not (deal_word and not self._names_origin_text(child))
                    and self._names_origin(child)
                ):
                    for party in self.resolver.parties(child):
                        if party not in frame.origin_suppliers:
                            frame.origin_suppliers.append(party)
                        if child.lower_.endswith("designed"):
                            frame.design_states.append(party)  # "Soviet-designed T-72s"
                elif child.dep_ in {"amod", "compound", "nmod", "npadvmod"} and _names_period(
                    child
                ):
                    # "Soviet-era T-64s": weapons of a state's time, which its heirs inherited
                    frame.period_states.extend(self.resolver.parties(child))
                if child.dep_ == "prep":
                    self._prep_roles(
                        frame,
                        {child.lower_: _children(child, "pobj")},
                        direction,
                        stationing=self._stationing(chain),
                    )
                if child.dep_ == "acl" and child.lemma_.lower() in BUILD_LEMMAS:
                    if direction in {"give", "offer"}:
                        # "the delivery of boats built by Luerssen to Saudi Arabia": the parser
                        # hangs the destination on the participle
                        for place in _preps(child).get("to", []):
                            self._add(frame, "recipient", place)
                    # "frigates built in British shipyards": the maker's state is the origin
                    for prep, objects in _preps(child).items():
                        for place in objects if prep in {"in", "by"} else []:
                            for party in self.resolver.parties(place):
                                if party not in frame.origin_suppliers:
                                    frame.origin_suppliers.append(party)
                if child.dep_ == "acl" and child.lemma_.lower() in OWNING_LEMMAS:
                    for agent in _preps(child).get("by", []):
                        for party in self.resolver.parties(agent):
                            if party not in frame.origin_suppliers:
                                frame.origin_suppliers.append(party)
                if child.dep_ == "acl" and child.lemma_.lower() in self.lexicons.verb_cues:
                    # "drones supplied by Iran" (the giver), "vessels ordered by the navy" (the buyer)
                    agent_role = SUBJECT_ROLE.get(
                        self.lexicons.verb_cues[child.lemma_.lower()].cue_class
                    )
                    for agent in _preps(child).get("by", []):
                        self._add(frame, agent_role, agent)

        # "the tanks were destined for the government of southern Sudan, the former rebel SPLA":
        # an armed group in apposition after the destination re-names it, wherever the parser
        # hangs the apposition
        for weapon_token in self._weapon_tokens(frame):
            destinations = [
                place
                for token, _ in chain
                for prep, places in _preps(token).items()
                if prep in {"to", "for"}
                for place in places
            ]
            for appos in _children(weapon_token, "appos"):
                if not destinations or appos.i < max(place.i for place in destinations):
                    continue
                groups = [p for p in self.resolver.parties(appos) if p.kind == "group"]
                if groups and all(p.kind == "state" for p in frame.recipients):
                    frame.recipients = groups
        # "the rockets fired at Haifa are Iranian-made", "missiles ... were of Iranian origin"
        for weapon_token in self._weapon_tokens(frame):
            verb = weapon_token.head
            if weapon_token.dep_ not in {"nsubj", "nsubjpass"} or verb.lemma_ != "be":
                continue
            for predicate in verb.children:
                if predicate.dep_ not in {"acomp", "attr", "prep"}:
                    continue
                for token in predicate.subtree:
                    mention = self.mentions.party_at.get(token.i)
                    if mention is None or mention.term.role != "demonym":
                        continue
                    made = any(
                        t.lemma_.lower() in BUILD_LEMMAS | {"origin"} for t in predicate.subtree
                    )
                    if made or self._names_origin_text(token):
                        party = mention.term.party
                        if party not in frame.origin_suppliers:
                            frame.origin_suppliers.append(party)
        # "Galeb trainers built in the Mostar factory of the old Yugoslavia", "will buy two
        # frigates, to be built in Australia": where the goods are built is where they come from
        built = [
            clause
            for head in frame.item_heads
            for clause in frame.sentence.doc[head].children
            if clause.dep_ == "acl"
        ] + [clause for token, _ in chain for clause in token.children if clause.dep_ == "advcl"]
        # "two frigates were built for New Zealand in British yards": the building verb itself
        built += [token for token, _ in chain if token.pos_ == "VERB"]
        for clause in built:
            if clause.lemma_.lower() not in BUILD_LEMMAS - {"design", "develop"}:
                continue
            for place in _preps(clause).get("in", []):
                for token in place.subtree:
                    mention = self.mentions.party_at.get(token.i)
                    if (
                        mention is not None
                        and mention.term.party.kind == "state"
                        and mention.term.role in {"name", "alias", "demonym"}
                        and mention.term.party not in frame.recipients + frame.origin_suppliers
                    ):
                        frame.origin_suppliers.append(mention.term.party)
        # "Russia received Iran's drones" (the owner gave them) but "its missile had been bought
        # from North Korea" (the owner is the buyer, the seller being named)
        # the makers of the designations among the items ("Poland's first F-16s": American)
        makers = {
            self.lexicons.weapon_origins.get(mention.term.canonical)
            for mention in self.mentions.weapons
            if mention.head in frame.item_heads and mention.term.kind == "designation"
        } - {None}
        for party in possessors:
            maker_named = any(p != party for p in frame.suppliers + frame.origin_suppliers) or (
                # weapons that arrive come from their maker to their owner, and so do weapons
                # their owner fights with ("Iraq's Mirages carried out the raids")
                direction in {"arrive", "use"}
                and party.kind == "state"
                and any(code != party.code for code in makers)
            )
            if maker_named and party not in frame.suppliers:
                # "Iran's first Russian submarine": with the maker named, the owner bought it
                if not frame.recipients:
                    frame.recipients.append(party)
                    # "INS Vikramaditya, bought from Russia, arrived in Karwar": the owner,
                    # not the place of arrival
                    if direction == "arrive":
                        frame.nonparty_roles.discard("recipient")
            elif party not in frame.origin_suppliers:
                frame.origin_suppliers.append(party)

        def add_deferred(kinds: set[str]) -> None:
            for subject, role, kind in deferred_subjects:
                if kind not in kinds:
                    continue
                if role == "supplier" and not frame.suppliers and not frame.origin_suppliers:
                    self._add(frame, "supplier", subject)
                elif role == "recipient" and not frame.recipients:
                    self._add(frame, "recipient", subject)
                elif kind == "cancel" and role == "supplier" and not frame.recipients:
                    # "the Government has decided not to proceed with the lease of 28 F-16s
                    # from the United States": the seller named, the one calling it off buys
                    self._add(frame, "recipient", subject)

        if direction in {"get", "elaborate"} and not frame.suppliers:
            # "signed a series of documents with Russian officials ... for the purchase of the
            # S-400": the one a buyer signs with sells
            for token, cue in chain:
                if cue.pos != "verb" or cue.cue_class != "agree":
                    continue
                holders = [token, *_children(token, "dobj")]
                holders += [pobj for holder in holders[1:] for pobj in _preps(holder).get("of", [])]
                partners = [
                    party
                    for holder in holders
                    for partner in _preps(holder).get("with", [])
                    for party in self.resolver.parties(partner)
                    if party not in frame.recipients
                ]
                frame.suppliers.extend(unique_parties(partners))
                signer, passive = subject_of(token)
                if partners and signer is not None and not passive and not frame.recipients:
                    self._add(frame, "recipient", signer)
        # an approver or signer speaks for its side before a compound does ("U.S. notifies Congress
        # of Saudi arms package"); a blocker only after ("Germany blocks Estonian arms exports")
        add_deferred(META - {"block", "cancel"})
        # "U.S. arms sale to Taiwan" names the supplier, "U.S. notifies ... Saudi arms package" the
        # recipient: a party compound on a transfer noun fills whichever side is still open
        for modifier, default_role in compounds:
            for party in self.resolver.parties(modifier):
                if party in frame.suppliers or party in frame.recipients:
                    continue
                known_suppliers = frame.suppliers or frame.origin_suppliers
                if party in known_suppliers:
                    continue
                if known_suppliers and not frame.recipients:
                    frame.recipients.append(party)
                elif frame.recipients and not frame.suppliers:
                    frame.suppliers.append(party)
                elif (
                    not frame.suppliers
                    and not frame.recipients
                    and default_role
                    and self._names_supplier(modifier)
                ):
                    self._add(frame, default_role, modifier)
        add_deferred({"block", "cancel"})
        for token, cue in chain:
            carrier = subject_of(token)[0] if cue.lemma in CARRYING_LEMMAS else None
            if carrier is not None and carrier.lemma_.lower() in CARRIER_NOUNS:
                # "cargo flights from the Emirates carried weapons to the RSF": where the carrier
                # came from sent the goods
                for place in _preps(carrier).get("from", []):
                    for party in self.resolver.parties(place):
                        if party not in frame.origin_suppliers:
                            frame.origin_suppliers.append(party)
        if direction == "seize" or any(cue.lemma in CARRYING_LEMMAS for _, cue in chain):
            # a seizer or a carrier ("it had intercepted a boat carrying Iranian weapons") is
            # no side; the goods' stated origin is
            if frame.origin_suppliers:
                frame.suppliers = [p for p in frame.origin_suppliers if p not in frame.recipients]
            elif direction == "seize":
                frame.suppliers = []
        if direction == "seize":
            self._seizure_roles(frame)
        # "Riyadh gave London its biggest arms order": whoever gives an order buys
        order_given = direction_token.lemma_.lower() in {
            "give",
            "award",
            "grant",
            "place",
            "hand",
        } and any(token.lemma_.lower() in {"order", "contract"} for token, _ in chain)
        # "Algeria sends back Russian MiG-29s": a return undoes a delivery the other way
        sent_back = direction == "give" and any(
            child.dep_ in {"prt", "advmod"} and child.lower_ == "back"
            for child in direction_token.children
        )
        if order_given or sent_back:
            frame.suppliers, frame.recipients = frame.recipients, frame.suppliers
        self._companies_sell(frame, chain)
        if direction == "get":
            self._bought_for(frame, chain)

    def _bought_for(self, frame: Frame, chain: list[tuple[Token, Cue]]) -> None:
        """ "a programme to buy French weapons for the Lebanese army": whoever pays, the
        weapons go to the party they are bought for."""
        beneficiaries: list[Party] = []
        holders = [token for token, cue in chain if cue.cue_class == "get"]
        holders += [self.mentions.doc[head] for head in frame.item_heads]
        # "bought helicopters from Rosoboronexport for the Afghan air force": the parser may
        # hang the beneficiary on the seller
        holders += [source for holder in list(holders) for source in _preps(holder).get("from", [])]
        for holder in holders:
            for place in _preps(holder).get("for", []):
                if place.i in self.mentions.weapon_at:
                    continue  # "missiles for its F-16s"
                for party in self.resolver.parties(place):
                    if party not in beneficiaries and party not in frame.suppliers:
                        beneficiaries.append(party)
        if beneficiaries and not set(beneficiaries) <= set(frame.recipients):
            frame.recipients = beneficiaries

    def _signs(self, token: Token) -> bool:
        """The token is the subject of an act only a government performs on the record
        ("Egypt signed a deal", "India signs S-400 deal", "Sweden will purchase")."""
        verb = token.head
        return (
            token.dep_ in {"nsubj", "nsubjpass"}
            and verb.lemma_.lower() in OFFICIAL_ACTS
            and token.i in self.mentions.party_at
            and self.mentions.party_at[token.i].term.role in {"name", "capital", "seat"}
        )

    def _companies_sell(self, frame: Frame, chain: list[tuple[Token, Cue]]) -> None:
        """ "Hanwha Aerospace signs K9 contract with Romania": a company that signs is the seller,
        whatever the signing verb's slots said."""
        signers = [
            subject
            for token, cue in chain
            if cue.cue_class in {"agree", "negotiate"} or token.lemma_.lower() == "sign"
            for subject in [subject_of(token)[0] if token.pos_ in {"VERB", "AUX"} else None]
            if subject is not None
        ]
        for token, cue in chain:
            verb = governing_verb(token) if cue.pos == "noun" else None
            if verb is not None:
                subject, passive = subject_of(verb)
                if subject is not None and not passive:
                    signers.append(subject)
        buying = any(cue.pos == "verb" and cue.cue_class == "get" for _, cue in chain)
        for signer in list(signers):
            if signer.lower_ in {"it", "its"} and not buying:
                # "ThyssenKrupp Marine Systems said it was terminating its contract with Greece":
                # the pronoun is the company that speaks (unless it signed "to buy")
                speech = next(
                    (a for a in signer.ancestors if a.lemma_.lower() in SPEECH_LEMMAS), None
                )
                speaker = subject_of(speech)[0] if speech is not None else None
                if speaker is not None:
                    signers.append(speaker)
        companies = {
            self.mentions.party_at[index].term.party
            for signer in signers
            for index in self.resolver.phrase_indices(signer)
            if index in self.mentions.party_at
            and self.mentions.party_at[index].term.role == "company"
        }
        if (
            companies
            and frame.suppliers
            and set(frame.recipients) <= companies
            and not companies & set(frame.suppliers)
        ):
            frame.suppliers, frame.recipients = frame.recipients, frame.suppliers

    @staticmethod
    def _stationing(chain: list[tuple[Token, Cue]]) -> bool:
        """ "Soviets install missiles in Syria": weapons placed in a country go to it."""
        return any(cue.lemma in {"install", "station"} for _, cue in chain)

    def _names_origin_text(self, modifier: Token) -> bool:
        return any(modifier.lower_.endswith(suffix) for suffix in MAKER_SUFFIXES)

    def _names_origin(self, modifier: Token) -> bool:
        """ "Iranian drones", "Iranian-made drones", "Lockheed F-16s" name where a weapon comes from;
        a bare state name does not ("Iran arms" are as often arms for Iran), nor does a period or
        a pattern ("Yugoslav-era weapons", "Soviet-style rifles" were bought from anyone)."""
        if _names_period(modifier):
            return False
        for index in [modifier.i, *(t.i for t in modifier.children)]:
            mention = self.mentions.party_at.get(index)
            if mention is not None and mention.term.role in {"demonym", "company"}:
                return True
        if self._names_origin_text(modifier):
            return True  # "U.S.-built stealth jets", one token
        return modifier.lemma_.lower() in BUILD_LEMMAS | {
            "supply",
            "provide",
            "donate",
            "base",
            "origin",
        }

    def _names_supplier(self, modifier: Token) -> bool:
        """Alone on a transfer noun, only a demonym reads as the seller ("American arms sales");
        a bare name is as often the buyer ("Iran arms sales")."""
        mention = self.mentions.party_at.get(modifier.i)
        return mention is not None and mention.term.role == "demonym"

    def _names_state(self, token: Token) -> bool:
        """Whether a token is a state's own name ("Ukraine"), not a city, demonym or group."""
        mention = self.mentions.party_at.get(token.i)
        return (
            mention is not None
            and mention.term.party.kind == "state"
            and mention.term.role in {"name", "alias"}
        )

    def _commissioning_navy(self, weapon_token: Token) -> Party | None:
        """The state whose navy's prefix a ship's name carries ("HMS Diomede": Britain)."""
        mention = self.mentions.weapon_at.get(weapon_token.i)
        if mention is None:
            return None
        doc = self.mentions.doc
        if mention.term.category != "ships":
            return None
        prefix = doc[mention.start].text
        if prefix not in SHIP_PREFIX_STATES and mention.start > 0:
            prefix = doc[mention.start - 1].text  # "INS Vikramaditya", a name the lexicon has
        code = SHIP_PREFIX_STATES.get(prefix)
        return self.lexicons.state_party(code) if code in self.lexicons.states else None

    def _note_item_origin(self, frame: Frame, weapon_token: Token) -> None:
        """The origins named on one item itself ("Chinese-built jets"), not shared with the
        item it is coordinated with."""
        mention = self.mentions.weapon_at.get(weapon_token.i)
        if mention is None:
            return
        parties = self._origins_named_on(weapon_token)
        if not parties:
            return
        label = self.mentions.doc[mention.start : mention.end].text.lower()
        designation = mention.term.canonical if mention.term.kind == "designation" else None
        frame.item_origins.append((label, designation, parties))

    def _weapon_tokens(self, frame: Frame) -> list[Token]:
        """The frame's own item tokens ("Saudi air defences" intercepting a missile are not its items)."""
        return [token for token in frame.sentence if token.i in frame.item_heads]

    def _prep_roles(
        self,
        frame: Frame,
        preps: dict[str, list[Token]],
        role_class: str,
        stationing: bool = False,
        moved: bool = False,
    ) -> None:
        for preposition, objects in preps.items():
            for obj in objects:
                if (
                    preposition in {"to", "for", "into"}
                    and role_class in {"give", "offer", "arrive", "block", "cancel", "agree"}
                    or preposition == "in"
                    and (role_class == "arrive" or stationing)
                ):
                    self._add(frame, "recipient", obj)
                elif (
                    preposition in {"in", "to"}
                    and role_class in {"give", "offer"}
                    and obj.lower_ in REGION_WORDS
                ):
                    # "hoped to sell fighters in Central Europe": a market, no one buyer
                    frame.market = True
                elif preposition in {"at", "near"} and (role_class == "arrive" or stationing):
                    # "installed missiles at two sites in Syria"
                    for place in _preps(obj).get("in", []):
                        self._add(frame, "recipient", place)
                elif preposition == "from" and role_class in {
                    "get",
                    "ask",
                    "arrive",
                    "elaborate",
                    "agree",
                }:  # "launched from North Korea" is a place: use takes its supplier from the weapon
                    self._add(frame, "supplier", obj)
                elif (
                    preposition == "in"
                    and role_class == "get"
                    and "from" not in preps
                    and obj.head.head.lemma_.lower() in BUYING_LEMMAS
                    and self._names_state(obj)
                ):
                    # "at least two were bought in Ukraine": the state bought in sold them
                    self._add(frame, "supplier", obj)
                elif (
                    preposition == "from" and role_class == "give" and moved and not frame.suppliers
                ):
                    # "missiles were exported from Ukrainian stocks": where they left from
                    self._add(frame, "supplier", obj)
                elif preposition in {"through", "via"}:
                    for party in self.resolver.parties(obj):
                        if party not in frame.via:
                            frame.via.append(party)

    def _buyer_around(self, frame: Frame) -> None:
        """The taker named around a transfer with none: "Saudi Arabia is in talks with China
        over the purchase of drones" (the one in talks buys), "Taiwan expects the first Abrams
        tanks to arrive next year" (the one expecting them receives)."""
        if frame.recipients or frame.direction not in {"get", "arrive"}:
            return
        for token in frame.chain:
            holder: Token | None = None
            if (
                token.lemma_.lower() in TALKS_NOUNS
                and token.dep_ == "pobj"
                and token.head.lower_ == "in"
                and token.head.head.lemma_ == "be"
            ):
                holder = token.head.head  # "X is in talks ..."
            elif (
                token.lemma_.lower() in TALKS_NOUNS
                and token.dep_ == "dobj"
                and token.head.lemma_.lower() in {"hold", "open", "begin", "start", "resume"}
            ):
                holder = token.head  # "X held talks ..."
            elif (
                frame.direction == "arrive"
                and token.dep_ in {"ccomp", "xcomp"}
                and token.head.lemma_.lower() in AWAITING_LEMMAS
            ):
                holder = token.head  # "X expects the tanks to arrive"
            if holder is None:
                continue
            for subject in _children(holder, "nsubj"):
                self._add(frame, "recipient", subject)
            return

    def _taker_before_goods(self, goods: Token) -> Token | None:
        """A state's name the parser hung as a compound at the front of a give verb's goods
        ("sold Georgia Kolchuga radar stations"), before the weapon's own name begins."""
        first = goods.left_edge
        mention = self.mentions.party_at.get(first.i)
        if (
            mention is None
            or first.dep_ != "compound"
            or mention.term.role not in {"name", "alias"}
            or mention.term.party.kind != "state"
            or mention.end >= goods.i
            or first.doc[mention.end].i in self.mentions.party_at
        ):
            return None
        following = self.mentions.weapon_at.get(mention.end)
        if following is None and first.doc[mention.end].pos_ != "NUM":
            return None  # "sold Georgia's ..." or a longer name, not a taker before the goods
        return first.doc[mention.end - 1]

    def _add(self, frame: Frame, role: str | None, token: Token) -> None:
        if role is None:
            return
        if (
            token.lower_ in {"which", "who", "that"}
            and token.head.dep_ == "relcl"
            and not self._lists_contents(token.head)
            and (
                token.head.head.i in self.mentions.party_at
                or _actor_word(token.head.head) not in PERSON_ACTOR_NOUNS | {None}
            )
        ):
            # "Russia, which last year gave the Philippines rifles", "The air force, which has
            # flown Gripens since 2011": the relative pronoun is the party the clause hangs on
            token = token.head.head
        if token.lower_ in {"we", "us", "our"}:
            frame.first_person_roles.add(role)
            return
        if token.lower_ in {"whoever", "whatever", "anyone", "anybody", "someone", "somebody"}:
            frame.indefinite = True
            return
        parties, official = self.resolver.official_parties(token)
        if (official and _acts(token)) or (parties and self._signs(token)):
            # "the Defence Ministry delivered", "approved by President Bush": a government
            # acting on the record; one only given to ("gave the Philippine military rifles")
            # performs no act
            frame.official_actor = True
        if not parties:
            if token.lemma_.lower() in ANAPHORIC_NOUNS and any(
                child.dep_ in {"det", "amod"}
                and child.lower_ in INDEFINITE_WORDS
                or child.dep_ == "nummod"
                for child in token.children
            ):
                if role == "recipient" or not any(
                    child.lower_ in {"the", "these", "those"} for child in token.children
                ):
                    # "to a country in Latin America", "delivered to 25 countries": buyers the
                    # story does not name, not one it named before; but "the two governments
                    # were negotiating the sale" are the two sides, told elsewhere
                    frame.market = True
            elif token.lower_ in PRONOUNS or token.lemma_.lower() in ANAPHORIC_NOUNS:
                frame.unresolved_roles.add(role)
            elif role == "supplier" and _names_firm(token):
                # a maker the lexicon does not know ("The Boeing Company delivered two
                # F-15Is"): the seller is read from its goods or the story
                pass
            elif _actor_word(token) is not None and any(
                child.dep_ in {"det", "predet", "amod"} and child.lower_ in EITHER_WORDS
                for child in token.children
            ):
                # "denied giving weapons to either side": no one side, and none named
                frame.nonparty_roles.add(role)
            elif (word := _actor_word(token)) is not None:
                frame.unnamed_state_roles.add(role)
                frame.unnamed_actor_words.add(word)
            elif token.pos_ in {"NOUN", "PROPN"} and token.i not in self.mentions.weapon_at:
                # "sold jets to four airlines": the text names a taker that is no state or group;
                # "supplied the rebels": a group the story does not tell apart
                frame.nonparty_roles.add(role)
                if token.lemma_.lower() in GROUP_NOUNS:
                    frame.group_roles.add(role)
            return
        target = frame.suppliers if role == "supplier" else frame.recipients
        for party in parties:
            if party not in target:
                target.append(party)

    def _items(self, weapons: list[WeaponMention], frame: Frame) -> list[Item]:
        doc = frame.sentence.doc
        by_head: dict[int, Item] = {}
        order: list[int] = []
        for weapon in weapons:
            head_token = doc[weapon.head]
            # a designation modifying a generic noun ("Shahed-136 drones") belongs to that noun's item
            target = head_token
            if weapon.term.kind == "designation":
                parent = head_token.head
                # only a modifier joins its head's item ("K2 tanks"), not a conjunct ("tanks and
                # K9s"); up a chain of them ("M1A2T Abrams main battle tanks" is one item)
                current, current_term = head_token, weapon.term
                for _ in range(3):
                    above = current.head
                    above_weapon = self.mentions.weapon_at.get(above.i)
                    if not (
                        above_weapon is not None
                        and above.i != current.i
                        # "T-90MS tanks" may come out as a number on the noun
                        and current.dep_ in {"compound", "amod", "nmod", "npadvmod", "nummod"}
                        and (
                            _same_family(above_weapon.term.category, current_term.category)
                            # "Hawk jet trainers": a platform noun says what an ambiguous name is
                            or above_weapon.term.category in PLATFORM_CATEGORIES
                        )
                    ):
                        break
                    # the item is keyed by the head of the mention above ("patrol boats"), not
                    # the word the parser hung the designation on ("patrol")
                    target = doc[above_weapon.head]
                    if above_weapon.term.kind != "designation":
                        break
                    current, current_term = target, above_weapon.term
                if target.i == head_token.i:
                    # "HIMARS rocket systems": a generic sibling under the same head joins the designation
                    sibling = next(
                        (
                            t
                            for t in parent.children
                            if t.i != head_token.i
                            and t.i in self.mentions.weapon_at
                            and self.mentions.weapon_at[t.i].term.kind == "generic"
                            and t.dep_ in {"compound", "amod"}
                        ),
                        None,
                    )
                    if sibling is not None and sibling.i in by_head:
                        del by_head[sibling.i]
                        order.remove(sibling.i)
            key = target.i
            if key not in by_head:
                term = (
                    self.mentions.weapon_at[target.i].term
                    if target.i != head_token.i
                    else weapon.term
                )
                label_span = doc[
                    self.mentions.weapon_at[target.i].start : self.mentions.weapon_at[target.i].end
                ]
                by_head[key] = Item(
                    category=term.category,
                    label=label_span.text.lower() if term.kind == "generic" else label_span.text,
                    designation=term.canonical if term.kind == "designation" else None,
                    quantity=quantity_of(np_head(target), self.mentions.name_tokens)
                    or quantity_of(target, self.mentions.name_tokens),
                )
                order.append(key)
            if weapon.term.kind == "designation":
                item = by_head[key]
                if item.category in PLATFORM_CATEGORIES and weapon.term.category != item.category:
                    # "Hawk jet trainers": the platform noun says what the ambiguous name is
                    continue
                if item.category == "ammunition" and weapon.term.category != "ammunition":
                    continue  # "HIMARS ammunition", "Leopard tank rounds": what it is fired from
                item.designation = item.designation or weapon.term.canonical
                item.category = weapon.term.category
                if item.quantity is None and target.i != head_token.i:
                    # "108 M1A2T Abrams tanks" with the count hung on the designation
                    item.quantity = quantity_of(head_token, self.mentions.name_tokens)
        items = [by_head[key] for key in order]
        specific = [item for item in items if item.category != "unspecified"]
        unique: list[Item] = []
        seen = set()
        for item in specific or items:
            key2 = (item.category, item.label, item.designation)
            if key2 not in seen:
                seen.add(key2)
                unique.append(item)
        return unique
