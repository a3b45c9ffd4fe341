"""The letter writer's staged wizard: offices, points, about you, the letters.

Without JavaScript the wizard is a staged form: every step posts the earlier
answers again in hidden fields and every answer is validated again, so a
changed hidden field sends the supporter back to the step it belongs to with
a plain error instead of failing. A supporter may choose several offices; each
gets a letter of its own, composed for it, and the last step shows them all.
"""

import uuid
from dataclasses import dataclass, field

from django import forms
from django.core import signing

from campaign.letters.forms import KEY_SALT, AboutForm, LettersStep, OfficialForm, PointsForm
from campaign.letters.models import Official
from campaign.letters.services import (
    approved_point,
    cannot_be_asked,
    compose_for,
    offices_without_ask,
    suggested_points,
)

STEPS = ("official", "points", "about", "letter")
# The answers of the steps before the letters, carried from step to step.
FIELDS = [
    name for form in (OfficialForm, PointsForm, AboutForm) for name in form.base_fields
]


@dataclass
class Draft:
    """One office's letter as composed, with its English rendering if it is in Korean."""

    official: Official
    letter: object
    rendering: object = None
    form: forms.Form | None = None


@dataclass
class WizardState:
    step: str
    form: object = None
    cleaned: dict = field(default_factory=dict)
    # An earlier, hidden answer failed validation: say so above the form.
    earlier_invalid: bool = False
    finished: bool = False
    drafts: list = field(default_factory=list)
    carried: list = field(default_factory=list)

    @property
    def number(self):
        return STEPS.index(self.step) + 1


def _askable(officials):
    """The offices some approved point can make a request to (the others' letters
    rest on the sender's own words)."""
    unreachable = cannot_be_asked(officials)
    return [official for official in officials if official not in unreachable]


def _bound(step, data, cleaned):
    if step == "official":
        return OfficialForm(data)
    officials = cleaned["officials"]
    if step == "points":
        askable = _askable(officials)
        return PointsForm(data, without_ask=lambda points: offices_without_ask(askable, points))
    if step == "about":
        needs_personal = bool(offices_without_ask(officials, cleaned.get("points", [])))
        return AboutForm(data, needs_personal=needs_personal)
    return LettersStep(data, officials=officials)


def _fresh(step, data, cleaned, going_back):
    """The form for a step the supporter arrives at, filled from what we know."""
    if step == "official":
        return OfficialForm(initial={"officials": data.getlist("officials")})
    if step == "points":
        chosen = approved_point(data.get("point"))
        if going_back:
            # Coming back from a later step: keep the supporter's own choice.
            initial = data.getlist("points")
        else:
            initial = [p.pk for p in suggested_points(cleaned["officials"], chosen)]
        return PointsForm(initial={"points": initial, "point": chosen.pk if chosen else None})
    if step == "about":
        return AboutForm(initial={name: data.get(name, "") for name in AboutForm.base_fields})
    raise ValueError(step)


def _letters(cleaned):
    drafts, initial = [], {}
    for official in cleaned["officials"]:
        letter, rendering = compose_for(official, cleaned.get("points", []), cleaned)
        drafts.append(Draft(official, letter, rendering))
        initial[official.pk] = {"subject": letter.subject, "text": letter.text}
    initial["finish"] = {"key": signing.dumps(uuid.uuid4().hex, salt=KEY_SALT)}
    step = LettersStep(officials=cleaned["officials"], initial=initial)
    for draft, form in zip(drafts, step.letters, strict=True):
        draft.form = form
    return step, drafts


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
                drafts=_drafts_of(form),
                carried=_carry(data, form),
            )
        cleaned.update(form.cleaned_data)
    if not going_back and submitted == "letter":
        return WizardState(step="letter", cleaned=cleaned, finished=True)
    target = STEPS[max(upto - 1, 0)] if going_back else STEPS[upto + 1]
    return arrive(target, data, cleaned, going_back)


def _drafts_of(form):
    """The letters of a letter step shown again with the sender's own text."""
    if not isinstance(form, LettersStep):
        return []
    return [Draft(letter.official, None, form=letter) for letter in form.letters]


def arrive(step, data, cleaned, going_back=False):
    drafts = []
    if step == "letter":
        form, drafts = _letters(cleaned)
    else:
        form = _fresh(step, data, cleaned, going_back)
    return WizardState(
        step=step, form=form, cleaned=cleaned, drafts=drafts, carried=_carry(data, form)
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
    for name in ("official", "officials", "point"):
        data.pop(name, None)
    if point is not None:
        data["point"] = str(point.pk)
    if official is not None:
        data["officials"] = str(official.pk)
        return arrive("points", data, {"officials": [official]})
    if point is not None:
        first = Official.objects.active().filter(category=point.addressee).first()
        if first is not None:
            data["officials"] = str(first.pk)
    return arrive("official", data, {})


def held_back(state, data):
    """Show the letter step again with the sender's texts, when they cannot be recorded."""
    form = LettersStep(data, officials=state.cleaned["officials"])
    form.is_valid()
    return WizardState(
        step="letter",
        form=form,
        cleaned=state.cleaned,
        drafts=_drafts_of(form),
        carried=_carry(data, form),
    )
