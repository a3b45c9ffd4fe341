"""Letters to officials, written from talking points. Pure functions, no Django.

A letter should read as if one person wrote it: every part has several
phrasings, and which one a sender gets depends on a hash of their name, city
and the office, so two supporters making the same choices send different
letters while one supporter's preview stays the same from step to step.
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote

ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")  # fmt: skip

# Mail clients and browsers truncate or refuse longer mailto: links.
MAILTO_LIMIT = 1800


@dataclass(frozen=True)
class OfficialInfo:
    title: str
    name: str = ""
    organisation: str = ""
    salutation: str = ""
    language: str = "en"
    key: str = ""  # stable identity of the office (e.g. its id) for the variation hash


@dataclass(frozen=True)
class Source:
    title: str = ""
    publication: str = ""
    published_on: date | None = None


@dataclass(frozen=True)
class PointInfo:
    ask: str
    ask_ko: str = ""
    source: Source | None = None


@dataclass(frozen=True)
class Sender:
    name: str
    city: str = ""
    country: str = ""
    personal: str = ""


@dataclass(frozen=True)
class ComposedLetter:
    subject: str
    salutation: str
    paragraphs: tuple[str, ...]
    closing: str
    signature: tuple[str, ...]
    text: str
    # Points left out because they have no Korean version yet (Korean letters only).
    left_out: tuple[PointInfo, ...] = field(default=())


def english_date(day):
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"


def korean_date(day):
    return f"{day.year}년 {day.month}월 {day.day}일"


class _Chooser:
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

# (for an imperative, for a negative imperative "Do not ...")
EN_REQUESTS = (
    ("I ask you to {ask}.", "I ask you not to {ask}."),
    ("I respectfully urge you to {ask}.", "I respectfully urge you not to {ask}."),
    ("I would be grateful if you would {ask}.", "I would be grateful if you would not {ask}."),
    ("It is important that you {ask}.", "It is important that you do not {ask}."),
)

# For asks that are not imperatives ("China must ..."): a whole clause.
EN_CLAIMS = (
    "I believe that {ask}, and I ask for your help to make it happen.",
    "It is my firm view that {ask}. I ask you to act on it.",
    "I hope you agree that {ask}, and that you will say so.",
)

EN_SOURCES_DATED = (
    "{publication} made this case on {date} in its editorial “{title}”.",
    "As {publication} wrote on {date} in “{title}”, this call deserves an answer.",
    "This is the call of “{title}”, an editorial published by {publication} on {date}.",
)

EN_SOURCES = (
    "{publication} made this case in its editorial “{title}”.",
    "As an editorial in {publication} argued in “{title}”, this call deserves an answer.",
    "This is the call of “{title}”, an editorial in {publication}.",
)

EN_CLOSINGS = (
    "I would be grateful for a reply setting out your office's position on these requests "
    "and the steps you intend to take.",
    "Could you tell me, in a reply to this letter, what your office will do about this and when?",
    "I ask you to make a public commitment on this matter, and I would welcome a written "
    "reply stating your position.",
)

EN_SIGN_OFFS = ("Yours sincerely,", "Respectfully yours,", "With respect and hope,")

# Names that keep their capital letter inside a sentence.
_PROPER = {
    "china", "chinese", "beijing", "seoul", "pyongyang", "korea", "korean", "north", "south",
    "japan", "russia", "united", "european", "i",
}  # fmt: skip
# A modal near the start makes an ask a statement ("China must ..."), not an imperative.
_STATEMENT = re.compile(
    r"^(\S+\s+){0,5}?(must|should|shall|will|cannot|can't|ought|needs? to|has to|have to)\b",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(r"^(do not|don't|never)\s+", re.IGNORECASE)


def _bare_ask(ask):
    """The ask ready to go inside a sentence: single spaces, no end stop, no "please"."""
    ask = " ".join(ask.split()).strip().rstrip(".!;,: ")
    if ask.casefold().startswith("please "):
        ask = ask[len("please ") :]
    return ask


def _lower_first(text):
    """Lower the first word unless it is a name or an acronym (China, UN, UNHCR)."""
    first = text.split(" ", 1)[0]
    if re.sub(r"[’']s$", "", first.casefold()) in _PROPER or (len(first) > 1 and first.isupper()):
        return text
    return text[:1].lower() + text[1:]


def _english_request(ask, chooser, offset):
    ask = _bare_ask(ask)
    if _STATEMENT.match(ask) or not ask.split(" ", 1)[0].isalpha():
        return chooser.pick(EN_CLAIMS, 10, offset).format(ask=_lower_first(ask))
    positive, negative = chooser.pick(EN_REQUESTS, 10, offset)
    negated = _NEGATIVE.match(ask)
    if negated:
        verb_phrase = ask[negated.end() :]
        if negated.group(1).casefold() == "never":
            return positive.format(ask="never " + verb_phrase)
        return negative.format(ask=verb_phrase)
    return positive.format(ask=_lower_first(ask))


def _english_source(source, chooser, offset):
    if source is None or not source.title:
        return ""
    publication = source.publication.strip()
    title = source.title.strip()
    if not publication:
        if source.published_on:
            day = english_date(source.published_on)
            return f"An editorial, “{title}”, made this case on {day}."
        return f"An editorial, “{title}”, made this case."
    if source.published_on:
        template = chooser.pick(EN_SOURCES_DATED, 20, offset)
        return template.format(
            publication=publication, title=title, date=english_date(source.published_on)
        )
    return chooser.pick(EN_SOURCES, 20, offset).format(publication=publication, title=title)


def _capitalise(sentence):
    return sentence[:1].upper() + sentence[1:]


def _english_where(sender):
    place = ", ".join(part for part in (sender.city.strip(), sender.country.strip()) if part)
    if not place:
        return ""
    # "from Seoul, South Korea, about ..." needs the closing comma of the apposition.
    return f" from {place}," if "," in place else f" from {place}"


def english_salutation(official):
    if official.salutation.strip():
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


def _compose_english(official, points, sender, chooser):
    name = sender.name.strip()
    opening = chooser.pick(EN_OPENINGS, 1).format(name=name, where=_english_where(sender))
    paragraphs = [opening]
    cited, previous = set(), None
    for index, point in enumerate(points):
        request = _english_request(point.ask, chooser, index)
        if point.source is not None and point.source == previous:
            source = "The same editorial makes this case."
        elif point.source is not None and point.source in cited:
            source = f"“{point.source.title}”, cited above, makes this case too."
        else:
            source = _english_source(point.source, chooser, index)
            cited.add(point.source)
        previous = point.source
        paragraphs.append(f"{request} {source}".strip())
    paragraphs.extend(_personal_paragraphs(sender))
    paragraphs.append(chooser.pick(EN_CLOSINGS, 2))
    place = ", ".join(part for part in (sender.city.strip(), sender.country.strip()) if part)
    signature = tuple(line for line in (name, place) if line)
    return (
        chooser.pick(EN_SUBJECTS, 0),
        english_salutation(official),
        paragraphs,
        chooser.pick(EN_SIGN_OFFS, 3),
        signature,
        (),
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
    "{honorific}께서 이 요청에 귀 기울여 주시기를 바랍니다. {ask}",
    "특히 다음 사항을 부탁드립니다. {ask}",
)

KO_SOURCES_DATED = (
    "{publication}의 {date} 사설 「{title}」도 이를 촉구한 바 있습니다.",
    "{date} {publication}에 실린 사설 「{title}」 역시 같은 주장을 펼쳤습니다.",
    "이는 {publication}의 사설 「{title}」({date})에서도 제기된 요구입니다.",
)

KO_SOURCES = (
    "{publication}의 사설 「{title}」도 이를 촉구한 바 있습니다.",
    "{publication}에 실린 사설 「{title}」 역시 같은 주장을 펼쳤습니다.",
    "이는 {publication}의 사설 「{title}」에서도 제기된 요구입니다.",
)

KO_CLOSINGS = (
    "이 요청들에 대한 {honorific}의 입장을 밝힌 답신을 주시면 감사하겠습니다.",
    "이 문제에 관해 어떤 조치를 취하실 계획인지 답변해 주시기를 요청드립니다.",
    "이 문제 해결을 위해 공개적으로 약속해 주시고, 입장을 서면으로 알려 주시기를 부탁드립니다.",
)

KO_SIGN_OFFS = ("감사합니다.", "읽어 주셔서 감사합니다.", "관심과 노력에 미리 감사드립니다.")

# Korean asks that are already a polite sentence keep their own ending.
_KO_POLITE_ENDINGS = ("니다", "시오", "세요", "바랍니다")


def korean_honorific(official):
    return KO_HONORIFICS.get(_role_keyword(official.title), "귀하")


def korean_salutation(official):
    if official.salutation.strip():
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


def _korean_source(source, chooser, offset):
    if source is None or not source.title:
        return ""
    publication = source.publication.strip() or "한 언론"
    title = source.title.strip()
    if source.published_on:
        template = chooser.pick(KO_SOURCES_DATED, 20, offset)
        return template.format(
            publication=publication, title=title, date=korean_date(source.published_on)
        )
    return chooser.pick(KO_SOURCES, 20, offset).format(publication=publication, title=title)


def _compose_korean(official, points, sender, chooser):
    name = sender.name.strip()
    honorific = korean_honorific(official)
    place = " ".join(part for part in (sender.country.strip(), sender.city.strip()) if part)
    opening = chooser.pick(KO_OPENINGS, 1).format(
        name=name,
        honorific=honorific,
        where_lives=f"{place}에 사는 " if place else "",
        where_from=f"{place}에서 " if place else "",
    )
    paragraphs = [opening]
    left_out = []
    cited, previous = set(), None
    usable = 0
    for point in points:
        if not point.ask_ko.strip():
            left_out.append(point)
            continue
        request = chooser.pick(KO_REQUESTS, 10, usable).format(
            honorific=honorific, ask=_korean_ask(point.ask_ko)
        )
        if point.source is not None and point.source == previous:
            source = "같은 사설도 이 점을 지적했습니다."
        elif point.source is not None and point.source in cited:
            source = f"앞서 언급한 사설 「{point.source.title}」도 이 점을 지적했습니다."
        else:
            source = _korean_source(point.source, chooser, usable)
            cited.add(point.source)
        previous = point.source
        paragraphs.append(f"{request} {source}".strip())
        usable += 1
    paragraphs.extend(_personal_paragraphs(sender))
    paragraphs.append(chooser.pick(KO_CLOSINGS, 2).format(honorific=honorific))
    signature = (f"{place}에서 {name} 드림" if place else f"{name} 드림",)
    return (
        chooser.pick(KO_SUBJECTS, 0),
        korean_salutation(official),
        paragraphs,
        chooser.pick(KO_SIGN_OFFS, 3),
        signature,
        tuple(left_out),
    )


def usable_points(points, language):
    """The points that make it into a letter in this language."""
    if language == "ko":
        return [point for point in points if point.ask_ko.strip()]
    return list(points)


def compose_letter(official, points, sender, language=None):
    """Write a letter from `sender` to `official` making the requests in `points`."""
    language = language or official.language
    chooser = _Chooser(sender.name, sender.city, official.key or official.title)
    compose = _compose_korean if language == "ko" else _compose_english
    subject, salutation, paragraphs, closing, signature, left_out = compose(
        official, points, sender, chooser
    )
    paragraphs = [_capitalise(p) for p in paragraphs]
    text = "\n\n".join([salutation, *paragraphs, "\n".join([closing, *signature])])
    return ComposedLetter(
        subject=subject,
        salutation=salutation,
        paragraphs=tuple(paragraphs),
        closing=closing,
        signature=signature,
        text=text,
        left_out=left_out,
    )


# Delivery ---------------------------------------------------------------------


def paragraphs(text):
    """The paragraphs of a finished letter (blank-line separated), whatever its line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [block.strip("\n") for block in text.split("\n\n") if block.strip()]


def crlf(text):
    """Mail wants CRLF line breaks."""
    return "\r\n".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def mailto_url(email, subject, body=""):
    """A mailto: link that opens the sender's mail client with the letter filled in.

    Percent-encoded as UTF-8, spaces as %20 (never +), line breaks as %0D%0A.
    """
    query = f"subject={quote(subject, safe='')}"
    if body:
        query += f"&body={quote(crlf(body), safe='')}"
    return f"mailto:{quote(email, safe='@')}?{query}"


def mailto_too_long(url):
    return len(url) > MAILTO_LIMIT
