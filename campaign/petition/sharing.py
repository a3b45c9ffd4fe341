"""Share links as plain URLs: no third-party scripts, nothing loads until clicked."""

from urllib.parse import quote, urlencode


def share_links(url, text):
    """Where a supporter can share a page, as {service: href}.

    KakaoTalk is missing on purpose: it offers no share address that works
    without loading its JavaScript SDK, so pages offer "copy the link" instead.
    """
    return {
        "email": f"mailto:?subject={quote(text)}&body={quote(text + chr(10) + chr(10) + url)}",
        "x": "https://twitter.com/intent/tweet?" + urlencode({"text": text, "url": url}),
        "facebook": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        "whatsapp": "https://wa.me/?" + urlencode({"text": f"{text} {url}"}),
        "telegram": "https://t.me/share/url?" + urlencode({"url": url, "text": text}),
        "line": "https://social-plugins.line.me/lineit/share?" + urlencode({"url": url}),
    }
