from django import template

from campaign.petition import rules
from campaign.petition.forms import new_visitor_form, signing_key
from campaign.petition.models import Petition
from campaign.petition.views import shared_current_petition

register = template.Library()


@register.filter
def thousands(value):
    """12345 → "12,345" (the separator English and Korean share)."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value


@register.filter
def public_name(name):
    return rules.public_name(name)


@register.inclusion_tag("campaign/sign_box.html", takes_context=True)
def sign_box(context, petition=None, source="", level=2):
    """A compact signing form for other pages: `{% sign_box %}` shows the
    current petition; `{% sign_box petition source=briefing.slug %}` a given
    one, remembering which briefing the signer came from. `level=3` makes its
    heading an h3, for a box inside a section."""
    if not isinstance(petition, Petition):
        petition = shared_current_petition()
    form = None
    if petition is not None and petition.is_accepting_signatures:
        form = new_visitor_form(
            context.get("request"), compact=True, initial={"source": source or ""}
        )
    return {
        "petition": petition,
        "form": form,
        "signing_key": signing_key(form is not None, source=source or ""),
        "compact": True,
        "level": level if level in (2, 3, 4) else 2,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        # A page rendered anew for its visitor (a draft's preview) keeps nothing of its box.
        "fresh_public_parts": context.get("fresh_public_parts", False),
    }
