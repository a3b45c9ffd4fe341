"""Actors: who a noun phrase names, as one of the addressee classes.

Rules (each a fact about how the campaign's texts name the parties):

* Seoul, "our government", the ministries, the president, the National
  Assembly and "lawmakers" name ``south_korea_government``: "The Unification
  Ministry should speak up."
* Beijing, "the Chinese authorities", Xi Jinping name ``china``.
* Pyongyang, "the Kim regime", "the North" name ``north_korea``.
* The U.N. and its bodies, "the international community", "the world",
  democracies and governments together name ``international_community``.
* A place is not an actor: "in Seoul", "to China", "from Pyongyang" (a
  look-behind on place prepositions); its office is, after any preposition:
  "to Laos's Minister of Public Security".
* "we", readers, citizens name ``public``; defectors, families, detainees are
  the people a call is about (victims), never the ones asked to act.
* A nationality with any office of its state names that state: "British
  diplomats", "Chinese negotiators", "American policy"; so does an office "of"
  a country, whatever office it is: "the Minister of Foreign Affairs of the
  Lao PDR" is Laos's, not Seoul's foreign minister.
* "Every supporter", "each reader" are the public as much as "supporters", and
  so are the members of the writer's own community ("each household in our
  village", "every member of this congregation").
* One office is one mention: "the Lao Minister of Public Security" is Laos's,
  though China's ministry is called so too; a name inside a longer mention of
  another class does not count.
* A mailing's "Dear friend" greets the readers.
* Every state has a Minister of Foreign Affairs: named without its country, it
  is the text's own state's, as "the Government" is; Unification is Seoul's.
* Donors, delegations, unnamed countries and groups of organisations together
  are the ``international_community``; "DPR Korea" is the North.
* "EU member states", "ASEAN governments": several states, which ones said by
  the name before them.
* A state's neighbours, allies, partners or friends are other states, together
  the ``international_community``: "China's neighbours" are not China.

Each pattern is compiled behind a cheap look-ahead on its first character;
``ACTOR_SOURCES`` keeps the plain sources, so a test can check that the gate
hides no match.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Place prepositions: "in Seoul", "to the Republic of Korea", "of China" name a
# place, not an actor. (Look-behinds have a fixed width, hence one per form.)
_NOT_PLACE = "".join(
    rf"(?<!\b{prep} )(?<!\b{prep} the )"
    for prep in ("in", "into", "to", "from", "via", "of", "at", "across", "near", "inside")
)
# "the Government of Canada", "the authorities in Pyongyang": an office *of* a
# place is an actor, although "of"/"in" before the place's name usually is not. A
# diplomat is "of" the state that sends them, and only posted "in" another
# ("the Ambassador of the People's Republic of China", "the Chinese ambassador in London").
# A court or cabinet "of" a state is that state acting ("the Supreme Court of Japan").
_OFFICE_OF = (
    r"\b(?:(?:[Gg]overnments?|[Aa]uthorities|[Oo]fficials|[Pp]olice|[Ll]eaders(?:hip)?"
    r"|[Ee]mbass(?:y|ies)|[Pp]resident|[Pp]rime\s+[Mm]inister|[Pp]arliament"
    r"|[Mm]inist(?:ry|er)\s+(?:of|for)\s+[A-Z]\w+(?:\s+(?:and\s+)?[A-Z]\w+)?"
    r"|[Ff]oreign\s+[Mm]inist(?:ry|er)"
    # a state's other organs: "the Supreme People's Court of the People's Republic of China"
    r"|[Cc]ourts?|[Jj]udiciary|[Pp]rocuratorate|[Cc]abinet)\s+(?:of|in)"
    r"|(?:[Aa]mbassadors?|[Cc]onsul(?:ate)?s?|[Mm]issions?)\s+of)\s+(?:the\s+)?"
)
_OFFICE_OF_FIRST = "GgAaOoPpLlEeMmFfCcJj"


def _place(names: str) -> str:
    """A place's name as an actor: the name itself, or an office of it."""
    # the look-ahead first: the place look-behinds run only where a name starts
    # "to Laos's Minister of Public Security": a state's office, after any preposition
    owned = (
        rf"|\b(?:{names})(?=[’']s\s+(?:new\s+|own\s+)?(?:[A-Z][\w-]+\s+){{0,2}}?"
        r"(?:Minist|[Gg]overnment|[Ee]mbassy|President|Prime\s+Minister|[Aa]mbassador"
        r"|[Aa]uthorities|[Pp]olice|[Oo]fficials|[Pp]arliament))"
    )
    return rf"{_OFFICE_OF}(?:{names})\b|(?=(?:{names})\b){_NOT_PLACE}\b(?:{names})\b" + owned


