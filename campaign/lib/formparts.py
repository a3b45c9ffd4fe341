"""Form fields as a new visitor sees them, rendered once per worker.

Django renders every field through templates: the field group, its label, the
widget and each attribute. On the signing form (nine fields, on the petition,
home and briefing pages) that was most of the page's rendering whenever the
page cache could not serve it (a visitor with a session, an editor, an htmx
request). A field of an unbound form shows the same HTML to everyone who asks
in the same language, so `RememberedBoundField` keeps each rendering, keyed by
everything it is made from. Bound forms (with what a visitor typed and their
errors) and the fields a form names in `per_visitor_fields` (values of each
visitor's own, such as the form's time-stamp) are rendered every time.

    class SignatureForm(forms.Form):
        bound_field_class = RememberedBoundField
        per_visitor_fields = ("started",)
"""

from django.forms import BoundField
from django.utils.translation import get_language

MAX_RENDERINGS = 2000
_renderings = {}


def forget_renderings():
    """Drop every kept rendering (tests; a worker keeps them for its life)."""
    _renderings.clear()


class RememberedBoundField(BoundField):
    def _remembered(self, part, render):
        form = self.form
        if form.is_bound or self.name in getattr(form, "per_visitor_fields", ()):
            return render()
        key = (
            type(form).__module__,
            type(form).__qualname__,
            tuple(form.fields),
            form.prefix,
            form.auto_id,
            form.label_suffix,
            form.use_required_attribute,
            form.empty_permitted,
            type(form.renderer).__qualname__,
            self.name,
            part,
            repr(self.value()),
            get_language(),
        )
        html = _renderings.get(key)
        if html is None:
            html = render()
            if len(_renderings) >= MAX_RENDERINGS:
                _renderings.clear()
            _renderings[key] = html
        return html

    def as_field_group(self):
        return self._remembered("group", super().as_field_group)

    def label_tag(self, contents=None, attrs=None, label_suffix=None, tag=None):
        if contents is not None or attrs or label_suffix is not None or tag is not None:
            return super().label_tag(contents, attrs, label_suffix, tag)
        return self._remembered("label", super().label_tag)

    def __str__(self):
        return self._remembered("widget", super().__str__)
