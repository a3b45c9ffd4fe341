"""The admin as a place to work for moderators (and editors, for updates).

The signature list with its filters, a trending page and count-keeping actions
that ask for a reason; the comment queue; paper tallies; campaign updates and
their mailing.

Every bulk action writes one LogEntry per object it changed, so each
signature's history shows who did what and why.
"""

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaign.lib.links import site_url
from campaign.lib.translated import TranslatedAdmin
from campaign.moderation import services, updates
from campaign.moderation.models import CampaignUpdate, SignatureComment
from campaign.petition import signatures
from campaign.petition.models import PaperTally, Signature


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=200,
        help_text=_("Kept with each signature and in its history, e.g. “duplicate of #123”."),
    )


def confirm_with_reason(model_admin, request, queryset, *, action, title, intro, button):
    """An intermediate page asking for a reason, like the delete confirmation.

    Returns the cleaned reason once the moderator confirms, or a response to
    show (the page itself, again with errors if the reason is missing).
    """
    form = ReasonForm(request.POST if "confirm" in request.POST else None)
    if form.is_bound and form.is_valid():
        return form.cleaned_data["reason"]
    context = {
        **action_page_context(model_admin, request, action, title),
        "intro": intro,
        "button": button,
        "form": form,
        "objects": queryset[:100],
        "count": queryset.count(),
    }
    return TemplateResponse(request, "admin/campaign/confirm_action.html", context)


def action_page_context(model_admin, request, action, title):
    """What a confirmation page between an action and its effect needs to post
    the same selection back (see admin/campaign/action_fields.html)."""
    return {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "opts": model_admin.model._meta,
        "action": action,
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "select_across": request.POST.get("select_across", "0"),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }


class CommentModeration:
    """Bulk approve and reject comments, with one history entry per comment; and the
    signer's name as every list shows it."""

    @admin.display(description=_("name"), ordering="name")
    def signer(self, obj):
        # Without invisible or direction characters, whatever was stored.
        return obj.shown_name

    def _moderate(self, request, queryset, state, message, log_message):
        with transaction.atomic():
            changed = services.set_comment_state(queryset, state)
            for obj in changed:
                self.log_change(request, obj, log_message)
        self.message_user(request, message(len(changed)), messages.SUCCESS)

    @admin.action(description=_("Approve selected comments"), permissions=["change"])
    def approve_comments(self, request, queryset):
        self._moderate(
            request,
            queryset,
            Signature.CommentState.APPROVED,
            lambda n: ngettext("%(n)d comment approved.", "%(n)d comments approved.", n) % {"n": n},
            "Comment approved",
        )

    @admin.action(description=_("Reject selected comments"), permissions=["change"])
    def reject_comments(self, request, queryset):
        self._moderate(
            request,
            queryset,
            Signature.CommentState.REJECTED,
            lambda n: ngettext("%(n)d comment rejected.", "%(n)d comments rejected.", n) % {"n": n},
            "Comment rejected",
        )


# Signatures --------------------------------------------------------------------


class SignedWithinFilter(admin.SimpleListFilter):
    title = _("signed within")
    parameter_name = "signed_within"

    def lookups(self, request, model_admin):
        return [
            ("hour", _("the last hour")),
            ("day", _("the last day")),
            ("week", _("the last week")),
        ]

    def queryset(self, request, queryset):
        windows = {"week": timedelta(days=7), **services.TRENDING_WINDOWS}
        if self.value() in windows:
            return queryset.filter(created_at__gte=timezone.now() - windows[self.value()])
        return queryset


class EmailDomainFilter(admin.SimpleListFilter):
    """Reached from the trending page's links; lists no choices of its own."""

    title = _("email domain")
    parameter_name = "domain"

    def lookups(self, request, model_admin):
        value = self.value()
        return [(value, value)] if value else []

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(normalised_email__endswith="@" + self.value().lower())
        return queryset


