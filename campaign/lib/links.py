"""
Absolute links, and a page's address in each language.

- `site_url(request)` is what absolute links start with: SITE_URL in production,
  and in development (DEBUG) the address the request came to, so that
  `make run PORT=8101` mails links to port 8101. Work done without a request
  (a worker mailing an update) uses the address stored when it was started.
- Pages have an address per language: English without a prefix, Korean under
  /ko/ (Django's i18n_patterns). `path_in(path, "ko")` is the same page's path
  in Korean; `is_page_path(path)` tells a page from the addresses that are the
  same in every language (the admin, the health check).
"""

from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.signals import setting_changed
from django.urls import NoReverseMatch, Resolver404, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation


def site_url(request=None):
    """The scheme and host absolute links start with, without a trailing slash."""
    if request is not None and settings.DEBUG:
        return f"{request.scheme}://{request.get_host()}"
    return settings.SITE_URL


def absolute(path, request=None, base=None):
    """`path` as a full address: on `base`, else on `site_url(request)`."""
    return (base or site_url(request)) + path


def _language_resolvers(urlconf=None):
    return [
        pattern
        for pattern in get_resolver(urlconf).url_patterns
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern)
    ]


@lru_cache(maxsize=2048)
def is_page_path(path, urlconf=None):
    """Whether `path`, unprefixed, is one of the pages that have an address per language
    (asked on every request: worked out once per process for each path)."""
    with translation.override(settings.LANGUAGE_CODE):
        for resolver in _language_resolvers(urlconf):
            try:
                resolver.resolve(path.removeprefix("/"))
            except Resolver404:
                continue
            return True
    return False


def language_of_path(path):
    """The language a page's path is in: its prefix's, or the default one."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


@lru_cache(maxsize=2048)
def path_in(path, language):
    """The same page's path in `language`, or None when `path` is no page with an address
    per language (or not a page at all). Worked out once per process for each path (pages
    rendered for one visitor name their addresses in every language)."""
    with translation.override(language_of_path(path)):
        try:
            match = resolve(path)
        except Resolver404:
            return None
    with translation.override(language):
        try:
            translated = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None
    if translated == path and language != language_of_path(path):
        return None  # one address for every language (the admin, /healthz)
    return translated


def _forget_paths(**kwargs):
    # The URLs or the languages may change under tests.
    path_in.cache_clear()
    is_page_path.cache_clear()


setting_changed.connect(_forget_paths, dispatch_uid="campaign.lib.links.paths")


def url_in(url, language):
    """A local URL (path and query) moved to `language`; other URLs as they are."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return url
    moved = path_in(parts.path, language)
    if moved is None:
        return url
    return urlunsplit(("", "", moved, parts.query, parts.fragment))


def alternates(request, path=None):
    """[(language, absolute address)] of the page `request` shows (or of `path`, a page
    shown at several addresses), one per language, or [] for a page with a single address.
    The default language's comes first."""
    base = site_url(request)
    found = []
    for language, _name in settings.LANGUAGES:
        moved = path_in(path or request.path_info, language)
        if moved is None:
            return []
        found.append((language, base + moved))
    return found
