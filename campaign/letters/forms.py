"""The letter writer's forms, one per step, and the form of a finished letter's download."""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from articles.models import TalkingPoint
from campaign.letters.models import Official

TEXT_MAX = 10000
KEY_SALT = "campaign.letters.key"


class OfficialForm(forms.Form):
    official = forms.ModelChoiceField(
        queryset=Official.objects.active(),
        widget=forms.RadioSelect,
        empty_label=None,
        label=_("Whom do you want to write to?"),
        error_messages={
            "required": _("Choose the office you want to write to."),
            "invalid_choice": _("That office is not on our list. Please choose one again."),
        },
    )


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

    def __init__(self, *args, needs_personal=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_personal = needs_personal

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
    subject = forms.CharField(label=_("Subject"), max_length=200)
    text = forms.CharField(
        label=_("Your letter"),
        widget=forms.Textarea(attrs={"rows": 24}),
        max_length=TEXT_MAX,
        help_text=_("Change anything you like: the letter you send is the text in this box."),
        error_messages={"required": _("Your letter is empty. Write something to send.")},
    )
    share = forms.BooleanField(
        label=_("Share my letter with the campaign"),
        required=False,
        help_text=_(
            "We then keep the text, your name and your town to learn what supporters write. "
            "Otherwise we only count that a letter was written, and keep your country."
        ),
    )
    key = forms.CharField(widget=forms.HiddenInput, max_length=200)

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        if language:
            # A letter to a Korean office is in Korean whatever the page's language.
            for name in ("subject", "text"):
                self.fields[name].widget.attrs["lang"] = language

    def clean_key(self):
        try:
            return signing.loads(self.cleaned_data["key"], salt=KEY_SALT)
        except signing.BadSignature:
            raise forms.ValidationError(
                _("This letter form was changed or has expired. Please check the letter again."),
                code="bad_key",
            ) from None


class DeliveryForm(forms.Form):
    subject = forms.CharField(max_length=200)
    text = forms.CharField(max_length=TEXT_MAX)
