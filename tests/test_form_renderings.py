"""Fields of the signing form rendered once per worker (campaign.lib.formparts)."""

from django.forms import BoundField
from django.test import RequestFactory
from django.utils import translation

from campaign.lib.formparts import forget_renderings
from campaign.petition import forms


def SignatureForm(*args, **kwargs):  # noqa: N802 (stands in for the form class)
    """The signing form as a visitor's request makes it."""
    return forms.SignatureForm(*args, request=RequestFactory().get("/"), **kwargs)


def plain_renderings(form):
    return {name: BoundField(form, form.fields[name], name).as_field_group()
            for name in form.fields if not form.fields[name].widget.is_hidden}


def test_a_new_visitors_fields_are_what_django_renders_in_each_language():
    forget_renderings()
    for language in ("en", "ko", "en"):
        with translation.override(language):
            for compact in (False, True):
                form = SignatureForm(compact=compact)
                kept = {field.name: field.as_field_group() for field in form.visible_fields()}
                assert kept == plain_renderings(SignatureForm(compact=compact))
    with translation.override("ko"):
        assert "이메일" in SignatureForm()["email"].as_field_group()


def test_what_a_visitor_typed_and_its_errors_are_never_kept_for_others():
    forget_renderings()
    SignatureForm()["name"].as_field_group()
    bound = SignatureForm({"name": "", "email": "not-an-address", "country": "KR"})
    assert not bound.is_valid()
    assert "not-an-address" in bound["email"].as_field_group()
    assert "name@example.com" in bound["email"].as_field_group()
    fresh = SignatureForm()["email"].as_field_group()
    assert "not-an-address" not in fresh and "name@example.com" not in fresh


def test_hidden_fields_keep_each_visitors_own_value():
    first = str(SignatureForm(initial={"source": "one"})["source"])
    second = str(SignatureForm(initial={"source": "two"})["source"])
    assert 'value="one"' in first and 'value="two"' in second
    stamps = {str(SignatureForm(initial={"started": str(n)})["started"]) for n in range(3)}
    assert len(stamps) == 3
