from django import forms
from django.contrib import admin, messages
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Briefing, TalkingPoint

# The admin's class for full-width text boxes.
WIDE = {"class": "vLargeTextField"}


def _https_links(field, **kwargs):
    # Links typed without a scheme get https:// (Django 6's default, chosen now).
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class BriefingForm(forms.ModelForm):
    class Meta:
        model = Briefing
        formfield_callback = _https_links
        widgets = {
            "title": forms.TextInput(attrs=WIDE),
            "deck": forms.TextInput(attrs=WIDE),
            "caption": forms.TextInput(attrs=WIDE),
            "source_note": forms.TextInput(attrs=WIDE),
            "summary": forms.Textarea(attrs={**WIDE, "rows": 3}),
            "body": forms.Textarea(attrs={**WIDE, "rows": 30}),
        }
        fields = [
            "title",
            "slug",
            "deck",
            "summary",
            "body",
            "caption",
            "source_note",
            "publication",
            "published_on",
            "source_url",
            "status",
            "featured",
            "position",
        ]

    def clean_body(self):
        # Browsers send text areas with CRLF line ends; the body format (and the
        # character offsets of citations) use LF only.
        return self.cleaned_data["body"].replace("\r\n", "\n").replace("\r", "\n")

    def clean_summary(self):
        return " ".join(self.cleaned_data["summary"].split())


@admin.register(Briefing)
class BriefingAdmin(admin.ModelAdmin):
    form = BriefingForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
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
    search_fields = ["title", "deck", "body"]
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


admin.site.register(TalkingPoint)
