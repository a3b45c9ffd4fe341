from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from campaign.letters.models import Letter, Official, OfficialResponse
from campaign.lib.translated import TranslatedAdmin, TranslatedStackedInline


class OfficialResponseInline(TranslatedStackedInline):
    model = OfficialResponse
    extra = 0
    fields = ["date", "kind", "summary", "link"]


@admin.register(Official)
class OfficialAdmin(TranslatedAdmin):
    list_display = ["title", "name", "organisation", "category", "role", "language", "active",
                    "needs_check", "letter_count", "position"]  # fmt: skip
    list_filter = ["category", "role", "language", "active", "needs_check"]
    list_editable = ["position"]
    search_fields = ["title_en", "title_ko", "name_en", "name_ko", "organisation_en",
                     "organisation_ko", "country_en", "email", "notes"]  # fmt: skip
    inlines = [OfficialResponseInline]
    fieldsets = [
        (None, {"fields": ["title", "name", "organisation", "country", "category", "role",
                           "why"]}),  # fmt: skip
        (_("Letters"), {"fields": ["language", "salutation"]}),
        (_("Contact"), {"fields": ["email", "postal_address", "contact_url"]}),
        (_("Editing"), {"fields": ["active", "needs_check", "position", "notes"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_letter_counts()

    @admin.display(description=_("letters"), ordering="letter_count")
    def letter_count(self, obj):
        return obj.letter_count


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    """Letters are records of what supporters did: read-only."""

    list_display = ["official", "language", "country", "shared", "created_at"]
    list_filter = ["official", "language", "shared"]
    date_hierarchy = "created_at"
    fields = ["official", "talking_points", "language", "country", "shared", "sender_name",
              "city", "text", "created_at"]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
