"""The letter writer's staged wizard: official, points, about you, the letter.

Without JavaScript the wizard is a staged form: every step posts the earlier
answers again in hidden fields and every answer is validated again, so a
changed hidden field sends the supporter back to the step it belongs to with
a plain error instead of failing.
"""

import uuid
from dataclasses import dataclass, field

from django import forms
from django.core import signing

from campaign.letters import compose
from campaign.letters.forms import KEY_SALT, AboutForm, LetterForm, OfficialForm, PointsForm
from campaign.letters.models import Official
from campaign.letters.services import (
    approved_point,
    compose_for,
    has_usable_points,
    suggested_points,
)

STEPS = ("official", "points", "about", "letter")
FORMS = {"official": OfficialForm, "points": PointsForm, "about": AboutForm, "letter": LetterForm}
FIELDS = [name for form in FORMS.values() for name in form.base_fields]


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


def held_back(state, data):
    """Show the letter step again with the sender's text, when it cannot be recorded."""
    form = LetterForm(data)
    form.is_valid()
    return WizardState(step="letter", form=form, cleaned=state.cleaned, carried=_carry(data, form))
