"""The letter writer: its forms, the staged wizard, and recording finished letters.

Without JavaScript the wizard is a staged form: every step posts the earlier
answers again in hidden fields and every answer is validated again, so a
changed hidden field sends the supporter back to the step it belongs to with
a plain error instead of failing.
"""

import time
import uuid
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from articles.models import Citation, TalkingPoint
from campaign import abuse, compose
from campaign.models import Letter, Official, letter_counts_by_point

STEPS = ("official", "points", "about", "letter")
TEXT_MAX = 10000
KEY_SALT = "campaign.letters.key"
TOKEN_SALT = "campaign.letters.record"


def approved_points():
    citations = Citation.objects.select_related("briefing").order_by(
        "briefing__published_on", "id"
    )
    return TalkingPoint.objects.approved().prefetch_related(Prefetch("citations", citations))


# Forms ------------------------------------------------------------------------


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


FORMS = {"official": OfficialForm, "points": PointsForm, "about": AboutForm, "letter": LetterForm}
FIELDS = [name for form in FORMS.values() for name in form.base_fields]


# Plain values for composition -----------------------------------------------------


def official_info(official):
    return compose.OfficialInfo(
        title=official.title,
        name=official.name,
        organisation=official.organisation,
        salutation=official.salutation,
        language=official.language,
        key=str(official.pk),
    )


def point_info(point):
    citations = [c for c in point.citations.all() if c.briefing.is_published]
    source = None
    if citations:
        briefing = citations[0].briefing
        source = compose.Source(
            title=briefing.title,
            publication=briefing.publication,
            published_on=briefing.published_on,
        )
    return compose.PointInfo(ask=point.ask, ask_ko=point.ask_ko, source=source)


def compose_for(official, points, about):
    # Fetch the points again with their sources in two queries, in the editors' order.
    points = approved_points().filter(pk__in=[point.pk for point in points])
    sender = compose.Sender(
        name=about["name"],
        city=about.get("city", ""),
        country=about.get("country", ""),
        personal=about.get("personal", ""),
    )
    return compose.compose_letter(
        official_info(official), [point_info(p) for p in points], sender, official.language
    )


def has_usable_points(official, points):
    infos = [compose.PointInfo(ask=p.ask, ask_ko=p.ask_ko) for p in points]
    return bool(compose.usable_points(infos, official.language))


def suggested_points(official, chosen_point=None):
    """The approved points addressed to the office's category (in its language), plus the
    point the supporter came from."""
    picked = []
    for point in TalkingPoint.objects.approved().filter(addressee=official.category):
        if official.is_korean and not point.ask_ko.strip():
            continue
        picked.append(point)
    if chosen_point is not None and chosen_point not in picked:
        picked.append(chosen_point)
    return picked


def points_to_choose(official):
    """The approved points for the points step, as (matching the office, others).

    Each carries how many letters used it, its plain values for composition,
    and whether it lacks the Korean ask a letter in Korean needs.
    """
    points = list(approved_points())
    counts = letter_counts_by_point()
    for point in points:
        point.letter_count = counts.get(point.pk, 0)
        point.info = point_info(point)
        point.no_korean = official.is_korean and not point.ask_ko.strip()
    matching = [p for p in points if p.addressee == official.category]
    others = [p for p in points if p.addressee != official.category]
    return matching, others


# The staged wizard ------------------------------------------------------------------


@dataclass
class WizardState:
    step: str
    form: forms.Form | None = None
    cleaned: dict = field(default_factory=dict)
    # An earlier, hidden answer failed validation: say so above the form.
    earlier_invalid: bool = False
    finished: bool = False
    composed: compose.ComposedLetter | None = None
    carried: list = field(default_factory=list)

    @property
    def number(self):
        return STEPS.index(self.step) + 1


def _bound(step, data, cleaned):
    if step == "about":
        points = cleaned.get("points", [])
        needs_personal = not has_usable_points(cleaned["official"], points)
        return AboutForm(data, needs_personal=needs_personal)
    return FORMS[step](data)


def approved_point(value):
    try:
        return TalkingPoint.objects.approved().get(pk=int(value))
    except (TypeError, ValueError, TalkingPoint.DoesNotExist):
        return None


def _fresh(step, data, cleaned, going_back):
    """The form for a step the supporter arrives at, filled from what we know."""
    if step == "official":
        return OfficialForm(initial={"official": data.get("official")})
    if step == "points":
        chosen = approved_point(data.get("point"))
        if going_back:
            # Coming back from a later step: keep the supporter's own choice.
            initial = data.getlist("points")
        else:
            initial = [p.pk for p in suggested_points(cleaned["official"], chosen)]
        return PointsForm(initial={"points": initial, "point": chosen.pk if chosen else None})
    if step == "about":
        return AboutForm(initial={name: data.get(name, "") for name in AboutForm.base_fields})
    raise ValueError(step)


