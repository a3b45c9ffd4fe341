"""Sentences of a document and the ones that are page furniture, not prose.

Splitting itself is :mod:`articles.sentences`; this module adds what the
extractor needs on top:

* :class:`Doc`: the text, its sentences, the paragraph each sentence is in,
  and actor mentions computed once per sentence.
* Page furniture: navigation and widget lines ("Back to top", "Share this"),
  photo credits ("... (Aug. 7. 2023)/News1"), lines wholly in brackets
  ("(Reporting by the desk.)"). An editor copies them with the article; none
  of them is anyone's demand. A widget's words are furniture only on a line of
  their own: "Share this article." among a paragraph's sentences is the writer
  asking readers to share it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from articles.extraction.actors import find_marked_actors
from articles.sentences import Sentence, paragraph_spans, split_sentences


def word_set(text: str) -> frozenset[str]:
    """A set of the white-space separated words in ``text``."""
    return frozenset(text.split())


_BOILERPLATE_EXACT = frozenset(
    """
    back to top|top|share|share this|share this article|print|print this page|email|e-mail
    |tweet|comments|comment|subscribe|read more|related articles|related|advertisement|menu
    |home|search|log in|login|sign in|sign up|next|previous|close|more|facebook|twitter
    |copy link|font size|list|reply|report|like|follow us|contact us|skip to content
    |skip to main content|skip navigation|back to list|go back|return to top
    """.replace("\n", "").split("|")
)
_BOILERPLATE_RE = re.compile(
    r"^(?:\(.*\)|\[.*\])$"  # a line that is wholly parenthesised: attribution, credit
    r"|/\s*(?:News1|Yonhap|Newsis|AP|AFP|Reuters|EPA|Getty\s+Images|Xinhua)\s*$"
    r"|^(?:Photo|Image|Caption|Source|Credit|Copyright|©|All\s+rights\s+reserved)\b"
    # a caption that says where its picture is: "Above: volunteers ...", "Pictured: ..."
    r"|^(?:Pictured|Above|Below|Left|Right|Top|Inset|File\s+photo|Illustration)\s*[:—–]"
    # a widget's label: short, and without the full stop of a sentence
    r"|^(?:Sign\s+up|Subscribe|Click|Follow\s+us|Contact\s+us|Read\s+more|Share\s+(?:this|on))\b"
    r"(?!.{40})(?!.*[.!]$)",
    re.IGNORECASE,
)


def is_boilerplate(sentence: str, alone: bool = True) -> bool:
    """Whether ``sentence`` is page furniture. A widget's label ("Share this article") is
    a line of its own: said among other sentences of a paragraph, it is prose."""
    s = sentence.strip()
    exact = alone and s.lower().rstrip(".!:") in _BOILERPLATE_EXACT
    return exact or bool(_BOILERPLATE_RE.search(s))


@dataclass
class Doc:
    text: str
    sentences: list[Sentence]
    paragraph_of: list[int]
    paragraphs: list[tuple[int, int]]
    layout: Any = None  # layout.Layout, set by layout.analyse
    voice: Any = None  # voice.Voice, set by voice.find_voice
    _mentions: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    _marked: list[tuple[int, str, bool]] | None = None
    _main_actor: list[str | None] = field(default_factory=list)

    def mentions(self, idx: int) -> list[tuple[int, str]]:
        """Actor mentions in sentence ``idx``, "the government" made the text's own."""
        return [(pos, self.home(a)) for pos, a in self.raw_mentions(idx)]

    def raw_mentions(self, idx: int) -> list[tuple[int, str]]:
        """Actor mentions in sentence ``idx`` as found, positions in the sentence."""
        if idx not in self._mentions:
            s = self.sentences[idx]
            marked = self.marked_actors()
            first = bisect_left(marked, (s.start,))
            last = bisect_left(marked, (s.end,))
            self._mentions[idx] = [(pos - s.start, a) for pos, a, _org in marked[first:last]]
        return self._mentions[idx]

    def marked_actors(self) -> list[tuple[int, str, bool]]:
        """The whole text's actor mentions (see ``actors.find_marked_actors``), found once."""
        if self._marked is None:
            self._marked = find_marked_actors(self.text)
        return self._marked

    def states_named(self) -> list[str]:
        """The actors the text names, organisations' names left out."""
        return [a for _pos, a, org in self.marked_actors() if not org]

    def home(self, addressee: str) -> str:
        """An addressee with "the government" made the text's own government, and "the
        State party" the state the text reviews."""
        if addressee == "state_party":
            reviewed = self.layout.reviewed if self.layout is not None else None
            return reviewed or "other"
        if addressee != "home":
            return addressee
        return self.layout.home if self.layout is not None else "south_korea_government"

    def alone(self, idx: int) -> bool:
        """Whether sentence ``idx`` is the only one in its paragraph."""
        para = self.paragraph_of[idx]
        before = idx > 0 and self.paragraph_of[idx - 1] == para
        after = idx + 1 < len(self.paragraph_of) and self.paragraph_of[idx + 1] == para
        return not (before or after)

    @property
    def main_actor(self) -> str | None:
        """The actor the document names most often."""
        if not self._main_actor:
            counts = Counter(self.home(a) for _pos, a, _org in self.marked_actors())
            self._main_actor.append(counts.most_common(1)[0][0] if counts else None)
        return self._main_actor[0]


def prepare(text: str) -> Doc:
    sentences = split_sentences(text)
    paragraphs = paragraph_spans(text)
    para_of = []
    p = 0
    for s in sentences:
        while p + 1 < len(paragraphs) and s.start >= paragraphs[p][1]:
            p += 1
        para_of.append(p)
    return Doc(text, sentences, para_of, paragraphs)
