from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Campaign")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from articles.models import Briefing, Citation, TalkingPoint
        from campaign.caching import bump_on_change

        # Editors' changes show on cached pages at once (see campaign/caching.py).
        for model in (Briefing, TalkingPoint, Citation):
            bump_on_change(model, "articles")
