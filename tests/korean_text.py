"""Reading a Korean page the way a screen reader and a Korean reader do.

- `unmarked_english(html)`: runs of three or more Latin-script words in a part of the
  page whose language (the nearest `lang`) is Korean. A screen reader reads those with
  Korean sounds; content in another language must say so (WCAG 3.1.2).
- `broken_joins(html, content)`: Korean sentences of the page's own wording with a Latin
  word in them (an English noun dropped into a Korean sentence), once the page's content
  (`content`: what editors and signers wrote) is taken out; and particles left for the
  reader to choose, "은(는)", "(으)로", which mean the sentence was joined without
  knowing its word.
"""

import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
# Words of Latin letters (with inner apostrophes, dots and hyphens: "People's", "N.K.").
WORD = r"[A-Za-z](?:[A-Za-z'’.\-]*[A-Za-z])?"
# Three words or more with nothing but spaces and punctuation between them.
ENGLISH_RUN = re.compile(rf"{WORD}(?:[\s,;:()/&“”\"'’\-–]+{WORD}){{2,}}")
URL_OR_EMAIL = re.compile(r"(?:https?://|mailto:)\S+|\S+@\S+\.\w+|\b[\w-]+\.(?:org|com|kr)\b\S*")
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
LATIN_WORD = re.compile(WORD)
# An acronym is read letter by letter in Korean too: PDF로, QR 코드, UN.
ACRONYM = re.compile(r"^[A-Z]{2,6}v?$")  # IPv(6) too
HEDGED_PARTICLE = re.compile(r"[은는이가을를과와]\([은는이가을를과와]\)|\(으\)로|\(이\)")
SENTENCE_END = re.compile(r"[.!?·:|\n]+")


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, language)
        self.texts = []  # (language, text, where)

    def language(self):
        return self.stack[-1][1] if self.stack else ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        language = attrs.get("lang") or self.language()
        if tag == "meta" and attrs.get("name") == "description" or (
            tag == "meta" and attrs.get("property") in ("og:title", "og:description")
        ):
            self.texts.append((language, attrs.get("content") or "", f"<meta {attrs}>"))
        for name in READ_ATTRIBUTES:
            if attrs.get(name):
                self.texts.append((language, attrs[name], f"<{tag} {name}>"))
        if tag not in VOID:
            self.stack.append((tag, language))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        # A form field's value cannot mark its parts; the draft letter's field says the
        # letter's language, and its words are the sender's to change.
        if any(tag in ("script", "style", "textarea") for tag, _language in self.stack):
            return
        if data.strip():
            where = "/".join(tag for tag, _language in self.stack[-3:])
            self.texts.append((self.language(), data, where))


def texts(html):
    """(language, text, where) of every text node and read attribute of the page."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.texts


def unmarked_english(html, language="ko"):
    found = []
    for text_language, text, where in texts(html):
        if text_language.split("-")[0] != language:
            continue
        for run in ENGLISH_RUN.findall(URL_OR_EMAIL.sub(" ", text)):
            found.append(f"{run!r} in {where}")
    return found


def broken_joins(html, content=()):
    """Korean sentences of the page's own wording with a Latin word in them, and hedged
    particles anywhere in the Korean parts."""
    pieces = sorted({piece for piece in content if piece and piece.strip()}, key=len, reverse=True)
    found = []
    for text_language, text, where in texts(html):
        if text_language.split("-")[0] != "ko":
            continue
        if HEDGED_PARTICLE.search(text):
            found.append(f"hedged particle in {text.strip()!r} ({where})")
        own = URL_OR_EMAIL.sub(" ", text)
        for piece in pieces:
            own = own.replace(piece, " ")
        for sentence in SENTENCE_END.split(own):
            if not HANGUL.search(sentence):
                continue
            words = [w for w in LATIN_WORD.findall(sentence) if not ACRONYM.match(w)]
            if words:
                found.append(f"{words} in the Korean sentence {sentence.strip()!r} ({where})")
    return found
