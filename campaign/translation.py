"""Which fields of the campaign's content editors give in Korean too.

django-modeltranslation adds a column per language (`title_en`, `title_ko`, ...) and reading
`petition.title` gives the active language's value, or the English one while the Korean is
empty (templates then mark it lang="en": campaign.lib.translated). Code that needs one language
whatever the visitor's reads the column by name (`official.title_en`).
"""

from modeltranslation.translator import TranslationOptions, register

from campaign.letters.models import Official, OfficialResponse
from campaign.moderation.models import CampaignUpdate
from campaign.petition.models import Petition, TimelineEntry
from campaign.site.models import Organisation


@register(Petition)
class PetitionTranslation(TranslationOptions):
    fields = ("title", "statement", "addressee")


@register(TimelineEntry)
class TimelineEntryTranslation(TranslationOptions):
    fields = ("title", "body")


@register(CampaignUpdate)
class CampaignUpdateTranslation(TranslationOptions):
    """A campaign update is a timeline entry (a proxy): the same fields, registered again so
    that its own manager reads them per language too."""

    fields = ()


@register(Official)
class OfficialTranslation(TranslationOptions):
    fields = ("name", "title", "organisation", "country", "why")
    # An office is unique by title and organisation in each language; an empty Korean pair is
    # stored as NULL, not "", so offices not yet translated do not collide.
    empty_values = {"title": None, "organisation": None}


@register(OfficialResponse)
class OfficialResponseTranslation(TranslationOptions):
    fields = ("summary",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "about", "postal_address")
