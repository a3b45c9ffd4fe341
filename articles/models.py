import math

from django.db import models
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from campaign.lib.fragments import RenewingQuerySet


class Addressee(models.TextChoices):
    """Who a call to action asks to act; officials are filed under the same categories."""

    CHINA = "china", _("The Chinese government")
    SOUTH_KOREA_GOVERNMENT = "south_korea_government", _("The South Korean government")
    NORTH_KOREA = "north_korea", _("The North Korean authorities")
    INTERNATIONAL_COMMUNITY = "international_community", _("The international community")
    PUBLIC = "public", _("The public")
    OTHER = "other", _("Others")


def group_by_addressee(items, addressee_of):
    """[(label, [item])] in the order of Addressee, leaving out addressees with nothing."""
    groups = {value: [] for value in Addressee.values}
    for item in items:
        groups[addressee_of(item)].append(item)
    return [(Addressee(value).label, found) for value, found in groups.items() if found]


# Reading speed used for the reading time shown with each briefing.
WORDS_PER_MINUTE = 220


class BriefingQuerySet(RenewingQuerySet):
    def published(self):
        return self.filter(status=Briefing.Status.PUBLISHED)

    def in_order(self):
        """Featured briefings first, then the editors' order."""
        return self.order_by("-featured", "position", "-published_on", "title")


