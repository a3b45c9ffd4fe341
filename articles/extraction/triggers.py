"""Triggers: the word patterns that make a sentence a demand.

* A subject and a deontic modal: "X should/must/ought to/needs to/has to ...",
  "X would do well to ..."; "cannot remain silent" asks not to.
* Impersonal necessity: "It is urgent/imperative/time that/to ...",
  "It is time for X to ...".
* The author urging someone: "We urge/call on/ask X to ...", "We demand that
  X ...", "We call for ...".
* "The only way ... is to ...".
* Imperatives: "Stop the repatriations!", "Let us ...", "Write to your MP."

Not triggers: past and retrospective modals ("had to", "should have acted"),
guesses ("must surely know", "must be difficult"), remarks ("we have to
admit"), emotions ("should be ashamed"), predictions ("will have to").
Each trigger returns a :class:`Hit`: where the verb phrase starts, its
negation, the subject text (if any) and a base score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from articles.extraction.actors import ACTOR_PATTERNS, classify_np, organisation_names
from articles.extraction.clauses import SUBORDINATOR_RE
from articles.extraction.sentences import word_set
from articles.extraction.voice import leading_subject

WORD_RE = re.compile(r"[A-Za-z’'-]+")

_MODAL_RE = re.compile(
    r"\b(?P<modal>should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|has\s+got\s+to"
    r"|have\s+got\s+to|would\s+(?:also\s+|\w+ly\s+)?do\s+well\s+to"
    r"|would\s+(?:also\s+)?be\s+(?:wise|well\s+advised)\s+to"
    r"|had\s+better)\b"
    r"(?P<neg>\s+(?:not|never|no\s+longer))?\s+",
    re.IGNORECASE,
)
# "The United States could make the cases a standing item": a recommendation to a
# named actor. Only with an action it can choose ("make", "raise", "admit"), not
# with what may befall ("could face", "could be sent back") or a consequence
# ("could trigger", "could mean"); the addressee rule keeps it to named actors.
_COULD_RE = re.compile(r"\bcould\s+(?:(?:also|easily|still|at\s+least)\s+)?(?P<verb>[a-z]+)\b")
_NOT_RECOMMENDABLE = word_set(
    """
    be have not face lose see get become trigger touch mean cost take begin find happen fall
    send return deport detain arrest punish collapse die suffer end well hardly never only
    afford feel know say think imagine argue claim count prove turn go come cause lead
    """
)
_NEG_ABILITY_RE = re.compile(
    r"\b(?P<modal>cannot|can\s+not|can[’']t|can\s+no\s+longer|must\s+not|mustn[’']t"
    r"|should\s+not|shouldn[’']t)\s+(?:(?:simply|just|any\s+longer|afford\s+to)\s+)*"
    r"(?=(?:remain|stay|keep|stand|sit|look|turn|ignore|tolerate|allow|accept|let|watch"
    r"|close|overlook|condone|wait|delay|hesitate|idle)\b)",
    re.IGNORECASE,
)
_NOT_BEFORE_MODAL_RE = re.compile(
    r"\b(?:will|would|may|might|could|shall|no|the|a|an|any|urgent|pressing|little|without)\s*$",
    re.IGNORECASE,
)
_NECESSITY_RE = re.compile(
    r"(?:\b(?:it|this)\s*(?:\s+is|[’']s|\s+remains|\s+becomes|\s+has\s+become|\s+would\s+be)\s+"
    r"|\b(?:now|this)\s+is\s+(?=the\s+(?:time|moment)\b)|\bthe\s+(?=time\s+has\s+come\b))"
    r"(?:(?:all|more|most|very|now|therefore|thus|also|equally|absolutely|extremely|so"
    r"|especially|particularly|increasingly|ever)\s+)*"
    r"(?P<adj>urgent|imperative|crucial|essential|vital|necessary|important|critical"
    r"|paramount|high\s+time|time|incumbent|our\s+(?:duty|responsibility)|wise|advisable"
    r"|prudent|the\s+(?:time|moment)|time\s+has\s+come)"
    r"(?:\s+(?:for|on|upon)\s+(?P<agent>[^,;:]{1,80}?))?\s+(?P<neg0>not\s+)?(?P<link>to|that)\s+(?P<neg>not\s+)?",
    re.IGNORECASE,
)
# A demand verb in any form: "urge", "calls on", "called upon", "appealing to",
# "we want X to", "we need X to". Whose demand it is depends on the subject
# (see :func:`demand_hits` and the voice module).
_DEMAND_RE = re.compile(
    r"\b(?P<verb>urg(?:e|es|ed|ing)|call(?:s|ed|ing)?(?:\s+(?:once\s+)?(?:again|also|today))?"
    r"\s+(?:on|upon)|appeal(?:s|ed|ing)?\s+to|implor(?:e|es|ed|ing)|ask(?:s|ed|ing)?"
    r"|demand(?:s|ed|ing)?|request(?:s|ed|ing)?|beseech(?:es|ed|ing)?|press(?:es|ed|ing)?"
    r"|encourag(?:e|es|ed|ing)|exhort(?:s|ed|ing)?|invit(?:e|es|ed|ing)|challeng(?:e|es|ed|ing)"
    r"|call(?:s|ed|ing)?\s+for|recommend(?:s|ed|ing)?|want(?:s|ed)?|need(?:s|ed)?"
    r"|would\s+like)\s+",
    re.IGNORECASE,
)
# Between the subject and the verb: "The Government strongly urges", "We would
# therefore ask", "I respectfully request".
_BEFORE_VERB_RE = re.compile(
    r"(?:\s+(?:also|again|once\s+again|therefore|thus|hereby|now|further|today|still|must"
    r"|would|should|do|does|did|has|have|had|is|are|was|were|\w+ly))*\s*$",
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
# Only a speaker wanting something of someone else makes these a demand.
_FIRST_PERSON_ONLY = ("want", "need", "would like", "press", "challeng")
_ONLY_WAY_RE = re.compile(
    r"\b(?:the|our)\s+(?:only|best|right|sole|surest|one|first|most\s+effective)\s+"
    r"(?:way|option|answer|solution|course\s+of\s+action|remedy|step|thing\s+to\s+do)\b",
    re.IGNORECASE,
)
_ONLY_WAY_VP_RE = re.compile(
    r"\b(?:is|remains|would\s+be)\s+(?:for\s+(?P<agent>[^,;:]{1,60}?)\s+)?to\s+(?P<neg>not\s+)?",
    re.IGNORECASE,
)
_LET_US_RE = re.compile(r"^(?:let\s+us|let[’']s)\s+", re.IGNORECASE)

_META_VERBS = word_set(
    """
    note point mention stress emphasize emphasise say recall add remember recognize
    recognise acknowledge realize realise understand know ask examine consider see
    bear
    """
)
_IRREGULAR_PARTICIPLES = word_set(
    """
    held made given brought sent kept put told set shown seen done known taken let met
    paid built led heard freed granted spared forced driven drawn thrown struck won born
    brought caught fought sought taught thought bound found ground said spoken written
    gone come become begun stood understood spent left lost meant dealt felt run stuck
    hung grown flown chosen broken forgotten gotten hidden risen eaten fallen beaten cut
    shut spread sold bought
    """
)
_NON_VERBS = word_set(
    """
    the a an this that these those be been have has not no it its their our his her they
    we he she you i of in on to for and or but
    """
)

# Verbs that open imperative headlines or sentences addressed to someone.
_IMPERATIVE_VERBS = word_set(
    """
    stop end halt free release protect save spare let grant respect honor honour uphold
    sign write call join tell speak demand urge act support donate stand raise help
    defend accept recognize recognise give allow open close abolish scrap abandon cease
    reject refuse resist remember never do don't don’t please bring keep boycott
    pressure press hold make take treat listen share shelter rescue welcome ensure guarantee
    repeal lift investigate punish email e-mail send contact print add ask prosecute refrain
    cooperate disclose register establish provide permit meet seek use put publish adopt
    continue strengthen maintain intensify redouble prioritise prioritize facilitate enable
    offer receive resettle admit document collect train appoint create designate extend renew
    reaffirm clarify respond reply answer acknowledge apologise apologize compensate enact pass
    reauthorize reauthorise approve vote
    ratify amend review reconsider suspend condemn engage invite fund increase expand insist
    follow pray attend implement include inform notify account withdraw remove apply
    phone text tweet post sponsor volunteer organise organize host spread read come bring
    consider talk say
    """
)
_PUBLIC_VERBS = word_set(
    """
    sign write call join tell speak donate raise boycott pressure press urge demand
    support remember stand listen share email e-mail send contact print add ask follow
    pray attend phone text tweet post sponsor volunteer organise organize host spread read
    come bring consider talk
    """
)
# Words before an imperative that do not change it: "Finally, please allow ...",
# "Step 2 — Call ...", "Also send a copy ...".
_IMPERATIVE_LEAD_RE = re.compile(
    r"^(?:(?:step\s+\d+\s*[—–:.-]|finally|also|then|now|first(?:ly)?|second(?:ly)?|third(?:ly)?"
    r"|above\s+all|today|instead|in\s+the\s+meantime|meanwhile|and|so|but|again|together"
    r"|once\s+you(?:[’']ve|\s+have)\s+\w+|please|kindly)[\s,]*)+",
    re.IGNORECASE,
)
# A framing clause before the imperative: "If you belong to a church, print ...",
# "To add your name, email ...".
_FRAME_START_RE = re.compile(
    r"(?:if|when|whenever|before|after|while|once|until|as\s+soon\s+as|to|in\s+order\s+to"
    r"|wherever|whether|whatever|next\s+time)\b",
    re.IGNORECASE,
)

DETERMINERS = word_set(
    "the a an this that these those such all every each its their our any no some many most"
)
_ADJECTIVAL_PARTICIPLES = word_set(
    """
    worried concerned pleased surprised disappointed tired interested determined convinced
    frightened scared ashamed embarrassed relieved satisfied amazed annoyed bored confused
    delighted excited alarmed troubled puzzled tempted inclined obliged
    """
)
# "must be ready/firm/...": adjectives that describe how an actor should act.
_AGENTIVE_ADJECTIVES = word_set(
    """
    ready prepared willing firm firmer bold bolder clear clearer vigilant careful consistent
    proactive transparent honest generous resolute forthright unequivocal more
    """
)
_EPISTEMIC_RE = re.compile(
    r"(?:surely|certainly|probably|undoubtedly|obviously|doubtless|presumably"
    r"|already)\b|have\s+(?:(?:its|their|his|her|its\s+own|their\s+own)\s+)?"
    r"(?:reasons?|motives?|calculations?|doubts?)\b",
    re.IGNORECASE,
)
_COGNITION_VERBS = word_set(
    """
    wonder admit acknowledge concede confess note say imagine agree assume suspect ask
    recognize recognise remember realize realise understand conclude add
    """
)
_GENERIC_PERSON_RE = re.compile(r"\b(?:we|you|one|i)\s*$", re.IGNORECASE)
_DROP_ADVERBS = frozenset({"also", "therefore", "thus", "then", "still", "too", "now", "really"})


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    vp_start: int  # index in the sentence where the verb phrase begins
    negation: str  # "", "not", "never", "no longer"
    subject: str | None  # noun phrase naming who acts, if any
    explicit: str | None = None  # addressee fixed by the rule itself
    base: float = 0.85
    past: bool = False  # the verb phrase opens with a past-tense verb
    speaker: str | None = None  # who makes the demand, as written ("we", "The experts")


# Work limits per sentence: a sentence with dozens of modals is not prose, and
# looking at the first few keeps the work linear on pathological input.
MAX_HITS = 8
_MAX_MATCHES = 24
WINDOW = 600  # characters before a trigger that the subject checks look at


def _verb_after(sentence: str, pos: int) -> tuple[int, str, str] | None:
    """Skip adverbs after a modal; return (start, first word, next word)."""
    words = list(WORD_RE.finditer(sentence, pos, pos + 200))
    i = 0
    while i < len(words) and (
        words[i].group().lower() in _DROP_ADVERBS
        or (words[i].group().lower().endswith("ly") and words[i].group().lower() != "apply")
    ):
        i += 1
    if i >= len(words):
        return None
    first = words[i].group()
    nxt = words[i + 1].group() if i + 1 < len(words) else ""
    return words[i].start(), first, nxt


def _is_participle(word: str) -> bool:
    w = word.lower()
    return w.endswith("ed") or w.endswith("en") or w in _IRREGULAR_PARTICIPLES


def modal_hits(sentence: str) -> list[Hit]:
    hits = []
    for n, m in enumerate(_MODAL_RE.finditer(sentence)):
        if len(hits) >= MAX_HITS or n >= _MAX_MATCHES:
            break
        prefix = sentence[: m.start()]
        if _NOT_BEFORE_MODAL_RE.search(sentence, max(0, m.start() - 30), m.start()):
            continue
        modal = m.group("modal").lower()
        neg = (m.group("neg") or "").strip().lower()
        neg = re.sub(r"\s+", " ", neg)
        verb = _verb_after(sentence, m.end())
        if verb is None:
            continue
        vp_start, first, nxt = verb
        first_l = first.lower()
        if _EPISTEMIC_RE.match(sentence, m.end()):
            continue  # "must surely know", "must have its reasons": a guess, not a demand
        if first_l in _COGNITION_VERBS and _GENERIC_PERSON_RE.search(prefix[-12:]):
            continue  # "we have to admit", "you have to wonder": a remark, not a demand
        if not first[0].islower() or first_l in _NON_VERBS - {"be", "have"}:
            continue
        if modal in {"must", "should", "ought to"} and first_l == "have" and _is_participle(nxt):
            continue  # "should have acted": retrospective
        if first_l == "have" and nxt.lower() in {"been", "had"}:
            continue
        passive = False
        if first_l == "be" and nxt.lower() in _AGENTIVE_ADJECTIVES:
            pass  # "Seoul must be ready to receive them": asks for an attitude
        elif first_l == "be":
            if nxt.lower() in _META_VERBS or nxt.lower() in {
                "noted",
                "said",
                "stressed",
                "pointed",
                "remembered",
                "mentioned",
                "emphasized",
            }:
                continue  # "it should be noted that"
            if not _is_participle(nxt) or nxt.lower() in _ADJECTIVAL_PARTICIPLES:
                continue  # "must be difficult", "should be ashamed": not a request
            passive = True
        hits.append(Hit("modal_passive" if passive else "modal", vp_start, neg, prefix, base=0.9))
    for n, m in enumerate(_NEG_ABILITY_RE.finditer(sentence)):
        if len(hits) >= MAX_HITS or n >= _MAX_MATCHES:
            break
        prefix = sentence[: m.start()]
        hits.append(Hit("cannot", m.end(), "not", prefix, base=0.85))
    for n, m in enumerate(_COULD_RE.finditer(sentence)):
        if len(hits) >= MAX_HITS or n >= _MAX_MATCHES:
            break
        verb = m.group("verb").lower()
        if verb in _NOT_RECOMMENDABLE or verb.endswith("ed"):
            continue
        hits.append(Hit("could", m.start("verb"), "", sentence[: m.start()], base=0.6))
    return hits


_CONDITIONAL_BEFORE_RE = re.compile(
    r"\b(?:if|whether|when|unless|because|since)\s*$", re.IGNORECASE
)


def necessity_hits(sentence: str) -> list[Hit]:
    hits = []
    for n, m in enumerate(_NECESSITY_RE.finditer(sentence)):
        if len(hits) >= MAX_HITS or n >= _MAX_MATCHES:
            break
        if _CONDITIONAL_BEFORE_RE.search(sentence, max(0, m.start() - 20), m.start()):
            continue
        neg = "not" if m.group("neg") or m.group("neg0") else ""
        agent = m.group("agent")
        if m.group("link").lower() == "to":
            verb = _verb_after(sentence, m.end())
            if verb is None or verb[1].lower() in _META_VERBS:
                continue
            hits.append(Hit("necessity", verb[0], neg, agent, base=0.85 if agent else 0.75))
        else:
            rest = sentence[m.end() :]
            np_end = actor_np_end(rest)
            if np_end is None:
                hits.append(Hit("necessity_that", m.end(), neg, None, base=0.7))
                continue
            np = rest[:np_end]
            after = re.match(
                r"\s+(?:(?:should|must|shall|will)\s+)?(?P<neg>not\s+|never\s+)?", rest[np_end:]
            )
            vp_start = m.end() + np_end + (after.end() if after else 0)
            neg2 = (after.group("neg") or "").strip() if after else ""
            # "it is time that Beijing abandoned ...": the verb is in the past form
            past = "time" in m.group("adj").lower()
            hits.append(Hit("necessity", vp_start, neg2 or neg, np, base=0.88, past=past))
    return hits


def actor_np_end(rest: str) -> int | None:
    """End of an actor noun phrase at the start of ``rest`` ("our government come...")."""
    rest_l = rest.lower()
    for pron in ("we", "they", "it", "everyone", "all of us", "you"):
        if rest_l.startswith(pron + " "):
            return len(pron)
    best = None
    det = re.match(r"(?:the\s+)?", rest, re.IGNORECASE)
    starts = {0, det.end() if det else 0}
    for _addressee, pattern in ACTOR_PATTERNS:
        for pos in starts:
            m = pattern.match(rest, pos)
            if m and (best is None or m.end() > best):
                best = m.end()
    if best is not None:
        # extend over a short trailing head noun: "the Chinese government and the UN"
        return best
    return None


def _demander(sentence: str, verb_start: int) -> str | None:
    """Who makes the demand whose verb starts at ``verb_start``, as written.

    "" when the verb opens the sentence (a resolution's "Urges ...", a list item
    "Calling on ..."); None when it sits in a subordinate or relative clause.
    """
    prefix = sentence[:verb_start]
    prefix = re.sub(r"\b(we|i)[’'](?:re|m|ve)\s+$", r"\1 ", prefix, flags=re.IGNORECASE)
    prefix = prefix[: _BEFORE_VERB_RE.search(prefix).start()]
    stripped = prefix.strip(" \t\n\"“”'‘’([—–-")
    if not stripped:
        return ""
    piece = re.split(r"[,;:()—–]|\s-\s|\band\b\s*|\bbut\b\s*", prefix)[-1].strip(" \"“”'‘’")
    piece = re.sub(r"^(?:and|but|then|or)$", "", piece, flags=re.IGNORECASE)
    piece = re.sub(r"^(?:and|but|so|then|yet|or)\s+", "", piece, flags=re.IGNORECASE)
    if not piece:
        # "X today voiced alarm ..., and urged China to ...": the sentence's subject
        return leading_subject(stripped)
    if re.match(r"(?:who|which|that|whom|whose)\b", piece, re.IGNORECASE):
        return None
    if SUBORDINATOR_RE.search(piece):
        return None
    return piece


def demand_hits(sentence: str) -> list[Hit]:
    """Someone urging, asking or calling on someone to act ("We urge X to ...")."""
    hits = []
    for n, m in enumerate(_DEMAND_RE.finditer(sentence)):
        if len(hits) >= MAX_HITS or n >= _MAX_MATCHES:
            break
        speaker = _demander(sentence, m.start())
        if speaker is None:
            continue
        verb = re.sub(r"\s+", " ", m.group("verb").lower())
        if verb.startswith(_FIRST_PERSON_ONLY) and speaker.lower() not in {"we", "i"}:
            continue  # "Refugees want the world to know": a wish, not a demand
        if speaker.lower() in {"we", "i"} and re.search(r"ed\b|asked", verb) and verb != "need":
            continue  # "We asked it to let them leave": the author's story, not a demand
        rest = sentence[m.end() : m.end() + 200]
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
        to = _INFINITIVE_RE.search(rest)
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
        neg = "not" if to.group("neg") else ""
        hits.append(
            Hit("urge", m.end() + to.end(), neg, rest[: to.start()], base=0.95, speaker=speaker)
        )
    return hits


def only_way_hits(sentence: str) -> list[Hit]:
    m = _ONLY_WAY_RE.search(sentence)
    if not m:
        return []
    vp = _ONLY_WAY_VP_RE.search(sentence, m.end())
    if not vp:
        return []
    neg = "not" if vp.group("neg") else ""
    return [Hit("only_way", vp.end(), neg, vp.group("agent"), base=0.8)]


# The first word is a noun when a finite verb follows it ("Support grew").
_FINITE_AFTER_NOUN = word_set(
    """
    of by is was are were has had came grew went remains remained seems seemed appears
    appeared arrived will would can could may might does did shows says reveals suggests
    grows comes goes means makes takes gives finds tells warns points lists
    """
)
# Words that follow a finite verb rather than a noun: "Help arrived in time",
# "Support waned as ..." (but "Share verified information" is an imperative).
_AFTER_FINITE = word_set(
    "the a an in on at to from with by for as after before when and but quickly too again so"
)
# Verb-initial openers that introduce an example or a remark, not a directive.
_NOT_A_DIRECTIVE_RE = re.compile(
    r"(?:take\s+(?:the\s+case|for\s+example|for\s+instance)|make\s+no\s+mistake"
    r"|let\s+(?:me|it\s+be\s+said)\b|do\s+(?:you|we|they|i)\b|open\s+letter\b)",
    re.IGNORECASE,
)


_ITEM_MARK_RE = re.compile(r"^(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)|P\.\s?S\.)\s+")


def _frame_end(body: str) -> int | None:
    """Where the imperative starts after a framing clause ("If you can, please ...")."""
    frame = _FRAME_START_RE.match(body)
    if not frame:
        return None
    for comma in re.finditer(r",\s+(?:(?:please|also|then|now|just)\s+)*", body[:200]):
        word = body[comma.end() :].split(" ", 1)[0].lower().rstrip(",.;:")
        if word in _IMPERATIVE_VERBS:
            return comma.end()
    return None


def imperative_hits(sentence: str) -> list[Hit]:
    hits = _imperative_at(sentence, 0)
    if not hits:
        # "Admission is free; bring a friend.", "One request: don't scroll past."
        for m in re.finditer(r"[;:]\s+", sentence[:400]):
            hits = _imperative_at(sentence, m.end())
            if hits:
                break
    return hits


def _imperative_at(sentence: str, start: int) -> list[Hit]:
    hits = _imperative(sentence[start:])
    return [replace(h, vp_start=h.vp_start + start) for h in hits]


def _imperative(sentence: str) -> list[Hit]:
    mark = _ITEM_MARK_RE.match(sentence)  # "(a) Raise ...", "P.S. If you can, ..."
    body = sentence[mark.end() if mark else 0 :].lstrip("\"'“‘([")
    offset = len(sentence) - len(body)
    let = _LET_US_RE.match(body)
    if let:
        return [Hit("imperative", offset + let.end(), "", "we", base=0.8)]
    lead = _IMPERATIVE_LEAD_RE.match(body)
    please = bool(lead and re.search(r"please|kindly", lead.group(), re.IGNORECASE))
    if lead and lead.end() < len(body):
        offset, body = offset + lead.end(), body[lead.end() :]
    else:
        frame = _frame_end(body)
        if frame:
            offset, body = offset + frame, body[frame:]
    words = body.split()
    if len(words) < 3 - please:
        return []
    first = words[0].lower().rstrip(",:")
    if first not in _IMPERATIVE_VERBS:
        return []
    if any(start == 0 and end > len(words[0]) for start, end in organisation_names(body)):
        return []  # "Open Roads Coalition condemns ...": a name, not an order
    second = words[1].lower().rstrip(",.;:") if len(words) > 1 else ""
    third = words[2].lower() if len(words) > 2 else "."
    if (
        second in _FINITE_AFTER_NOUN
        or (
            second.endswith("ed")
            and len(second) > 4
            and (third in _AFTER_FINITE or not third or words[1][-1] in ".,;")
        )
        or (first == "welcome" and second == "to")
        or _NOT_A_DIRECTIVE_RE.match(body)
    ):
        return []  # "End of story", "Help came too late", "Take the case of ..."
    neg = ""
    vp_start = offset
    if first in {"don't", "don’t"}:
        neg, vp_start = "not", offset + len(words[0]) + 1
    elif first == "do" and second == "not":
        neg, vp_start = "not", offset + body.index(words[1]) + len(words[1]) + 1
    elif first == "never":
        neg, vp_start = "never", offset + len(words[0]) + 1
    end = sentence.rstrip()[-1:]
    base = 0.8 if end in "!" or end.isalnum() else 0.7
    explicit = "public" if first in _PUBLIC_VERBS else None
    return [Hit("imperative", vp_start, neg, None, explicit=explicit, base=base)]
