"""Settings for the test suite: the production settings, with what tests need changed.

The environment supplies defaults only while the production settings are read,
so servers the tests start in other processes (the fault tests) still get the
real environment.
"""

import os

_TEST_DEFAULTS = {
    # Not a secret: only this suite uses it.
    "SECRET_KEY": "test-suite-key-not-for-any-deployment",
    # The test client speaks plain HTTP: no redirects to HTTPS, no secure-only cookies.
    "HTTPS": "0",
    # The address production requires; the tests' links are checked against it.
    "SITE_URL": "http://127.0.0.1:8000",
    # A test checks what it just wrote; the caching tests turn caching on themselves.
    "PUBLIC_CACHE_SECONDS": "0",
}
_supplied = [name for name in _TEST_DEFAULTS if not os.environ.get(name)]
os.environ.update({name: _TEST_DEFAULTS[name] for name in _supplied})
try:
    from campaign.settings import *  # noqa: F403
    from campaign.settings import STORAGES
finally:
    for name in _supplied:
        del os.environ[name]

# Pages name static files without the manifest that `collectstatic` writes.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
