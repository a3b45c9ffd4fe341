"""The petition's admin for editors: its text, state and timeline. Signatures
and tallies are moderators' work (campaign.moderation.admin)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from campaign.lib.translated import TranslatedAdmin, TranslatedStackedInline
from campaign.petition.models import CountryTally, Petition, TimelineEntry


class TimelineEntryInline(TranslatedStackedInline):
    model = TimelineEntry
    extra = 0
    fields = ["date", "kind", "title", "body", "link", "hidden", "milestone"]
    readonly_fields = ["milestone"]


class CountryTallyInline(admin.TabularInline):
    model = CountryTally
    extra = 0
    fields = ["country", "count"]
    readonly_fields = ["country", "count"]
    can_delete = False
    verbose_name_plural = _("signatures by country (kept by the site; see recount_signatures)")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Petition)
class PetitionAdmin(TranslatedAdmin):
    list_display = ["title", "state", "is_current", "signature_count", "goal", "deadline"]
    list_filter = ["state", "is_current"]
    search_fields = ["title_en", "title_ko", "statement_en", "statement_ko"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["signature_count", "created_at", "updated_at"]
    filter_horizontal = ["briefings"]
    inlines = [TimelineEntryInline, CountryTallyInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "addressee", "statement", "demand", "briefings"]}),
        (_("Signing"), {"fields": ["state", "is_current", "goal", "deadline"]}),
        (_("Figures"), {"fields": ["signature_count", "created_at", "updated_at"]}),
    ]
    # Links to the exports, for those allowed to take them.
    change_form_template = "admin/campaign/petition/change_form.html"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_export": request.user.has_perm("campaign.export_signatures"),
        }
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(TimelineEntry)
class TimelineEntryAdmin(TranslatedAdmin):
    list_display = ["date", "title", "kind", "hidden", "petition"]
    list_filter = ["kind", "hidden", "petition"]
    readonly_fields = ["milestone"]
    search_fields = ["title_en", "title_ko", "body_en", "body_ko"]
    date_hierarchy = "date"
