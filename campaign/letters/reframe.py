"""Asks reframed for the office that receives them. Pure functions, no Django.

A talking point is one actor's ask, in the imperative and the second person: "Put
an end to your merciless policy of ..." is addressed to Beijing. A letter to any
other office must not hand that sentence over as if the office could do it itself.
The UN refugee agency cannot end China's policy; it can urge the Chinese
authorities to end theirs. So for an office of another addressee the ask becomes
what that office can do about it, chosen by the office's role
(`campaign.letters.office_roles`), with the original ask inside it as a complement clause.

English (`campaign.letters.reframe_en`): the imperative becomes an infinitive ("urge them
to put an end to ..."), or a "should" clause after "convey ... that"; the second
person becomes the third ("your" → "its" for Beijing, "their" for the Chinese
authorities), with verb forms that agree.

Korean (`campaign.letters.reframe_ko`): the ask becomes an object clause "...할 것을"
governed by the office's verb ("중국 당국에 ...할 것을 촉구해 주십시오"), and the
whole keeps the register of the ask it came from.

Besides reframing, three cases change in kind:

* an ask to the public ("Sign the petition") is for no official: None;
* an ask to someone else to press this office's own government ("Call on the
  Chinese government to save the victims", for a Chinese office) becomes the
  direct ask ("Save the victims");
* an ask to someone else to denounce or pressure this office's own government
  ("Continue denouncing China's treatment of defectors", for a Chinese office)
  is nothing that office can act on: None.
"""

from campaign.letters import reframe_en, reframe_ko
from campaign.letters.office_roles import THROUGH_GOVERNMENT, Path, as_actor, as_role, path

__all__ = ["reframe", "reframe_path"]


def reframe_path(ask, point_addressee, office_role, office_addressee, language="en"):
    """How `reframe` treats this ask for this office, as a Path: DIRECT also when an
    ask to press this office's government became the direct ask (OWN_GOVERNMENT for
    an ambassador), NONE when there is nothing in it for the office."""
    point_addressee, office_addressee = as_actor(point_addressee), as_actor(office_addressee)
    role = as_role(office_role)
    route = path(point_addressee, role, office_addressee)
    if route == Path.NONE:
        return route
    if reframe(ask, point_addressee, role, office_addressee, language) is None:
        return Path.NONE
    writer = reframe_ko if language == "ko" else reframe_en
    if route == Path.THROUGH and writer.collapse(_clean(ask), office_addressee) is not None:
        return Path.OWN_GOVERNMENT if role in THROUGH_GOVERNMENT else Path.DIRECT
    return route


def reframe(ask, point_addressee, office_role, office_addressee, language="en", variant=0):
    """The ask of a talking point addressed to `point_addressee`, as the office with
    `office_role` (a Role) filed under `office_addressee` should receive it.

    Returns an imperative addressed to that office, in the form talking points use
    ("Urge the Chinese authorities to put an end to their policy of ..."; "중국
    당국에 ...할 것을 촉구해 주십시오"): the ask unchanged when it is that office's
    own, or None when there is nothing in it that office can be asked to do.
    `variant` picks among the phrasings of a role, so that a letter with several
    reframed asks need not repeat itself.
    """
    text = _clean(ask)
    if not text:
        return None
    point_addressee, office_addressee = as_actor(point_addressee), as_actor(office_addressee)
    role = as_role(office_role)
    route = path(point_addressee, role, office_addressee)
    if route == Path.NONE:
        return None
    if route == Path.DIRECT:
        return text
    writer = reframe_ko if language == "ko" else reframe_en
    return writer.reframe(text, point_addressee, role, office_addressee, route, variant)


def _clean(ask):
    text = " ".join((ask or "").split())
    while text and text[-1] in ".!;:, ":
        text = text[:-1]
    return text
