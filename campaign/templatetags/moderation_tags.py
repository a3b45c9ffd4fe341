from django import template

register = template.Library()


@register.filter
def offline_total(petition):
    """Signatures gathered on paper and by partners (never part of the online count)."""
    return petition.offline_total()
