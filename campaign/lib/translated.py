"""
Content in two languages: which language a translated field shows, and the admin's
marks for what is not translated yet.

Editors give the petition, timeline, offices, briefings and asks in English and,
when they can, in Korean (django-modeltranslation adds a column per language).
A Korean page shows the Korean text, or the English while there is none; then
the element must say so with lang="en", or a screen reader reads English words
with Korean sounds. `shown_language(obj, "title")` tells which it is.
"""

from django.contrib import admin
from django.db import models
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation import settings as mt_settings
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname, resolution_order


def _filled(value):
    # A language with nothing in it: NULL (never written) or "" (cleared in a form).
    return value is not None and str(value).strip() != ""


def page_language():
    return get_language() or mt_settings.DEFAULT_LANGUAGE


def shown_language(obj, field):
    """The language of the text `getattr(obj, field)` gives in the active language: the
    active language itself when that column is filled, else the first fallback that is."""
    language = page_language()
    for candidate in resolution_order(language, mt_settings.FALLBACK_LANGUAGES):
        if _filled(getattr(obj, build_localized_fieldname(field, candidate), None)):
            return candidate
    return language


def translated_fields(model):
    """The names of `model`'s fields that have a column per language, in the model's order
    (modeltranslation keeps them in a set)."""
    translated = translator.get_options_for_model(model).all_fields
    return [field.name for field in model._meta.fields if field.name in translated]


def other_languages():
    """(code, name) of every language besides the default, which editors translate into."""
    from django.conf import settings

    default = mt_settings.DEFAULT_LANGUAGE
    return [(code, name) for code, name in settings.LANGUAGES if code != default]


def missing_translations(obj, language):
    """The fields of `obj` given in the default language but not yet in `language`."""
    default = mt_settings.DEFAULT_LANGUAGE
    return [
        field
        for field in translated_fields(type(obj))
        if _filled(getattr(obj, build_localized_fieldname(field, default), None))
        and not _filled(getattr(obj, build_localized_fieldname(field, language), None))
    ]


def missing_query(model, language):
    """Rows with a field given in the default language but not in `language`."""
    default = mt_settings.DEFAULT_LANGUAGE
    query = Q(pk__in=[])
    for field in translated_fields(model):
        own = build_localized_fieldname(field, language)
        query |= Q(**{f"{build_localized_fieldname(field, default)}__gt": ""}) & (
            Q(**{f"{own}__isnull": True}) | Q(**{own: ""})
        )
    return query


# The admin ----------------------------------------------------------------------


class TranslationStateFilter(admin.SimpleListFilter):
    """"Korean: not yet translated / translated" in the admin's list filters."""

    parameter_name = "translated"

    def __init__(self, request, params, model, model_admin):
        self.language, name = other_languages()[0]
        self.title = name
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return [("missing", _("Not yet translated")), ("complete", _("Translated"))]

    def queryset(self, request, queryset):
        query = missing_query(queryset.model, self.language)
        if self.value() == "missing":
            return queryset.filter(query)
        if self.value() == "complete":
            return queryset.exclude(query)
        return queryset


def translation_state(obj):
    """What the list shows in its translation column."""
    language, _name = other_languages()[0]
    missing = missing_translations(obj, language)
    if not missing:
        return _("Translated")
    fields = ", ".join(str(type(obj)._meta.get_field(name).verbose_name) for name in missing)
    return _("Not yet translated: %(fields)s") % {"fields": fields}


class _SideBySide:
    """Both languages of a field on one row, and a visible mark on a translation not given yet.

    django-modeltranslation puts `title_en` and `title_ko` in place of `title`, one under
    the other; grouping them makes one admin row of the pair.
    """

    # Links typed without a scheme get https:// (Django 6's default, chosen now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_fieldsets(self, request, obj=None):
        languages = list(mt_settings.AVAILABLE_LANGUAGES)
        grouped = []
        for name, options in super().get_fieldsets(request, obj):
            fields, row = [], []
            for field in options["fields"]:
                base, _sep, language = str(field).rpartition("_")
                if language in languages and base in self.trans_opts.all_fields:
                    row.append(field)
                    if len(row) == len(languages):
                        fields.append(tuple(row))
                        row = []
                    continue
                fields.extend(row)
                row = []
                fields.append(field)
            fields.extend(row)
            grouped.append((name, {**options, "fields": fields}))
        return grouped

    def _mark_missing(self, form_class, obj):
        if obj is None:
            return form_class
        for language, _name in other_languages():
            for field in missing_translations(obj, language):
                form_field = form_class.base_fields.get(build_localized_fieldname(field, language))
                if form_field is None:
                    continue
                form_field.label = _("%(label)s (not yet translated)") % {
                    "label": form_field.label
                }
                form_field.help_text = format_lazy(
                    "{} {}",
                    _("Not yet translated: pages in this language show the English text."),
                    form_field.help_text,
                )
                form_field.widget.attrs["class"] = (
                    form_field.widget.attrs.get("class", "") + " not-translated"
                ).strip()
        return form_class


class TranslatedAdmin(_SideBySide, TranslationAdmin):
    """An admin for a model with translated fields: both languages side by side, the
    untranslated ones marked in the form, and a column and a filter for them in the list."""

    class Media:
        css = {"all": ["css/admin-translations.css"]}

    def get_form(self, request, obj=None, **kwargs):
        return self._mark_missing(super().get_form(request, obj, **kwargs), obj)

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translation_state"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationStateFilter]

    @admin.display(description=_("translation"))
    def translation_state(self, obj):
        return translation_state(obj)


class TranslatedStackedInline(_SideBySide, TranslationStackedInline):
    """A stacked inline with both languages of each translated field side by side."""

    class Media:
        css = {"all": ["css/admin-translations.css"]}
