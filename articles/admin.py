from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from articles.asks import sentence_in_context
from articles.extractor_record import briefing_record, extractor_record
from articles.missed_calls import (
    NO_ADDRESSEE,
    TEXT_CHANGED,
    CannotAdd,
    add_missed_call,
    uncited_sentences,
)
from articles.models import Addressee, Briefing, Citation, TalkingPoint
from articles.talking_points import (
    CannotMerge,
    merge_talking_points,
    refresh_talking_points_or_log,
)
from campaign.lib.translated import TranslatedAdmin

# The admin's class for full-width text boxes.
WIDE = {"class": "vLargeTextField"}


class BriefingForm(forms.ModelForm):
    # The admin shows a field per language (title_en, title_ko, ...): the widgets below are
    # copied to each.
    class Meta:
        model = Briefing
        widgets = {
            "title": forms.TextInput(attrs=WIDE),
            "deck": forms.TextInput(attrs=WIDE),
            "caption": forms.TextInput(attrs=WIDE),
            "source_note": forms.TextInput(attrs=WIDE),
            "summary": forms.Textarea(attrs={**WIDE, "rows": 3}),
            "body": forms.Textarea(attrs={**WIDE, "rows": 30}),
        }
        fields = ["slug", *Briefing.CONTENT_FIELDS]
        # Links typed without a scheme get https:// (Django 6's default, chosen now).
        field_classes = {"source_url": partial(forms.URLField, assume_scheme="https")}

    def clean_body(self):
        # Browsers send text areas with CRLF line ends; the body format (and the
        # character offsets of citations) use LF only.
        return self.cleaned_data["body"].replace("\r\n", "\n").replace("\r", "\n")

    def _one_line(self, name):
        value = self.cleaned_data.get(name)
        return " ".join(value.split()) if value else value

    def clean_summary_en(self):
        return self._one_line("summary_en")

    def clean_summary_ko(self):
        return self._one_line("summary_ko")


class MissedCallForm(forms.Form):
    """One sentence of a briefing to become a talking point (see missed_calls.py)."""

    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    # The sentence as the editor saw it, to notice a body changed in the meantime.
    sentence = forms.CharField(max_length=10_000, strip=False)
    addressee = forms.ChoiceField(choices=Addressee.choices)


def can_add_points(request):
    return request.user.has_perm("articles.add_talkingpoint")


# The id of the briefing page's section of uncited sentences, and the tag of its messages.
MISSED_CALLS = "missed-calls"