class IpHashFilter(EmailDomainFilter):
    title = _("hashed IP address")
    parameter_name = "ip"

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(ip_hash=self.value())
        return queryset


@admin.register(Signature)
class SignatureAdmin(CommentModeration, admin.ModelAdmin):
    list_display = [
        "signer",
        "email",
        "country",
        "state",
        "flagged",
        "comment_state",
        "show_name",
        "created_at",
        "confirmed_at",
    ]
    list_filter = [
        "petition",
        "state",
        "flagged",
        "comment_state",
        "show_name",
        "country",
        "ref",
        ("created_at", admin.DateFieldListFilter),
        SignedWithinFilter,
        EmailDomainFilter,
        IpHashFilter,
    ]
    # "duplicate" finds the rows held when addresses were stored as delivered.
    search_fields = ["name", "email", "normalised_email", "flag_reason"]
    date_hierarchy = "created_at"
    list_select_related = ["petition"]
    # Everything that moves the count is changed through the actions below,
    # which keep Petition.signature_count exact.
    readonly_fields = [
        "petition",
        "signer",
        "email",
        "normalised_email",
        "country",
        "postal_code",
        "state",
        "flagged",
        "flag_reason",
        "invalidation_reason",
        "source",
        "ref",
        "signer_number",
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
        ("signer", "show_name"),
        ("email", "normalised_email"),
        ("country", "postal_code"),
        ("state", "confirmed_at", "signer_number"),
        ("flagged", "flag_reason"),
        "invalidation_reason",
        "comment",
        "comment_state",
        ("source", "ref", "language", "wants_updates"),
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
        signatures.withdraw_signature(obj.pk)

    def get_urls(self):
        urls = super().get_urls()
        trending = path(
            "trending/",
            self.admin_site.admin_view(self.trending_view),
            name="campaign_signature_trending",
        )
        return [trending, *urls]

    def trending_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        window = request.GET.get("window", "hour")
        if window not in services.TRENDING_WINDOWS:
            window = "hour"
        threshold = request.GET.get("threshold", "")
        threshold = int(threshold) if threshold.isdigit() and 0 < int(threshold) < 10**6 else None
        report = services.trending(window, threshold=threshold)
        changelist = reverse("admin:campaign_signature_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Trending addresses and email domains"),
            "opts": self.model._meta,
            "window": window,
            "report": report,
            "changelist": changelist,
        }
        return TemplateResponse(request, "admin/campaign/signature/trending.html", context)

    @admin.action(description=_("Invalidate selected signatures…"), permissions=["change"])
    def invalidate(self, request, queryset):
        targets = queryset.exclude(state=Signature.State.INVALIDATED)
        result = confirm_with_reason(
            self,
            request,
            targets,
            action="invalidate",
            title=_("Invalidate signatures"),
            intro=_(
                "These signatures will be marked invalid and leave the count. "
                "You can restore them later."
            ),
            button=_("Invalidate"),
        )
        if not isinstance(result, str):
            return result
        self._apply(
            request,
            targets,
            lambda qs: signatures.invalidate_signatures(qs, result),
            f"Invalidated: {result}",
            lambda n: ngettext("%(n)d signature invalidated.", "%(n)d signatures invalidated.", n),
        )
        return None

    @admin.action(description=_("Restore selected invalidated signatures"), permissions=["change"])
    def restore(self, request, queryset):
        self._apply(
            request,
            queryset.filter(state=Signature.State.INVALIDATED),
            signatures.restore_signatures,
            "Restored",
            lambda n: ngettext("%(n)d signature restored.", "%(n)d signatures restored.", n),
        )

    @admin.action(
        description=_("Validate selected flagged signatures (count them)"), permissions=["change"]
    )
    def validate(self, request, queryset):
        self._apply(
            request,
            queryset.filter(flagged=True),
            signatures.validate_signatures,
            "Validated: no longer held for moderation",
            lambda n: ngettext("%(n)d signature validated.", "%(n)d signatures validated.", n),
        )

    @admin.action(description=_("Delete signatures (the count follows)"), permissions=["delete"])
    def delete_signatures(self, request, queryset):
        self.log_deletions(request, queryset)
        n = signatures.delete_signatures(queryset)
        self.message_user(
            request,
            ngettext("%(count)d signature deleted.", "%(count)d signatures deleted.", n)
            % {"count": n},
            messages.SUCCESS,
        )

    def _apply(self, request, queryset, service, log_message, report):
        """Run a count-keeping service of campaign.petition.signatures on the signatures and
        write one history entry per signature, all in one transaction."""
        with transaction.atomic():
            objects = list(queryset.select_for_update())
            changed = service(Signature.objects.filter(pk__in=[o.pk for o in objects]))
            for obj in objects:
                self.log_change(request, obj, log_message)
        self.message_user(request, report(changed) % {"n": changed}, messages.SUCCESS)


