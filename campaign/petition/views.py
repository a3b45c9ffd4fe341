"""The petition: its page, signing, confirmation, withdrawal and the public counts."""

import io
from functools import partial

import segno
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.functional import SimpleLazyObject
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import condition, require_GET, require_http_methods

from articles.models import Briefing
from campaign.lib.clients import client_ip, hash_ip
from campaign.lib.fragments import fragment, rows_by_slug
from campaign.lib.links import alternates, site_url
from campaign.lib.pages import cached_page, page_is_shared
from campaign.lib.responses import public_response
from campaign.lib.security import frameable
from campaign.petition import abuse, pictures, signatures
from campaign.petition.forms import (
    ResendForm,
    SignatureForm,
    briefing_source,
    new_visitor_form,
    share_ref,
    signing_key,
)
from campaign.petition.models import Petition, Signature
from campaign.petition.sharing import share_links, with_ref

RECENT_SIGNERS = 10
RECENT_COMMENTS = 10
# Set for a few seconds on whoever has just withdrawn: their pages are built for
# them, so that no copy cached before (on any server) shows their name again.
JUST_WITHDRAWN_COOKIE = "withdrawn"


def public_petition(request, slug, shared=False):
    """A petition visitors may see; drafts only for staff previewing them.

    `shared` reads it from the petitions kept for everyone (`petitions_by_slug`)
    instead of the database: for the page and the signing form, which need its
    settings but not its live count.
    """
    if shared:
        petition = petitions_by_slug().get(slug)
        if petition is None:
            raise Http404
    else:
        petition = get_object_or_404(Petition, slug=slug)
    if petition.state == Petition.State.DRAFT and not request.user.is_staff:
        raise Http404
    return petition


def petitions_by_slug():
    """Every petition by slug, kept for PUBLIC_CACHE_SECONDS or until one is saved."""
    return rows_by_slug("petitions", Petition.objects.all)


def shared_current_petition():
    """The petition shown at /petition/ and in signing boxes, as `Petition.objects.current()`
    chooses it, from the petitions kept for everyone (`petitions_by_slug`)."""
    public = [p for p in petitions_by_slug().values() if p.state != Petition.State.DRAFT]
    featured = [p for p in public if p.is_current]
    return (featured or sorted(public, key=lambda p: p.created_at, reverse=True) or [None])[0]


def share_context(petition, request, message=None):
    """The share step's links and words; `message` is the text sent with the link."""
    url = petition.public_url(site_url(request))
    if message is None:
        message = _("Please sign the petition “%(title)s”.") % {"title": petition.title}
    return {
        "share": share_links(url, message),
        "share_message": message,
        "share_title": petition.title,
        "share_url": with_ref(url, Signature.Ref.LINK),
        "share_kakao_url": with_ref(url, Signature.Ref.KAKAOTALK),
        "share_device_url": with_ref(url, Signature.Ref.SHARE),
    }


def shared_share_context(petition, request):
    """`share_context` of a public petition, kept like the block that shows it: the same
    for everyone in one language."""
    if petition.state == Petition.State.DRAFT:
        return share_context(petition, request)
    build = partial(share_context, petition, request)
    return fragment("petitions", build, key=["share", petition.pk, site_url(request)])


def signed_message(petition, number=None):
    """What a signer sends with the link: with their place in the count once they have one."""
    if number:
        return _(
            "I am signer number %(number)s of the petition “%(title)s”. Will you sign it too?"
        ) % {"number": f"{number:,}", "title": petition.title}
    return _("I have signed the petition “%(title)s”. Will you sign it too?") % {
        "title": petition.title
    }


def too_many_requests(request):
    return render(request, "429.html", status=429)


def petition_current(request):
    petition = shared_current_petition()
    if petition is None:
        raise Http404
    return show_petition(request, petition)


@require_http_methods(["GET", "HEAD", "POST"])
def petition_detail(request, slug):
    petition = public_petition(request, slug, shared=True)
    if request.method == "POST":
        return sign(request, petition)
    return show_petition(request, petition)


