"""Bytes a first-time visitor downloads for a page, compressed as a browser gets them."""

import http.client
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

ACCEPT = {"Accept-Encoding": "br, gzip", "Accept": "text/html,*/*"}
# What a first view may weigh, compressed (tests/browser/test_first_view.py holds the
# same line in a browser).
BUDGET = 60 * 1024


class AssetParser(HTMLParser):
    """Stylesheets, scripts, images and icons a page makes the browser fetch."""

    def __init__(self):
        super().__init__()
        self.assets = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href"):
            rel = (attrs.get("rel") or "").lower().split()
            if {"stylesheet", "icon", "preload", "modulepreload"} & set(rel):
                self.assets.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.assets.append(attrs["src"])


def fetch(base_url, path):
    """(status, bytes on the wire, content-encoding) for one GET."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", path, headers=ACCEPT)
        response = connection.getresponse()
        body = response.read()
        return response.status, body, response.getheader("Content-Encoding") or "identity"
    finally:
        connection.close()


def page_weight(base_url, path):
    """The page and its same-origin assets: total bytes and each part."""
    status, body, encoding = fetch(base_url, path)
    if status != 200:
        raise RuntimeError(f"GET {path} answered {status}")
    if encoding == "identity":
        html = body.decode("utf-8", "replace")
    else:
        # The page arrived compressed: read its links from an uncompressed copy.
        parts = urlsplit(base_url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        connection.request("GET", path)
        html = connection.getresponse().read().decode("utf-8", "replace")
        connection.close()
    parser = AssetParser()
    parser.feed(html)
    items = [(path, len(body), encoding)]
    seen = set()
    for href in parser.assets:
        url = urljoin(base_url + path, href)
        if urlsplit(url).netloc != urlsplit(base_url).netloc or url in seen:
            continue
        seen.add(url)
        asset_path = urlsplit(url).path
        status, asset, asset_encoding = fetch(base_url, asset_path)
        if status == 200:
            items.append((asset_path, len(asset), asset_encoding))
    return {"total": sum(size for _, size, _ in items), "items": items}
