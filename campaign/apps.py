from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Campaign")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Runs after the admin's autodiscovery, so the moderation tools can
        # extend the model admins that campaign/admin.py registered.
        from campaign import moderation_admin  # noqa: F401
