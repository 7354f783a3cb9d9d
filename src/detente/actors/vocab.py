"""Named vocabularies and thresholds of the actor stage (data, not logic).

Codes follow CAMEO's actor-type table; word lists are the closed classes rule-based
recognition and coreference need (determiners, pronouns, speech verbs).
"""

from __future__ import annotations

#: CAMEO sector (actor type) codes a sector term may map to.
SECTOR_CODES = frozenset({
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF",
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI",
    "LAB", "LEG", "MED", "REF", "MOD", "RAD", "PKO", "SET", "NGO", "MNC", "REL",
})  # fmt: skip

#: First segments of a composite code that are not countries (international/transnational types).
TRANSNATIONAL_CODES = frozenset({"IGO", "NGO", "IMG", "INT", "MNC", "NGM", "UIS"})

#: The kinds allowed in each file.
COUNTRY_KINDS = frozenset({"country", "territory", "historical", "region"})
ORGANISATION_KINDS = frozenset({"igo", "ngo", "body"})
#: "state": a named institution of a state (institutions.yaml), coded country + sector.
GROUP_KINDS = frozenset({"armed", "party", "movement", "state"})

#: Mention kinds, as stored in ``Mention.kind``.
MENTION_KINDS = (
    "country", "adjective", "igo", "group", "person", "sector", "pronoun", "description",
    "metonym",
)  # fmt: skip

#: CAMEO composite codes carry a country and at most this many sector segments (RUSGOVMIL).
MAX_SECTORS = 2

#: A name introduced by a role ("Minister Anatoly Antonov") has at most this many tokens.
MAX_NAME_TOKENS = 4

#: Nouns that head an actor phrase after an adjective and sectors without adding a code
#: ("the Russian military delegation" is RUSMIL; "the Russian side" is RUS).
GROUP_NOUNS = frozenset({
    "delegation", "delegations", "side", "team", "envoy", "envoys", "representative",
    "representatives", "leadership", "leaders", "leader", "counterpart", "counterparts",
})  # fmt: skip

#: Group nouns that name one person: a name may follow ("North Korean leader Kim Jong Un").
PERSON_NOUNS = frozenset({"leader", "envoy", "representative", "counterpart"})

#: Regions named by a compass word are actors only as "the West" ("West Bengal" is not WST).
COMPASS_REGIONS = frozenset({"West", "East", "North", "South"})

#: Sectors of institutions fixed in a place: the place gives the country ("a court in Bishkek",
#: "an Istanbul court"); troops or officials in a place are not that place's.
PLACED_SECTORS = frozenset({"JUD"})

#: Sector terms that are also adjectives ("military force"): alone they are an actor only
#: as "the military" followed by a verb or punctuation.
ADJECTIVE_SECTORS = frozenset({
    "military", "judiciary", "opposition", "government", "police", "media", "press",
    "security", "intelligence", "business", "defence", "defense", "civilian",
})  # fmt: skip
#: Of those, the ones that head a phrase only as the body ("police arrested him", "soldiers
#: and police"): with the parse saying it heads its phrase, no "the" is needed.
BARE_HEAD_SECTORS = frozenset({"police"})

DEFINITE = frozenset({"the"})
#: Possessive words before a sector noun: it heads its phrase as after "the" ("its army").
POSSESSORS = frozenset({"whose", "its", "their", "his", "her"})
#: Bodies named without "the", capitalised, as a proper name ("Congress passed", "asking
#: Parliament to"): they head their phrase like "the government".
PROPER_BODY_TERMS = frozenset({"congress", "parliament", "cabinet"})
#: Nouns that stand for the country an article is talking about ("the country's army").
COUNTRY_NOUNS = frozenset({"country", "nation", "kingdom", "republic", "state"})
PERSONAL_PRONOUNS = {"he": "he", "she": "she", "they": "they"}

