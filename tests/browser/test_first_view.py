"""What a first visit costs on a phone, checked the way Lighthouse measures it: the
bytes a browser downloads (compressed as production sends them), no layout
shift while the page loads, and nothing that blocks rendering but the one
stylesheet. A page that grows past the budget fails here before it ships.

The test server sends pages compressed, as production does (campaign.lib.pages
and the compression middleware), but static files as they are; WhiteNoise
sends those Brotli-compressed in production, so they are counted at their
Brotli size.
"""

import brotli
import pytest

from campaign import demo
from tests.browser_support import VIEWPORTS

pytestmark = pytest.mark.django_db(transaction=True)

BUDGET = 60 * 1024
# Lighthouse counts a layout shift up to 0.1 as good. Anything a reader could see moving is
# 0.01 or more; on a loaded machine Chromium has reported 0.00015 once for the briefing page,
# a sub-pixel settling that no element of the page causes (none moved under 12x CPU throttling).
NO_VISIBLE_SHIFT = 0.001
COMPRESSED_TYPES = ("text/", "application/javascript", "image/svg+xml", "application/json")
PAGES = {
    "home": "/",
    "petition": "/petition/",
    "briefing": "/briefings/china-and-defectors/",
}

LAYOUT_SHIFT = """
() => new Promise((resolve) => {
  let shift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) shift += entry.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(shift), 500);
})
"""

BLOCKING = """
() => ({
  stylesheets: [...document.querySelectorAll("link[rel~=stylesheet]")].map((l) => l.href),
  blockingScripts: [...document.querySelectorAll("script")]
    .filter((s) => s.type !== "application/ld+json" && !s.defer && !s.async)
    .map((s) => s.src || s.textContent.slice(0, 40)),
  imports: [...document.styleSheets].flatMap((sheet) =>
    [...sheet.cssRules].filter((rule) => rule instanceof CSSImportRule).map((r) => r.href)),
})
"""


@pytest.fixture
def site(demo_site, settings):
    settings.SITE_URL = demo_site.url
    # Signers, comments and a map on the petition page, as the campaign will have.
    demo.create_demo_petition(with_signers=True)
    return demo_site.url


def wire_size(request):
    """Bytes of one response as production sends it: headers and compressed body."""
    response = request.response()
    sizes = request.sizes()
    body = response.body()
    content_type = response.headers.get("content-type", "")
    if response.headers.get("content-encoding"):
        size = sizes["responseBodySize"]
    elif content_type.startswith(COMPRESSED_TYPES):
        size = min(len(body), len(brotli.compress(body)))
    else:
        size = len(body)
    return size + sizes["responseHeadersSize"]


def first_view(browser, url):
    context = browser.new_context(viewport=VIEWPORTS["mobile"], locale="en-GB")
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="load")
    shift = page.evaluate(LAYOUT_SHIFT)
    blocking = page.evaluate(BLOCKING)
    parts = {request.url: wire_size(request) for request in finished if request.response()}
    context.close()
    return parts, shift, blocking


@pytest.mark.parametrize("name", PAGES)
def test_a_first_view_on_a_phone_stays_light_steady_and_unblocked(site, browser, name):
    parts, shift, blocking = first_view(browser, site + PAGES[name])
    total = sum(parts.values())
    listing = ", ".join(f"{url.rsplit('/', 1)[-1] or url}: {size} B" for url, size in
                        parts.items())
    print(f"\n{name}: {total / 1024:.1f} KB in the first view ({listing})")
    assert total <= BUDGET, f"{name} weighs {total / 1024:.1f} KB: {listing}"
    assert shift < NO_VISIBLE_SHIFT, f"{name}: layout shift {shift}"
    assert len(blocking["stylesheets"]) == 1, blocking
    assert blocking["blockingScripts"] == [], blocking
    assert blocking["imports"] == [], blocking
    # Only previews fetch the share card; everything comes from the site itself.
    assert not any("/card/" in url for url in parts)
    assert all(url.startswith(site) for url in parts), list(parts)
