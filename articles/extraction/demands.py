"""Demands made with a verb: "We urge X to ...", "X calls on Y to ...".

* A demand verb in any form ("urge", "calls on", "called upon", "appealing
  to", "we want X to", "we need X to", "we ask that X ...") with its object
  and the infinitive that says what is asked.
* Whose demand it is: the verb's subject as written (:func:`_demander`),
  judged against the document's voice elsewhere. A verb opening the sentence
  is the document's own paragraph ("2. Urges the Government ...").
* Renewed and continued calls: "We reiterate our request to X to ...",
  "renews its call on", "We continue to call on"; the writers' purpose: "We
  write to you today to ask you to ...", a caller's "I'm calling to ask the
  Senator to ...". Joining others' demand makes it one's own: "We join the
  Harbour Coalition in calling on the Foreign Secretary to ...". A
  resolution's "Resolved, That the Senate calls on ..." is its own voice. An aside
  may stand between the verb and its object: "The Committee requests,
  under its standing orders, that the Government reply".
* The author's own requests in the past ("We asked it to ...") are a story,
  and wanting to do something oneself ("I want to explain ...") asks nothing.
  So is anyone's request dated in the past ("In a letter sent in March, the
  group asked the ministry to ...", "Last year the experts urged ..."): an
  earlier exchange told as history, not the text's call today.
* A pseudo-cleft says what is asked: "What we are asking is that our government
  keep its word", "All I ask is for Seoul to ...", "What the Assembly ought to
  do instead is fund ..."; so does a polite condition:
  "I would be grateful if you could ask the Foreign Secretary ...", and a
  passive with the one asked as its subject: "Citizens who share our concern
  are invited to add their names", and a recommendation listed as a clause
  ("I recommend: (d) That States ... use every opportunity to ..."), as a
  committee report or a motion words it alone ("Recommendation 4 / That the
  Government of Canada raise the cases ..."); not "That the talks will fail
  is plain", whose verb is an auxiliary.
* "to" before a verb is the infinitive, not "to a third country"; one inside
  a relative clause ("Americans who want to help ... to call") is not the ask.
* The speaker's wishes about someone's act: "We look to Seoul to lead", "We
  would like to see Seoul take the lead", "We'd ask Tokyo to ...", "I'd like
  the Foreign Ministry to ..." ("'d" is "would"; only in
  the first person: "Refugees look to the UN" is no demand).
* "We ask that X ..." asks X whoever X is, when a name (or "your officials",
  the addressee's own people) is followed by a verb in its bare form (the
  subjunctive: "We also ask that Lumitek Vision publish
  the results"); "that X be ..." is a passive wish.
* Asking the listener's indulgence for the speaker's own restraint is a
  courtesy, not a demand: "I would ask you to understand that I cannot go
  into details", "please bear with us".
"""

from __future__ import annotations

import re

from articles.extraction.actors import classify_np, find_actors
from articles.extraction.agents import agent_class
from articles.extraction.clauses import CONNECTIVES_RE, OPERATIVE_RE, SUBORDINATOR_RE
from articles.extraction.sentences import word_set
from articles.extraction.triggers import MAX_HITS, MAX_MATCHES, Hit, actor_np_end
from articles.extraction.voice import leading_subject

# A demand verb in any form: "urge", "calls on", "called upon", "appealing to",
# "we want X to", "we need X to". Whose demand it is depends on the subject
# (see :func:`demand_hits` and the voice module).
_DEMAND_RE = re.compile(
    r"\b(?P<verb>urg(?:e|es|ed|ing)|call(?:s|ed|ing)?(?:\s+(?:once\s+)?(?:again|also|today))?"
    r"\s+(?:on|upon)|appeal(?:s|ed|ing)?\s+to|implor(?:e|es|ed|ing)|ask(?:s|ed|ing)?"
    r"|demand(?:s|ed|ing)?|request(?:s|ed|ing)?|beseech(?:es|ed|ing)?|press(?:es|ed|ing)?"
    r"|encourag(?:e|es|ed|ing)|exhort(?:s|ed|ing)?|invit(?:e|es|ed|ing)|challeng(?:e|es|ed|ing)"
    r"|call(?:s|ed|ing)?\s+for|recommend(?:s|ed|ing)?"
    # "We would like to see Seoul take the lead": a wish about someone's act
    r"|(?:would\s+like|[’']d\s+like|want|wish|hope)\s+to\s+see"
    r"|want(?:s|ed)?|need(?:s|ed)?|would\s+like|(?<=[’'])d\s+like|look\s+to|count\s+on|rely\s+on"
    # "We reiterate our request to the Government of China to ...", "renews its call on"
    r"|(?:reiterat|renew|repeat)(?:e|es|ed|ing|s)?\s+(?:(?:our|its|their|my|his|her|the|an?|this)\s+)?"
    r"(?:urgent\s+)?(?:call|request|appeal|plea)s?\s+(?:on|upon|to|for))"
    # an aside between the verb and its object: "requests, pursuant to Standing Order
    # 109, that the Government table ...", "urges, once again, the authorities to ..."
    r"(?:,\s+[^,;:.]{2,60}?,)?\s+",
    re.IGNORECASE,
)


