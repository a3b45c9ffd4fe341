"""Rows named in links by a signed id: `/updates/unsubscribe/<token>/` and the like.

The token carries the row's id signed with SECRET_KEY and a salt of its own
per purpose, so an id from one kind of link never works in another, and a
changed token names nothing.
"""

from django.core import signing


def signed_id(obj, salt):
    """A token for a link that names `obj`."""
    return signing.dumps(obj.pk, salt=salt)


def row_for_signed_id(queryset, token, salt, max_age=None):
    """The row of `queryset` a token names, or None for a bad, expired or unknown token."""
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return queryset.filter(pk=pk).first()
