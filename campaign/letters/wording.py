"""The words of a letter, in English and Korean: the phrasings `compose` chooses among.
Pure, no Django.

Every part has several phrasings. A `Chooser` seeded with who writes to whom picks
one, so two supporters making the same choices send different letters while one
supporter's preview stays the same from step to step.
"""

import hashlib
import re

from campaign.letters import citations
from campaign.lib import hangul


class Chooser:
    """Deterministic choices from a hash of who writes to whom."""

    def __init__(self, *parts):
        seed = "\x1f".join(part.strip().casefold() for part in parts)
        self.digest = hashlib.sha256(seed.encode("utf-8")).digest()

    def pick(self, options, slot, offset=0):
        """One of `options`; consecutive offsets (the points of one letter) rotate through
        them so a letter does not repeat a phrasing before it has used them all."""
        return options[(self.digest[slot % len(self.digest)] + offset) % len(options)]


def _role_keyword(title):
    lowered = title.casefold()
    for keyword in ("ambassador", "high commissioner", "special rapporteur", "committee"):
        if keyword in lowered:
            return keyword
    if "minister" in lowered:
        return "minister"
    return ""


def has_hangul(text):
    return any(hangul.is_syllable(char) for char in text)


# English ----------------------------------------------------------------------

EN_SALUTATIONS = {
    "ambassador": "Your Excellency,",
    "minister": "Dear Minister,",
    "high commissioner": "Dear High Commissioner,",
    "special rapporteur": "Dear Special Rapporteur,",
    "committee": "Dear Members of the Committee,",
}

EN_SUBJECTS = (
    "Please act to end the forced repatriation of North Korean refugees",
    "A request about North Korean refugees in China",
    "North Korean defectors must not be sent back",
)

EN_OPENINGS = (
    "My name is {name} and I am writing to you{where} about the North Koreans who are "
    "forcibly returned from China, where they face prison, torture and worse.",
    "I am writing{where} as one of the many people who are troubled by the forced "
    "repatriation of North Korean defectors from China. My name is {name}, and I believe "
    "your office is in a position to help them.",
    "I write to you{where} because North Korean refugees are still being sent back from "
    "China against their will, and your office can do something about it. My name is {name}.",
)

# (for an imperative, for a negative imperative "Do not ..."): the first request, then
# the others, which say that they come in addition.
EN_REQUESTS = (
    ("I ask you to {ask}.", "I ask you not to {ask}."),
    ("I respectfully urge you to {ask}.", "I respectfully urge you not to {ask}."),
    ("I would be grateful if you would {ask}.", "I would be grateful if you would not {ask}."),
    ("It is important that you {ask}.", "It is important that you do not {ask}."),
)
EN_FURTHER_REQUESTS = (
    ("I also ask you to {ask}.", "I also ask you not to {ask}."),
    ("I would also be grateful if you would {ask}.",
     "I would also be grateful if you would not {ask}."),
    ("Further, I urge you to {ask}.", "Further, I urge you not to {ask}."),
    ("It is just as important that you {ask}.", "It is just as important that you do not {ask}."),
)  # fmt: skip

# For asks that are not imperatives ("China must ..."): a whole clause.
EN_CLAIMS = (
    "I believe that {ask}, and I ask for your help to make it happen.",
    "It is my firm view that {ask}. I ask you to act on it.",
    "I hope you agree that {ask}, and that you will say so.",
)

EN_CLOSINGS = (
    "I would be grateful for a reply setting out your office's position on {these} and "
    "the steps you intend to take.",
    "Could you tell me, in a reply to this letter, what your office will do about this and when?",
    "I ask you to make a public commitment on this matter, and I would welcome a written "
    "reply stating your position.",
)

EN_REPLY_TO = {
    "email": ("You can reply to me at {email}.", "My email address for your reply is {email}."),
    "post": (
        "You can reply to me by post at the address below.",
        "My postal address for your reply is below.",
    ),
    "both": (
        "You can reply to me at {email}, or by post at the address below.",
        "My email address for your reply is {email}; my postal address is below.",
    ),
}

EN_SIGN_OFFS = ("Yours sincerely,", "Respectfully yours,", "With respect and hope,")