# Countries other than the three the campaign is about: each is ``other`` on
# its own, several together are the international community.
_OTHER_COUNTRIES = (
    r"United\s+States|U\.\s?S\.(?:\s?A\.)?|US|USA|America|Japan|Canada|Mongolia|Russia"
    r"|European\s+Union|EU|United\s+Kingdom|UK|U\.K\.|Britain|Germany|France|Australia"
    r"|Thailand|Laos|Lao\s+PDR|Lao\s+People[’']s\s+Democratic\s+Republic|Vietnam|Cambodia|Philippines|India|Taiwan|Singapore|Malaysia|Indonesia"
    r"|Myanmar|Sweden|Norway|Netherlands|Italy|Spain|Switzerland|Poland|Ireland|New\s+Zealand"
    r"|Washington|Tokyo|Ottawa|Ulaanbaatar|Moscow|Brussels|London|Berlin|Paris|Canberra"
    r"|Bangkok|Vientiane|Hanoi|Phnom\s+Penh|Manila|New\s+Delhi|Vatican|Holy\s+See|Europe"
)
_OTHER_PEOPLES = (
    r"American|U\.S\.|US|Japanese|Canadian|Mongolian|Russian|British|UK|German|French"
    r"|Australian|Thai|Lao|Laotian|Vietnamese|Cambodian|Philippine|Indian|Taiwanese"
    r"|European|EU|Swedish|Norwegian|Dutch|Italian|Spanish|Swiss|Polish|Irish"
)

# What a state acts through: "British diplomats", "Chinese ministers", "American
# policy" name that state's government.
_OFFICES = (
    r"[Gg]overnment|[Aa]dministration|[Aa]uthorities|officials|diplomats|[Mm]inisters?"
    r"|[Mm]inistry|[Pp]resident|[Pp]rime\s+[Mm]inister|[Pp]arliament|lawmakers|legislators|MPs"
    r"|Congress|senators|[Ee]mbass(?:y|ies)|[Cc]onsulates?|[Mm]ission|[Aa]mbassador|envoys?"
    r"|[Dd]elegation|negotiators|leaders(?:hip)?|police|courts?|[Ff]oreign\s+[Mm]inist(?:er|ry)"
    r"|[Ff]oreign\s+[Oo]ffice|policy|side|state|Union"
)