def _letter_form(cleaned):
    composed = compose_for(cleaned["official"], cleaned.get("points", []), cleaned)
    key = signing.dumps(uuid.uuid4().hex, salt=KEY_SALT)
    form = LetterForm(
        initial={"subject": composed.subject, "text": composed.text, "key": key},
        language=cleaned["official"].language,
    )
    return form, composed


def _carry(data, form):
    """Hidden copies of the answers that do not belong to the form on show."""
    shown = set(form.fields) if form is not None else set()
    return [(name, value) for name in FIELDS if name not in shown for value in data.getlist(name)]


def advance(data):
    """Validate a posted step and all the answers before it; return what to show next."""
    submitted = data.get("step") if data.get("step") in STEPS else "official"
    going_back = "back" in data
    upto = STEPS.index(submitted)
    cleaned = {}
    for index, step in enumerate(STEPS[: upto + 1]):
        if going_back and index == upto:
            break
        form = _bound(step, data, cleaned)
        if not form.is_valid():
            return WizardState(
                step=step,
                form=form,
                cleaned=cleaned,
                earlier_invalid=index < upto,
                carried=_carry(data, form),
            )
        cleaned.update(form.cleaned_data)
    if not going_back and submitted == "letter":
        return WizardState(step="letter", cleaned=cleaned, finished=True)
    target = STEPS[max(upto - 1, 0)] if going_back else STEPS[upto + 1]
    return arrive(target, data, cleaned, going_back)


def arrive(step, data, cleaned, going_back=False):
    composed = None
    if step == "letter":
        form, composed = _letter_form(cleaned)
    else:
        form = _fresh(step, data, cleaned, going_back)
    return WizardState(
        step=step, form=form, cleaned=cleaned, composed=composed, carried=_carry(data, form)
    )


def start(query):
    """The first step for a GET, honouring ?official= and ?point=."""
    data = query.copy()
    data.pop("step", None)
    official = None
    if query.get("official"):
        try:
            official = Official.objects.active().get(pk=int(query["official"]))
        except (ValueError, Official.DoesNotExist):
            official = None
    point = approved_point(query.get("point"))
    for name in ("official", "point"):
        data.pop(name, None)
    if point is not None:
        data["point"] = str(point.pk)
    if official is not None:
        data["official"] = str(official.pk)
        return arrive("points", data, {"official": official})
    if point is not None:
        first = Official.objects.active().filter(category=point.addressee).first()
        if first is not None:
            data["official"] = str(first.pk)
    return arrive("official", data, {})


# Finished letters ------------------------------------------------------------------


def over_rate_limit(cleaned, request):
    """Whether this network has finished too many letters lately. A letter already
    recorded (its last step posted again) never counts against the limit."""
    if Letter.objects.filter(key=cleaned["key"]).exists():
        return False
    limit, window = settings.LETTER_RATE_LIMIT
    ip_hash = abuse.hash_ip(abuse.client_ip(request))
    return abuse.hit(f"rl:letters:{ip_hash}:{int(time.time() // window)}", window) > limit


def held_back(state, data):
    """Show the letter step again with the sender's text, when it cannot be recorded."""
    form = LetterForm(data)
    form.is_valid()
    return WizardState(step="letter", form=form, cleaned=state.cleaned, carried=_carry(data, form))


def record_letter(cleaned):
    """Record a finished letter once, however often its last step is posted."""
    official = cleaned["official"]
    defaults = {"official": official, "language": official.language, "country": cleaned["country"]}
    if cleaned["share"]:
        defaults.update(
            shared=True, text=cleaned["text"], sender_name=cleaned["name"], city=cleaned["city"]
        )
    try:
        with transaction.atomic():
            letter, created = Letter.objects.get_or_create(key=cleaned["key"], defaults=defaults)
            if created:
                letter.talking_points.set(cleaned.get("points", []))
    except IntegrityError:
        # Two posts of the same letter at once: the other one recorded it.
        letter = Letter.objects.get(key=cleaned["key"])
    return letter


def letter_token(letter):
    return signing.dumps(letter.pk, salt=TOKEN_SALT)


def letter_from_token(token):
    try:
        pk = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    return Letter.objects.select_related("official").filter(pk=pk).first()


def delivery(letter, subject, text):
    """The ways to send a finished letter to its office."""
    official = letter.official
    mailto = mailto_without_body = ""
    if official.email:
        mailto = compose.mailto_url(official.email, subject, text)
        if compose.mailto_too_long(mailto):
            # Too long for some mail programs: open a message with the address and the
            # subject only, and the sender pastes the copied letter.
            mailto, mailto_without_body = "", compose.mailto_url(official.email, subject)
    return {
        "letter": letter,
        "official": official,
        "subject": subject,
        "text": text,
        "token": letter_token(letter),
        "mailto": mailto,
        "mailto_without_body": mailto_without_body,
    }


def filename(letter, extension):
    return f"letter-{letter.created_at:%Y-%m-%d}-{letter.pk}.{extension}"
