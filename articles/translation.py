"""Which fields of briefings and talking points editors give in Korean too.

django-modeltranslation adds a column per language (`title_en`, `title_ko`, ...) beside
the original, and reading `briefing.title` gives the active language's value, or the
English one while the Korean is empty. Code that needs one language whatever the
visitor's reads its column by name (`point.ask_en`: the extractor compares English asks).
"""

from modeltranslation.translator import TranslationOptions, register

from articles.models import Briefing, TalkingPoint


@register(Briefing)
class BriefingTranslation(TranslationOptions):
    # The body stays in the language the editorial was written in (English).
    fields = ("title", "deck", "summary")


@register(TalkingPoint)
class TalkingPointTranslation(TranslationOptions):
    fields = ("ask",)
