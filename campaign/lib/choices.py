"""Form fields and widgets for long choice lists fixed in code (the country list)."""

import copy

from django import forms
from django.utils.translation import get_language
from django_countries import countries


class FixedChoiceField(forms.ChoiceField):
    """
    A choice field for choices fixed in code: each form instance shares the
    declared list instead of deep-copying it (~250 countries, with lazy
    names, on every form), and the list is normalised once, not per use.
    """

    def __deepcopy__(self, memo):
        # Field's copy (widget, messages, validators) without ChoiceField's
        # deep copy of the choices, which nothing changes.
        return forms.Field.__deepcopy__(self, memo)


class CountryChoiceField(FixedChoiceField):
    """A country, by its ISO 3166-1 code, from django-countries' list.

    Give the choices as a callable (the list named and sorted in the active
    language, with a prompt first); a value is checked against the codes
    directly, without naming and sorting ~250 countries on every post.
    """

    def valid_value(self, value):
        return value in countries


class FixedChoicesSelect(forms.Select):
    """
    A select for choices fixed in code, such as the country list: each
    rendering (name, value, attributes, language) is kept by the worker.

    Django renders every option through a template; for ~250 countries that
    was most of the time spent on the petition page. Deep copies (one per form
    instance) share the declared widget's store, so it fills once per worker.
    Only renderings of valid choices are kept: a value anyone can post (a
    200 KB "country") is rendered but not kept, so the store stays as small as
    the list. Not for choices that change at run time.
    """

    MAX_RENDERINGS = 2000

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._renderings = {}
        self._valid_values = []  # filled once, shared with the copies

    def __deepcopy__(self, memo):
        # Select's copy without normalising the ~250 choices again (its
        # choices setter does) for every form instance: they never change.
        copied = copy.copy(self)
        copied.attrs = self.attrs.copy()
        memo[id(self)] = copied
        return copied

    def _is_choice(self, values):
        if not self._valid_values:
            valid = set()
            for value, label in self.choices:
                if isinstance(label, list | tuple):  # a group of options
                    valid.update(str(option) for option, _label in label)
                else:
                    valid.add(str(value))
            self._valid_values.append(frozenset(valid))
        return set(values) <= self._valid_values[0]

    def render(self, name, value, attrs=None, renderer=None):
        values = self.format_value(value)
        if not self._is_choice(values):
            return super().render(name, value, attrs, renderer)
        key = (
            name,
            tuple(values),
            repr(sorted(self.build_attrs(self.attrs, attrs).items())),
            get_language(),
            renderer.__class__.__name__ if renderer else "",
        )
        html = self._renderings.get(key)
        if html is None:
            html = super().render(name, value, attrs, renderer)
            if len(self._renderings) >= self.MAX_RENDERINGS:
                self._renderings.clear()
            self._renderings[key] = html
        return html
