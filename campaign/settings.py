"""
Settings for Safe Passage.

Everything a deployment changes comes from the environment. The defaults are
safe for production (DEBUG off, secure cookies behind HTTPS, a real SECRET_KEY
required) and give a working SQLite site on a fresh checkout. `make run` turns
on the development mode by setting DEBUG=1.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.http.request import validate_host
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default):
    """Read a yes/no setting; a value that is neither fails loudly."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a yes/no value, not {value!r}")


def envint(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name, default):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Generate one with "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'` and set it "
            "in the environment (or set DEBUG=1 for local development)."
        )

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

# Public address of the site (scheme and host), for links that leave it: mail, share links,
# the QR code, link previews. Required in production, and one of ALLOWED_HOSTS. In development
# links follow the address each request came to instead (campaign.lib.links.site_url).
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
if not SITE_URL and DEBUG:
    SITE_URL = "http://127.0.0.1:8000"
_site = urlsplit(SITE_URL)
if not DEBUG:
    if not SITE_URL:
        raise ImproperlyConfigured(
            "SITE_URL is not set. Set it to the public address of the site, e.g. "
            "https://petition.example.org: it goes into every mailed link (or set DEBUG=1 "
            "for local development)."
        )
    if _site.scheme not in ("http", "https") or not _site.hostname or _site.path:
        raise ImproperlyConfigured(
            f"SITE_URL must be a scheme and a host, like https://petition.example.org, "
            f"not {SITE_URL!r}."
        )
    if not validate_host(_site.hostname, ALLOWED_HOSTS):
        raise ImproperlyConfigured(
            f"SITE_URL's host {_site.hostname!r} is not in ALLOWED_HOSTS: the links it makes "
            "would lead to a site that refuses them."
        )
SITE_NAME = os.environ.get("SITE_NAME", "Safe Passage")

INSTALLED_APPS = [
    # Before the admin, whose forms it extends with a field per language.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "django.contrib.sitemaps",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django_countries",
    "articles",
    "campaign",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Headers for every response, so before WhiteNoise, which answers for static
    # files without going further, and before anything that may answer early (413).
    "campaign.middleware.ContentSecurityPolicyMiddleware",
    "campaign.middleware.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, which sends static files compressed already.
    "campaign.middleware.TextCompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, for pages with an address per language (/ko/...).
    "campaign.middleware.LanguageMiddleware",
    # Before anything reads the body (CSRF reads the form token).
    "campaign.middleware.RequestBodyLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # After CSRF, which clears its note that the token was used as it sets the cookie.
    "campaign.middleware.PrivateTokenPagesMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "campaign.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it answers a locked-out sign-in (campaign.lib.signin).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "campaign.urls"
WSGI_APPLICATION = "campaign.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "campaign.context_processors.site",
            ],
            "builtins": [
                "django.templatetags.i18n",
                "template_partials.templatetags.partials",
                # Marks content shown in another language than the page's (lang="en").
                "campaign.templatetags.content",
            ],
        },
    },
]

# Data -----------------------------------------------------------------------

# Files the app writes locally in development (SQLite database, mail folder).
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        # Persistent connections save a connection set-up per request under gunicorn;
        # the development server starts a thread per request, so it keeps none.
        conn_max_age=envint("CONN_MAX_AGE", 0 if DEBUG else 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Wait for a busy writer instead of failing at once, and let readers run
    # beside the writer (WAL), so concurrent signing works on the default database.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "safe-passage",
        }
    }
else:
    # Shared by every process of the site, so cached pages and sign-in
    # lockouts agree between workers; created by `manage.py createcachetable`.
    # (Rate limits use their own table, or Redis: campaign.lib.counters.)
    CACHES = {
        "default": {
            # Django's database cache, committing without waiting for the disk.
            "BACKEND": "campaign.lib.dbcache.DatabaseCache",
            "LOCATION": "cache_table",
            # Django counts the table on every write and deletes a third of it
            # once it passes MAX_ENTRIES (300 by default): too few for a page
            # per path and language, and each cull is a burst of deletes.
            "OPTIONS": {"MAX_ENTRIES": envint("CACHE_MAX_ENTRIES", 50_000)},
        }
    }

# How long anonymous pages' expensive parts (rendered bodies, petition totals)
# and token-free responses (JSON, counters) are reused before being rebuilt: the
# longest an editor waits to see a change. See campaign/lib/fragments.py.
PUBLIC_CACHE_SECONDS = envint("PUBLIC_CACHE_SECONDS", 5)
# Each worker also keeps the busiest of those for this long in its own memory.
LOCAL_CACHE_SECONDS = envint("LOCAL_CACHE_SECONDS", 1)

# Outgoing mail goes through this queue (`manage.py db_worker` runs it).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Mail -----------------------------------------------------------------------

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Safe Passage <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 20)
# With an SMTP host configured mail goes out over SMTP; otherwise every message
# is written to a file in EMAIL_FILE_PATH, where a developer can read it.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))

# Languages ------------------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ko", _("Korean"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Seoul")
USE_I18N = True
USE_TZ = True
# Editors' content (titles, statements, asks, offices) has a field per language, added by
# django-modeltranslation (campaign/translation.py, articles/translation.py). A Korean field
# left empty shows the English one, and templates mark it lang="en" (campaign.lib.translated).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Slugs come from the English title, whichever language the editor's admin is in.
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"
# Dates follow the visitor's language through `|date:"DATE_FORMAT"`. Counts shown to people
# go through the `thousands` filter (English and Korean both group with commas);
# USE_THOUSAND_SEPARATOR stays off so ids in links and forms are never grouped.

