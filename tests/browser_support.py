"""
Browser journeys (tests/browser/): Playwright for Python driving the system's Chromium.

The browser is Debian's `chromium` (installed by `.ci/run`); Playwright never
downloads one. Without it these tests are skipped and the run says so.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BROWSER_TESTS = Path(__file__).resolve().parent / "browser"
SCREENSHOT_DIR = (
    Path(os.environ.get("SCREENSHOT_DIR", Path(__file__).resolve().parents[1] / "test-artifacts"))
    / "screenshots"
)
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 375, "height": 740}}

HAVE_CHROMIUM = Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None
SKIP_REASON = (
    f"Chromium not found at {CHROMIUM}: browser journeys skipped (install Debian's chromium)"
)

# Playwright's sync API keeps an event loop running in the test thread; the
# ORM calls made by the tests themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)
            if not HAVE_CHROMIUM:
                item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


def pytest_terminal_summary(terminalreporter):
    if not HAVE_CHROMIUM:
        terminalreporter.write_line(SKIP_REASON, yellow=True)
    elif SCREENSHOT_DIR.exists():
        terminalreporter.write_line(f"Browser screenshots: {SCREENSHOT_DIR}")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _new_page(browser, *, javascript=True, viewport="desktop"):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], java_script_enabled=javascript, locale="en-GB"
    )
    context.set_default_timeout(10_000)
    return context.new_page()


@pytest.fixture
def page(browser):
    page = _new_page(browser)
    yield page
    page.context.close()


@pytest.fixture
def page_without_js(browser):
    page = _new_page(browser, javascript=False)
    yield page
    page.context.close()


@pytest.fixture
def screenshot(request):
    """Save the page at desktop and mobile widths under a name taken from the test."""

    def take(page, name=None):
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        stem = name or request.node.name
        paths = []
        for label, size in VIEWPORTS.items():
            page.set_viewport_size(size)
            path = SCREENSHOT_DIR / f"{stem}-{label}.png"
            page.screenshot(path=str(path), full_page=True)
            paths.append(path)
        page.set_viewport_size(VIEWPORTS["desktop"])
        return paths

    return take


@pytest.fixture
def demo_site(live_server):
    """The demo content, served by a live server."""
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    return live_server


# WCAG 2.1 A and AA: the level the site promises (see README).
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def axe_violations(page):
    """Run axe-core (shipped with axe-playwright-python, no network) on the page.

    Returns the report of WCAG 2.1 AA violations, or "" when there are none.
    Axe is injected through the DevTools protocol, which the page's
    Content-Security-Policy does not govern.
    """
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=WCAG_AA)
    return results.generate_report() if results.violations_count else ""


@pytest.fixture
def mail_folder(settings, tmp_path):
    """Outgoing mail written to files, as in development; returns a reader of the messages."""
    import email
    from email import policy

    folder = tmp_path / "mail"
    folder.mkdir()
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(folder)

    def messages():
        found = []
        for path in sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime):
            # One file per connection; messages in it are separated by a line of dashes.
            for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if chunk.strip():
                    found.append(email.message_from_bytes(chunk.strip(), policy=policy.default))
        return found

    return messages