# Between the subject and the verb: "The Government strongly urges", "We would
# therefore ask", "I respectfully request", "We would also like to ask".
_BEFORE_VERB_RE = re.compile(
    r"(?:\s+(?:also|again|once\s+again|therefore|thus|hereby|now|further|today|still|must"
    r"|would|should|will|do|does|did|has|have|had|is|are|am|was|were|\w+ly"
    # "We continue to call on", "we want to urge"
    r"|continues?\s+to|want\s+to|wish\s+to|like\s+to|must\s+again))*\s*$",
    re.IGNORECASE,
)


_CLAUSE_WORD_RE = re.compile(r"\b(?:whether|what|how|why|because|if)\b", re.I)


# "to" before a verb, not "to a third country": the infinitive that says what is asked
_INFINITIVE_RE = re.compile(
    r"\s(?P<neg>not\s+)?to\s+(?!(?:the|a|an|this|that|these|those|its|their|his|her|our|your|my"
    r"|any|all|every|each|some|more|most|no|you|him|her|them|us|me|it|[A-Z0-9])\b)(?=[a-z])"
)


# Verbs that take "that" + a subjunctive clause: "We ask that the government tell ..."
_THAT_VERBS = ("demand", "ask", "request", "recommend", "urge", "insist")
# Asking the listener's indulgence for what the speaker will not do: a courtesy that
# declines ("I would ask you to understand that I cannot go into details"), no demand
_INDULGENCE_RE = re.compile(
    r"(?:kindly\s+)?(?:understand|excuse|forgive|bear\s+with|pardon)\b[^.;]{0,20}?"
    r"\b(?:I|we|me|us|my|our)\b",
)
# A named subject and a verb with no "-s" after it: "that Lumitek Vision publish ..."
_SUBJUNCTIVE_RE = re.compile(
    r"(?P<np>(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w’'&.-]*){0,4}"
    # "We ask that your officials request access": the one written to, through its own
    r"|your\s+(?:own\s+)?[a-z]+(?:\s+[a-z]+)?(?<!s\b)s)\s+"
    r"(?P<neg>not\s+)?(?P<verb>[a-z]+(?<!s)|[a-z]+ss)\b"
)
_NOT_BARE_VERBS = word_set(
    """
    be been being had did will would shall should could can may might must need ought
    """
)


# Only a speaker wanting something of someone else makes these a demand.
_FIRST_PERSON_ONLY = (
    "want",
    "need",
    "would like",
    "d like",
    "press",
    "challeng",
    "wish",
    "hope",
    "look to",
    "count on",
    "rely on",
)


# The purpose of the writers' or speakers' coming: "We, the undersigned, write to you
# on this day to ask ...", "I am here today to urge ..."
_PURPOSE_RE = re.compile(
    r"\b(?:we|i)\b(?:[^.;:]{0,160}?)\b(?:write|writing|come|came|are\s+here|am\s+here"
    r"|have\s+gathered|gather|stand\s+here|rise|calling|phoning|e-?mailing)\b[^.;:]{0,80}?"
    r"\bto\s+$",
    re.IGNORECASE,
)


_RESOLVED_RE = re.compile(r"^\s*(?:(?:be\s+it\s+)?(?:further\s+)?resolved,?\s+)that\s+", re.I)
# Joining others in a demand: "We join the Coalition in calling on", "joins X in urging"
_JOIN_IN_RE = re.compile(
    r"\s+(?:also\s+|gladly\s+|today\s+)?join(?:s|ed)?\s+[^.;:]{2,120}?\s+in\s+$", re.IGNORECASE
)


