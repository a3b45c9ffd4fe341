"""English asks reframed for the office that receives them (see `campaign.letters.reframe`). Pure.

The imperative becomes an infinitive ("urge them to put an end to ..."), or a
"should" clause after "convey ... that"; the second person becomes the third ("your"
→ "its" for Beijing, "their" for the Chinese authorities). Verb forms need no
change: an infinitive takes the base form whoever its subject is, and where the ask
has "you" as a pronoun ("make sure you are ...") the actor is named in the plural,
whose verb forms are those of "you" (you are, they are).

The grammar this needs (an ask as a verb phrase, its persons) is in
`campaign.letters.clauses_en`; the actors an ask names, and the names each kind of
office gives them, in `campaign.letters.actors_en`.
"""

import re

from campaign.letters.actors_en import (
    ACTOR_RES,
    COLLAPSE_RES,
    NAMES,
    PLURAL_ACTOR,
    THE_GOVERNMENT,
    YOUR_GOVERNMENT,
    targets,
    voice,
)
from campaign.letters.clauses_en import (
    Clause,
    capitalise,
    imperative,
    second_person,
    statement_of,
    third_person,
)
from campaign.letters.office_roles import Path, Role

__all__ = ["collapse", "reframe"]


# Names for this ask -----------------------------------------------------------------


def _choose(names, clause):
    first, second = names
    if clause.needs_plural:
        return first if first.plural else second
    if _clashes(first, clause.body) and not _clashes(second, clause.body):
        return second
    return first


_PLURAL_PRONOUNS = re.compile(r"\b(?:they|them|their|theirs|themselves)\b", re.IGNORECASE)
_SINGULAR_PRONOUNS = re.compile(r"\b(?:its|itself)\b", re.IGNORECASE)


def _clashes(name, body):
    return bool((_PLURAL_PRONOUNS if name.plural else _SINGULAR_PRONOUNS).search(body))


# Asks -------------------------------------------------------------------------------


def parse(text, point_addressee):
    """(Clause, None) for an ask that is an imperative or a statement of what its own
    addressee must do; (None, text) for a claim about someone else ("Defectors must be
    protected"), which is kept as it is."""
    statement = statement_of(text)
    if statement:
        subject, clause = statement
        own = ACTOR_RES[point_addressee].fullmatch(subject) or subject.casefold() == "you"
        return (clause, None) if own else (None, text)
    return imperative(text), None


# Frames -----------------------------------------------------------------------------
# What each role does about another actor's conduct, in two phrasings. {actor} is the
# actor's name, {obj} its object pronoun, {to_vp} the ask as an infinitive.
FRAMES = {
    Role.HEAD_OF_GOVERNMENT: (
        "Press {actor}, at the highest level, {to_vp}",
        "Raise the matter with {actor} at the highest level and urge {obj} {to_vp}",
    ),
    Role.FOREIGN_MINISTER: (
        "Press {actor} {to_vp}",
        "Make representations to {actor} urging {obj} {to_vp}",
    ),
    Role.MINISTER: (
        "Raise the matter with {actor} and urge {obj} {to_vp}",
        "Use your government’s contacts with {actor} to press {obj} {to_vp}",
    ),
    Role.AMBASSADOR: (
        "Convey to your government that it should urge {actor} {to_vp}",
        "Ask your government to press {actor} {to_vp}",
    ),
    Role.LEGISLATURE: (
        "Adopt a resolution calling on {actor} {to_vp}",
        "Hold a hearing on the matter and press {actor} {to_vp}",
    ),
    Role.UN_MANDATE: (
        "Raise the matter with {actor} and call on {obj}, in your public reports, {to_vp}",
        "Urge {actor}, in your communications with {obj} and in your public reports, {to_vp}",
    ),
    Role.UN_AGENCY: (
        "Urge {actor} {to_vp}",
        "Call on {actor}, in your dialogue with {obj}, {to_vp}",
    ),
    Role.INTERNATIONAL_ORGANISATION: (
        "Call on {actor} {to_vp}",
        "Use your influence with {actor} to press {obj} {to_vp}",
    ),
    Role.OTHER: (
        "Urge {actor} {to_vp}",
        "Call on {actor} {to_vp}",
    ),
}
# An office that acts through its own government (office_roles.THROUGH_GOVERNMENT),
# with the name it gives that government: an ambassador passes the ask on to "your
# government"; a parliament or committee calls on "the Government" to do it.
OWN_GOVERNMENT = {
    Role.AMBASSADOR: (
        YOUR_GOVERNMENT,
        ("Convey to {actor} that {subject} {should_vp}", "Urge {actor} {to_vp}"),
    ),
    Role.LEGISLATURE: (
        THE_GOVERNMENT,
        ("Call on {actor} {to_vp}", "Press {actor}, in hearings and by resolution, {to_vp}"),
    ),
}


