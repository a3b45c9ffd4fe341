from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMailQuerySet(models.QuerySet):
    def due(self, now):
        """Queued messages whose next attempt is not in the future."""
        return self.filter(state=OutgoingMail.State.QUEUED, next_attempt_at__lte=now)

    def finished_before(self, cutoff):
        """Messages sent or given up on before `cutoff`: only a copy is left to delete."""
        return self.exclude(state=OutgoingMail.State.QUEUED).filter(updated_at__lt=cutoff)


class OutgoingMail(models.Model):
    """One message to one address. Rows are written in the same transaction as
    the change that causes them, so a message is never lost when the mail server
    is down: the task retries it and `send_queued_mail` recovers what is left."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    template = models.CharField(_("template"), max_length=100)
    to = models.EmailField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self):
        return f"{self.template} → {self.to} ({self.get_state_display()})"