#: Verbs of saying (and stance) that make a pronoun subject worth resolving.
SPEECH_VERBS = frozenset({
    "said", "says", "say", "stressed", "stresses", "added", "adds", "noted", "notes", "told",
    "tells", "stated", "states", "declared", "declares", "insisted", "insists", "warned",
    "warns", "argued", "argues", "explained", "explains", "emphasised", "emphasized",
    "underlined", "reminded", "reminds", "recalled", "recalls", "announced", "announces",
    "claimed", "claims", "believes", "believed", "thinks", "thought", "asserted", "urged",
    "urges", "suggested", "suggests", "pointed", "summed", "concluded", "continued",
    "replied", "responded", "confirmed", "denied", "admitted", "acknowledged", "wrote",
    "writes", "called", "demanded", "proposed", "promised", "vowed", "pledged", "assured",
    "expressed", "hoped", "hopes", "feared", "fears", "complained", "criticised",
    "criticized", "welcomed", "condemned", "accused",
})  # fmt: skip

#: "he is confident", "she was sure": a copula and a stance adjective also attribute speech.
COPULAS = frozenset({"is", "was", "are", "were", "'s", "’s"})
STANCE_ADJECTIVES = frozenset({
    "confident", "sure", "certain", "convinced", "adamant", "optimistic", "pessimistic",
    "hopeful", "concerned", "worried", "firm", "clear",
})  # fmt: skip

#: Adverbs allowed between a pronoun and its speech verb ("he also said").
SPEECH_ADVERBS = frozenset({"also", "further", "then", "later", "again", "earlier", "has", "had"})

#: Closing quotation marks: a pronoun right after ``,”`` is in a quote attribution.
CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "»"})

#: Words that separate name tokens from the following text (never part of a name).
NAME_STOP_WORDS = frozenset({"The", "A", "An", "In", "On", "At", "And", "But", "Or", "Of"})

#: Honorifics before a surname ("Mr Shamir", "Mrs Thatcher"): the name is a person's.
HONORIFICS = frozenset({
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady",
    "Madame", "Mme", "Monsieur", "Herr", "Frau",
})  # fmt: skip
#: Titles and ranks that stand before a surname ("General Petraeus", "Sen. Kerry") besides
#: the dictionary's sector terms: a capitalised word before a surname that is none of these
#: is another person's given name ("Ian Blair" is not Tony Blair).
SURNAME_TITLES = frozenset({
    "general", "gen", "colonel", "col", "admiral", "adm", "lieutenant", "lt", "major", "maj",
    "captain", "capt", "sergeant", "sgt", "marshal", "commander", "secretary", "commissioner",
    "chairman", "chairwoman", "chair", "director", "judge", "justice", "sen", "rep", "gov",
    "pres", "premier", "speaker", "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam",
    "ayatollah", "sheikh", "emir", "sultan", "prince", "princess", "queen", "king", "mayor",
    "deputy", "vice", "chief", "leader", "spokesman", "spokeswoman", "professor", "prof",
})  # fmt: skip
#: Words that can stand before a country's name without making a longer proper name of it
#: ("Communist China", "Nazi Germany", "Greater Syria").
COUNTRY_PREMODIFIERS = frozenset({
    "Communist", "Nazi", "Fascist", "Imperial", "Tsarist", "Czarist", "Vichy", "Weimar", "Red",
    "Free", "Greater", "Mainland", "Occupied", "Independent", "Modern", "Ancient", "Post-war",
    "Postwar", "Wartime", "Prewar", "Pre-war", "Socialist", "Democratic", "Federal", "Royal",
})  # fmt: skip
#: Months and weekdays: a capitalised word next to a country that is no part of a name.
CALENDAR_WORDS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday",
})  # fmt: skip
#: Finite verbs after which a bare singular demonym is a person's name ("Finn said").
NAME_SUBJECT_VERBS = SPEECH_VERBS | frozenset(
    {"is", "was", "has", "had", "will", "would", "did", "does", "could", "can", "says"}
)
#: Words before a demonym that make it a common noun ("a Finn", "the Pole", "one Dane").
NOUN_DETERMINERS = frozenset({
    "a", "an", "the", "one", "another", "each", "every", "any", "no", "this", "that", "his",
    "her", "their", "our", "its", "my", "your", "young", "old", "elderly", "fellow", "former",
})  # fmt: skip

#: Spelling variants folded together when comparing titles ("Defense" ~ "Defence").
SPELLING_FOLDS = {"defense": "defence", "organization": "organisation", "labor": "labour"}

#: Words of a title that say nothing about the role ("Minister of Defence").
TITLE_STOP_WORDS = frozenset({"of", "the", "for", "and", "to", "in", "on", "affairs"})

