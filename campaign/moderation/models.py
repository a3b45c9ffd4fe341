"""Models of moderators' and editors' day-to-day work: the comment queue and
campaign updates mailed to subscribers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from campaign.lib.fragments import RenewingQuerySet
from campaign.petition.models import Signature, TimelineEntry


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


class CampaignUpdateManager(models.Manager.from_queryset(RenewingQuerySet)):
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
    # The site's address when the mailing was started, for the links in every message: the
    # task that writes them has no request (campaign.lib.links.site_url).
    site_url = models.CharField(max_length=300, blank=True, editable=False)

    class Meta:
        verbose_name = _("update mailing")
        verbose_name_plural = _("update mailings")

    def __str__(self):
        return f"{self.entry} ({self.sent_at:%Y-%m-%d %H:%M})"
