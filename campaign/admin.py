"""The admin site: its sign-in and titles, and every feature's registrations."""

from django.conf import settings
from django.contrib import admin
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from campaign.letters import admin as letters_admin
from campaign.lib.signin import AdminLoginForm
from campaign.moderation import admin as moderation_admin
from campaign.petition import admin as petition_admin
from campaign.site import admin as site_admin

admin.site.login_form = AdminLoginForm
admin.site.site_header = format_lazy(_("{site} administration"), site=settings.SITE_NAME)
admin.site.site_title = settings.SITE_NAME

__all__ = ["letters_admin", "moderation_admin", "petition_admin", "site_admin"]