def _demander(sentence: str, verb_start: int) -> str | None:
    """Who makes the demand whose verb starts at ``verb_start``, as written.

    "" when the verb opens the sentence (a resolution's "Urges ...", a list item
    "Calling on ..."); None when it sits in a subordinate or relative clause.
    """
    # a thread's counter is no part of the clause: "2/ We urge ..."
    prefix = re.sub(r"^\s*\d{1,2}/(?:\d{1,3})?\s+", "", sentence[:verb_start])
    # "We join the Coalition in calling on ...": whoever joins a demand makes it theirs
    prefix = _JOIN_IN_RE.sub(" ", prefix)
    if _RESOLVED_RE.match(prefix) and not SUBORDINATOR_RE.search(prefix):
        # "Resolved, That the House calls on ...": the body resolving is the
        # resolution's own voice, as "we" is a letter's
        return "we"
    if _PURPOSE_RE.search(prefix):
        return "we"  # "We write to you today to ask you to ...": the writers ask
    prefix = re.sub(r"\b(we|i)[’'](?:re|m|ve|d|ll)\s+$", r"\1 ", prefix, flags=re.IGNORECASE)
    prefix = prefix[: _BEFORE_VERB_RE.search(prefix).start()]
    stripped = prefix.strip(" \t\n\"“”'‘’([—–-")
    if not stripped:
        return ""
    piece = re.split(r"[,;:()—–]|\s-\s|\band\b\s*|\bbut\b\s*", prefix)[-1].strip(" \"“”'‘’")
    piece = re.sub(r"^(?:and|but|then|or)$", "", piece, flags=re.IGNORECASE)
    piece = re.sub(r"^(?:and|but|so|then|yet|or)\s+", "", piece, flags=re.IGNORECASE)
    piece = CONNECTIVES_RE.sub("", piece) or piece  # "Now we need them to vote"
    if not piece:
        if OPERATIVE_RE.match(stripped):
            return ""  # "Welcomes X; encourages Y to ...": the resolution's own paragraph
        first_person = re.match(r"(we|i),\s", stripped, re.IGNORECASE)
        if first_person:
            return first_person.group(1)  # "We, the undersigned, call on you to ..."
        # "X today voiced alarm ..., and urged China to ...": the sentence's subject
        return leading_subject(stripped)
    if re.match(r"(?:who|which|that|whom|whose)\b", piece, re.IGNORECASE):
        return None
    if SUBORDINATOR_RE.search(piece):
        return None
    return piece


# A time in the past before a demand in the past tense: the request is history.
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
_PAST_TIME_RE = re.compile(
    rf"\b(?:in|on|since|during|by|from)\s+(?:(?:early|late|mid-?)\s*)?(?:{_MONTHS}|\d{{4}})\b"
    rf"|\blast\s+(?:week|month|year|spring|summer|autumn|fall|winter|{_MONTHS})\b"
    r"|\bearlier\s+(?:this|that|in\s+the)\s+\w+|\bpreviously\b|\bat\s+the\s+time\b"
    r"|\bin\s+the\s+past\b|\b(?:years|months|weeks|a\s+year|a\s+month)\s+ago\b"
    r"|\bin\s+an?\s+(?:letter|communication|statement|submission|note)\s+(?:sent|issued"
    r"|dated|delivered|published)\b",
    re.IGNORECASE,
)
_DATE_IN_BRACKETS_RE = re.compile(r"\([^)]{0,40}\)")


# A chair giving the floor: "invite the Ambassador to respond", "to say a few words"
_FLOOR_RE = re.compile(
    r"(?:respond|reply|speak|say\s+a\s+few\s+words|take\s+the\s+floor|give\s+(?:her|his|their)"
    r"\s+remarks|introduce|present|deliver|address\s+(?:us|the\s+meeting)|join\s+us|comment"
    r"|open\s+the\s+discussion|close\s+the\s+meeting)\b",
    re.IGNORECASE,
)