# (addressee, the characters every alternative of the pattern starts with, pattern)
ACTOR_SOURCES: tuple[tuple[str, str, str], ...] = (
    (
        "south_korea_government",
        "OoTtSMNCFUlLYPKRG" + _OFFICE_OF_FIRST,
        r"\bSouth Korea[’']s\s+(?:new\s+|own\s+)?(?:government|administration|president"
        r"|foreign\s+ministry|foreign\s+minister|diplomats|authorities)\b"
        r"|\b(?:[Oo]ur|[Tt]he)\s+(?:new\s+|own\s+)?(?:unification ministry|unification minister)\b"
        r"|\b(?:[Tt]he\s+)?South\s+Korean\s+(?:" + _OFFICES + r"|unification\s+minist(?:er|ry))\b"
        r"|\b(?:[Tt]he\s+)?Korean\s+(?:government|administration|president"
        r"|foreign\s+minist(?:er|ry)|unification\s+minist(?:er|ry)|authorities"
        r"|diplomats|embassy|consulate|mission|ambassador)\b"
        r"|\b[Tt]he\s+Seoul\s+government\b"
        r"|(?<!Chinese )(?<!North Korean )\bUnification\s+Ministry\b"
        r"|(?<!Chinese )(?<!North Korean )\b(?:South\s+Korean\s+)?Minist(?:ry|er)\s+of\s+"
        r"Unification\b(?!\s+(?:of|in)\s+(?:the\s+)?[A-Z])"
        r"|\bSouth\s+Korean\s+Minist(?:ry|er)\s+of\s+Foreign\s+Affairs\b"
        r"|\bNational\s+Assembly\b|\bCheong\s+Wa\s+Dae\b|\b[Tt]he\s+Blue\s+House\b"
        r"|\bSouth\s+Korea[’']s\s+(?:parliament|lawmakers)\b"
        r"|\b(?:[Tt]he\s+)?(?:Yoon(?:\s+Suk[- ][Yy]eol)?|Moon(?:\s+Jae[- ][Ii]n)?"
        r"|Lee(?:\s+Jae[- ][Mm]yung|\s+Myung[- ][Bb]ak)?|Park(?:\s+Geun[- ][Hh]ye)?)"
        r"\s+(?:government|administration)\b"
        r"|\bPresident\s+(?:Yoon|Moon|Lee\s+Jae[- ][Mm]yung|Park\s+Geun[- ][Hh]ye)\b"
        r"|\bROK\b"
        r"|"
        # not the end of "the Democratic People's Republic of Korea"
        + _place(
            r"South\s+Korea(?![a-zA-Z])|(?<!People[’']s )Republic\s+of\s+Korea|Seoul(?!\s+National)"
        )
        + r"|(?=Korea\b)"
        + _NOT_PLACE
        + r"(?<!North )(?<!South )(?<!of )(?<!DPR )\bKorea\b(?![a-zA-Z])",
    ),
    # "the government", "our government": the government of the country the text
    # comes from (its dateline, its header); South Korea's unless the text says
    # otherwise (see layout.home).
    (
        "home",
        "OoTtLlFMGPp",
        r"\b[Oo]ur\s+(?:new\s+|own\s+|current\s+)?(?:[Gg]overnment|[Aa]dministration)\b"
        r"|\b(?:[Oo]ur|[Tt]he)\s+(?:new\s+|own\s+|current\s+)?(?:[Gg]overnment|[Aa]dministration"
        r"|[Pp]resident|[Ff]oreign\s+[Mm]inistry|[Ff]oreign\s+[Mm]inister|diplomats|authorities)\b"
        r"(?!\s+(?:of|in)\s+(?:the\s+)?[A-Z])"
        r"|\b[Oo]ur\s+(?:political\s+)?(?:leaders(?:hip)?|officials|politicians|lawmakers)\b"
        r"|(?<!Chinese )(?<!North Korean )(?<!US )(?<!U\.S\. )(?<!American )(?<!Japanese )"
        r"\b(?:Foreign\s+Ministry(?!\s+(?:of|in)\s+(?:the\s+)?[A-Z])|[Ll]awmakers|[Ll]egislators)\b"
        # every state has a minister of foreign affairs: without its country, the text's own
        r"|(?<!Chinese )(?<!North Korean )(?<!Korean )\bMinist(?:ry|er)\s+of\s+Foreign\s+Affairs\b"
        r"(?!\s+(?:of|in)\s+(?:the\s+)?[A-Z])"
        # a parliament and its members, without a country: the text's own
        r"|(?<!European )\bParliament\b(?!\s+(?:of|in)\b)|\bMPs\b|\b[Pp]arliamentarians\b"
        # a parliament's "the Minister": the minister who answers to it; "Ministers
        # should ..." opening a sentence: the government's ministers
        r"|\b[Tt]he\s+[Mm]inister\b(?!\s+(?:of|for)\b)|(?<![\w,;] )\bMinisters\b(?!\s+(?:of|for)\b)"
        # a parliament named again without its country: "the Assembly"
        r"|\b[Tt]he\s+Assembly\b"
        # a headline drops the article: "Government must raise the returns with Beijing"
        r"|(?<![\w,;] )\bGovernment\b(?!\s+(?:of|in)\b)",
    ),
    # "the State party": the state whose report a treaty body reviews (layout.reviewed)
    ("state_party", "Ss", r"\b[Ss]tates?[ -][Pp]arty\b"),
    (
        "north_korea",
        "NTtKPDM" + _OFFICE_OF_FIRST,
        r"\bNorth\s+Korean\s+(?:regime|government|authorities|leader(?:ship)?"
        r"|officials|guards|border\s+guards|security\s+agents|dictator(?:ship)?|state)\b"
        r"|\bNorth\s+Korea[’']s\s+(?:Ministry|government|regime|authorities|leader)"
        r"|\b[Tt]he\s+Kim\s+(?:regime|dynasty|family)\b|\bKim\s+Jong[- ]?(?:un|Un|Eun|il|Il)\b"
        r"|\bDPRK\b(?!\s+nationals)|\bMinist(?:ry|er)\s+of\s+State\s+Security\b"
        r"|"
        + _place(
            r"North\s+Korea(?![a-zA-Z])|Democratic\s+People[’']s\s+Republic\s+of\s+Korea"
            r"|DPR\s+Korea|Pyongyang"
        )
        + r"|(?=[Tt]he\s+North\b)"
        + _NOT_PLACE
        + r"\b[Tt]he\s+North\b(?![\s-]Korean)",
    ),
    (
        "china",
        "CXPTtBMpJLHYGSDKp" + _OFFICE_OF_FIRST,
        r"\bChinese\s+(?:" + _OFFICES + r"|border\s+guards|Communist\s+Party)\b"
        r"|\bXi(?:\s+Jinping)?\b(?![’'-]an)|\bPresident\s+Xi\b|\b[Tt]he\s+(?:CCP|CPC)\b|\bPRC\b"
        r"|\bMinist(?:ry|er)\s+of\s+Public\s+Security\b"
        # a province's or city's offices are the Chinese state's: "the Liaoning
        # authorities", "the Jilin Provincial Public Security Department"
        r"|\b(?:Jilin|Liaoning|Heilongjiang|Yunnan|Guangxi|Shandong|Yanbian|Dandong|Shenyang"
        r"|Changchun|Tumen|Yanji|Hunchun|Helong|Tonghua|Harbin|Kunming)\s+(?:[Pp]rovincial\s+"
        r"|[Mm]unicipal\s+|[Pp]refecture\s+|[Cc]ity\s+|[Bb]order\s+)?(?:authorities|government"
        r"|police|officials|[Pp]ublic\s+[Ss]ecurity|[Bb]order\s+[Dd]efen[cs]e)\b"
        r"|\b[Pp]ublic\s+[Ss]ecurity\s+(?:[Bb]ureaus?|officers|police|authorities)\b"
        r"|" + _place(r"China|Beijing|People[’']s\s+Republic\s+of\s+China"),
    ),
    (
        "international_community",
        "TtUuDdMmOoGgFfAaSsHhCcWwNnEeIi",
        r"(?i:\bthe\s+international\s+community\b|\bthe\s+United\s+Nations\b"
        r"|\bUNHCR\b|\bthe\s+world\b(?![’']s)|\bdemocracies\b"
        r"|\bdemocratic\s+(?:countries|nations|governments)\b|\bmember\s+states\b"
        r"|\bthe\s+(?:Security|Human\s+Rights)\s+Council\b|\bother\s+(?:countries|nations)\b"
        r"|\b(?:foreign\s+)?governments\b|\bthe\s+West\b|\ballies\b"
        r"|\bsignatory\s+(?:states|countries|nations)\b|\bdelegations\b|\bdonors\b"
        r"|\bdonor\s+(?:countries|governments|states)\b)"
        # the seat of the UN's human rights bodies, named for them as Beijing for China
        r"|"
        + _place(r"Geneva")
        + r"|\bU\.\s?N\.|\bUN\b|\bHigh\s+Commissioner\b|\bSpecial\s+Rapporteur\b"
        r"|\bGeneral\s+Assembly\b|\bCommittee\s+against\s+Torture\b|\bCEDAW\b"
        # international organisations and groups of states
        r"|\bSecretary[- ]General\b|\bInterpol\b|\bINTERPOL\b|\bNATO\b|\bG-?(?:7|8|20)\b"
        r"|\bASEAN\b|\bOSCE\b|\bAfrican\s+Union\b"
        r"|\b(?:[Mm]embers|[Dd]elegat(?:es|ions))\s+of\s+(?:the|this)\s+(?:Council|Committee|General)\b"
        r"|\b(?:[Aa]ll|[Oo]ther|[Nn]eighbou?ring|[Tt]ransit|[Ff]riendly)\s+(?:countries|[Ss]tates)\b"
        r"|(?<!United )\bStates\b(?!\s+(?:Department|of\s+America))"
        # states in lower case, when they cannot be the verb: "other states", a subject
        # "states" alone ("states that resettle refugees should ...", its clause cut off)
        r"|\b(?:[Aa]ll|[Oo]ther|[Mm]any|[Mm]ost|[Ss]everal|[Ss]ome|[Tt]hese|[Tt]hose|[Tt]he)\s+"
        r"states\b(?!\s+that\b)|^states$"
        r"|\bcountries\s+(?:through|in\s+the\s+region|of\s+transit)\b",
    ),
    (
        "other",
        "TtUuAaJjCcMmRrEeBbGgFfLlIiPpSsNnVvWwOoDdHh" + _OFFICE_OF_FIRST,
        r"\b(?:the\s+)?(?:" + _OTHER_PEOPLES + r")\s+(?:" + _OFFICES + r")\b"
        r"|\b(?:[Tt]he\s+)?(?:White\s+House|State\s+Department|Foreign\s+Office|Foreign\s+Secretary"
        r"|Secretary\s+of\s+State|Global\s+Affairs\s+Canada|Congress|Home\s+Office"
        r"|Home\s+Secretary|House\s+of\s+(?:Commons|Representatives)|Senate|National\s+Diet"
        r"|Diet|Bundestag)\b"
        r"|" + _place(_OTHER_COUNTRIES),
    ),
)


