from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from articles.models import Addressee, TalkingPoint
from campaign.letters.office_roles import Role, guess_role


class LetterLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    KOREAN = "ko", _("Korean")


class OfficeRole(models.TextChoices):
    """What kind of office it is, which decides what it can be asked to do about
    another government's conduct (`campaign.letters.office_roles.Role`)."""

    HEAD_OF_GOVERNMENT = Role.HEAD_OF_GOVERNMENT.value, _("Head of state or government")
    FOREIGN_MINISTER = Role.FOREIGN_MINISTER.value, _("Foreign minister or foreign ministry")
    MINISTER = Role.MINISTER.value, _("Other minister or ministry")
    AMBASSADOR = Role.AMBASSADOR.value, _("Ambassador or embassy")
    LEGISLATURE = Role.LEGISLATURE.value, _("Parliament, committee or lawmaker")
    UN_MANDATE = (
        Role.UN_MANDATE.value,
        _("UN human rights mandate (special rapporteur, commission of inquiry)"),
    )
    UN_AGENCY = Role.UN_AGENCY.value, _("UN agency (such as UNHCR)")
    INTERNATIONAL_ORGANISATION = (
        Role.INTERNATIONAL_ORGANISATION.value,
        _("International organisation"),
    )
    OTHER = Role.OTHER.value, _("Other office")


class OfficialQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def with_letter_counts(self):
        return self.annotate(letter_count=Count("letters", distinct=True))


class Official(models.Model):
    """An office supporters write to. Roles outlive the people who hold them."""

    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("The person who holds the office now. Optional: leave empty when unsure."),
    )
    title = models.CharField(
        _("title or role"),
        max_length=200,
        help_text=_(
            "The office, e.g. Minister of Unification or UN High Commissioner for Refugees."
        ),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("The ministry, embassy or body the office belongs to."),
    )
    country = models.CharField(
        _("country"),
        max_length=100,
        blank=True,
        help_text=_("The country the office serves, or empty for international bodies."),
    )
    category = models.CharField(
        _("category"),
        max_length=40,
        choices=Addressee.choices,
        help_text=_("Talking points addressed to this category are suggested for the letter."),
    )
    role = models.CharField(
        _("role"),
        max_length=40,
        choices=OfficeRole.choices,
        blank=True,
        help_text=_(
            "What kind of office this is. It decides how talking points addressed to others "
            "are worded in letters to it: an ambassador is asked to convey them to his "
            "government, a minister to raise them with the other government, a committee to "
            "hold a hearing or adopt a resolution, a UN rapporteur to raise them and report. "
            "Left empty, it is guessed from the title when saved."
        ),
    )
    language = models.CharField(
        _("letter language"),
        max_length=2,
        choices=LetterLanguage.choices,
        default=LetterLanguage.ENGLISH,
        help_text=_("The language letters to this office are written in."),
    )
    salutation = models.CharField(
        _("salutation"),
        max_length=200,
        blank=True,
        help_text=_(
            "How a letter opens, e.g. “Your Excellency,” or “존경하는 통일부 장관님께”. "
            "Leave empty to use the usual form for the title."
        ),
    )
    why = models.TextField(
        _("why they matter"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences shown to supporters choosing whom to write to."),
    )
    email = models.EmailField(
        _("email"),
        max_length=254,
        blank=True,
        help_text=_("Public email address of the office. Leave empty if there is none."),
    )
    postal_address = models.TextField(
        _("postal address"),
        max_length=500,
        blank=True,
        help_text=_("Public postal address of the office, one line per line of the address."),
    )
    contact_url = models.URLField(
        _("contact form"),
        max_length=500,
        blank=True,
        help_text=_("Address of the office's public contact page or form."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Only active offices are offered to supporters.")
    )
    needs_check = models.BooleanField(
        _("needs checking"),
        default=False,
        help_text=_("Demo record: an editor must verify the contact details."),
    )
    notes = models.TextField(
        _("notes for editors"),
        max_length=2000,
        blank=True,
        help_text=_("Where the details come from, when they were checked. Never shown publicly."),
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first.")
    )

    objects = OfficialQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        constraints = [
            models.UniqueConstraint(
                fields=["title", "organisation"], name="unique_official_office"
            )
        ]

    def __str__(self):
        if self.name:
            return f"{self.name}, {self.title}"
        return self.title

    def save(self, *args, **kwargs):
        if not self.role:
            # From the English names, whatever language the editor works in.
            title, organisation = self.title_en or self.title or "", self.organisation_en or ""
            self.role = guess_role(title, organisation).value
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "role"}
        super().save(*args, **kwargs)

    @property
    def is_korean(self):
        return self.language == LetterLanguage.KOREAN


class OfficialResponse(models.Model):
    """A reply or public statement from an office, recorded by editors."""

    class Kind(models.TextChoices):
        REPLY = "reply", _("Reply to supporters")
        STATEMENT = "statement", _("Public statement")

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="responses")
    date = models.DateField(_("date"), help_text=_("When the reply or statement was made."))
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.REPLY,
        help_text=_("A reply to letters, or a public statement on the issue."),
    )
    summary = models.TextField(
        _("summary"), max_length=1000, help_text=_("What the office said, in a few sentences.")
    )
    link = models.URLField(
        _("link"), max_length=500, blank=True, help_text=_("Where the text can be read, if public.")
    )

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self):
        return f"{self.official}: {self.get_kind_display()} ({self.date})"


class Letter(models.Model):
    """One finished letter. The text and the sender's name are kept only if they agree."""

    official = models.ForeignKey(
        Official,
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name=_("official"),
        help_text=_("The office the letter was written to."),
    )
    talking_points = models.ManyToManyField(
        TalkingPoint,
        blank=True,
        related_name="letters",
        verbose_name=_("talking points"),
        help_text=_("The talking points the sender chose."),
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=LetterLanguage.choices,
        help_text=_("The language the letter was written in."),
    )
    country = models.CharField(
        _("sender's country"),
        max_length=100,
        blank=True,
        help_text=_("As the sender typed it; may be empty."),
    )
    shared = models.BooleanField(
        _("shared with the campaign"),
        default=False,
        help_text=_("The sender agreed that the campaign keeps the text of the letter."),
    )
    sender_name = models.CharField(
        _("sender's name"),
        max_length=100,
        blank=True,
        help_text=_("Kept only when the sender shared the letter."),
    )
    city = models.CharField(
        _("sender's city"),
        max_length=100,
        blank=True,
        help_text=_("Kept only when the sender shared the letter."),
    )
    text = models.TextField(
        _("text"),
        max_length=10000,
        blank=True,
        help_text=_("The letter as sent, kept only when the sender shared it."),
    )
    # One per finished letter: the form carries this key, so posting the last
    # step twice (a reload, a double click) records the letter once.
    key = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")

    def __str__(self):
        return f"{self.official} ({self.created_at:%Y-%m-%d})"


def letter_counts_by_point():
    """{talking point id: number of letters that used it}."""
    rows = Letter.talking_points.through.objects.values("talkingpoint_id").annotate(
        n=Count("letter_id")
    )
    return {row["talkingpoint_id"]: row["n"] for row in rows}
