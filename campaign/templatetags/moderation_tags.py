from django import template

from campaign.lib.fragments import fragment

register = template.Library()


@register.filter
def offline_total(petition):
    """Signatures gathered on paper and by partners (never part of the online count).

    Kept like the petition's other public parts (renewed when a tally is saved), so
    a page rendered for one visitor does not ask the database for the sum."""
    return fragment("petitions", petition.offline_total, key=[petition.pk, "offline"])