# Static files ---------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files served at the site's root, where browsers and phones look for them
# (/favicon.ico, /apple-touch-icon.png); drawn by `manage.py draw_icons`.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Security -------------------------------------------------------------------

# Number of reverse proxies in front of the app that append to X-Forwarded-For.
# 0 means clients connect directly and the header is ignored.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if TRUSTED_PROXY_COUNT else None
)

HTTPS = envbool("HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", HTTPS)
# Load balancers poll the health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# The form token reaches htmx through the page (hx-headers on <body>), never through
# JavaScript reading the cookie, so the cookie can be hidden from scripts.
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "campaign.site.errors.csrf_failure"

# Content-Security-Policy: only this site's own scripts, styles, images and forms. No inline
# script or style anywhere (htmx's indicator style is switched off in base.html), so an injected
# <script> or style="" does nothing. Only the petition widget may be framed (see
# campaign.lib.security.frameable).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# Browser features the site never uses, switched off for every page (Permissions-Policy).
PERMISSIONS_POLICY = [
    "accelerometer",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
]

# Key for hashing client addresses stored with signatures; by default derived
# from SECRET_KEY. Set it separately to keep hashes comparable across key rotations.
IP_HASH_SALT = os.environ.get("IP_HASH_SALT", "")

# Request bodies larger than this are refused before a view sees them.
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", 256 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

# Admin sign-in throttling (django-axes, see campaign/lib/signin.py): five attempts
# per (username, address) pair, then that pair waits 15 minutes from its latest
# attempt. Counted in the shared cache, before the password is checked.
AUTHENTICATION_BACKENDS = [
    "campaign.lib.signin.SignInBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "campaign.lib.signin.CountingCacheHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "campaign.lib.signin.username"
# An IPv6 client counts by its /64, as in the other rate limits.
AXES_CLIENT_IP_CALLABLE = "campaign.lib.clients.client_network"
AXES_LOCKOUT_CALLABLE = "campaign.lib.signin.lockout_response"
# The cache handler keeps no rows for axes' admin pages to show.
AXES_ENABLE_ADMIN = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Petition --------------------------------------------------------------------

# Signing attempts per client address: (attempts, window in seconds). Past
# "burst" or "sustained" a signature is held for moderation; past "hard" the
# request is refused with 429.
SIGNING_RATE_LIMITS = {
    "burst": (envint("SIGNING_BURST_LIMIT", 5), 60),
    "sustained": (envint("SIGNING_SUSTAINED_LIMIT", 30), 24 * 3600),
    "hard": (envint("SIGNING_HARD_LIMIT", 100), 600),
}
# A form sent back sooner than this after it was shown is held for moderation.
SIGNING_MIN_FILL_SECONDS = envint("SIGNING_MIN_FILL_SECONDS", 3)
# ... and so is one sent back later than this, or with a time-stamp made for another
# visitor (it is bound to the visitor's CSRF cookie).
SIGNING_FORM_MAX_SECONDS = envint("SIGNING_FORM_MAX_SECONDS", 24 * 3600)
# Confirmation and notice mails to one address per petition: (mails, seconds).
SIGNING_MAIL_LIMIT = (envint("SIGNING_MAIL_LIMIT", 3), 3600)
# How long a confirmation link works.
SIGNATURE_LINK_DAYS = envint("SIGNATURE_LINK_DAYS", 7)
# How long a link to withdraw works; the petition's "new link" form sends a fresh one.
SIGNATURE_WITHDRAW_LINK_DAYS = envint("SIGNATURE_WITHDRAW_LINK_DAYS", 30)
# How often an open petition page asks for the latest count (the live counter).
PETITION_POLL_SECONDS = envint("PETITION_POLL_SECONDS", 15)

# Letters to officials ----------------------------------------------------------

# Finished letters recorded per client address: (letters, seconds). Beyond it the
# sender keeps their letter on the page but it is not recorded (or counted).
LETTER_RATE_LIMIT = (envint("LETTER_RATE_LIMIT", 30), 3600)
# Downloads (PDF, text, printable page) per client address: (downloads, seconds).
LETTER_DOWNLOAD_RATE_LIMIT = (envint("LETTER_DOWNLOAD_RATE_LIMIT", 60), 3600)
# How long the download buttons of a finished letter work.
LETTER_LINK_SECONDS = envint("LETTER_LINK_HOURS", 24) * 3600
# A TrueType font with Hangul to embed in Korean letter PDFs (Debian: fonts-nanum).
# Where the file is missing, the PDF names reportlab's built-in Korean font instead and
# the reader's PDF viewer supplies one (see docs/deploy.md).
LETTER_PDF_KOREAN_FONT = os.environ.get(
    "LETTER_PDF_KOREAN_FONT", "/usr/share/fonts/truetype/nanum/NanumMyeongjo.ttf"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line": {"()": "campaign.lib.security.WithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Scanners send other hosts all day: one line each, not a traceback.
        "django.security.DisallowedHost": {"filters": ["one_line"]},
    },
}
