from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from campaign.lib.fragments import RenewingQuerySet
from campaign.petition.rules import next_milestone, visible_text
from campaign.site.models import CampaignSettings


class CountGuardedModel(models.Model):
    """Saving an existing row leaves `guarded_fields` alone.

    An editor's form holds values read seconds or minutes ago; writing them
    back would undo signatures confirmed meanwhile. These fields change only
    through campaign.petition.signatures, by queryset updates in one transaction.
    """

    guarded_fields = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk and not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in self.guarded_fields
            ]
        super().save(*args, **kwargs)


class PetitionQuerySet(RenewingQuerySet):
    def public(self):
        """Petitions visitors may see: all but drafts."""
        return self.exclude(state=Petition.State.DRAFT)

    def current(self):
        """The petition shown at /petition/: the featured one, else the newest public one."""
        public = self.public()
        return public.filter(is_current=True).first() or public.order_by("-created_at").first()


class Petition(CountGuardedModel):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        PAUSED = "paused", _("Paused")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, help_text=_("The last part of the page address.")
    )
    statement = models.TextField(
        _("statement"),
        max_length=5000,
        help_text=_("What signers ask for. Separate paragraphs with a blank line."),
    )
    addressee = models.CharField(
        _("addressed to"),
        max_length=200,
        help_text=_("Who the petition is delivered to, e.g. the government of China."),
    )
    goal = models.PositiveIntegerField(
        _("goal"), default=10_000, help_text=_("The number of signatures to aim for.")
    )
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=State.choices,
        default=State.DRAFT,
        help_text=_(
            "Draft petitions are hidden; paused and closed ones are shown but refuse signatures."
        ),
    )
    deadline = models.DateTimeField(
        _("deadline"),
        null=True,
        blank=True,
        help_text=_("After this moment the petition counts as closed. Leave empty for none."),
    )
    is_current = models.BooleanField(
        _("current petition"),
        default=False,
        help_text=_("The petition shown at /petition/ and on the home page. Only one at a time."),
    )
    # A talking point rather than a text of its own, so that it has what every ask in a
    # letter has: a Korean version, an addressee to reword it from, a count of letters.
    demand = models.ForeignKey(
        "articles.TalkingPoint",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="demanding_petitions",
        limit_choices_to={"status": "approved"},
        verbose_name=_("demand in letters"),
        help_text=_(
            "The approved talking point that says in one sentence what this petition asks, "
            "addressed to those the petition is addressed to, with its Korean version (e.g. "
            "“Stop the forced repatriation of North Korean defectors”). Every letter to an "
            "office offers it, reworded for that office."
        ),
    )
    briefings = models.ManyToManyField(
        "articles.Briefing",
        blank=True,
        related_name="petitions",
        verbose_name=_("related briefings"),
        help_text=_("Briefings that explain why this petition matters."),
    )
    # Confirmed, unflagged signatures. Changed only by the functions in
    # campaign.petition.signatures, in the same transaction as the signatures themselves;
    # `manage.py recount_signatures` verifies it.
    guarded_fields = ("signature_count",)
    # A new count reaches cached pages within PUBLIC_CACHE_SECONDS; renewing
    # them on every signature would rebuild them all the time during a surge.
    cache_quiet_fields = ("signature_count", "updated_at")
    signature_count = models.PositiveIntegerField(_("signatures"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PetitionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="one_current_petition"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("petition_detail", kwargs={"slug": self.slug})

    def public_url(self, base=None):
        """The full address in the active language, for mail, share links and the JSON:
        on `base` (the site's address a request came to), else on SITE_URL."""
        return (base or settings.SITE_URL) + self.get_absolute_url()

    @property
    def is_past_deadline(self):
        return self.deadline is not None and self.deadline <= timezone.now()

    @property
    def effective_state(self):
        """The state visitors see: an open petition past its deadline is closed,
        and one open while signing is paused site-wide is paused."""
        if self.state == self.State.OPEN and self.is_past_deadline:
            return self.State.CLOSED
        if self.state == self.State.OPEN and self.site_signing_paused:
            return self.State.PAUSED
        return self.State(self.state)

    @cached_property
    def site_signing_paused(self):
        return CampaignSettings.signing_is_paused()

    @property
    def is_accepting_signatures(self):
        return self.effective_state == self.State.OPEN

    @property
    def closed_notice(self):
        """Why the petition takes no signatures now, in words for visitors."""
        state = self.effective_state
        if state == self.State.PAUSED:
            return _("Signing is paused for now. Please come back later.")
        if state == self.State.DRAFT:
            return _("This petition is a draft and does not accept signatures yet.")
        return _("This petition is closed and no longer accepts signatures.")

    @property
    def next_milestone(self):
        return next_milestone(self.signature_count, self.goal)

    @property
    def goal_words(self):
        """The line under the count about the goal, in the active language."""
        count, goal, milestone = self.signature_count, self.goal, self.next_milestone
        if goal and count >= goal:
            return gettext("Goal of %(goal)s reached. Next goal: %(next)s signatures.") % {
                "goal": f"{goal:,}",
                "next": f"{milestone:,}",
            }
        if milestone < goal:
            return gettext("Next milestone: %(next)s signatures. Goal: %(goal)s.") % {
                "next": f"{milestone:,}",
                "goal": f"{goal:,}",
            }
        return gettext("Goal: %(goal)s signatures.") % {"goal": f"{goal:,}"}

    def offline_total(self):
        """Signatures gathered on paper and by partners, kept apart from the online count."""
        return self.paper_tallies.aggregate(total=models.Sum("count"))["total"] or 0


class SignatureQuerySet(models.QuerySet):
    def counted(self):
        """The signatures in the count: confirmed and not held for moderation."""
        return self.filter(state=Signature.State.CONFIRMED, flagged=False)

    def shown_publicly(self):
        return self.counted().filter(show_name=True)


class Signature(CountGuardedModel):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for email confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        INVALIDATED = "invalidated", _("Invalidated")

    class CommentState(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    class Ref(models.TextChoices):
        """Where a share link that brought a signer was posted (the ?ref= of the link)."""

        EMAIL = "email", _("Email")
        X = "x", "X"
        FACEBOOK = "facebook", "Facebook"
        WHATSAPP = "whatsapp", "WhatsApp"
        TELEGRAM = "telegram", "Telegram"
        LINE = "line", "LINE"
        KAKAOTALK = "kakaotalk", _("KakaoTalk")
        LINK = "link", _("Copied link")
        SHARE = "share", _("The device's share menu")
        QR = "qr", _("QR code")
        WIDGET = "widget", _("Widget on another website")

    # Whether a signature is counted, and where; and its place in the count.
    guarded_fields = (
        "petition", "state", "flagged", "country", "confirmed_at", "signer_number"
    )

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="signatures")
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254)
    normalised_email = models.CharField(_("normalised email"), max_length=254, editable=False)
    country = CountryField(_("country"))
    postal_code = models.CharField(_("postal code"), max_length=16, blank=True)
    comment = models.TextField(_("comment"), max_length=500, blank=True)
    comment_state = models.CharField(
        _("comment moderation"),
        max_length=10,
        choices=CommentState.choices,
        default=CommentState.PENDING,
    )
    show_name = models.BooleanField(_("name may be shown publicly"), default=False)
    wants_updates = models.BooleanField(_("wants campaign updates"), default=False)
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.PENDING
    )
    # 256 random bits from which the emailed confirmation and withdrawal
    # tokens are derived with an HMAC keyed by SECRET_KEY (campaign.petition.signatures),
    # so a copy of the database alone confirms or withdraws nothing: the links are
    # made as each mail is sent and the copies kept of sent mail hold none
    # (campaign.lib.outbox.Link).
    token_nonce = models.CharField(max_length=64, editable=False)
    source = models.SlugField(
        _("came from"),
        max_length=200,
        blank=True,
        help_text=_("The briefing the signer came from, if any."),
    )
    # A column added after the first release has a default in the database too, so
    # that servers still running the release before it (during a rolling deploy)
    # can store signatures: their INSERT does not name the column.
    ref = models.CharField(
        _("shared by"),
        max_length=20,
        choices=Ref.choices,
        blank=True,
        default="",
        db_default="",
        help_text=_("Where the share link the signer followed was posted, if they followed one."),
    )
    # Set in the transaction that first counts the signature: the petition's
    # count right after it, so the signer can be told "you are signer number N".
    signer_number = models.PositiveIntegerField(
        _("signer number"), null=True, blank=True, editable=False
    )
    flagged = models.BooleanField(
        _("held for moderation"),
        default=False,
        help_text=_("Flagged signatures are not counted until a moderator validates them."),
    )
    flag_reason = models.CharField(_("why held"), max_length=200, blank=True)
    invalidation_reason = models.CharField(_("why invalidated"), max_length=200, blank=True)
    ip_hash = models.CharField(_("hashed IP address"), max_length=64, blank=True, editable=False)
    language = models.CharField(_("language"), max_length=10, blank=True, editable=False)
    created_at = models.DateTimeField(_("signed"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "normalised_email"], name="one_signature_per_person"
            )
        ]
        indexes = [
            models.Index(fields=["petition", "state", "confirmed_at"]),
            models.Index(fields=["state", "created_at"]),
            # The petition page lists the latest public signers and comments;
            # these partial indexes keep that a short read however many sign.
            models.Index(
                fields=["petition", "-confirmed_at"],
                condition=Q(state="confirmed", flagged=False, show_name=True),
                name="signature_public_names",
            ),
            models.Index(
                fields=["petition", "-confirmed_at"],
                condition=Q(state="confirmed", flagged=False, comment_state="approved"),
                name="signature_public_comments",
            ),
        ]

    def __str__(self):
        return f"{self.shown_name} ({self.get_state_display()})"

    @property
    def shown_name(self):
        """The name as pages, mail and the admin show it: without invisible or
        direction characters, whatever was stored (`rules.visible_text`)."""
        return visible_text(self.name)

    @property
    def is_counted(self):
        return self.state == self.State.CONFIRMED and not self.flagged