def show_petition(request, petition, form=None):
    source = briefing_source(request.GET.get("source", "")[:200])
    ref = share_ref(request.GET.get("ref", "")[:20])
    shared = form is None and petition.state != Petition.State.DRAFT
    if shared and page_is_shared(request, query_ok=known_query(request, source, ref)):
        build = partial(render_petition, request, petition, source=source, ref=ref)
        return cached_page(request, "petitions", build, key=[petition.pk])
    return render_petition(request, petition, form=form, source=source, ref=ref)


def known_query(request, source, ref):
    """Whether a query string is one of the few the site's own links make, so the
    page may be kept for it: a link from a published briefing (?source=) or a
    share link (?ref=), each once and spelt as the site spells it. Anything else
    is rendered for its visitor, so no one can fill the cache with variants."""
    query = request.GET
    if not query or set(query) - {"source", "ref"}:
        return False
    if any(len(query.getlist(key)) > 1 for key in query):
        return False
    # "%78" is "x" too: only the plain spelling counts.
    if request.META.get("QUERY_STRING", "") != query.urlencode():
        return False
    if "ref" in query and not ref:
        return False
    return "source" not in query or (bool(source) and known_source(source))


def known_source(source):
    """Whether `source` is "" or a published briefing's slug: the values a signing form's
    source may be kept for (any other slug-like value is shown to its visitor, so that
    no one can fill the cache with made-up ones)."""
    return not source or source in rows_by_slug(
        "articles", Briefing.objects.published, ["published"]
    )


def render_petition(request, petition, extra_context=None, *, form=None, source="", ref=""):
    # A form given is one sent back with what its visitor typed: shown to them alone.
    kept_signing = None
    if form is None:
        if petition.is_accepting_signatures:
            form = new_visitor_form(request, initial={"source": source, "ref": ref})
        kept_signing = signing_key(form is not None, source=source, ref=ref)
    # The lists are made, and read, only when the template's kept block is rebuilt.
    # One queryset for the table and the map: read once.
    tallies = SimpleLazyObject(lambda: petition.tallies.filter(count__gt=0))
    context = {
        "petition": petition,
        "form": form,
        "signing_key": kept_signing,
        "tallies": tallies,
        "recent_signers": SimpleLazyObject(partial(recent_signers, petition)),
        "comments": SimpleLazyObject(partial(recent_comments, petition)),
        "timeline": SimpleLazyObject(lambda: petition.timeline.shown()),
        "briefings": SimpleLazyObject(lambda: petition.briefings.published()),
        "world_map": partial(pictures.world_map, tallies),
        **shared_share_context(petition, request),
        "poll_seconds": settings.PETITION_POLL_SECONDS,
        # /petition/ shows the current petition: its own address is the canonical one.
        "language_alternates": SimpleLazyObject(
            lambda: alternates(request, petition.get_absolute_url())
        ),
        # Staff previewing a draft see it as it is now, and nothing of it is kept; nor
        # anything of a page for a made-up briefing source.
        "fresh_public_parts": JUST_WITHDRAWN_COOKIE in request.COOKIES
        or petition.state == Petition.State.DRAFT
        or not known_source(source),
        **(extra_context or {}),
    }
    response = render(request, "campaign/petition_detail.html", context)
    if petition.state == Petition.State.DRAFT:
        # A staff preview must not end up in a shared cache.
        patch_cache_control(response, private=True, no_store=True)
    return response


def recent_signers(petition):
    signatures = petition.signatures.counted().order_by("-confirmed_at")
    return signatures.filter(show_name=True)[:RECENT_SIGNERS]


def recent_comments(petition):
    signatures = petition.signatures.counted().order_by("-confirmed_at")
    approved = signatures.filter(comment_state=Signature.CommentState.APPROVED)
    return approved.exclude(comment="")[:RECENT_COMMENTS]


