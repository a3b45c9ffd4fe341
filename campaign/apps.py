from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Campaign")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from articles.models import Briefing, Citation, TalkingPoint
        from campaign.caching import bump_on_change
        from campaign.models import CampaignSettings, Petition, TimelineEntry

        # Editors' changes show on cached pages at once (see campaign/caching.py).
        # Signatures are left out on purpose: they change the page every few
        # milliseconds during a surge, and their block may lag PUBLIC_CACHE_SECONDS.
        for model in (Briefing, TalkingPoint, Citation):
            bump_on_change(model, "articles")
        # CampaignSettings: pausing signing site-wide changes every signing form.
        for model in (Petition, TimelineEntry, Briefing, CampaignSettings):
            bump_on_change(model, "petitions")
        # Whole pages that show both (the home page, a briefing with its signing box).
        for model in (Briefing, TalkingPoint, Citation, Petition, CampaignSettings):
            bump_on_change(model, "pages")
