from django.shortcuts import render
from django.views.decorators.cache import never_cache

from campaign import moderation


@never_cache
def unsubscribe(request, token):
    """Stop campaign updates. GET only shows a button: mail scanners open links,
    and opening a link must not change anything."""
    signature = moderation.signature_for_unsubscribe_token(token)
    if signature is None:
        return render(request, "campaign/unsubscribe.html", {"invalid": True}, status=404)
    done = False
    if request.method == "POST":
        moderation.unsubscribe(signature)
        done = True
    return render(request, "campaign/unsubscribe.html", {"signature": signature, "done": done})