# The verbs of pressing a frame uses, each with the forms it may take in an ask.
_PRESSING = {
    "urge": r"urg(?:e|es|ed|ing)",
    "call on": r"call(?:s|ed|ing)?\s+(?:on|upon)",
    "press": r"press(?:es|ed|ing)?",
    "ask": r"ask(?:s|ed|ing)?",
    "raise": r"rais(?:e|es|ed|ing)",
    "convey": r"convey(?:s|ed|ing)?",
}


def _repeats(frame, body):
    """Whether `frame` would say a verb the ask says already: its first word ("urge it to
    urge the Chinese authorities ...") or a verb of pressing anywhere in it ("call on
    Seoul to try harder to call on Beijing ...")."""
    first = body.split(" ", 1)[0]
    if re.search(rf"\b{re.escape(first)}", frame, re.IGNORECASE):
        return True
    return any(
        re.search(rf"\b{verb}\b", frame, re.IGNORECASE) and re.search(rf"\b{forms}\b", body, re.I)
        for verb, forms in _PRESSING.items()
    )


def pick(frames, variant, body):
    """The frame of `variant`, or the next one that does not repeat a verb of the ask
    (`body`); the frame of `variant` when every one does."""
    for step in range(len(frames)):
        frame = frames[(variant + step) % len(frames)]
        if not _repeats(frame, body):
            return frame
    return frames[variant % len(frames)]


def _own_government(clause, role, variant):
    names, frames = OWN_GOVERNMENT[role]
    name = _choose(names, clause)
    frame = pick(frames, variant, clause.body)
    clause = Clause(third_person(clause.body, name), clause.negation)
    return frame.format(
        actor=name.text,
        subject=name.subject,
        should_vp=clause.with_should(),
        to_vp=clause.to_infinitive(),
    )


def _through(clause, point_addressee, role, variant):
    name = _choose(NAMES[point_addressee][voice(role)], clause)
    frame = pick(FRAMES[role], variant, clause.body)
    clause = Clause(third_person(clause.body, name), clause.negation)
    return frame.format(actor=name.text, obj=name.object, to_vp=clause.to_infinitive())


# Who backs the pressing, at the end of what the pressed are to do ("persuade Beijing to
# observe the norms with the support of the international community"): it goes when the
# pressing does.
_SUPPORT_BEHIND = re.compile(
    r",?\s+(?:with|through|by\s+enlisting)\s+the\s+(?:full\s+)?(?:support|backing)\s+of\s+[^,;]+$",
    re.IGNORECASE,
)


def collapse(text, office_addressee, point_name=None):
    """The ask inside "call on <this office's government> to ...", or "<this office's
    government> must ...", as a Clause addressed to that government; None if there is
    no such ask. A "you" left in it meant the ask's own addressee, who is now named
    (`point_name`), since "you" will be the office."""
    influence, prevent = COLLAPSE_RES[office_addressee]
    statement = statement_of(text)
    if found := influence.search(text):
        vp = _SUPPORT_BEHIND.sub("", found["vp"])
        actor, clause = found["actor"], Clause(vp, (found["neg"] or "").strip().lower())
    elif found := prevent.search(text):
        actor, clause = found["actor"], Clause("stop " + found["vp"])
    elif statement and ACTOR_RES[office_addressee].fullmatch(statement[0]):
        actor, clause = statement
    else:
        return None
    body = third_person(clause.body, point_name, all_named=True) if point_name else clause.body
    return Clause(second_person(body, bool(PLURAL_ACTOR.search(actor))), clause.negation)


def reframe(text, point_addressee, role, office_addressee, route, variant):
    if route == Path.THROUGH:
        point_name = NAMES[point_addressee][voice(role)][0]
        collapsed = collapse(text, office_addressee, point_name)
        if collapsed is not None:
            if role in OWN_GOVERNMENT:
                return _own_government(collapsed, role, variant)
            return collapsed.imperative()
        if targets(text, office_addressee):
            return None
    clause, claim = parse(text, point_addressee)
    if clause is None:
        # A claim about someone else keeps its words; only a "you" in it is named.
        names = (
            OWN_GOVERNMENT[role][0]
            if route == Path.OWN_GOVERNMENT
            else (NAMES[point_addressee][voice(role)])
        )
        return capitalise(third_person(claim, _choose(names, Clause(claim)), first_named=True))
    if route == Path.OWN_GOVERNMENT:
        return _own_government(clause, role, variant)
    return _through(clause, point_addressee, role, variant)
