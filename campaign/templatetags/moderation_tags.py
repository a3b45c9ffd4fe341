from django import template

from campaign import moderation

register = template.Library()


@register.filter
def offline_total(petition):
    """Signatures gathered on paper and by partners (never part of the online count)."""
    return moderation.offline_total(petition)
