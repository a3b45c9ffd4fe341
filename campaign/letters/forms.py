"""The letter writer's forms, one per step, and the form of a finished letter's download."""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from articles.models import TalkingPoint
from campaign.letters.models import Official

KEY_SALT = "campaign.letters.key"
# How much letter the downloads lay out. A letter the wizard writes is 2,000 to 4,000
# characters in 20 to 60 lines; these leave room for a long personal part while
# keeping a PDF to a few pages and its layout work small, whatever is posted.
TEXT_MAX = 10000
TEXT_MAX_BYTES = 24000
TEXT_MAX_LINES = 300
# Each office gets its own letter; more than this at once is not one person writing.
MAX_OFFICES = 5
SENDER_MAX = 600


def validate_letter_size(text):
    """Refuse a letter too big to print: too many bytes (Korean takes three a character)
    or too many lines."""
    if len(text.encode("utf-8")) > TEXT_MAX_BYTES:
        raise forms.ValidationError(
            _("Your letter is too long to prepare. Please shorten it."), code="too_many_bytes"
        )
    lines = text.count("\n") + 1
    if lines > TEXT_MAX_LINES:
        raise forms.ValidationError(
            ngettext_lazy(
                "Your letter has more than %(limit)d line. Please join some lines.",
                "Your letter has more than %(limit)d lines. Please join some lines.",
                "limit",
            ),
            code="too_many_lines",
            params={"limit": TEXT_MAX_LINES},
        )


class OfficialForm(forms.Form):
    officials = forms.ModelMultipleChoiceField(
        queryset=Official.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Whom do you want to write to?"),
        error_messages={
            "required": _("Choose the office you want to write to."),
            "invalid_choice": _("That office is not on our list. Please choose one again."),
            "invalid_pk_value": _("That office is not on our list. Please choose one again."),
        },
    )

    def clean_officials(self):
        officials = self.cleaned_data["officials"]
        if len(officials) > MAX_OFFICES:
            raise forms.ValidationError(
                _("Choose at most %(limit)d offices at once: each gets a letter of its own."),
                code="too_many",
                params={"limit": MAX_OFFICES},
            )
        return list(officials)


class PointsForm(forms.Form):
    points = forms.ModelMultipleChoiceField(
        queryset=TalkingPoint.objects.approved(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("What should your letter ask for?"),
        error_messages={
            "invalid_choice": _("One of the points is no longer available. Please choose again."),
            "invalid_pk_value": _("One of the points could not be read. Please choose again."),
        },
    )
    # The point a supporter came from (?point=), kept so the choice survives the steps.
    point = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, without_ask=None, **kwargs):
        """`without_ask(points)` names the offices whose letter those points leave
        without a request they can act on."""
        super().__init__(*args, **kwargs)
        self.without_ask = without_ask
        self.offices_without_ask = []

    def clean(self):
        cleaned = super().clean()
        if self.without_ask is None or "points" not in cleaned:
            return cleaned
        self.offices_without_ask = self.without_ask(list(cleaned["points"]))
        if self.offices_without_ask:
            names = ", ".join(office.title for office in self.offices_without_ask)
            self.add_error(
                "points",
                forms.ValidationError(
                    _(
                        "A letter must ask something the office can do, and your letter to "
                        "%(offices)s would not: the points you chose are not in its language "
                        "yet or ask nothing it can act on. Choose at least one of the points "
                        "below, worded for it."
                    ),
                    code="no_ask",
                    params={"offices": names},
                ),
            )
        return cleaned


class AboutForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        help_text=_("It signs the letter. We keep it only if you share your letter with us."),
        error_messages={"required": _("Enter the name you want to sign the letter with.")},
    )
    city = forms.CharField(label=_("Your town or city"), max_length=100, required=False)
    country = forms.CharField(label=_("Your country"), max_length=100, required=False)
    personal = forms.CharField(
        label=_("A few words of your own (optional)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        required=False,
        help_text=_("Why this matters to you. A personal paragraph makes a letter count."),
    )
    reply_email = forms.EmailField(
        label=_("Email address for a reply (optional)"),
        max_length=254,
        required=False,
        help_text=_(
            "Printed in your letter so that the office can answer you. We keep it only if "
            "you share your letter with us."
        ),
    )
    reply_address = forms.CharField(
        label=_("Postal address for a reply (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=300,
        required=False,
        help_text=_("Printed under your name in your letter. Kept only if you share your letter."),
    )

    def __init__(self, *args, needs_personal=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_personal = needs_personal

    def clean_reply_address(self):
        lines = [line.strip() for line in self.cleaned_data["reply_address"].splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > 6:
            raise forms.ValidationError(
                _("Please give your address in at most six lines."), code="too_many_lines"
            )
        return "\n".join(lines)

    def clean(self):
        cleaned = super().clean()
        if self.needs_personal and not cleaned.get("personal", "").strip():
            self.add_error(
                "personal",
                _(
                    "Your letter has no talking point in its language yet, so please write "
                    "what you want to ask in a few words of your own."
                ),
            )
        return cleaned


class LetterForm(forms.Form):
    """One office's letter, as the sender edits it (prefixed by the office)."""

    subject = forms.CharField(label=_("Subject"), max_length=200)
    text = forms.CharField(
        label=_("Your letter"),
        widget=forms.Textarea(attrs={"rows": 24}),
        max_length=TEXT_MAX,
        validators=[validate_letter_size],
        help_text=_("Change anything you like: the letter you send is the text in this box."),
        error_messages={"required": _("Your letter is empty. Write something to send.")},
    )

    def __init__(self, *args, official=None, **kwargs):
        super().__init__(*args, prefix=f"letter-{official.pk}", **kwargs)
        self.official = official
        # A letter to a Korean office is in Korean whatever the page's language.
        for name in ("subject", "text"):
            self.fields[name].widget.attrs["lang"] = official.language


class FinishForm(forms.Form):
    """What goes with all the letters of one sitting: consent and the once-only key."""

    share = forms.BooleanField(
        label=_("Share my letter with the campaign"),
        required=False,
        help_text=_(
            "We then keep the text, your name and your town to learn what supporters write, "
            "and with the text any reply address you put in it. Otherwise we only count that "
            "a letter was written, and keep your country."
        ),
    )
    key = forms.CharField(widget=forms.HiddenInput, max_length=200)

    def clean_key(self):
        try:
            return signing.loads(self.cleaned_data["key"], salt=KEY_SALT)
        except signing.BadSignature:
            raise forms.ValidationError(
                _("This letter form was changed or has expired. Please check the letter again."),
                code="bad_key",
            ) from None


class LettersStep:
    """The letter step: a form per office and the finishing form, validated together."""

    def __init__(self, data=None, *, officials, initial=None):
        initial = initial or {}
        self.letters = [
            LetterForm(data, official=official, initial=initial.get(official.pk))
            for official in officials
        ]
        if len(self.letters) > 1:
            # Several boxes on one page: each is named by its office.
            for form in self.letters:
                form.fields["text"].label = _("Your letter to %(office)s") % {
                    "office": form.official.title
                }
        self.finish = FinishForm(data, initial=initial.get("finish"))
        self.fields = {
            name: field
            for form in (*self.letters, self.finish)
            for name, field in ((form.add_prefix(n), f) for n, f in form.fields.items())
        }

    def is_valid(self):
        valid = [form.is_valid() for form in (*self.letters, self.finish)]
        return all(valid)

    @property
    def cleaned_data(self):
        return {
            **self.finish.cleaned_data,
            "letters": [
                (form.official, form.cleaned_data["subject"], form.cleaned_data["text"])
                for form in self.letters
            ],
        }


class DeliveryForm(forms.Form):
    subject = forms.CharField(max_length=200)
    text = forms.CharField(max_length=TEXT_MAX, validators=[validate_letter_size])
    # The sender's block (name, reply address), printed at the top of the PDF.
    sender = forms.CharField(max_length=SENDER_MAX, required=False)
