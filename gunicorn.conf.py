"""
gunicorn settings for `make serve`, read from the environment.

    BIND             address to listen on (default 127.0.0.1:8000; 0.0.0.0:8000 behind a
                     load balancer on another host)
    WEB_CONCURRENCY  worker processes (default: one per CPU core)
    THREADS          threads per worker (default 8); above 1 the workers keep
                     connections alive between requests
    TIMEOUT          seconds before a stuck worker is restarted (default 30)
    KEEPALIVE        seconds an idle client connection stays open (default 5)
    ACCESS_LOG       where the access log goes: "-" for stdout (default), a file, or "off"
    LOG_LEVEL        error log level (default info)
    MAX_REQUESTS     restart a worker after this many requests, 0 for never (default 0)

gunicorn must run behind a reverse proxy that buffers request bodies (nginx, see
docs/deploy.md); the start-up log says so, as a warning while TRUSTED_PROXY_COUNT is 0.
"""

import multiprocessing
import os


def _int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = os.environ.get("BIND", "127.0.0.1:8000").split(",")
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count())
threads = _int("THREADS", 8)
worker_class = "gthread" if threads > 1 else "sync"
timeout = _int("TIMEOUT", 30)
graceful_timeout = _int("GRACEFUL_TIMEOUT", 30)
keepalive = _int("KEEPALIVE", 5)
max_requests = _int("MAX_REQUESTS", 0)
max_requests_jitter = max_requests // 10
backlog = _int("BACKLOG", 2048)

_access_log = os.environ.get("ACCESS_LOG", "-")
accesslog = None if _access_log.lower() in {"", "off", "none"} else _access_log
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# Client address, request, status, size, time in microseconds.
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(D)sus'

# X-Forwarded-Proto from the load balancer is handled by Django
# (SECURE_PROXY_SSL_HEADER, TRUSTED_PROXY_COUNT); gunicorn trusts it from these.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

wsgi_app = "campaign.wsgi:application"


def when_ready(server):
    """Say in the start-up log what gunicorn needs in front of it: a proxy that reads each
    request body in full before passing it on. gunicorn gives a request one of its few
    threads as soon as the headers arrive, so clients trickling slow bodies could hold
    them all (docs/deploy.md)."""
    proxies = _int("TRUSTED_PROXY_COUNT", 0)
    if proxies:
        server.log.info(
            "Expecting %s proxy(ies) in front (TRUSTED_PROXY_COUNT); the one next to gunicorn "
            "must buffer request bodies (nginx: proxy_request_buffering on). See docs/deploy.md.",
            proxies,
        )
    else:
        server.log.warning(
            "No proxy declared (TRUSTED_PROXY_COUNT=0): gunicorn expects a body-buffering "
            "reverse proxy such as nginx in front of it; without one, clients sending slow "
            "request bodies can hold every thread. See docs/deploy.md."
        )
