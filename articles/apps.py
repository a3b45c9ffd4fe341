from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Briefings and talking points")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from articles.models import Briefing, Citation, TalkingPoint
        from campaign.lib.fragments import bump_on_change

        # Editors' changes show on cached pages at once (campaign/lib/fragments.py):
        # the parts of pages kept under "articles" and the whole pages ("pages")
        # that show briefings and talking points.
        for model in (Briefing, TalkingPoint, Citation):
            bump_on_change(model, "articles")
            bump_on_change(model, "pages")