def sign(request, petition):
    compact = request.POST.get("compact") == "1"
    partial = "campaign/petition_detail.html#signing"
    if not petition.is_accepting_signatures:
        if request.htmx:
            return render(request, partial, {"petition": petition, "compact": compact})
        messages.error(request, petition.closed_notice)
        return redirect(petition)

    ip_hash = hash_ip(client_ip(request))
    refuse, rate_flag = abuse.signing_rate(ip_hash)
    if refuse:
        return too_many_requests(request)

    form = SignatureForm(request.POST, compact=compact, request=request)
    if not form.is_valid():
        if request.htmx:
            context = {"petition": petition, "form": form, "compact": compact}
            return render(request, partial, context)
        if compact:
            # Errors from the box on another page: show them on the petition
            # page, where the full form keeps what was typed.
            form = SignatureForm(request.POST, request=request)
            form.is_valid()
        return show_petition(request, petition, form)

    meta = {
        "ip_hash": ip_hash,
        "flags": [*form.abuse_flags(), rate_flag],
        "language": get_language(),
        "site_url": site_url(request),
    }
    signatures.sign_petition(petition, form.cleaned_data, meta)
    if request.htmx:
        return render(request, "campaign/petition_check_inbox.html#notice", {"petition": petition})
    return redirect("petition_check_inbox", slug=petition.slug)