# An ask that only announces the asks to come: "to do two things this month"
_ANNOUNCED_RE = re.compile(
    r"do\s+(?:(?:one|two|three|four|five|a\s+few|several|some|these|the\s+following)\s+"
    r"(?:small\s+|simple\s+|more\s+)?things?|the\s+following|this|something)"
    r"(?:\s+(?:this\s+\w+|today|now|for\s+(?:us|them|me)))*[\s.!]*$",
    re.IGNORECASE,
)


def _dated_in_the_past(sentence: str, verb_start: int) -> bool:
    """ "In a letter sent in January, the experts asked ...": an earlier request. The
    dateline of a release ("GENEVA (14 May 2025) –") dates the text, not the request."""
    before = _DATE_IN_BRACKETS_RE.sub(" ", sentence[:verb_start])
    before = re.sub(r"^[A-Z][A-Za-z .,'-]{1,40}[–—-]\s", "", before)
    return bool(_PAST_TIME_RE.search(before)) and not re.search(r"\btoday\b", sentence, re.I)


def _title_case_infinitive(sentence: str, rest: str) -> re.Match[str] | None:
    """In a headline set in title case, "Urges Senate to Act": a capitalised verb."""
    words = sentence.split()
    if sum(w[:1].isupper() for w in words) < 0.6 * len(words):
        return None
    for m in re.finditer(r"\s(?P<neg>not\s+)?to\s+(?=[A-Z][a-z]+\b)", rest):
        if not find_actors(rest[m.end() : m.end() + 30].split(" ")[0]):
            return m
    return None


# A demand put as a pseudo-cleft: "What we are asking is that the government keep its
# word", "All I ask is for Seoul to ...", "what some of us want is for ...".
_CLEFT_RE = re.compile(
    r"\b(?:what|all)\s+(?P<who>we|i|some\s+of\s+us|many\s+of\s+us|the\s+families)\s+"
    r"(?:are\s+|am\s+|is\s+|really\s+)?(?:ask(?:ing)?|want(?:ing)?|demand(?:ing)?"
    r"|request(?:ing)?|need)\s+(?:for\s+)?(?:now\s+)?is\s+(?:that|for)\s+",
    re.IGNORECASE,
)


# "What the Assembly ought to do instead is fund ...": what an actor is to do
_WHAT_X_SHOULD_DO_RE = re.compile(
    r"\bwhat\s+(?P<np>(?:the\s+)?[\w’' -]{2,60}?)\s+(?:should|ought\s+to|must|needs\s+to|has\s+to)"
    r"\s+do(?:\s+(?:instead|now|first|next|today))?\s+is\s+(?:to\s+)?(?P<neg>not\s+)?(?=[a-z])",
    re.IGNORECASE,
)


def _cleft_hits(sentence: str) -> list[Hit]:
    hits = []
    for m in _WHAT_X_SHOULD_DO_RE.finditer(sentence):
        if classify_np(m.group("np")):
            neg = "not" if m.group("neg") else ""
            hits.append(Hit("modal", m.end(), neg, m.group("np"), base=0.85))
    for m in _CLEFT_RE.finditer(sentence):
        rest = sentence[m.end() : m.end() + 200]
        np_end = actor_np_end(rest)
        if np_end is None:
            continue
        after = re.match(r"\s+(?:(?:should|must|to)\s+)?(?P<neg>not\s+|never\s+)?", rest[np_end:])
        vp_start = m.end() + np_end + (after.end() if after else 0)
        neg = (after.group("neg") or "").strip() if after else ""
        speaker = "we" if m.group("who").lower() != "i" else "i"
        hits.append(Hit("urge", vp_start, neg, rest[:np_end], base=0.9, speaker=speaker))
    return hits


# A polite request: "I would be grateful if you could ask the Foreign Secretary ...",
# "We would appreciate it if the ministry would publish ..."
_GRATEFUL_RE = re.compile(
    r"\b(?P<who>we|i)\s+(?:would|should)\s+(?:also\s+)?(?:be\s+(?:most\s+|very\s+)?(?:grateful|obliged)"
    r"|(?:greatly\s+)?appreciate\s+it)\s+if\s+",
    re.IGNORECASE,
)


