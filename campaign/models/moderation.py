"""Models of the day-to-day campaign work: the signing switch, paper tallies,
comment moderation and campaign updates mailed to subscribers."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from campaign.models.petition import Petition, Signature, TimelineEntry


class CampaignSettings(models.Model):
    """Site-wide switches, one row (pk 1), edited in the admin."""

    signing_paused = models.BooleanField(
        _("pause signing on the whole site"),
        default=False,
        help_text=_(
            "While ticked, no petition accepts signatures, e.g. during a spam attack. "
            "Visitors see that signing is paused and can come back later."
        ),
    )
    note = models.CharField(
        _("internal note"),
        max_length=300,
        blank=True,
        help_text=_("Why signing is paused, for other staff. Not shown to the public."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("campaign settings")
        verbose_name_plural = _("campaign settings")
        # Permissions for pages that belong to no single model.
        permissions = [
            ("export_signatures", _("Can export signatures (CSV and delivery PDF)")),
            ("view_dashboard", _("Can view the campaign dashboard")),
        ]

    def __str__(self):
        return str(_("Campaign settings"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        settings_row, _created = cls.objects.get_or_create(pk=1)
        return settings_row

    @classmethod
    def signing_is_paused(cls):
        return cls.objects.filter(pk=1, signing_paused=True).exists()


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


class SignatureCommentManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().exclude(comment="")


class SignatureComment(Signature):
    """Signatures that carry a comment: the moderation queue's own admin list."""

    objects = SignatureCommentManager()

    class Meta:
        proxy = True
        verbose_name = _("comment")
        verbose_name_plural = _("comments")


class CampaignUpdateManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(kind=TimelineEntry.Kind.UPDATE)


class CampaignUpdate(TimelineEntry):
    """A timeline entry of kind update, which editors may mail to subscribers."""

    objects = CampaignUpdateManager()

    class Meta:
        proxy = True
        verbose_name = _("campaign update")
        verbose_name_plural = _("campaign updates")

    def save(self, *args, **kwargs):
        self.kind = TimelineEntry.Kind.UPDATE
        super().save(*args, **kwargs)


class UpdateMailing(models.Model):
    """The one mailing of a campaign update; its existence means it was sent."""

    entry = models.OneToOneField(
        TimelineEntry,
        on_delete=models.CASCADE,
        related_name="mailing",
        verbose_name=_("update"),
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    # The mailing goes out in batches in signature order; this is where the
    # last batch stopped, so a restarted task carries on without repeating.
    last_signature_id = models.BigIntegerField(default=0, editable=False)
    finished_at = models.DateTimeField(_("all queued"), null=True, blank=True)

    class Meta:
        verbose_name = _("update mailing")
        verbose_name_plural = _("update mailings")

    def __str__(self):
        return f"{self.entry} ({self.sent_at:%Y-%m-%d %H:%M})"
