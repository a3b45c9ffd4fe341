from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaign import signing
from campaign.models import CountryTally, OutgoingMail, Petition, Signature, TimelineEntry


class TimelineEntryInline(admin.StackedInline):
    model = TimelineEntry
    extra = 0
    fields = ["date", "kind", "title", "body", "link"]


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
class PetitionAdmin(admin.ModelAdmin):
    list_display = ["title", "state", "is_current", "signature_count", "goal", "deadline"]
    list_filter = ["state", "is_current"]
    search_fields = ["title", "statement"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["signature_count", "created_at", "updated_at"]
    filter_horizontal = ["briefings"]
    inlines = [TimelineEntryInline, CountryTallyInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "addressee", "statement", "briefings"]}),
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
class TimelineEntryAdmin(admin.ModelAdmin):
    list_display = ["date", "title", "kind", "petition"]
    list_filter = ["kind", "petition"]
    search_fields = ["title", "body"]
    date_hierarchy = "date"


def _report(modeladmin, request, message, count):
    modeladmin.message_user(request, message % {"count": count}, messages.SUCCESS)


class SignatureAdmin(admin.ModelAdmin):
    """The signature list and its count-keeping actions; registered with the
    moderators' filters and pages in campaign.admin.moderation."""

    list_display = [
        "name",
        "email",
        "country",
        "state",
        "flagged",
        "comment_state",
        "show_name",
        "created_at",
        "confirmed_at",
    ]
    list_filter = ["petition", "state", "flagged", "comment_state", "show_name", "country"]
    search_fields = ["name", "email", "normalised_email"]
    date_hierarchy = "created_at"
    list_select_related = ["petition"]
    # Everything that moves the count is changed through the actions below,
    # which keep Petition.signature_count exact.
    readonly_fields = [
        "petition",
        "name",
        "email",
        "normalised_email",
        "country",
        "postal_code",
        "state",
        "flagged",
        "flag_reason",
        "invalidation_reason",
        "source",
        "show_name",
        "wants_updates",
        "ip_hash",
        "language",
        "created_at",
        "confirmed_at",
        "updated_at",
    ]
    fields = [
        "petition",
        ("name", "show_name"),
        ("email", "normalised_email"),
        ("country", "postal_code"),
        ("state", "confirmed_at"),
        ("flagged", "flag_reason"),
        "invalidation_reason",
        "comment",
        "comment_state",
        ("source", "language", "wants_updates"),
        ("ip_hash", "created_at", "updated_at"),
    ]
    actions = [
        "validate",
        "invalidate",
        "restore",
        "approve_comments",
        "reject_comments",
        "delete_signatures",
    ]

    def has_add_permission(self, request):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        # The stock bulk delete would bypass the count; delete_signatures replaces it.
        actions.pop("delete_selected", None)
        return actions

    def delete_model(self, request, obj):
        signing.withdraw_signature(obj.pk)

    @admin.action(description=_("Validate: count held signatures once confirmed"))
    def validate(self, request, queryset):
        n = signing.validate_signatures(queryset)
        _report(
            self,
            request,
            ngettext("%(count)d signature validated.", "%(count)d signatures validated.", n),
            n,
        )

    @admin.action(description=_("Invalidate: remove from the count"))
    def invalidate(self, request, queryset):
        reason = f"Invalidated by {request.user.get_username()}"
        n = signing.invalidate_signatures(queryset, reason)
        _report(
            self,
            request,
            ngettext("%(count)d signature invalidated.", "%(count)d signatures invalidated.", n),
            n,
        )

    @admin.action(description=_("Restore invalidated signatures"))
    def restore(self, request, queryset):
        n = signing.restore_signatures(queryset)
        _report(
            self,
            request,
            ngettext("%(count)d signature restored.", "%(count)d signatures restored.", n),
            n,
        )

    @admin.action(description=_("Approve comments"))
    def approve_comments(self, request, queryset):
        n = queryset.exclude(comment="").update(comment_state=Signature.CommentState.APPROVED)
        _report(
            self,
            request,
            ngettext("%(count)d comment approved.", "%(count)d comments approved.", n),
            n,
        )

    @admin.action(description=_("Reject comments"))
    def reject_comments(self, request, queryset):
        n = queryset.exclude(comment="").update(comment_state=Signature.CommentState.REJECTED)
        _report(
            self,
            request,
            ngettext("%(count)d comment rejected.", "%(count)d comments rejected.", n),
            n,
        )

    @admin.action(description=_("Delete signatures (the count follows)"), permissions=["delete"])
    def delete_signatures(self, request, queryset):
        n = signing.delete_signatures(queryset)
        _report(
            self,
            request,
            ngettext("%(count)d signature deleted.", "%(count)d signatures deleted.", n),
            n,
        )


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
        from campaign import mail

        rows = list(queryset.exclude(state=OutgoingMail.State.SENT))
        for row in rows:
            mail.retry(row.pk)
        _report(
            self,
            request,
            ngettext("%(count)d message queued.", "%(count)d messages queued.", len(rows)),
            len(rows),
        )