def _grateful_hits(sentence: str) -> list[Hit]:
    m = _GRATEFUL_RE.search(sentence)
    if not m:
        return []
    rest = sentence[m.end() : m.end() + 200]
    np_end = actor_np_end(rest)
    modal = r"\s+(?:could|would|might|can|will)\s+(?:please\s+)?(?P<neg>not\s+)?"
    after = re.match(modal, rest[np_end or 0 :])
    if np_end is None or not after:
        return []
    vp_start = m.end() + np_end + after.end()
    neg = "not" if after.group("neg") else ""
    return [Hit("urge", vp_start, neg, rest[:np_end], base=0.9, speaker=m.group("who"))]


# The one asked as the subject of a passive demand verb: "Citizens who share our concern
# are invited to add their names", "States are urged to keep their borders open".
_ASKED_PASSIVE_RE = re.compile(
    r"^(?P<np>[^;:]{2,160}?)\s+(?:are|is)\s+(?:(?:also|warmly|kindly|strongly|therefore"
    r"|again)\s+)?(?:invited|encouraged|urged|asked|requested|called\s+upon|called\s+on"
    r"|welcome)\s+to\s+(?P<neg>not\s+)?(?=[a-z])"
)


def _asked_passive_hits(sentence: str) -> list[Hit]:
    m = _ASKED_PASSIVE_RE.match(sentence.lstrip("*•-–— \t"))
    # "The United Nations and its agencies, in particular ..., are requested to ...",
    # "Japanese companies with operations in Jilin are requested to ...": whoever acts
    if not m or not (classify_np(m.group("np")) or agent_class(m.group("np"))):
        return []
    offset = len(sentence) - len(sentence.lstrip("*•-–— \t"))
    neg = "not" if m.group("neg") else ""
    return [Hit("modal", offset + m.end(), neg, m.group("np"), base=0.8)]


_NOT_A_VERB_AFTER = word_set(
    """
    with of in on at to for from by and or but the a an this that these those its their our
    both all any each every some many most other such more less than as who which whose
    """
)


_AUXILIARIES = word_set(
    "must should shall will would can could may might did had do need ought cannot"
)


def that_item_hits(sentence: str) -> list[Hit]:
    """A recommendation put as a subjunctive clause, under "I recommend:" or as a
    committee report's numbered recommendation: "(d) That States with relations with
    both countries use every opportunity to ...", "That the Government of Canada
    raise the cases". Its verb
    is the first bare word after the subject: lower case, no plural or past ending,
    not after a preposition or determiner."""
    m = re.match(r"(?:\(?[a-z0-9]{1,4}[.)]\s+)?[Tt]hat\s+(?=[A-Za-z])", sentence)
    if not m:
        return []
    words = list(re.finditer(r"[A-Za-z’'-]+", sentence[m.end() : m.end() + 160]))
    for k in range(1, len(words)):
        word, before = words[k].group(), words[k - 1].group().lower()
        if (
            word.islower()
            and word not in _NOT_A_VERB_AFTER
            and before not in _NOT_A_VERB_AFTER
            and (not word.endswith("s") or word.endswith("ss"))  # "press", not "embassies"
            and not word.endswith(("ed", "ing", "ly"))
        ):
            if word in _AUXILIARIES:
                return []  # "That the talks must fail is clear": a clause, no mandate
            subject = sentence[m.end() : m.end() + words[k].start()]
            if not (classify_np(subject) or agent_class(subject)):
                return []
            return [Hit("urge", m.end() + words[k].start(), "", subject, base=0.8, speaker="we")]
    return []


