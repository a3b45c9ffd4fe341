"""Imperatives: "Stop the repatriations!", "Let us ...", "Write to your MP."

* A sentence or list item that opens with a verb in the base form, after
  connectives, labels and framing clauses ("Finally, please allow ...",
  "Step 2 - Call ...", "If you belong to a church, print ...", "The next time
  the counter offers cod, ask who processed it", "First, if you
  have not yet, please sign"), a manner adverb ("Immediately halt ..."), or
  after a colon or semicolon ("Entry is free; bring a friend.").
* After someone called by name or title: "Prime Minister, raise their cases
  ...", "Beijing, release them", "Pyongyang, next time stay in your seat", or
  by a tagged account: "@UNHCR_Asia please make your request public".
* Not when the first word is a noun with a verb after it ("Help arrived too
  late"), an example or remark ("Take the case of ..."), or the start of a
  name ("Open Roads Coalition condemns ...").
* Verbs that only readers are asked to do (sign, share, write, donate ...)
  make the call the public's, unless the list or letter it stands in says
  otherwise (see the addressees module).
* In a list whose introducer ends in "to:" every item opens with a verb, listed
  or not ("... urge the Government of China to: - Impose a moratorium"), even
  one followed by a name ("- Release Pastor Jin") or negated ("- Not hand them
  over to ...").
* Two words make an order in running prose ("Stand firm.", "Go home tonight
  and ..."), and so do a verb and its object pronoun ("Third, meet us.",
  "Free them!"), one after a numbered step ("Step 2 — Call."); alone on a
  line they are a button. "..., so please get in touch" opens one mid-sentence,
  and so does "so" drawing an order from a reason ("She is your citizen, so
  treat her as one"); "At least" before the verb leaves it an order ("At least
  let the monitors in").
* Formulas are no orders: "Let us be clear", "Tell us what ...", "Call them
  what you like", a spokesperson's "Please allow me to refrain from
  commenting", a profile's "Meet Soo-ah, our new coordinator", a target
  cheered ("Let's get to 50,000!": the act is signing, asked elsewhere), and
  nouns that look like verbs ("Press Secretary Mori: ...", "Press release").
"""

from __future__ import annotations

import re
from dataclasses import replace

from articles.extraction.actors import find_actors, organisation_names
from articles.extraction.sentences import word_set
from articles.extraction.triggers import Hit