def _gated(first_chars: str, pattern: str) -> re.Pattern[str]:
    """Compile ``pattern`` behind a cheap test of the first character.

    Every alternative of the pattern must start at a word boundary with one of
    ``first_chars``; the look-ahead lets the engine skip all other positions
    quickly.
    """
    return re.compile(f"\\b(?=[{first_chars}])(?:{pattern})")


ACTOR_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (addressee, _gated(first_chars, source)) for addressee, first_chars, source in ACTOR_SOURCES
)


PUBLIC_RE = re.compile(
    r"\b(?:we|us|our\s+(?:society|nation|country|citizens|readers)|readers|everyone|everybody"
    r"|(?:every|each|any)\s+(?:reader|supporter|citizen|member\s+of\s+the\s+public)"
    # the writer's own community: "each family in our parish", "every member of this church"
    r"|(?:every|each|all\s+the|all)\s+(?:famil(?:y|ies)|households?|members?|persons?|one|people)"
    r"\s+(?:in|of)\s+(?:our|this|your)\b"
    r"|anyone|anybody"
    r"|citizens|all\s+of\s+us|each\s+of\s+us|you|the\s+public|civil\s+society|ordinary\s+people"
    # a mailing's greeting: "Dear friend", "Dear supporter"
    r"|^(?:friend|supporter|reader)$"
    r"|(?<!North\s)(?:South\s+)?Koreans|young\s+people|voters|churches|activists|campaigners|supporters"
    r"|friends|colleagues|Americans|Canadians|Britons|Australians|Europeans|New\s+Zealanders"
    r"|protesters|demonstrators|volunteers|marchers|parishioners|congregations"
    # people by what they use or buy: "Users who think they are at risk are encouraged ..."
    r"|users|consumers|customers|viewers|listeners)\b",
    re.IGNORECASE,
)

