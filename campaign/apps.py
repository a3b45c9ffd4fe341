from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Campaign")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from articles.models import Briefing
        from campaign.lib.fragments import bump_on_change
        from campaign.petition.models import PaperTally, Petition, TimelineEntry
        from campaign.site.models import CampaignSettings

        # Editors' changes show on cached pages at once (campaign/lib/fragments.py);
        # articles registers its own models for its own pages (articles/apps.py).
        # Signatures are left out on purpose: they change the page every few
        # milliseconds during a surge, and their block may lag PUBLIC_CACHE_SECONDS.
        # Petition pages list briefings, and pausing signing site-wide changes
        # every signing form. Paper tallies are shown beside the count.
        for model in (Petition, TimelineEntry, Briefing, CampaignSettings, PaperTally):
            bump_on_change(model, "petitions")
        # Whole pages with a signing box (the home page, a briefing).
        for model in (Petition, CampaignSettings):
            bump_on_change(model, "pages")
