"""Site-wide settings and who runs the site: one row each, edited in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from campaign.lib.fragments import RenewingQuerySet


class SingleRow(models.Model):
    """A model with exactly one row (pk 1): saving always writes that row, and `load`
    creates it empty on first use so there is always one to edit."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        row, _created = cls.objects.get_or_create(pk=1)
        return row


class CampaignSettings(SingleRow):
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

    @classmethod
    def signing_is_paused(cls):
        return cls.objects.filter(pk=1, signing_paused=True).exists()


class Organisation(SingleRow):
    """Who runs the campaign and answers for the data it keeps: one row (pk 1), edited by
    editors in the admin, shown on the About page and named on the privacy page."""

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The organisation that runs the campaign and is responsible for its data."),
    )
    about = models.TextField(
        _("about"),
        max_length=5000,
        blank=True,
        help_text=_(
            "Who you are and why you run this campaign, shown on the About page. "
            "Separate paragraphs with a blank line."
        ),
    )
    email = models.EmailField(
        _("contact email"),
        max_length=254,
        blank=True,
        help_text=_("Where visitors and signers can write, e.g. about their data."),
    )
    postal_address = models.TextField(
        _("postal address"),
        max_length=500,
        blank=True,
        help_text=_("One line per line of the address."),
    )
    website = models.URLField(
        _("website"),
        max_length=500,
        blank=True,
        help_text=_("The organisation's own website, if it has one apart from this campaign."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisation")

    def __str__(self):
        return self.name or str(_("Organisation"))

    @property
    def is_named(self):
        return bool(self.name.strip())