VICTIM_RE = re.compile(
    r"\b(?:defectors|refugees|escapees|North\s+Koreans|returnees|asylum[- ]seekers"
    r"|families|women|children|detainees|migrants|victims|people|mothers|girls|boys|teenagers"
    r"|prisoners|relatives)\b",
    re.IGNORECASE,
)

PLURAL_ACTOR_RE = re.compile(
    r"\b(?:authorities|officials|leaders|governments|lawmakers|democracies|countries|nations|states"
    r"|diplomats|guards|police)\b",
    re.IGNORECASE,
)

# Heads of noun phrases that name someone able to act, though not one of
# the addressees we know by name.
AGENT_NOUN_RE = re.compile(
    r"\b(?:compan(?:y|ies)|firms?|businesses|airlines|banks|funds|universit(?:y|ies)|churches"
    r"|groups?|organi[sz]ations?|agenc(?:y|ies)|NGOs|charities|media|journalists"
    r"|broadcasters|officials|leaders|part(?:y|ies)|committee|court|judges|brokers"
    r"|employers|schools|platforms|operators|minist(?:ry|ries)|department|commission"
    r"|lawyers|doctors|embass(?:y|ies)|editors|publishers|authorities|governments?|administration"
    # those who lead a body, named by their office rather than by what they do
    r"|(?:arch)?bishops|cardinals|clergy|priests|imams|rabbis|dioceses|denominations|synods"
    r"|mayors|executives|boards|trustees|legislatures|parliaments)\b",
    re.IGNORECASE,
)

