"""Share links as plain URLs: no third-party scripts, nothing loads until clicked.

Each link carries a `ref` naming where it was posted (`?ref=whatsapp`), so a
signature made after following it records where the signer came from. The
names are the values of Signature.Ref; a test keeps the two lists equal.
"""

from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

# Services with a share address of their own. KakaoTalk is missing on purpose:
# it offers no share address that works without loading its JavaScript SDK, so
# pages offer its own copy of the link to paste into a chat instead.
SERVICES = ("email", "x", "facebook", "whatsapp", "telegram", "line")
# Links that are copied or scanned rather than opened on a service.
COPIED = ("kakaotalk", "link", "share", "qr", "widget")


def with_ref(url, ref):
    """url with its ref parameter set to ref (any other parameters kept)."""
    parts = urlsplit(url)
    query = [(key, value) for key, value in parse_qsl(parts.query) if key != "ref"]
    query.append(("ref", ref))
    return urlunsplit(parts._replace(query=urlencode(query)))


def share_links(url, text):
    """Where a supporter can share a page, as {service: href}, each with its ref."""
    link = {service: with_ref(url, service) for service in SERVICES}
    email_body = f"{text}\n\n{link['email']}"
    return {
        "email": f"mailto:?subject={quote(text)}&body={quote(email_body)}",
        "x": "https://twitter.com/intent/tweet?" + urlencode({"text": text, "url": link["x"]}),
        "facebook": "https://www.facebook.com/sharer/sharer.php?"
        + urlencode({"u": link["facebook"]}),
        "whatsapp": "https://wa.me/?" + urlencode({"text": f"{text} {link['whatsapp']}"}),
        "telegram": "https://t.me/share/url?"
        + urlencode({"url": link["telegram"], "text": text}),
        "line": "https://social-plugins.line.me/lineit/share?" + urlencode({"url": link["line"]}),
    }
