"""Naming the editorials behind a letter's requests, as a person would. Pure, no Django.

A letter that follows every request with its own reference ("This is the call of ...,
an editorial published by ... on ...") reads like a bibliography. People who cite in a
letter name their sources once: in one sentence that gathers them ("Editorials in The
Korea Herald (2014) and Korea JoongAng Daily (2012) have made the same case."), or in a
short "Sources" line under the signature. `compose` picks one of the two per letter.

Korean letters name an editorial by its Korean title. A title in another language is
never put inside a Korean sentence, where it would stand out mid-line in Latin script;
the sentence then names the newspaper and the date only. The Sources line, a reference
rather than a sentence, keeps the original title when there is no Korean one, as Korean
writing usually cites foreign sources.
"""

from dataclasses import dataclass
from datetime import date

ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")  # fmt: skip


@dataclass(frozen=True)
class Source:
    title: str = ""
    publication: str = ""
    published_on: date | None = None
    title_ko: str = ""
    publication_ko: str = ""


def english_date(day):
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"


def korean_date(day):
    return f"{day.year}년 {day.month}월 {day.day}일"


def distinct(sources):
    """The sources in order of first mention, each once, leaving out empty ones."""
    seen, kept = set(), []
    for source in sources:
        if source is None or not (source.title.strip() or source.publication.strip()):
            continue
        if source not in seen:
            seen.add(source)
            kept.append(source)
    return kept


def _by_publication(sources, publication_of, year_of):
    """[(publication, [years])] in order of first mention: one newspaper's editorials
    are named together ("The Korea Herald (2014, 2015)")."""
    grouped = {}
    for source in sources:
        years = grouped.setdefault(publication_of(source), [])
        year = year_of(source)
        if year and year not in years:
            years.append(year)
    return list(grouped.items())


def _and_list(items):
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# English ----------------------------------------------------------------------------

EN_ONE = (
    "{publication} made the same case in its editorial “{title}”{date_paren}.",
    "An editorial in {publication}, “{title}”{date_paren}, made the same case.",
    "I am not alone in asking this: {publication} called for it in “{title}”{date_on}.",
)
EN_ONE_UNNAMED = "An editorial, “{title}”{date_paren}, made the same case."
EN_SEVERAL_UNNAMED = "The editorials {titles} have made the same case."
EN_SEVERAL = (
    "Editorials in {list} have made the same case.",
    "I am not alone in asking this: {list} {have} called for it in {its} editorials.",
    "{list} {have} argued for the same in {its} editorials.",
)


def _named(sources, publication_of):
    """The sources whose newspaper is known; all of them when none is. A letter names
    the newspapers; an editorial known only by its title would read as a loose quote
    among them, and it is listed in the Sources line instead."""
    named = [source for source in sources if publication_of(source)]
    return named or sources


def english_sentence(sources, pick):
    """One sentence naming the sources; `pick(options)` chooses a phrasing."""
    sources = _named(distinct(sources), lambda s: s.publication.strip())
    if not sources:
        return ""
    if len(sources) == 1:
        source = sources[0]
        day = english_date(source.published_on) if source.published_on else ""
        values = {
            "publication": source.publication.strip(),
            "title": source.title.strip(),
            "date_paren": f" ({day})" if day else "",
            "date_on": f" on {day}" if day else "",
        }
        if not values["publication"]:
            return EN_ONE_UNNAMED.format(**values)
        if not values["title"]:
            return f"{values['publication']} has made the same case in an editorial."
        return pick(EN_ONE).format(**values)
    if not sources[0].publication.strip():
        titles = _and_list([f"“{source.title.strip()}”" for source in sources])
        return EN_SEVERAL_UNNAMED.format(titles=titles)
    groups = _by_publication(
        sources,
        lambda s: s.publication.strip(),
        lambda s: str(s.published_on.year) if s.published_on else "",
    )
    names = [f"{name} ({', '.join(years)})" if years else name for name, years in groups]
    several = len(groups) > 1
    sentence = pick(EN_SEVERAL).format(
        list=_and_list(names), have="have" if several else "has", its="their" if several else "its"
    )
    return sentence[:1].upper() + sentence[1:]


def english_line(sources):
    """A short "Sources:" line: title, newspaper, date for each."""
    references = []
    for source in distinct(sources):
        parts = [f"“{source.title.strip()}”" if source.title.strip() else "",
                 source.publication.strip(),
                 english_date(source.published_on) if source.published_on else ""]  # fmt: skip
        references.append(", ".join(part for part in parts if part))
    if not references:
        return ""
    label = "Sources" if len(references) > 1 else "Source"
    return f"{label}: {'; '.join(references)}."


# Korean -----------------------------------------------------------------------------

KO_ONE = (
    "{publication}의 사설{title}{date_paren}도 같은 요구를 담고 있습니다.",
    "{date_before}{publication}에 실린 사설{title} 역시 같은 주장을 펼쳤습니다.",
    "이는 저만의 요구가 아닙니다. {publication}도 사설{title}{date_paren}에서 같은 요구를 "
    "했습니다.",
)
KO_SEVERAL = (
    "{list}의 사설도 같은 요구를 담고 있습니다.",
    "{list}에 실린 사설들 역시 같은 주장을 펼쳤습니다.",
    "이는 저만의 요구가 아닙니다. {list}도 사설에서 같은 요구를 했습니다.",
)
KO_SOMEONE = "한 언론"
KO_SEVERAL_UNNAMED = "여러 언론의 사설도 같은 요구를 담고 있습니다."


def _korean_publication(source):
    return source.publication_ko.strip() or source.publication.strip() or KO_SOMEONE


def korean_sentence(sources, pick):
    """One Korean sentence naming the sources, with Korean titles only."""
    sources = _named(distinct(sources), lambda s: s.publication_ko.strip() or s.publication.strip())
    if not sources:
        return ""
    if len(sources) == 1:
        source = sources[0]
        day = korean_date(source.published_on) if source.published_on else ""
        title_ko = source.title_ko.strip()
        return pick(KO_ONE).format(
            publication=_korean_publication(source),
            title=f" 「{title_ko}」" if title_ko else "",
            date_paren=f"({day})" if day else "",
            date_before=f"{day} " if day else "",
        )
    if _korean_publication(sources[0]) == KO_SOMEONE:
        return KO_SEVERAL_UNNAMED
    groups = _by_publication(
        sources,
        _korean_publication,
        lambda s: f"{s.published_on.year}년" if s.published_on else "",
    )
    names = [f"{name}({', '.join(years)})" if years else name for name, years in groups]
    return pick(KO_SEVERAL).format(list=", ".join(names))


def korean_line(sources):
    """A short "출처:" line; a title without a Korean version keeps its own language."""
    references = []
    for source in distinct(sources):
        title = source.title_ko.strip() or source.title.strip()
        publication = source.publication_ko.strip() or source.publication.strip()
        parts = [" ".join(filter(None, [publication, "사설", f"「{title}」" if title else ""])),
                 korean_date(source.published_on) if source.published_on else ""]  # fmt: skip
        references.append(", ".join(part for part in parts if part))
    if not references:
        return ""
    return f"출처: {'; '.join(references)}"
