"""The admin of what belongs to the whole site: the signing switch and the outbox."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaign.lib import outbox
from campaign.lib.outbox import OutgoingMail
from campaign.lib.translated import TranslatedAdmin
from campaign.site.models import CampaignSettings, Organisation


@admin.register(CampaignSettings)
class CampaignSettingsAdmin(admin.ModelAdmin):
    list_display = ("__str__", "signing_paused", "updated_at")
    fields = ("signing_paused", "note", "updated_at")
    readonly_fields = ("updated_at",)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # The one row exists from the first visit, so there is always
        # something to open (and nothing to add).
        CampaignSettings.load()
        return super().changelist_view(request, extra_context)


@admin.register(Organisation)
class OrganisationAdmin(TranslatedAdmin):
    """Who runs the campaign: the About page and the privacy page's data controller."""

    list_display = ["__str__", "email", "updated_at"]
    fields = ["name", "about", "email", "postal_address", "website", "updated_at"]
    readonly_fields = ["updated_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # One row, there from the first visit: there is always something to edit.
        Organisation.load()
        return super().changelist_view(request, extra_context)


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "template", "to", "state", "attempts", "sent_at"]
    list_filter = ["state", "template"]
    search_fields = ["to", "subject"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Send again"))
    def retry(self, request, queryset):
        rows = list(queryset.exclude(state=OutgoingMail.State.SENT))
        for row in rows:
            outbox.retry(row.pk)
        self.message_user(
            request,
            ngettext("%(count)d message queued.", "%(count)d messages queued.", len(rows))
            % {"count": len(rows)},
            messages.SUCCESS,
        )