_LET_US_RE = re.compile(r"^(?:let\s+us|let[’']s)\s+", re.IGNORECASE)
# "Let us be clear about ...", "Let's face it": how a speaker orders their words,
# not what anyone is to do; "let us know" asks for a reply to the page.
_LET_US_FORMULA_RE = re.compile(
    r"(?:be\s+(?:clear|honest|frank|plain|blunt|candid|precise|fair|realistic)|face\s+it"
    r"|start\s+with|begin\s+with|turn\s+to|look\s+at|imagine|put\s+it|know)\b"
    # a target cheered, not an act: "Let's get to 50,000!", "Let us reach 10k by May"
    r"|(?:get\s+to|reach|hit|make\s+it\s+to|pass|break)\s+(?:the\s+)?[\d,.]+\s*(?:k\b|thousand"
    r"|million|signatures|names|supporters)?"
    # a chair moving the meeting along: "Let's move on to the next question."
    r"|(?:move\s+on|go\s+on|proceed|take\s+(?:the\s+next|one\s+more|a\s+few)|hear\s+from"
    r"|open\s+the\s+floor|conclude|wrap\s+up|pause)\b",
    re.IGNORECASE,
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
    impose instruct copy go get summon convene introduce sanction restore reinstate expedite
    simplify waive commit pledge deliver monitor inspect verify remind warn protest oppose
    challenge examine assess screen identify finance contribute lobby mobilise mobilize
    gather observe commemorate avoid decline dismantle relocate declare exempt push enforce
    reunite locate discuss negotiate intervene coordinate consult reform revise reduce visit
    ratify amend review reconsider suspend condemn engage invite fund increase expand insist
    follow pray attend implement include inform notify account withdraw remove apply
    phone text tweet retweet rt repost boost post sponsor volunteer organise organize host
    spread read
    come bring
    consider talk say forward learn watch stay name find request
    """
)


_PUBLIC_VERBS = word_set(
    """
    sign write call join tell speak donate raise boycott pressure press urge demand
    support remember stand listen share email e-mail send contact print add ask follow
    pray attend phone text tweet post sponsor volunteer organise organize host spread read
    come bring consider talk forward learn watch
    """
)


# Verbs that make an order on their own or with one word: "Donate.", "Act now!",
# "Stand firm.", "Speak up."
_SHORT_ORDER_VERBS = _PUBLIC_VERBS | word_set("act stand speak protest resist give join vote")
_OBJECT_PRONOUNS = word_set("us them him her me")


# Words before an imperative that do not change it: "Finally, please allow ...",
# "Step 2 — Call ...", "Also send a copy ...".
_IMPERATIVE_LEAD_RE = re.compile(
    r"^(?:(?:step\s+\d+\s*[—–:.-]|finally|also|then|now|first(?:ly)?|second(?:ly)?|third(?:ly)?"
    r"|above\s+all|at\s+(?:the\s+)?(?:very\s+)?least|today|instead|in\s+the\s+meantime|meanwhile|and|so|but|again|together"
    r"|once\s+you(?:[’']ve|\s+have)\s+\w+|please|kindly)[\s,]*)+",
    re.IGNORECASE,
)


# A framing clause before the imperative: "If you belong to a church, print ...",
# "To add your name, email ...".
_FRAME_START_RE = re.compile(
    r"(?:if|when|whenever|before|after|while|once|until|as\s+soon\s+as|to|in\s+order\s+to"
    r"|wherever|whether|whatever|(?:the\s+)?next\s+time)\b",
    re.IGNORECASE,
)


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
    r"|let\s+(?:me|it\s+be\s+said|the\s+record\s+show)\b|do\s+(?:you|we|they|i)\b"
    r"|open\s+letter\b"
    # a speaker's formula about their own words: "Please allow me to refrain from ..."
    r"|(?:allow|permit)\s+me\s+to\b|(?:forgive|excuse|bear\s+with)\s+me\b"
    # a challenge, not an order: "Let it say so in public", "Let them try to explain"
    r"|let\s+(?:it|him|her|them|beijing|pyongyang|seoul|the\s+\w+)\s+(?:say|claim|argue|explain"
    r"|try|deny|insist|pretend|answer)\b"
    # nouns that look like orders: "Press Secretary Mori:", "Press release", "Release date"
    r"|press\s+(?:conference|release|secretary|office|officer|briefing|statement|room|corps"
    r"|freedom|card|kit|service|gallery)\b|release\s+(?:date|notes?)\b"
    # a profile's heading introduces someone: "Meet Soo-ah, our new coordinator"
    r"|meet\s+(?:(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?\s*(?:[,:—–]|$)|our\s)"
    # a concession: "Call them what you like: the law ..."
    r"|(?:call|say|think|name)\s+(?:\w+\s+)?what(?:ever)?\s+you\s+(?:like|want|will|wish)"
    # asking for a reply to the page: "Tell us what we should explain next."
    r"|tell\s+us\s+(?:what|which|how|whether|if|why|where|about\s+your))",
    re.IGNORECASE,
)


# "(a) Raise ...", "P.S. ...", a thread's "10/ RT so ..." or "7/12 Seoul, please ..."
_ITEM_MARK_RE = re.compile(
    r"^(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)|\d{1,2}/(?:\d{1,3})?|P\.\s?S\.)\s+"
)


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


def _starts_with_a_name(words: list[str]) -> bool:
    """Capitalised words after the verb, in a sentence not set in title case, that
    name no actor and are followed by a finite verb: the verb starts a name that is
    the sentence's subject ("Help Line volunteers answered ...")."""
    if len(words) < 3 or not words[1][:1].isupper():
        return False
    run = 1
    while run < len(words) and (
        words[run][:1].isupper() or (words[run] in {"the", "of", "for"} and run + 1 < len(words))
    ):
        run += 1
    if run < 2 or run == len(words):
        return False
    capitalised = sum(w[:1].isupper() for w in words) / len(words)
    name = " ".join(words[1:run]).rstrip(",.;:!")
    # the name is a subject when a finite verb follows it, or follows its noun
    after = [w.lower().rstrip(",.;:") for w in words[run : run + 2]]
    finite = any(
        w in _FINITE_AFTER_NOUN or w in {"said", "says"} or w.endswith("ed") for w in after
    )
    return capitalised < 0.6 and finite and not find_actors(name)


# "Prioritise", "Criminalise", "Clarify": verbs by their ending
_VERB_SUFFIX_RE = re.compile(r"^[a-z]{3,}(?:ise|ize|ify)$")


# Words that cannot open a verb phrase: an item "- The detainees ..." is no order.
_NOT_A_VERB = word_set(
    """
    the a an this that these those there here it its their our his her they we he she you i
    of in on at to for and or but as by with from into over under after before since if when
    while not no all any each every some most many more such one two three first second
    third new north south chinese korean international
    """
)


def imperative_hits(sentence: str, any_verb: bool = False, short: bool = False) -> list[Hit]:
    """Imperatives in ``sentence``; ``any_verb``: it is an item of a list whose
    introducer ends in "to:" ("We urge the Government of China to: - Impose ..."),
    so its first word is a verb whatever it is; ``short``: the sentence stands in
    running prose (or ends in "!"), where two words can be an order ("Stand firm.",
    "Act now!") that alone on a line would be a button."""
    hits = _imperative_at(sentence, 0, any_verb, short)
    called = None if hits else _CALLED_FIRST_RE.match(sentence)
    if called and called.group("verb").lower() in _IMPERATIVE_VERBS:
        # "Prime Minister, raise their cases ...", "Beijing, release them": the one
        # called first, then the order
        hits = _imperative_at(sentence, called.start("verb"), short=True)
    if not hits:
        # "Admission is free; bring a friend.", "One request: don't scroll past.",
        # "The shelter needs interpreters, so please get in touch."
        for m in _SECOND_CLAUSE_RE.finditer(sentence[:400]):
            hits = _imperative_at(sentence, m.end())
            if hits:
                break
    return hits


# A name or title called before an order: one to four capitalised words and a comma
# (or a tagged account, "@UNHCR_Asia please ..."), and what may stand between: "next
# time", "please", "today"
_CALLED_FIRST_RE = re.compile(
    r"(?:\d{1,2}/(?:\d{1,3})?\s+)?(?:(?P<np>(?:(?:Mr|Mrs|Ms|Madam|Madame|Dr)\.?\s+)?[A-Z][\w.’'-]*"
    r"(?:\s+[A-Z][\w.’'-]*){0,3}),|(?P<handle>@\w{2,30}),?)"
    r"\s+(?:(?:next|this)\s+time,?\s+|(?:now|today|then),?\s+)*(?:please\s+)?(?P<verb>[a-z]+)\b"
)
# "He is your citizen, so treat him like one": "so" draws an order from a reason
_SECOND_CLAUSE_RE = re.compile(
    r"[;:]\s+|(?:,|\s[—–])\s+(?:(?:so|and|then|but)\s+)?(?=please\b)|,\s+so\s+(?=[a-z])"
)


def _imperative_at(
    sentence: str, start: int, any_verb: bool = False, short: bool = False
) -> list[Hit]:
    hits = _imperative(sentence[start:], any_verb, short)
    return [replace(h, vp_start=h.vp_start + start) for h in hits]


def _is_verb(word: str, any_verb: bool) -> bool:
    if word in _IMPERATIVE_VERBS or _VERB_SUFFIX_RE.match(word):
        return True
    return (
        any_verb
        and word.isalpha()
        and word not in _NOT_A_VERB
        and not word.endswith(("ly", "ing", "ed"))
    )


def _imperative(sentence: str, any_verb: bool = False, short: bool = False) -> list[Hit]:
    mark = _ITEM_MARK_RE.match(sentence)  # "(a) Raise ...", "P.S. If you can, ..."
    body = sentence[mark.end() if mark else 0 :].lstrip("\"'“‘([")
    offset = len(sentence) - len(body)
    let = _LET_US_RE.match(body)
    if let:
        if _LET_US_FORMULA_RE.match(body, let.end()):
            return []
        return [Hit("imperative", offset + let.end(), "", "we", base=0.8)]
    lead = _IMPERATIVE_LEAD_RE.match(body)
    please = bool(lead and re.search(r"please|kindly", lead.group(), re.IGNORECASE))
    # "Step 2 — Call.": a numbered step may be a single verb
    step = bool(lead and re.match(r"step\b", lead.group(), re.IGNORECASE))
    if lead and lead.end() < len(body):
        offset, body = offset + lead.end(), body[lead.end() :]
    # "First, if you have not signed yet, please sign it now": a frame after the lead
    frame = _frame_end(body)
    if frame:
        offset, body = offset + frame, body[frame:]
        please = please or body.lower().startswith(("please", "kindly"))
        lead = _IMPERATIVE_LEAD_RE.match(body)
        if lead and lead.end() < len(body):
            offset, body = offset + lead.end(), body[lead.end() :]
    # "Immediately halt the returns", "Urgently grant access": a manner adverb first
    adverb = re.match(r"[a-z]+ly,?\s+(?=(?P<verb>[a-z]+)\b)", body, re.IGNORECASE)
    if adverb and _is_verb(adverb.group("verb").lower(), False):
        offset, body = offset + adverb.end(), body[adverb.end() :]
    words = body.split()
    first = words[0].lower().rstrip(",:.!") if words else ""
    # "Third, meet us.", "Free them!": a verb and its object pronoun make a whole order
    pronoun = len(words) == 2 and words[1].lower().rstrip(".!") in _OBJECT_PRONOUNS
    if len(words) < 3 - please and not (
        (step or (short and len(words) == 2))
        and (first in _SHORT_ORDER_VERBS or (pronoun and first in _IMPERATIVE_VERBS))
    ):
        return []
    # an item under "... to:" may open with "Not": "- Not hand them over to ..."
    negated = any_verb and first == "not" and len(words) > 1
    if negated:
        offset, body = offset + len(words[0]) + 1, body[len(words[0]) + 1 :]
        words, first = words[1:], words[1].lower()
    if not _is_verb(first, any_verb):
        return []
    # under "... to:" the first word is the verb: "Release Pastor Jin Wenhua"
    if not any_verb and any(
        start == 0 and end > len(words[0]) for start, end in organisation_names(body)
    ):
        return []  # "Open Roads Coalition condemns ...": a name, not an order
    if not any_verb and _starts_with_a_name(words):
        return []  # "Help Line volunteers answered ...", "Save the Children said ..."
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
    neg = "not" if negated else ""
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
