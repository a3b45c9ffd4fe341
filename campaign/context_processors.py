from django.conf import settings
from django.utils.functional import SimpleLazyObject

from campaign.lib import links


def site(request):
    """Values every page's layout needs: the site's name and address, and the page's
    addresses in each language (for hreflang links and the canonical address)."""
    alternates = SimpleLazyObject(lambda: links.alternates(request))
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": links.site_url(request),
        "language_alternates": alternates,
    }