@admin.register(Briefing)
class BriefingAdmin(TranslatedAdmin):
    form = BriefingForm
    change_form_template = "admin/articles/briefing/change_form.html"
    change_list_template = "admin/articles/briefing/change_list.html"
    list_display = [
        "title",
        "status",
        "featured",
        "position",
        "publication",
        "published_on",
        "page_link",
    ]
    list_display_links = ["title"]
    list_editable = ["position"]
    list_filter = ["status", "featured", "publication"]
    search_fields = ["title_en", "title_ko", "deck_en", "deck_ko", "body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["source_file", "created_at", "updated_at"]
    actions = ["publish", "unpublish", "feature", "unfeature"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "deck", "summary"]}),
        (_("Text"), {"fields": ["body", "caption", "source_note"]}),
        (_("Original"), {"fields": ["publication", "published_on", "source_url"]}),
        (_("Publishing"), {"fields": ["status", "featured", "position"]}),
        (
            _("Import"),
            {
                "classes": ["collapse"],
                "description": _(
                    "Re-importing the file refreshes only the fields nobody has changed here."
                ),
                "fields": ["source_file", "created_at", "updated_at"],
            },
        ),
    ]

    @admin.display(description=_("page"))
    def page_link(self, briefing):
        label = _("View") if briefing.is_published else _("Preview draft")
        return format_html('<a href="{}">{}</a>', briefing.get_absolute_url(), label)

    def get_urls(self):
        add_point = path(
            "<path:object_id>/talking-points/add/",
            self.admin_site.admin_view(require_POST(self.add_missed_call_view)),
            name="articles_briefing_add_talking_point",
        )
        return [add_point, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Messages about adding a sentence are shown in its section, where the
        # page opens after the click; the rest at the top as usual.
        shown = list(messages.get_messages(request))
        extra_context = {
            **(extra_context or {}),
            "page_messages": [m for m in shown if MISSED_CALLS not in m.extra_tags.split()],
            "missed_call_messages": [m for m in shown if MISSED_CALLS in m.extra_tags.split()],
        }
        briefing = self.get_object(request, unquote(object_id))
        if briefing is not None:
            extra_context["extractor_record"] = briefing_record(briefing)
            if can_add_points(request):
                extra_context["uncited_sentences"] = uncited_sentences(briefing)
                extra_context["addressees"] = Addressee.choices
        return super().change_view(request, object_id, form_url, extra_context)

    def add_missed_call_view(self, request, object_id):
        """Turn one of the briefing's sentences into a talking point, then back to the briefing."""
        briefing = self.get_object(request, unquote(object_id))
        if briefing is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not (self.has_view_or_change_permission(request, briefing) and can_add_points(request)):
            raise PermissionDenied
        back = reverse("admin:articles_briefing_change", args=[briefing.pk]) + f"#{MISSED_CALLS}"
        form = MissedCallForm(request.POST)
        if not form.is_valid():
            error = NO_ADDRESSEE if "addressee" in form.errors else TEXT_CHANGED
            self.message_user(request, error, messages.ERROR, extra_tags=MISSED_CALLS)
            return redirect(back)
        try:
            point = add_missed_call(briefing.pk, **form.cleaned_data)
        except CannotAdd as error:
            self.message_user(request, str(error), messages.ERROR, extra_tags=MISSED_CALLS)
            return redirect(back)
        self.log_addition(request, point, [{"added": {}}])
        link = format_html(
            '<a href="{}">{}</a>',
            reverse("admin:articles_talkingpoint_change", args=[point.pk]),
            Truncator(point.ask).chars(80),
        )
        message = format_html(
            gettext(
                "Talking point “{ask}” added for {addressee}. Its ask is the whole sentence for "
                "now: open it to make the ask a short request, then approve it."
            ),
            ask=link,
            addressee=point.get_addressee_display(),
        )
        self.message_user(request, message, messages.SUCCESS, extra_tags=MISSED_CALLS)
        return redirect(back)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # In the admin's transaction: the talking points follow the text just saved.
        if refresh_talking_points_or_log(obj) is None:
            self.message_user(
                request,
                _("The briefing was saved, but its talking points could not be updated."),
                messages.WARNING,
            )

    def _update(self, request, queryset, message, **values):
        # Only rows that actually change are counted, so the message is honest.
        count = queryset.exclude(**values).update(**values, updated_at=timezone.now())
        self.message_user(request, message(count) % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Publish selected briefings"), permissions=["change"])
    def publish(self, request, queryset):
        self._update(
            request,
            queryset,
            lambda n: ngettext(
                "%(count)d briefing published.", "%(count)d briefings published.", n
            ),
            status=Briefing.Status.PUBLISHED,
        )

    @admin.action(
        description=_("Unpublish selected briefings (back to draft)"), permissions=["change"]
    )
    def unpublish(self, request, queryset):
        self._update(
            request,
            queryset,
            lambda n: ngettext(
                "%(count)d briefing unpublished.", "%(count)d briefings unpublished.", n
            ),
            status=Briefing.Status.DRAFT,
        )

    @admin.action(description=_("Feature selected briefings"), permissions=["change"])
    def feature(self, request, queryset):
        self._update(
            request,
            queryset,
            lambda n: ngettext("%(count)d briefing featured.", "%(count)d briefings featured.", n),
            featured=True,
        )

    @admin.action(description=_("Stop featuring selected briefings"), permissions=["change"])
    def unfeature(self, request, queryset):
        self._update(
            request,
            queryset,
            lambda n: ngettext(
                "%(count)d briefing no longer featured.",
                "%(count)d briefings no longer featured.",
                n,
            ),
            featured=False,
        )


# Talking points

APPROVED_MESSAGE = ngettext_lazy(
    "%(changed)d of %(total)d selected talking point approved.",
    "%(changed)d of %(total)d selected talking points approved.",
    "total",
)
REJECTED_MESSAGE = ngettext_lazy(
    "%(changed)d of %(total)d selected talking point rejected.",
    "%(changed)d of %(total)d selected talking points rejected.",
    "total",
)


class CitationInline(admin.TabularInline):
    """Where a talking point comes from. Citations follow the briefings' text, so read-only."""

    model = Citation
    fields = [
        "briefing",
        "sentence",
        "start",
        "end",
        "extracted_addressee",
        "extractor_reading",
        "added_by_editor",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(TalkingPoint)
class TalkingPointAdmin(TranslatedAdmin):
    change_list_template = "admin/articles/talkingpoint/change_list.html"
    list_display = [
        "ask",
        "addressee",
        "status",
        "position",
        "score",
        "citation_count",
        "cited_briefings",
    ]
    list_display_links = ["ask"]
    list_editable = ["position"]
    list_filter = [
        "status",
        "addressee",
        "ask_edited",
        "addressee_edited",
        "added_by_editor",
        "citations__extractor_reading",
        ("citations__briefing", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["ask_en", "ask_ko", "citations__sentence"]
    actions = ["approve", "reject", "merge"]
    # "ask" becomes ask_en and ask_ko side by side (the Korean is used in letters to
    # Korean-speaking officials).
    fields = [
        "ask",
        "addressee",
        "status",
        "position",
        "score",
        "ask_edited",
        "addressee_edited",
        "added_by_editor",
        "sources",
    ]
    readonly_fields = ["score", "ask_edited", "sources", "added_by_editor", "addressee_edited"]
    inlines = [CitationInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(citation_total=Count("citations", distinct=True))
            .prefetch_related("citations__briefing")
        )

    @admin.display(description=_("citations"), ordering="citation_total")
    def citation_count(self, point):
        return point.citation_total

    @admin.display(description=_("briefings"))
    def cited_briefings(self, point):
        briefings = {c.briefing_id: c.briefing for c in point.citations.all()}.values()
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((reverse("admin:articles_briefing_change", args=[b.pk]), b.title) for b in briefings),
        )

    @admin.display(description=_("source sentences in context"))
    def sources(self, point):
        if point.pk is None:
            return "—"
        items = []
        for citation in point.citations.all():
            briefing = citation.briefing
            before, sentence, after = sentence_in_context(
                briefing.body, citation.start, citation.end
            )
            items.append(
                format_html(
                    '<li><p><strong>{}</strong> (<a href="{}#cta-{}">{}</a>, <a href="{}">{}</a>)'
                    "</p><blockquote>{}<mark>{}</mark>{}</blockquote></li>",
                    briefing.title,
                    briefing.get_absolute_url(),
                    citation.pk,
                    _("public page"),
                    reverse("admin:articles_briefing_change", args=[briefing.pk]),
                    _("edit briefing"),
                    before,
                    sentence,
                    after,
                )
            )
        if not items:
            return _("No briefing cites this talking point any more.")
        return format_html("<ul>{}</ul>", format_html_join("", "{}", ((item,) for item in items)))

    def save_model(self, request, obj, form, change):
        # An ask an editor has written is theirs: re-extraction leaves it alone.
        if change and "ask_en" in form.changed_data:
            obj.ask_edited = True
        # So is an addressee. The extractor's choice stays on each citation, and the
        # difference counts against it in its record.
        if change and "addressee" in form.changed_data:
            obj.addressee_edited = True
        super().save_model(request, obj, form, change)

    def get_urls(self):
        record = path(
            "record/",
            self.admin_site.admin_view(self.record_view),
            name="articles_talkingpoint_record",
        )
        return [record, *super().get_urls()]

    def record_view(self, request):
        """How the extractor's suggestions fared with the editors, per briefing and overall."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        per_briefing, overall = extractor_record()
        context = {
            **self.admin_site.each_context(request),
            "title": _("The extractor's record"),
            "opts": self.opts,
            "per_briefing": per_briefing,
            "overall": overall,
        }
        return TemplateResponse(request, "admin/articles/talkingpoint/record.html", context)

    @admin.action(description=_("Approve the selected talking points"))
    def approve(self, request, queryset):
        self._set_status(request, queryset, TalkingPoint.Status.APPROVED, APPROVED_MESSAGE)

    @admin.action(description=_("Reject the selected talking points"))
    def reject(self, request, queryset):
        self._set_status(request, queryset, TalkingPoint.Status.REJECTED, REJECTED_MESSAGE)

    @admin.action(description=_("Merge the selected talking points into one"))
    def merge(self, request, queryset):
        try:
            kept = merge_talking_points(list(queryset))
        except CannotMerge as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        message = _("Merged into “%(ask)s”; its citations now include all of theirs.")
        self.message_user(request, message % {"ask": kept.ask}, messages.SUCCESS)

    def _set_status(self, request, queryset, status, message):
        """Give the selected points a status; say how many changed (the others had it)."""
        ids = list(queryset.values_list("pk", flat=True))
        to_change = TalkingPoint.objects.filter(pk__in=ids).exclude(status=status)
        changed = 0
        # One save each, not update(): saving is what tells the page caches.
        for point in to_change:
            point.status = status
            point.save(update_fields=["status", "updated_at"])
            changed += 1
        self.message_user(request, message % {"changed": changed, "total": len(ids)})
