from django.contrib import admin

from articles.models import Briefing, TalkingPoint

admin.site.register(Briefing)
admin.site.register(TalkingPoint)
