"""In a real browser, no page of the site or the admin trips its own security headers."""

import pytest
from django.contrib.auth.models import User
from django.urls import NoReverseMatch, reverse

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = ["home", "briefing_list", "privacy", "petition_current", "letters_start",
                "talking_points", "officials"]


def existing_urls(names):
    for name in names:
        try:
            yield reverse(name)
        except NoReverseMatch:
            continue


def policy_complaints(page):
    """Console messages about a blocked resource or a header the browser did not accept."""
    complaints = []
    page.on(
        "console",
        lambda message: complaints.append(message.text)
        if message.type in {"error", "warning"}
        and ("Policy" in message.text or "Refused to" in message.text)
        else None,
    )
    return complaints


def test_public_pages_load_without_policy_violations(demo_site, page):
    complaints = policy_complaints(page)
    for url in existing_urls(PUBLIC_PAGES):
        response = page.goto(demo_site.url + url)
        assert response.status < 400, url
        # htmx loaded and did not add its own <style> element (forbidden by the policy).
        page.wait_for_function("() => window.htmx !== undefined")
        assert page.evaluate("document.querySelectorAll('style').length") == 0, url
    assert complaints == []


def test_the_admin_works_under_the_policy(live_server, page):
    User.objects.create_superuser("boss", "boss@example.org", "a long passphrase")
    complaints = policy_complaints(page)
    page.goto(live_server.url + "/admin/")
    page.get_by_label("Username").fill("boss")
    page.get_by_label("Password").fill("a long passphrase")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
    for url in ["/admin/articles/briefing/add/", "/admin/auth/user/", "/admin/auth/group/add/"]:
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
    assert complaints == []