# Several organisations together, none named: "human rights organisations",
# "the relevant individuals and organisations", "aid agencies".
COLLECTIVE_RE = re.compile(
    r"\b(?:organi[sz]ations|NGOs|agencies|charities|(?:civil\s+society|rights|aid)\s+groups"
    r"|countries|nations)\b"
)

PRONOUNS = frozenset(
    {"it", "they", "he", "she", "this", "that", "these", "those", "him", "her", "them"}
)


# Names of newspapers and organisations ("The Korea Times", "Korea Refuge
# Watch", "Citizens' Alliance for North Korean Human Rights"): a run of
# capitalised words with an organisation's head noun in it. A country inside
# such a name is not that country's government; the name itself is a single
# other actor.
_CAPITAL_RUN_RE = re.compile(
    # a full stop after a lower-case letter ends the name: "... Watch. China must"
    r"\b[A-Z][\w’'.&-]*(?:(?<![a-z]\.)[ \t]+(?:(?:for|of|on|in|and|the|&)[ \t]+)*[A-Z][\w’'.&-]*)*"
)
ORG_HEAD_RE = re.compile(
    r"\b(?:Times|Daily|Herald|Post|Ilbo|Journal|Tribune|Gazette|News|Press|Monitor|Review"
    r"|Courier|Chronicle|Standard|Observer|Guardian|Telegraph|Globe|Mirror|Express|Weekly"
    r"|Magazine|Wire|Bulletin|Examiner|Inquirer|Dispatch|Sentinel|Insider|Broadcasting\s+System"
    r"|Broadcasting|Radio|Television|Watch|Network|Foundation|Association|Alliance|Institute"
    r"|Centre|Center|Coalition|Trust|Society|Forum|Fund|Federation|League|Campaign|Initiative"
    r"|Project|Partners|International|Aid|Church|Ministries|Charity|Movement|Sisters|Brothers"
    r"|Friends|Solidarity|Council\s+for|Committee\s+for|Citizens)\b"
)


def organisation_names(text: str) -> list[tuple[int, int]]:
    """Spans of newspaper and organisation names in ``text``."""
    return [m.span() for m in _CAPITAL_RUN_RE.finditer(text) if _is_organisation(m.group())]


def _is_organisation(run: str) -> bool:
    """A name with an organisation's head noun in it, not first ("Press Beijing to ...")
    unless the name goes on with "for"/"of" ("Committee for Human Rights ...")."""
    if " " not in run:
        return False
    for head in ORG_HEAD_RE.finditer(run):
        if head.start() > 0 or re.match(r"\s+(?:for|of|on)\b", run[head.end() :]):
            return True
    return False


