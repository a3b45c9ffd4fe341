"""
Showing content that may be in another language than the page.

- `<h1{% langattr petition "title" %}>{{ petition.title }}</h1>`: ` lang="en"` when the
  Korean page shows the English title because there is no Korean one yet, else nothing.
- `{% translated petition "addressee" %}`: the text, inside `<span lang="en">` when it is
  not in the page's language (for a few words within a sentence).
- `<blockquote{% textlang signature.comment signature.language %}>`: the language of text
  nobody labelled (a signer's comment), told by its script (campaign.lib.hangul).
- `{% pagelang "en" %}`: ` lang="en"` on a page in another language, for text that is
  always English (an editorial's body); `{% inlang "en" briefing.publication %}` the same
  as a span around a few words.
"""

from django import template
from django.utils.html import format_html

from campaign.lib.hangul import script_language
from campaign.lib.translated import page_language, shown_language

register = template.Library()


def _lang_attribute(language):
    if language == page_language():
        return ""
    return format_html(' lang="{}"', language)


@register.simple_tag
def langattr(obj, field):
    return _lang_attribute(shown_language(obj, field))


@register.simple_tag
def translated(obj, field):
    text = getattr(obj, field)
    language = shown_language(obj, field)
    if language == page_language():
        return text
    return format_html('<span lang="{}">{}</span>', language, text)


@register.simple_tag
def textlang(text, default=""):
    return _lang_attribute(script_language(str(text), default or page_language()))


@register.simple_tag
def pagelang(language):
    return _lang_attribute(language)


@register.simple_tag
def inlang(language, text):
    """`text`, inside `<span lang="…">` when `language` is not the page's."""
    if language == page_language():
        return text
    return format_html('<span lang="{}">{}</span>', language, text)


@register.filter
def content_lang(obj, field):
    """The language code `obj.<field>` is shown in: `lang="{{ point|content_lang:'ask' }}"`."""
    return shown_language(obj, field)
