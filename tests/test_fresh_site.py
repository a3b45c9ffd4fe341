"""A new site as a developer or a platform sets one up: `manage.py migrate` and nothing else,
then the development server on a port of its own. Every page answers, and the confirmation
link mailed to a signer points at that port, in the signer's language, and confirms."""

import email
import email.policy
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SLUG = "fresh-petition"
CREATE_PETITION = f"""
from campaign.petition.models import Petition
Petition.objects.create(title_en="Let them pass", title_ko="그들을 보내 주십시오",
    slug="{SLUG}", statement_en="Let them pass.", addressee_en="China", state="open",
    is_current=True)
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def site(tmp_path):
    """A development server (DEBUG, no SITE_URL) on a free port, on a database made by
    `migrate` alone; mail delivered at once into files."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    for name in ("SITE_URL", "SECRET_KEY", "REDIS_URL", "ALLOWED_HOSTS"):
        env.pop(name, None)
    env.update(
        DEBUG="1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        VAR_DIR=str(tmp_path),
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        SIGNING_MIN_FILL_SECONDS="0",
        PUBLIC_CACHE_SECONDS="5",
    )

    def manage(*args):
        return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                              check=True, capture_output=True, text=True, timeout=300)  # fmt: skip

    manage("migrate", "--noinput")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/healthz", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the development server did not start") from None
                time.sleep(0.3)
        yield {"url": url, "manage": manage, "mail": tmp_path / "mail"}
    finally:
        server.terminate()
        server.wait(timeout=10)


class Browser:
    """Cookies and forms the way a browser without JavaScript sends them."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, url):
        request = urllib.request.Request(url, headers={"Accept": "text/html"})
        with self.opener.open(request, timeout=30) as response:
            return response.status, response.geturl(), response.read().decode()

    def post(self, url, fields):
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(urllib.request.Request(url, data=data), timeout=30) as response:
            return response.status, response.geturl(), response.read().decode()


def get_within(browser, url, seconds):
    """GET `url`, trying again on a 404 for up to `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return browser.get(url)
        except urllib.error.HTTPError as error:
            if error.code != 404 or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def hidden_fields(html):
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


def test_migrate_alone_makes_a_site_whose_mailed_links_follow_its_port(site):
    browser = Browser()
    for path in ("/", "/ko/", "/briefings/", "/officials/", "/about/", "/privacy/", "/healthz"):
        status, _url, _html = browser.get(site["url"] + path)
        assert status == 200, path

    site["manage"]("shell", "-c", CREATE_PETITION)
    # A change made elsewhere reaches a server's own copy of the petitions within
    # LOCAL_CACHE_SECONDS (docs/deploy.md), and the home page has just filled it.
    status, _url, page = get_within(browser, f"{site['url']}/ko/petitions/{SLUG}/", seconds=3)
    assert status == 200 and "그들을 보내 주십시오" in page
    form = page.split('<form method="post" action="/ko/petitions/')[1]
    fields = {
        **hidden_fields(form),
        "name": "이지은",
        "email": "jieun@example.org",
        "country": "KR",
    }
    status, landed, _html = browser.post(f"{site['url']}/ko/petitions/{SLUG}/", fields)
    assert landed.endswith(f"/ko/petitions/{SLUG}/check-inbox/")

    files = list(site["mail"].iterdir())
    assert len(files) == 1
    message = email.message_from_string(files[0].read_text(), policy=email.policy.default)
    text = message.get_body(preferencelist=("plain",)).get_content()
    link = re.search(rf"{re.escape(site['url'])}/ko/petitions/{SLUG}/confirm/\S+/", text)
    assert link, text  # the server's own port, the Korean page
    assert "서명을 확인해 주십시오" in message["Subject"]

    status, _url, confirm_page = browser.get(link.group(0))
    assert status == 200 and "서명 확인" in confirm_page
    status, landed, _html = browser.post(link.group(0), hidden_fields(confirm_page))
    assert urllib.parse.urlsplit(landed).path.endswith(f"/ko/petitions/{SLUG}/thanks/")
    _status, _url, data = browser.get(f"{site['url']}/petitions/{SLUG}.json")
    assert '"signature_count": 1' in data