# Comments ----------------------------------------------------------------------


@admin.register(SignatureComment)
class SignatureCommentAdmin(CommentModeration, admin.ModelAdmin):
    list_display = ("excerpt", "signer", "petition", "comment_state", "state", "created_at")
    list_filter = ("comment_state", "petition", ("created_at", admin.DateFieldListFilter))
    search_fields = ("comment", "name", "email")
    fields = ("signer", "petition", "comment", "comment_state", "state", "created_at")
    readonly_fields = ("signer", "petition", "comment", "state", "created_at")
    actions = ["approve_comments", "reject_comments"]
    list_select_related = ("petition",)

    @admin.display(description=_("comment"))
    def excerpt(self, obj):
        return Truncator(obj.comment).chars(80)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Paper and partner tallies -----------------------------------------------------


@admin.register(PaperTally)
class PaperTallyAdmin(admin.ModelAdmin):
    list_display = ("petition", "count", "source", "gathered_by", "date", "created_by")
    list_filter = ("petition", "source", "date")
    search_fields = ("gathered_by", "note")
    fields = ("petition", "source", "gathered_by", "date", "count", "note")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


# Campaign updates --------------------------------------------------------------


@admin.register(CampaignUpdate)
class CampaignUpdateAdmin(TranslatedAdmin):
    list_display = ("title", "petition", "date", "mailed")
    list_filter = ("petition", "date")
    search_fields = ("title_en", "title_ko", "body_en", "body_ko")
    fields = ("petition", "date", "title", "body", "link")
    actions = ["send_to_subscribers"]

    @admin.display(description=_("mailed to subscribers"))
    def mailed(self, obj):
        mailing = getattr(obj, "mailing", None)
        if mailing is None:
            return _("Not yet")
        return format_html(
            "{} ({})",
            timezone.localtime(mailing.sent_at).strftime("%Y-%m-%d %H:%M"),
            mailing.recipients,
        )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("petition", "mailing")

    @admin.action(description=_("Send to subscribers…"), permissions=["change"])
    def send_to_subscribers(self, request, queryset):
        unsent = list(queryset.filter(mailing__isnull=True))
        already = queryset.count() - len(unsent)
        if "confirm" not in request.POST:
            context = {
                **action_page_context(
                    self, request, "send_to_subscribers", _("Send campaign updates to subscribers")
                ),
                "updates": [(u, updates.update_recipients(u.petition).count()) for u in unsent],
                "already": already,
            }
            return TemplateResponse(request, "admin/campaign/campaignupdate/send.html", context)
        started = 0
        for update in unsent:
            if updates.start_update_mailing(update, request.user, site_url(request)):
                self.log_change(request, update, "Sent to subscribers")
                started += 1
        if started:
            self.message_user(
                request,
                ngettext(
                    "%(n)d update is being sent to its subscribers.",
                    "%(n)d updates are being sent to their subscribers.",
                    started,
                )
                % {"n": started},
                messages.SUCCESS,
            )
        if already:
            self.message_user(
                request,
                _("Updates already sent were not sent again."),
                messages.WARNING,
            )
        return None