@require_GET
def petition_check_inbox(request, slug):
    petition = public_petition(request, slug)
    context = {"petition": petition, **share_context(petition, request, signed_message(petition))}
    return render(request, "campaign/petition_check_inbox.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def signature_confirm(request, slug, token):
    # The link in the email only shows a button; confirming takes a POST.
    # Mail scanners and link previewers open every link in a message, and a
    # GET that confirmed would confirm signatures nobody confirmed.
    petition = public_petition(request, slug)
    signature, problem = signatures.read_link(token, signatures.CONFIRM, petition)
    context = {"petition": petition, "signature": signature, "problem": problem}
    if problem:
        context["form"] = ResendForm()
        return render(request, "campaign/signature_confirm.html", context, status=400)
    if signature.state == signature.State.PENDING and not petition.is_accepting_signatures:
        context["closed"] = petition.closed_notice
        return render(request, "campaign/signature_confirm.html", context, status=409)
    if request.method == "POST":
        signatures.confirm_signature(signature.pk)
        signature.refresh_from_db()
        return redirect(signatures.thanks_path(signature))
    context["thanks_path"] = signatures.thanks_path(signature)
    return render(request, "campaign/signature_confirm.html", context)


@require_GET
def signature_thanks(request, slug):
    petition = public_petition(request, slug)
    number = signatures.signer_number_from(request.GET.get("n", ""), petition)
    context = {
        "petition": petition,
        "signer_number": number,
        **share_context(petition, request, signed_message(petition, number)),
    }
    return render(request, "campaign/signature_thanks.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def signature_withdraw(request, slug, token):
    # A button on GET for the same reason as confirmation: scanners open links.
    petition = public_petition(request, slug)
    signature, problem = signatures.read_link(token, signatures.WITHDRAW, petition)
    if problem:
        context = {
            "petition": petition,
            "problem": problem,
            "form": ResendForm(),
            "withdraw_days": settings.SIGNATURE_WITHDRAW_LINK_DAYS,
        }
        return render(request, "campaign/signature_withdraw.html", context, status=400)
    if request.method == "POST":
        signatures.withdraw_signature(signature.pk)
        messages.success(request, _("Your signature has been withdrawn and deleted."))
        response = redirect(petition)
        response.set_cookie(
            JUST_WITHDRAWN_COOKIE,
            "1",
            max_age=settings.PUBLIC_CACHE_SECONDS + settings.LOCAL_CACHE_SECONDS + 1,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response
    context = {"petition": petition, "signature": signature}
    return render(request, "campaign/signature_withdraw.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def signature_resend(request, slug):
    petition = public_petition(request, slug)
    form = ResendForm(request.POST or None)
    if request.method == "POST":
        refuse, _flag = abuse.signing_rate(hash_ip(client_ip(request)))
        if refuse:
            return too_many_requests(request)
        if form.is_valid():
            # Whatever happens the visitor sees the same page, so this form
            # cannot be used to find out who has signed.
            signatures.resend_confirmation(
                petition, form.cleaned_data["email"], site_url(request)
            )
            return redirect("petition_check_inbox", slug=petition.slug)
    return render(request, "campaign/signature_resend.html", {"petition": petition, "form": form})


# Counts: cheap, cacheable, conditional ----------------------------------------


def _summary(request, slug):
    """The few values the count endpoints need, read once per request."""
    if not hasattr(request, "_petition_summary"):
        request._petition_summary = (
            Petition.objects.public()
            .filter(slug=slug)
            .values("signature_count", "goal", "updated_at", "state", "deadline", "title", "slug")
            .first()
        )
    return request._petition_summary


def _count_etag(request, slug):
    summary = _summary(request, slug)
    if summary is None:
        return None
    stamp = summary["updated_at"].timestamp()
    return f"{summary['signature_count']}-{stamp}-{get_language()}"


def _count_modified(request, slug):
    summary = _summary(request, slug)
    return summary["updated_at"] if summary else None


@public_response
@require_GET
@condition(etag_func=_count_etag, last_modified_func=_count_modified)
def petition_count(request, slug):
    """The live counter fragment the petition page polls."""
    summary = _summary(request, slug)
    if summary is None:
        raise Http404
    petition = Petition(**summary)
    response = render(request, "campaign/petition_detail.html#counter", {"petition": petition})
    # Never older than one poll of the page.
    patch_cache_control(response, public=True, max_age=min(5, settings.PETITION_POLL_SECONDS))
    # The fragment's words follow the visitor's language.
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


@public_response
@require_GET
def petition_json(request, slug):
    petition = get_object_or_404(Petition.objects.public(), slug=slug)
    data = {
        "title": petition.title,
        "slug": petition.slug,
        "url": petition.public_url(site_url(request)),
        "state": petition.effective_state.value,
        "goal": petition.goal,
        "next_milestone": petition.next_milestone,
        "signature_count": petition.signature_count,
        "signatures_by_country": {
            t.country.code: t.count for t in petition.tallies.filter(count__gt=0)
        },
        "updated_at": petition.updated_at.isoformat(),
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Last-Modified"] = http_date(petition.updated_at.timestamp())
    # Public figures: partner sites may read them from their own pages.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@frameable
@public_response
@require_GET
def petition_widget(request, slug):
    """A tiny page partner sites put in an iframe: the count and a link."""
    petition = get_object_or_404(Petition.objects.public(), slug=slug)
    response = render(request, "campaign/petition_widget.html", {"petition": petition})
    patch_cache_control(response, public=True, max_age=60)
    return response


QR_SECONDS = 86400


def qr_svg(petition, base):
    """The QR code of a petition's address on the site's address `base`, drawn once
    (about 20 ms) and kept for a day, or until the petition is saved."""

    def draw():
        buffer = io.BytesIO()
        segno.make(url, error="m").save(
            buffer, kind="svg", scale=10, border=2, title=petition.title
        )
        return buffer.getvalue()

    url = with_ref(petition.public_url(base), Signature.Ref.QR)
    return fragment("petitions", draw, key=["qr", petition.pk, url], timeout=QR_SECONDS)


@require_GET
def petition_card(request, slug, language):
    """The petition's share card in one language: the PNG link previews show."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    petition = public_petition(request, slug, shared=True)
    card = pictures.share_card(petition, language)
    if card is None:
        # The first card is being drawn: the campaign's plain card meanwhile.
        response = redirect(pictures.fallback_card_url())
        add_never_cache_headers(response)
        return response
    etag = f'"{card["words"]}"'
    response = HttpResponse(card["png"], content_type="image/png")
    response["ETag"] = etag
    if petition.state == Petition.State.DRAFT:
        patch_cache_control(response, private=True, no_store=True)
    else:
        # A card is redrawn at most once a minute: no use asking sooner.
        patch_cache_control(response, public=True, max_age=pictures.CARD_REDRAW_SECONDS)
    return get_conditional_response(request, etag=etag, response=response)


@require_GET
def petition_qr(request, slug):
    """A QR code of the petition's address, as SVG, for posters and leaflets."""
    petition = public_petition(request, slug, shared=True)
    if petition.state == Petition.State.DRAFT:
        raise Http404
    response = HttpResponse(qr_svg(petition, site_url(request)), content_type="image/svg+xml")
    patch_cache_control(response, public=True, max_age=QR_SECONDS)
    return response
