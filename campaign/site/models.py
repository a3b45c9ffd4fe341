"""Site-wide settings, one row edited in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from campaign.lib.fragments import RenewingQuerySet


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

    objects = RenewingQuerySet.as_manager()

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