#: A sector term names a person (not a body) when its last word is one of these or ends so:
#: "the deputy minister" can be "he"; "the government" cannot.
PERSON_HEAD_WORDS = frozenset({
    "president", "secretary", "official", "chief", "head", "envoy", "general", "king", "queen",
    "emir", "sultan", "premier", "judge", "imam", "priest", "monarch", "deputy", "aide",
    "diplomat", "delegate", "representative", "militant", "rebel", "prince", "princess",
    "cleric", "mullah", "ayatollah", "bishop", "pope", "rabbi", "mufti", "sheikh", "colonel",
    "captain", "admiral", "marshal", "lieutenant", "sergeant", "major", "dictator", "ruler",
    "candidate", "nominee", "attache", "consul", "activist", "journalist", "analyst",
})  # fmt: skip
PERSON_HEAD_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person")
NOT_PERSON_HEADS = frozenset({
    "border", "order", "headquarters", "chamber", "center", "centre",
    # bodies and firms, though they end like a person's noun ("the newspaper said")
    "newspaper", "broadcaster", "manufacturer", "exporter", "importer",
})  # fmt: skip

#: A capital after these is a place ("the Council in Lisbon"), not its government acting.
PLACE_PREPOSITIONS = frozenset({
    "in", "at", "to", "from", "near", "outside", "inside", "into", "via", "around", "through",
    "of", "toward", "towards", "across", "within",
})  # fmt: skip

#: Nouns of an act whose "from" names who acts: a capital there is its government ("pressure
#: from Washington", "a warning from Moscow"), not the place something came from.
ACTS_FROM_NOUNS = frozenset(
    "pressure pressures support backing criticism criticisms demand demands call calls appeal "
    "appeals request requests warning warnings threat threats message messages signal signals "
    "response reaction objection objections opposition condemnation aid assistance help "
    "approval orders instructions invitation invitations offer offers proposal proposals "
    "protest protests complaint complaints".split()
)
#: Nouns of a transfer whose "to" names the state that receives it: a capital there is its
#: government ("arms shipments to Tehran", "aid to Managua"), not a destination.
TRANSFER_TO_NOUNS = frozenset(
    "shipment shipments sale sales aid assistance loan loans credit credits delivery "
    "deliveries transfer transfers exports".split()
)

#: Role titles of heads of state or government: among namesakes in office, one of these wins.
HEAD_TITLES = (
    "president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "sultan",
    "taoiseach", "supreme leader", "acting president", "interim president", "acting prime",
    "caretaker prime", "transitional president", "general secretary", "chairman of",
)  # fmt: skip
NOT_HEAD_WORDS = ("exchequer", "vice", "deputy", "university", "senate", "assembly")

#: Nouns that, right after a capital, make it part of the name of an agreement, a meeting or
#: an attack ("the Oslo accords", "the Geneva talks", "the Paris attacks"): a name, not the
#: government.
NAMED_AFTER_PLACE_NOUNS = frozenset(
    "accord accords agreement agreements talks process protocol protocols summit summits "
    "conference conferences format declaration declarations deal deals treaty treaties "
    "convention conventions communique communiqué framework memorandum negotiations round "
    "rounds understanding understandings document documents plan initiative "
    "attack attacks bombing bombings blast blasts massacre massacres shooting shootings siege "
    "riot riots protest protests uprising".split()
)
#: Nouns a country's name before them only labels: "the Iran scandal", "the Iran arms affair"
#: (the Iran-contra affair is a US scandal; Iran does nothing in it).
NAMED_AFTER_COUNTRY_NOUNS = frozenset({"scandal", "affair"})
#: Words allowed between such a capital and its noun ("the Oslo peace accords").
NAMED_AFTER_PLACE_MODIFIERS = frozenset(
    "peace climate nuclear ceasefire cease-fire trade arms security interim final".split()
)


#: Words of the names of bodies, treaties, places and media, never of a person's name.
NOT_PERSON_WORDS = frozenset(
    "forces force army armed navy corps guard guards brigade brigades treaty accord agreement "
    "council party ministry committee commission agency union front group organisation "
    "organization association movement alliance republic state states kingdom nations bank "
    "fund office department assembly parliament congress senate house service services "
    "company corporation news times post television radio network court tribunal university "
    "institute centre center foundation authority police police force government cabinet "
    "city province region island islands river sea gulf street square airport "
    "international national federal democratic islamic liberation revolutionary".split()
)