class CountryTally(models.Model):
    """Counted signatures per country, kept beside Petition.signature_count and
    changed in the same transactions, so the by-country table is a read of at
    most ~250 small rows however many people sign."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="tallies")
    country = CountryField(_("country"))
    count = models.PositiveIntegerField(_("signatures"), default=0)

    class Meta:
        ordering = ["-count", "country"]
        verbose_name = _("signatures by country")
        verbose_name_plural = _("signatures by country")
        constraints = [
            models.UniqueConstraint(fields=["petition", "country"], name="one_tally_per_country")
        ]

    def __str__(self):
        return f"{self.petition}: {self.country} {self.count}"


class TimelineEntryQuerySet(RenewingQuerySet):
    def shown(self):
        """The entries visitors see: all but those an editor hid."""
        return self.filter(hidden=False)


class TimelineEntry(models.Model):
    """A dated step in the campaign shown on the petition page."""

    class Kind(models.TextChoices):
        UPDATE = "update", _("Campaign update")
        EVENT = "event", _("Outside event")
        MILESTONE = "milestone", _("Milestone")

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="timeline")
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=2000, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.UPDATE)
    link = models.URLField(
        _("link"), max_length=500, blank=True, help_text=_("A source to read more, if any.")
    )
    hidden = models.BooleanField(
        _("hidden"),
        default=False,
        help_text=_(
            "Hidden entries are not shown on the petition page. Hide a milestone entry "
            "rather than deleting it: a deleted one comes back if the count passes it again."
        ),
    )
    # The count this entry marks, for the entries the site writes itself when a
    # count passes a milestone (campaign.petition.signatures): one per number.
    milestone = models.PositiveIntegerField(_("milestone"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = TimelineEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "milestone"],
                condition=Q(milestone__isnull=False),
                name="one_entry_per_milestone",
            )
        ]

    def __str__(self):
        return f"{self.date}: {self.title}"


class PaperTally(models.Model):
    """Signatures gathered offline or on partner platforms, entered by a moderator.

    Shown beside the online count, never added to it: these are not verified
    by email like the online signatures are.
    """

    class Source(models.TextChoices):
        PAPER = "paper", _("Paper forms")
        PARTNER = "partner", _("Partner platform")
        OTHER = "other", _("Other")

    petition = models.ForeignKey(
        Petition,
        on_delete=models.CASCADE,
        related_name="paper_tallies",
        verbose_name=_("petition"),
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.PAPER
    )
    gathered_by = models.CharField(
        _("gathered by"),
        max_length=200,
        help_text=_("Who collected them, e.g. “Seoul street stall” or the partner's name."),
    )
    date = models.DateField(_("date"), help_text=_("When they were collected or handed over."))
    count = models.PositiveIntegerField(_("number of signatures"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("paper or partner tally")
        verbose_name_plural = _("paper and partner tallies")

    def __str__(self):
        return f"{self.petition}: {self.count} ({self.get_source_display()}, {self.date})"

    def clean(self):
        if self.count is not None and self.count > 10_000_000:
            raise ValidationError({"count": _("That number is too large to be right.")})