def find_actors(text: str, organisations: bool = True) -> list[tuple[int, str]]:
    """Actor mentions in ``text`` as (position, addressee), in text order.

    With ``organisations=False`` the names of newspapers and organisations are
    left out (a country inside them is still no government).
    """
    return [(pos, a) for pos, a, org in find_marked_actors(text) if organisations or not org]


def find_marked_actors(text: str) -> list[tuple[int, str, bool]]:
    """Actor mentions as (position, addressee, whether it is an organisation's name)."""
    found = []
    names = organisation_names(text) if ORG_HEAD_RE.search(text) else []
    starts = [start for start, _end in names]
    spans = []
    for addressee, pattern in ACTOR_PATTERNS:
        for m in pattern.finditer(text):
            k = bisect_right(starts, m.start()) - 1  # the last name starting at or before it
            if k < 0 or m.start() >= names[k][1]:
                found.append((m.start(), addressee, False))
                spans.append((m.start(), m.end(), addressee))
    # "the Lao Minister of Public Security": one office, whose nationality comes first;
    # the ministry that China's is also called is no mention of China inside it
    inside = {
        (start, addressee)
        for start, _end, addressee in spans
        for outer_start, outer_end, outer in spans
        if outer != addressee and outer_start < start < outer_end
    }
    found = [f for f in found if (f[0], f[1]) not in inside]
    found.extend((start, "other", True) for start, _end in names)
    found.sort()
    return found


def mention_end(text: str, pos: int, addressee: str) -> int:
    """Where the actor mention of class ``addressee`` that starts at ``pos`` ends."""
    ends = [
        m.end()
        for a, pattern in ACTOR_PATTERNS
        if a == addressee and (m := pattern.match(text, pos)) is not None
    ]
    if ends:
        return max(ends)
    name = _CAPITAL_RUN_RE.match(text, pos)  # an organisation's name
    return name.end() if name else pos


# "The United States and Japan", "the governments of China and the Republic of
# Korea": several states named together are the international community. Not
# "the authorities in China" nor "China, with UNHCR": a preposition between
# two names makes the second one a circumstance of the first.
_TOGETHER_RE = re.compile(r"\band\b|,|\bas\s+well\s+as\b")
_NOT_TOGETHER_RE = re.compile(r"\b(?:with|in|by|from|to|at|on|into|against|than|over)\b")


# "China's neighbours", "Seoul's allies", "the friends of Pyongyang": other states
_RELATED_STATES_RE = re.compile(
    r"^(?:the\s+)?(?:[\w.-]+\s+){1,4}?(?:neighbou?rs|allies|partners|friends|backers|donors)"
    r"(?:\s+(?:of|to)\b|$)"
    r"|[’']s\s+(?:[\w-]+\s+){0,2}(?:neighbou?rs|allies|partners|friends|backers|donors)\b",
    re.IGNORECASE,
)


def classify_np(np: str) -> str | None:
    """Addressee named by a noun phrase, or None when it names no actor."""
    if _RELATED_STATES_RE.search(np) and find_actors(np):
        return "international_community"  # "China's neighbours": states, but not China
    mentions = find_actors(np)
    # "EU member states", "ASEAN governments": a name before the head only says which
    mentions = [
        a
        for a, b in zip(mentions, mentions[1:] + [None], strict=False)
        if b is None
        or a[1] == b[1]
        or b[1] != "international_community"
        or np[a[0] : b[0]].split(None, 1)[1:] != []
    ]
    for (a_pos, a_class), (b_pos, b_class) in zip(mentions, mentions[1:], strict=False):
        if a_pos == b_pos or (a_class == b_class and a_class != "other"):
            continue
        between = np[a_pos:b_pos]
        if _TOGETHER_RE.search(between) and not _NOT_TOGETHER_RE.search(between):
            return "international_community"
    if mentions:
        return mentions[0][1]
    if PUBLIC_RE.search(np):
        return "public"
    return None