def demand_hits(sentence: str) -> list[Hit]:
    """Someone urging, asking or calling on someone to act ("We urge X to ...")."""
    hits = _cleft_hits(sentence) + _grateful_hits(sentence) + _asked_passive_hits(sentence)
    for n, m in enumerate(_DEMAND_RE.finditer(sentence)):
        if len(hits) >= MAX_HITS or n >= MAX_MATCHES:
            break
        speaker = _demander(sentence, m.start())
        if speaker is None:
            continue
        verb = re.sub(r"\s+", " ", m.group("verb").lower())
        if verb.startswith(_FIRST_PERSON_ONLY) and speaker.lower() not in {"we", "i"}:
            continue  # "Refugees want the world to know": a wish, not a demand
        past = bool(re.search(r"ed\b|asked", verb)) and verb != "need"
        if speaker.lower() in {"we", "i"} and past:
            continue  # "We asked it to let them leave": the author's story, not a demand
        if past and _dated_in_the_past(sentence, m.start()):
            continue  # "In March, the experts asked the Government to ...": history
        rest = sentence[m.end() : m.end() + 200]
        if re.match(r"(?:not\s+)?to\s", rest):
            continue  # "I want to explain ...": the speaker's own doing, nobody is urged
        if verb.endswith(" see"):
            # "We would like to see Seoul take the lead": a name, then a bare verb
            named = _SUBJUNCTIVE_RE.match(rest)
            if (
                named
                and named.group("verb") not in _NOT_BARE_VERBS
                and classify_np(named.group("np"))
            ):
                hits.append(
                    Hit(
                        "urge",
                        m.end() + named.start("verb"),
                        (named.group("neg") or "").strip(),
                        named.group("np"),
                        base=0.85,
                        speaker=speaker,
                    )
                )
            continue
        if verb.endswith(" for") and verb.startswith(("reiterat", "renew", "repeat")):
            verb = "call for"
        if verb.startswith(_THAT_VERBS) and rest.lower().startswith("that "):
            sub_rest = rest[5:]
            np_end = actor_np_end(sub_rest)
            if np_end is None:
                # "We ask that the children be registered": a passive wish
                passive = re.match(r"(?P<np>[^,;]{2,80}?)\s+(?P<neg>not\s+)?be\s+\w+", sub_rest)
                if passive:
                    hits.append(
                        Hit("demand_passive", m.end() + 5, "", None, base=0.85, speaker=speaker)
                    )
                    continue
                # "We ask that Lumitek Vision publish the results": a name, then a verb
                # in its bare form (the subjunctive), whoever the name is
                named = _SUBJUNCTIVE_RE.match(sub_rest)
                if named and named.group("verb") not in _NOT_BARE_VERBS:
                    vp_start = m.end() + 5 + named.start("verb")
                    hits.append(
                        Hit(
                            "urge",
                            vp_start,
                            (named.group("neg") or "").strip(),
                            named.group("np"),
                            base=0.9,
                            speaker=speaker,
                        )
                    )
                continue
            after = re.match(
                r"\s+(?:(?:should|must)\s+)?(?P<neg>not\s+|never\s+)?", sub_rest[np_end:]
            )
            vp_start = m.end() + 5 + np_end + (after.end() if after else 0)
            neg = (after.group("neg") or "").strip() if after else ""
            hits.append(Hit("urge", vp_start, neg, sub_rest[:np_end], base=0.95, speaker=speaker))
            continue
        if verb.endswith(" for"):
            to = re.search(r"\s(?P<neg>not\s+)?to\s+", rest)
            if to and classify_np(rest[: to.start()]):
                neg = "not" if to.group("neg") else ""
                hits.append(
                    Hit(
                        "urge",
                        m.end() + to.end(),
                        neg,
                        rest[: to.start()],
                        base=0.9,
                        speaker=speaker,
                    )
                )
            else:
                actor = classify_np(rest)
                hits.append(
                    Hit("call_for", m.end(), "", None, explicit=actor, base=0.8, speaker=speaker)
                )
            continue
        to = _INFINITIVE_RE.search(rest) or _title_case_infinitive(sentence, rest)
        while to and re.search(r"\b(?:who|which|that)\s+\w+$", rest[: to.start()]):
            # "encourages Americans who want to support the bill to call ...": that "to"
            # belongs to the relative clause
            to = _INFINITIVE_RE.search(rest, to.end())
        if not to or to.start() > 120 or not rest[: to.start()].strip():
            continue
        if _CLAUSE_WORD_RE.search(rest[: to.start()]):
            continue  # "asking returnees whether they ... introduced them to": no one is urged
        if verb.startswith(("ask", "request")) and to.start() == 0:
            continue  # "ask to put it on the notice board": no one is asked
        if _ANNOUNCED_RE.match(rest, to.end()):
            continue  # "I am asking you to do two things this month": they follow
        if verb.startswith("invit") and _FLOOR_RE.match(rest, to.end()):
            continue  # "I would now like to invite the Ambassador to respond": the chair
        if _INDULGENCE_RE.match(rest, to.end()) and re.match(r"\s*you\b", rest):
            continue  # "I would ask you to understand that I cannot ...": a courtesy
        neg = "not" if to.group("neg") else ""
        hits.append(
            Hit("urge", m.end() + to.end(), neg, rest[: to.start()], base=0.95, speaker=speaker)
        )
    return hits
