from functools import partial

from django import forms
from django.core.validators import slug_re
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from campaign.lib.choices import CountryChoiceField, FixedChoicesSelect
from campaign.lib.formparts import RememberedBoundField
from campaign.lib.pages import per_visitor
from campaign.petition import abuse
from campaign.petition.models import Signature
from campaign.petition.rules import (
    UndeliverableAddress,
    delivery_address,
    email_domain,
    name_problem,
    visible_text,
)


def briefing_source(value):
    """The briefing slug a signer came from, or "" for anything that is not a slug.

    It is for statistics only: a bad value (a NUL, markup) is dropped rather than
    shown as an error on a hidden field the signer could not fix.
    """
    value = value.strip()
    return value if slug_re.fullmatch(value) else ""


def share_ref(value):
    """Where a share link was posted (its ?ref=), or "" for anything unknown.

    Only the values the site's own share links carry are kept: the figure is for
    the dashboard, and an unknown value is dropped, like a bad briefing source.
    """
    value = value.strip()
    return value if value in Signature.Ref.values else ""


def country_choices():
    """Every country, named and sorted in the visitor's language, after a prompt."""
    return [("", _("Choose your country")), *countries]


class DeliverableEmailField(forms.CharField):
    """An email address, cleaned to the form mail will be delivered to
    (campaign.petition.rules.delivery_address), so that every check after it
    sees one mailbox as one address."""

    widget = forms.EmailInput
    default_error_messages = {
        "required": _("Please enter your email address."),
        "invalid": _("Please enter an email address like name@example.com."),
        "invisible": _(
            "This address contains invisible characters. Please type it again by hand."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 254)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        try:
            return delivery_address(value)
        except UndeliverableAddress as problem:
            raise forms.ValidationError(
                self.error_messages[problem.code], code=problem.code
            ) from None


class SignatureForm(forms.Form):
    # The same for every new visitor: each field is rendered once per worker,
    # but for the time-stamp, which is each visitor's own.
    bound_field_class = RememberedBoundField
    per_visitor_fields = ("started",)

    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        error_messages={"required": _("Please enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = DeliverableEmailField(
        label=_("Your email address"),
        help_text=_("We send you a link to confirm your signature. We never publish it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    country = CountryChoiceField(
        label=_("Country"),
        choices=country_choices,
        error_messages={"required": _("Please choose your country.")},
        widget=FixedChoicesSelect(attrs={"autocomplete": "country"}),
    )
    postal_code = forms.CharField(
        label=_("Postal code (optional)"),
        max_length=16,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    comment = forms.CharField(
        label=_("Why are you signing? (optional)"),
        max_length=500,
        required=False,
        help_text=_("Up to 500 characters. Comments appear after a moderator approves them."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    show_name = forms.BooleanField(
        label=_("Show my first name and initial on the list of signers"),
        required=False,
        help_text=_(
            "Off unless you choose it. Some signers have family in North Korea, where being "
            "named can put relatives in danger, so no name is shown without consent."
        ),
    )
    wants_updates = forms.BooleanField(
        label=_("Email me news about this campaign"),
        required=False,
        help_text=_("A few messages at most; every one has a link to stop them."),
    )
    source = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)
    # No length limit of its own: a bad value is dropped (share_ref), never an
    # error on a field the signer cannot see.
    ref = forms.CharField(required=False, widget=forms.HiddenInput)
    # Filled in by the page, checked on submission: see campaign.petition.abuse.
    started = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)
    # A field people never see (hidden by the stylesheet, skipped by keyboard
    # and screen readers) but form-filling bots do.
    website = forms.CharField(
        label=_("Leave this field empty"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, request, compact=False, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # The time-stamp is made for, and checked against, this visitor.
        self.request = request
        self.compact = compact
        if compact:
            # The box on the home and briefing pages asks only what is needed.
            del self.fields["postal_code"]
            del self.fields["comment"]
        if not self.is_bound:
            # Made when the field is rendered (Django calls a callable initial value):
            # a form rendered inside a kept part gets the stand-in, filled per visitor.
            self.initial.setdefault("started", partial(per_visitor, "form-started", request))

    def clean_name(self):
        name = " ".join(visible_text(self.cleaned_data["name"]).split())
        if not name:
            raise forms.ValidationError(self.fields["name"].error_messages["required"])
        problem = name_problem(name)
        if problem:
            raise forms.ValidationError(abuse.REFUSED_NAME_MESSAGES[problem])
        return name

    def clean_source(self):
        return briefing_source(self.cleaned_data["source"])

    def clean_ref(self):
        return share_ref(self.cleaned_data["ref"])

    def clean_email(self):
        email = self.cleaned_data["email"]
        if abuse.is_disposable(email_domain(email)):
            raise forms.ValidationError(
                _(
                    "Addresses from disposable email services cannot be used. Please use "
                    "an address you will keep, so that you can confirm and withdraw."
                )
            )
        return email

    def abuse_flags(self):
        """Reasons, from the form itself, to hold the signature for a moderator."""
        flags = []
        if self.cleaned_data.get("website"):
            flags.append("honeypot")
        flags.append(abuse.fill_time_problem(self.cleaned_data.get("started"), self.request))
        return [flag for flag in flags if flag]


def new_visitor_form(request, *, compact=False, initial=None):
    """A new visitor's signing form, made only if it is rendered.

    Pages keep a new visitor's form as rendered (the signing block's `{% publiccache %}`,
    found by its `signing_key`), so most requests never need the form itself, whose
    fields Django copies for every form it makes.
    """
    return SimpleLazyObject(
        partial(SignatureForm, initial=initial or {}, compact=compact, request=request)
    )


def signing_key(is_open, *, source="", ref=""):
    """What a new visitor's signing block shows besides its petition and language, for
    keeping it: a form with its source and ref, or none (the petition takes no
    signatures). A form sent back with what a visitor typed has no key: it is shown to
    them alone."""
    return ("open", source, ref) if is_open else ("closed",)


class ResendForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    email = DeliverableEmailField(
        label=_("Your email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
