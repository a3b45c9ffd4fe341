"""Every page tells the browser to run only this site's own code and to keep supporters private."""

import re
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from campaign.lib.security import frameable

ROOT = Path(__file__).resolve().parent.parent


def csp_directives(response):
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_code(client):
    directives = csp_directives(client.get("/"))
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    for values in directives.values():
        assert "'unsafe-inline'" not in values
        assert "'unsafe-eval'" not in values


@pytest.mark.django_db
def test_error_pages_carry_the_policy_too(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_pages_refuse_to_be_framed_and_sniffed(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.django_db
def test_pages_switch_off_browser_features_the_site_never_uses(client):
    policy = client.get("/")["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "browsing-topics"):
        assert f"{feature}=()" in policy


def test_a_frameable_view_may_be_framed_by_any_site_and_keeps_the_rest_of_the_policy(client):
    from csp.middleware import CSPMiddleware
    from django.middleware.clickjacking import XFrameOptionsMiddleware

    @frameable
    def widget(request):
        return HttpResponse("widget")

    request = RequestFactory().get("/widget/")
    response = XFrameOptionsMiddleware(widget)(request)
    response = CSPMiddleware(lambda r: response)(request)
    assert "X-Frame-Options" not in response
    directives = csp_directives(response)
    assert directives["frame-ancestors"] == ["*"]
    assert directives["script-src"] == ["'self'"]


def test_the_policy_built_once_is_the_one_django_csp_builds_and_frameable_still_lifts_it():
    from csp.middleware import CSPMiddleware

    from campaign.middleware import ContentSecurityPolicyMiddleware

    def page(request):
        return HttpResponse("page")

    request = RequestFactory().get("/page/")
    ours = ContentSecurityPolicyMiddleware(page)(request)
    theirs = CSPMiddleware(page)(RequestFactory().get("/page/"))
    assert ours["Content-Security-Policy"] == theirs["Content-Security-Policy"]
    assert csp_directives(ours)["frame-ancestors"] == ["'none'"]

    framed = ContentSecurityPolicyMiddleware(frameable(page))(RequestFactory().get("/widget/"))
    assert csp_directives(framed)["frame-ancestors"] == ["*"]
    assert csp_directives(framed)["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_htmx_is_told_not_to_inject_its_inline_style(client):
    html = client.get("/").content.decode()
    assert '<meta name="htmx-config" content=\'{"includeIndicatorStyles":false}\'>' in html
    css = (ROOT / "static" / "css" / "site.css").read_text()
    assert ".htmx-request .htmx-indicator" in css


INLINE_CODE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script> (use static/js/)"),
    (re.compile(r"<style\b", re.I), "<style> element (use static/css/site.css)"),
    (re.compile(r"\sstyle=", re.I), 'style="" attribute (use a class in site.css)'),
    (re.compile(r"\son[a-z]+\s*=", re.I), "inline event handler (use a file in static/js/)"),
    (re.compile(r"\shx-on", re.I), "hx-on attribute (use a file in static/js/)"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def allowed_script(tag):
    # JSON data islands (json_script) are data, not code: the policy does not run them.
    return 'type="application/json"' in tag or "type='application/json'" in tag


TEMPLATE_COMMENT = re.compile(r"{#.*?#}|{% comment %}.*?{% endcomment %}", re.S)


def test_no_template_holds_code_the_policy_would_block():
    problems = []
    for template in sorted((ROOT / "templates").rglob("*.html")):
        # Blank out comments but keep line numbers right.
        text = TEMPLATE_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)),
                                    template.read_text())
        for pattern, what in INLINE_CODE:
            for match in pattern.finditer(text):
                if what.startswith("inline <script>") and allowed_script(match.group(0)):
                    continue
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{template.relative_to(ROOT)}:{line}: {what}")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_only_the_petition_widget_may_be_framed_by_partner_sites(client):
    from tests.factories import make_petition

    petition = make_petition()
    widget = client.get(f"/petitions/{petition.slug}/widget/")
    assert widget.status_code == 200
    assert "X-Frame-Options" not in widget
    assert csp_directives(widget)["frame-ancestors"] == ["*"]
    assert csp_directives(widget)["script-src"] == ["'self'"]
    page = client.get(petition.get_absolute_url())
    assert page["X-Frame-Options"] == "DENY"
    assert csp_directives(page)["frame-ancestors"] == ["'none'"]