# Names that keep their capital letter inside a sentence.
_PROPER = {
    "china", "chinese", "beijing", "seoul", "pyongyang", "korea", "korean", "north", "south",
    "japan", "russia", "united", "european", "i",
}  # fmt: skip
# A modal near the start makes an ask a statement ("China must ..."), not an imperative,
# unless the words before it open a clause of an imperative ("Convey to Beijing that it
# should ...", "Tell them they must ...").
_STATEMENT = re.compile(
    r"^(?P<subject>(?:\S+\s+){0,5}?)(?:must|should|shall|will|cannot|can't|ought|needs? to"
    r"|has to|have to)\b",
    re.IGNORECASE,
)
_OPENS_CLAUSE = re.compile(
    r"\b(?:that|to|ensure|make|tell|convey|urge|ask|press|call|insist|demand|who|whom|whose"
    r"|which|where)\b",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(r"^(do not|don't|never)\s+", re.IGNORECASE)


def _bare_ask(ask):
    """The ask ready to go inside a sentence: single spaces, no end stop, no "please"."""
    ask = " ".join(ask.split()).strip().rstrip(".!;,: ")
    if ask.casefold().startswith("please "):
        ask = ask[len("please ") :]
    return ask


def _is_statement(ask):
    found = _STATEMENT.match(ask)
    return bool(found) and not _OPENS_CLAUSE.search(found["subject"])


def _lower_first(text):
    """Lower the first word unless it is a name or an acronym (China, UN, UNHCR)."""
    first = text.split(" ", 1)[0]
    if re.sub(r"[’']s$", "", first.casefold()) in _PROPER or (len(first) > 1 and first.isupper()):
        return text
    return text[:1].lower() + text[1:]


# Verbs of asking a request sentence may use, and an ask may use too ("raise the matter
# with Beijing and urge it to ...", "…할 것을 요청하는 목소리를 …전달해 주십시오").
_ASKING = ("urge", "ask", "요청", "부탁")


def _uses(text, verb):
    if has_hangul(verb):
        # Korean verbs take their endings without a space: 요청드립니다, 요청해.
        return verb in text
    return bool(re.search(rf"\b{re.escape(verb)}\b", text, re.IGNORECASE))


def _not_repeating(options, chooser, slot, offset, ask, verb, previous=None):
    """The option the chooser gives, or the next one that does not already contain the
    ask's own verb (`verb`) or a verb of asking the ask has anywhere, and is not the
    `previous` request's: a reframed ask starts with what the office is to do ("Urge the
    Chinese authorities ..."), and "I respectfully urge you to urge ..." says it twice,
    as two requests in a row that open alike do."""
    verbs = [verb] if verb else []
    verbs += [asking for asking in _ASKING if _uses(ask, asking)]
    for avoid_previous in (True, False):
        for step in range(len(options)):
            option = chooser.pick(options, slot, offset + step)
            if avoid_previous and option == previous:
                continue
            text = re.sub(r"\{\w+\}", "", option[0] if isinstance(option, tuple) else option)
            if not any(_uses(text, verb) for verb in verbs):
                return option
    return chooser.pick(options, slot, offset)


def _english_request(ask, chooser, offset, previous=None):
    """(the sentence making the request, the phrasing it took); `previous` is the
    phrasing of the request before it, not taken again."""
    ask = _bare_ask(ask)
    if _is_statement(ask) or not ask.split(" ", 1)[0].isalpha():
        claim = _not_repeating(EN_CLAIMS, chooser, 10, offset, "", "", previous)
        return claim.format(ask=_lower_first(ask)), claim
    negated = _NEGATIVE.match(ask)
    verb_phrase = ask[negated.end() :] if negated else ask
    requests = EN_FURTHER_REQUESTS if offset else EN_REQUESTS
    phrasing = _not_repeating(
        requests, chooser, 10, offset, ask, verb_phrase.split(" ", 1)[0], previous
    )
    positive, negative = phrasing
    if negated:
        if negated.group(1).casefold() == "never":
            return positive.format(ask="never " + verb_phrase), phrasing
        return negative.format(ask=verb_phrase), phrasing
    return positive.format(ask=_lower_first(ask)), phrasing


def _requests(asks, make):
    """The request sentences for `asks`, each made by `make(ask, offset, previous)`."""
    sentences, previous = [], None
    for offset, ask in enumerate(asks):
        sentence, previous = make(ask, offset, previous)
        sentences.append(sentence)
    return sentences


def capitalise(sentence):
    return sentence[:1].upper() + sentence[1:]


def _english_where(sender):
    place = ", ".join(part for part in (sender.city.strip(), sender.country.strip()) if part)
    if not place:
        return ""
    # "from Seoul, South Korea, about ..." needs the closing comma of the apposition.
    return f" from {place}," if "," in place else f" from {place}"


def english_salutation(official):
    # An editor's salutation in Korean is for the Korean letter, not its English rendering.
    if official.salutation.strip() and not has_hangul(official.salutation):
        return _with_comma(official.salutation.strip())
    keyword = _role_keyword(official.title)
    if keyword:
        return EN_SALUTATIONS[keyword]
    if official.name.strip():
        return f"Dear {official.name.strip()},"
    return "Dear Sir or Madam,"


def _with_comma(salutation):
    return salutation if salutation[-1] in ",:!" else salutation + ","


def _personal_paragraphs(sender):
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", sender.personal.strip()) if p.strip()]


def _reply_kind(sender):
    email, post = bool(sender.reply_email.strip()), bool(sender.address_lines)
    return "both" if email and post else "email" if email else "post" if post else ""


def _cite(sources, chooser, sentence, line):
    """(sentence to add after the asks, Sources line): one or the other, by the chooser."""
    if not citations.distinct(sources):
        return "", ""
    if chooser.pick((True, False), 4):
        return sentence(sources, lambda options: chooser.pick(options, 5)), ""
    return "", line(sources)


def _with_citation(paragraphs, asks, citation):
    """A citation joins a letter's only request, or follows several in its own paragraph
    (after one of several it would seem to be about that one)."""
    if not citation:
        return paragraphs
    if len(asks) == 1:
        return [*paragraphs[:-1], f"{paragraphs[-1]} {citation}"]
    return [*paragraphs, citation]


def english_parts(official, asks, sources, sender, chooser):
    name = sender.name.strip()
    opening = chooser.pick(EN_OPENINGS, 1).format(name=name, where=_english_where(sender))
    requests = _requests(
        asks, lambda ask, offset, previous: _english_request(ask, chooser, offset, previous)
    )
    citation, sources_line = _cite(
        sources, chooser, citations.english_sentence, citations.english_line
    )
    paragraphs = _with_citation([opening, *requests], asks, citation)
    paragraphs.extend(_personal_paragraphs(sender))
    closing = chooser.pick(EN_CLOSINGS, 2).format(
        these="this request" if len(asks) == 1 else "these requests"
    )
    kind = _reply_kind(sender)
    if kind:
        reply = chooser.pick(EN_REPLY_TO[kind], 6).format(email=sender.reply_email.strip())
        closing = f"{closing} {reply}"
    paragraphs.append(closing)
    place = ", ".join(part for part in (sender.city.strip(), sender.country.strip()) if part)
    signature = tuple(line for line in (name, place, *sender.address_lines) if line)
    return (
        chooser.pick(EN_SUBJECTS, 0),
        english_salutation(official),
        paragraphs,
        chooser.pick(EN_SIGN_OFFS, 3),
        signature,
        sources_line,
    )


# Korean (formal letter style, 합쇼체) ---------------------------------------------

KO_HONORIFICS = {
    "ambassador": "대사님",
    "minister": "장관님",
    "high commissioner": "최고대표님",
    "special rapporteur": "특별보고관님",
    "committee": "위원님들",
}

KO_SUBJECTS = (
    "탈북민 강제 북송 중단을 요청드립니다",
    "중국 내 탈북민 강제 북송 문제에 관한 요청",
    "탈북민 보호를 위한 조치를 요청드립니다",
)

KO_OPENINGS = (
    "저는 {where_lives}{name}입니다. 중국에서 강제로 북송되는 탈북민들의 문제로 이 편지를 "
    "드립니다. 북송된 이들은 구금과 고문 등 가혹한 처벌을 받을 위험에 놓여 있습니다.",
    "저는 탈북민 강제 북송 문제를 깊이 우려하는 {where_lives}{name}입니다. {honorific}께서 "
    "이들을 도울 수 있는 위치에 계시기에 이 편지를 드립니다.",
    "중국에서 탈북민들이 본인의 뜻에 반해 북한으로 송환되는 일이 계속되고 있어 {where_from}"
    "이 편지를 드립니다. 저는 {name}입니다.",
)

KO_REQUESTS = (
    "{honorific}께 간곡히 요청드립니다. {ask}",
    "다음 사항을 실행해 주시기를 요청드립니다. {ask}",
    "{honorific}께서 이 호소에 귀 기울여 주시기를 바랍니다. {ask}",
)
# After the first request: "also", "together with this".
KO_FURTHER_REQUESTS = (
    "또한 {ask}",
    "아울러 다음 사항도 부탁드립니다. {ask}",
    "이와 함께 {ask}",
    "다음 사항도 요청드립니다. {ask}",
)

KO_CLOSINGS = (
    "이 요청에 대한 {honorific}의 입장을 밝힌 답신을 주시면 감사하겠습니다.",
    "이 문제에 관해 어떤 조치를 취하실 계획인지 답변해 주시기를 요청드립니다.",
    "이 문제 해결을 위해 공개적으로 약속해 주시고, 입장을 서면으로 알려 주시기를 부탁드립니다.",
)

KO_REPLY_TO = {
    "email": "답신은 이메일({email})로 보내 주십시오.",
    "post": "답신은 아래 주소로 보내 주십시오.",
    "both": "답신은 이메일({email})이나 아래 주소로 보내 주십시오.",
}

KO_SIGN_OFFS = ("감사합니다.", "읽어 주셔서 감사합니다.", "관심과 노력에 미리 감사드립니다.")

# Korean asks that are already a polite sentence keep their own ending.
_KO_POLITE_ENDINGS = ("니다", "시오", "세요", "바랍니다")
# The verb noun of a polite request ("…촉구해 주십시오" → 촉구), to keep the sentence
# that introduces it from using the same one ("요청드립니다. …요청해 주십시오").
_KO_REQUEST_VERB = re.compile(r"(\S{2})(?:해|하여|하도록)?\s*주(?:십시오|시기)")


def korean_honorific(official):
    return KO_HONORIFICS.get(_role_keyword(official.title), "귀하")


def korean_salutation(official):
    if official.salutation.strip() and has_hangul(official.salutation):
        return official.salutation.strip()
    honorific = korean_honorific(official)
    if honorific == "귀하":
        if official.name.strip():
            return f"{official.name.strip()} 님께"
        return "담당자님께"
    return f"존경하는 {honorific}께"


def _korean_ask(ask_ko):
    ask = " ".join(ask_ko.split()).strip().rstrip(".!;,: ")
    if ask.endswith(_KO_POLITE_ENDINGS):
        return ask + "."
    return f"“{ask}”"


def _korean_request(ask, honorific, chooser, offset, previous=None):
    """(the sentence making the request, the phrasing it took), as in English."""
    verbs = _KO_REQUEST_VERB.findall(ask)
    requests = KO_FURTHER_REQUESTS if offset else KO_REQUESTS
    wording = _korean_ask(ask)
    if wording.startswith("“"):
        # A quoted noun phrase cannot follow "또한": it needs a sentence to introduce it.
        requests = tuple(template for template in requests if ". {ask}" in template)
    template = _not_repeating(
        requests, chooser, 10, offset, ask, verbs[-1] if verbs else "", previous
    )
    return template.format(honorific=honorific, ask=wording), template


def korean_parts(official, asks, sources, sender, chooser):
    name = sender.name.strip()
    honorific = korean_honorific(official)
    place = " ".join(part for part in (sender.country.strip(), sender.city.strip()) if part)
    opening = chooser.pick(KO_OPENINGS, 1).format(
        name=name,
        honorific=honorific,
        where_lives=f"{place}에 사는 " if place else "",
        where_from=f"{place}에서 " if place else "",
    )
    requests = _requests(
        asks,
        lambda ask, offset, previous: _korean_request(ask, honorific, chooser, offset, previous),
    )
    citation, sources_line = _cite(
        sources, chooser, citations.korean_sentence, citations.korean_line
    )
    paragraphs = _with_citation([opening, *requests], asks, citation)
    paragraphs.extend(_personal_paragraphs(sender))
    closing = chooser.pick(KO_CLOSINGS, 2).format(honorific=honorific)
    kind = _reply_kind(sender)
    if kind:
        closing = f"{closing} {KO_REPLY_TO[kind].format(email=sender.reply_email.strip())}"
    paragraphs.append(closing)
    signed = f"{place}에서 {name} 드림" if place else f"{name} 드림"
    return (
        chooser.pick(KO_SUBJECTS, 0),
        korean_salutation(official),
        paragraphs,
        chooser.pick(KO_SIGN_OFFS, 3),
        (signed, *sender.address_lines),
        sources_line,
    )