class Briefing(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    # What editors write and the importer fills from a file. The slug is set
    # once, on creation, so published addresses never change.
    CONTENT_FIELDS = (
        "title",
        "deck",
        "summary",
        "body",
        "caption",
        "source_note",
        "publication",
        "published_on",
        "source_url",
        "status",
        "featured",
        "position",
    )

    title = models.CharField(_("title"), max_length=200, help_text=_("The headline readers see."))
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the page address, e.g. humane-china."),
    )
    deck = models.CharField(
        _("deck"),
        max_length=300,
        blank=True,
        help_text=_("Optional subtitle shown under the headline."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=500,
        blank=True,
        help_text=_(
            "One or two sentences shown in listings and link previews "
            "(search engines and social media)."
        ),
    )
    body = models.TextField(
        _("body"),
        help_text=_(
            "The text. Separate paragraphs with a blank line. A line starting with "
            "“## ” is a section heading; lines starting with “- ” form a list."
        ),
    )
    caption = models.CharField(
        _("photo caption"),
        max_length=500,
        blank=True,
        help_text=_("Caption of the photo that accompanied the original, if any."),
    )
    source_note = models.CharField(
        _("source note"),
        max_length=500,
        blank=True,
        help_text=_("Attribution shown after the text, e.g. which articles the author used."),
    )
    publication = models.CharField(
        _("publication"),
        max_length=200,
        blank=True,
        help_text=_("Where the editorial first appeared, e.g. The Korea Herald."),
    )
    published_on = models.DateField(
        _("original date"),
        null=True,
        blank=True,
        help_text=_("When the editorial first appeared. Leave empty if unknown."),
    )
    source_url = models.URLField(
        _("source link"),
        max_length=500,
        blank=True,
        help_text=_("Address of the original editorial, if it is online."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Only published briefings are visible to the public."),
    )
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Featured briefings come first and appear on the home page."),
    )
    position = models.PositiveIntegerField(
        _("position"),
        default=0,
        help_text=_("Lower numbers come first in the list of briefings."),
    )
    source_file = models.CharField(
        _("imported from"),
        max_length=255,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Name of the text file this briefing was imported from."),
    )
    # The values the importer last wrote. A field whose value still equals its
    # imported value has not been touched by an editor and may be refreshed by
    # a later import; any other field belongs to the editors.
    imported_values = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BriefingQuerySet.as_manager()

    class Meta:
        ordering = ["-featured", "position", "-published_on", "title"]
        verbose_name = _("briefing")
        verbose_name_plural = _("briefings")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("briefing_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def reading_minutes(self):
        """Minutes an average reader needs for the body (at least one)."""
        return max(1, math.ceil(len(self.body.split()) / WORDS_PER_MINUTE))

    @property
    def description(self):
        """Text for listings and link previews: the summary, else the deck, else the start."""
        if self.summary or self.deck:
            return self.summary or self.deck
        lines = self.body.split("\n")
        text = " ".join(line.removeprefix("## ").removeprefix("- ") for line in lines)
        return Truncator(" ".join(text.split())).chars(200)


class TalkingPointQuerySet(RenewingQuerySet):
    def approved(self):
        return self.filter(status=TalkingPoint.Status.APPROVED)


class TalkingPoint(models.Model):
    """An ask drawn from one or more briefings' calls to action."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    ask = models.CharField(
        _("ask"),
        max_length=300,
        help_text=_(
            "A short request addressed to the official, e.g. “Stop the forced "
            "repatriation of North Korean defectors”. No full stop at the end."
        ),
    )
    # ask_en and ask_ko (the Korean used in letters to Korean-speaking officials) are
    # added by django-modeltranslation: articles/translation.py.
    addressee = models.CharField(
        _("addressee"),
        max_length=40,
        choices=Addressee.choices,
        help_text=_("Who is asked to act."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.SUGGESTED,
        help_text=_("Only approved talking points are public and used in letters."),
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first.")
    )
    score = models.FloatField(
        _("confidence"),
        default=0.0,
        help_text=_("How sure the extractor was that this is a call to action (0 to 1)."),
    )
    ask_edited = models.BooleanField(
        _("ask edited by an editor"),
        default=False,
        help_text=_("Set when an editor changes the ask; re-extraction then leaves it alone."),
    )
    added_by_editor = models.BooleanField(
        _("added by an editor"),
        default=False,
        help_text=_(
            "Set when an editor made this point from a briefing's sentence the extractor missed."
        ),
    )
    addressee_edited = models.BooleanField(
        _("addressee corrected by an editor"),
        default=False,
        help_text=_(
            "Set when an editor changes the addressee; the extractor's choice stays on each "
            "citation for its record."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TalkingPointQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("talking point")
        verbose_name_plural = _("talking points")

    def __str__(self):
        return self.ask

    @property
    def left_to_the_extractor(self):
        """Nobody has decided on this point or changed it: re-extraction may remove it."""
        return self.status == self.Status.SUGGESTED and not (
            self.ask_edited or self.addressee_edited or self.added_by_editor
        )

    @property
    def korean_ask(self):
        """The Korean ask, or "" while there is none (its column holds NULL or "")."""
        return (self.ask_ko or "").strip()


class Citation(models.Model):
    """The sentence of a briefing a talking point comes from."""

    class Reading(models.TextChoices):
        """How the extractor came to suggest the sentence, for the editor who checks it."""

        RULES = "rules", _("by its rules")
        LEARNED = "learned", _("only by its learned reader: read the sentence before approving")
        DISPUTED = "disputed", _("its two readers name different addressees: check the addressee")
        MOVED = "moved", _("its learned reader chose the addressee: check the addressee")

    talking_point = models.ForeignKey(
        TalkingPoint, on_delete=models.CASCADE, related_name="citations"
    )
    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="citations")
    sentence = models.TextField(_("sentence"))
    start = models.PositiveIntegerField(_("start offset"))
    end = models.PositiveIntegerField(_("end offset"))
    # The extractor's record (articles/extractor_record.py) is read from these two
    # and the talking point's status and addressee.
    added_by_editor = models.BooleanField(
        _("added by an editor"),
        default=False,
        help_text=_("Set when an editor cited a sentence the extractor missed."),
    )
    extracted_addressee = models.CharField(
        _("addressee the extractor chose"),
        max_length=40,
        choices=Addressee.choices,
        blank=True,
        help_text=_(
            "Kept when an editor corrects the talking point's addressee; empty when an "
            "editor added the citation."
        ),
    )
    extractor_reading = models.CharField(
        _("how the extractor found it"),
        max_length=20,
        choices=Reading.choices,
        blank=True,
        help_text=_("Empty when an editor added the citation or it predates this record."),
    )

    objects = RenewingQuerySet.as_manager()

    class Meta:
        ordering = ["briefing", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["briefing", "start", "end"], name="unique_citation_per_sentence"
            )
        ]

    def __str__(self):
        return f"{self.briefing}: {self.sentence[:60]}"
