import functools

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from articles.models import group_by_addressee
from campaign.letters import compose, forms, services, wizard
from campaign.letters.models import Official, OfficialResponse
from campaign.letters.pdf import letter_paragraphs, letter_pdf

TEMPLATE = "campaign/letters_start.html"


def _officials_by_category(officials):
    return group_by_addressee(officials, lambda official: official.category)


def _step_context(state):
    context = {"state": state, "form": state.form, "steps": wizard.STEPS}
    officials = state.cleaned.get("officials", [])
    context["officials"] = officials
    if state.step == "official":
        listed = Official.objects.active().with_letter_counts()
        context["groups"] = _officials_by_category(listed)
        point = services.approved_point(dict(state.carried).get("point"))
        context["point"] = point
        context["suggested"] = {o.pk for o in listed if point and o.category == point.addressee}
        context["selected"] = {str(v) for v in state.form["officials"].value() or []}
    elif state.step == "points":
        context["own"], context["others"] = services.points_to_offer(officials, get_language())
        context["selected"] = {str(v) for v in state.form["points"].value() or []}
        context["without_ask"] = getattr(state.form, "offices_without_ask", [])
    elif state.step == "letter":
        context["drafts"] = state.drafts
        context["finish"] = state.form.finish
    return context


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def letters_start(request):
    template = TEMPLATE + ("#writer" if request.htmx else "")
    state = wizard.advance(request.POST) if request.method == "POST" else wizard.start(request.GET)
    if state.finished and services.over_rate_limit(state.cleaned, request):
        state = wizard.held_back(state, request.POST)
        context = _step_context(state)
        context["rate_limited"] = True
        # htmx does not swap error responses in, so it gets the message with a 200.
        status = 200 if request.htmx else 429
        return render(request, template, context, status=status)
    if state.finished:
        cleaned = state.cleaned
        letters = services.record_letters(cleaned)
        sender = services.sender_block(cleaned)
        deliveries = [
            services.delivery(letter, subject, text, sender)
            for letter, (_official, subject, text) in zip(letters, cleaned["letters"], strict=True)
        ]
        context = {"state": state, "steps": wizard.STEPS, "deliveries": deliveries}
        # Rendered in answer to the post, not redirected: unless the sender shares them,
        # the letters' texts are kept nowhere but in this page.
        return render(request, template, context)
    context = _step_context(state)
    return render(request, template, context)


def _delivery(view):
    """A download of a finished letter. The token in the URL names the letter (so
    downloads never count it again) and was made for the text the sender finished:
    posting other text with it, or an old token, gets nothing laid out."""

    @require_POST
    @functools.wraps(view)
    def wrapper(request, token):
        if services.downloads_over_limit(request):
            return render(request, "429.html", status=429)
        form = forms.DeliveryForm(request.POST)
        letter = None
        if form.is_valid():
            data = form.cleaned_data
            letter = services.letter_for_download(
                token, data["subject"], data["text"], data["sender"]
            )
        if letter is None:
            return render(request, "campaign/letter_invalid.html", status=400)
        return view(request, letter, form.cleaned_data)

    return wrapper


def _attachment(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _date_line(letter):
    day = timezone.localdate(letter.created_at)
    return compose.korean_date(day) if letter.language == "ko" else compose.english_date(day)


def _sender_lines(data):
    return [line for line in data["sender"].splitlines() if line.strip()]


@_delivery
def letter_txt(request, letter, data):
    body = compose.crlf(f"{data['subject']}\n\n{data['text']}\n")
    return _attachment(
        body.encode("utf-8"), "text/plain; charset=utf-8", services.filename(letter, "txt")
    )


@_delivery
def letter_pdf_download(request, letter, data):
    content = letter_pdf(
        data["text"],
        recipient=services.recipient_lines(letter.official, letter.language),
        sender=_sender_lines(data),
        date_line=_date_line(letter),
        title=data["subject"],
        korean_font=settings.LETTER_PDF_KOREAN_FONT,
    )
    return _attachment(content, "application/pdf", services.filename(letter, "pdf"))


@_delivery
def letter_print(request, letter, data):
    context = {
        "letter": letter,
        "recipient": services.recipient_lines(letter.official, letter.language),
        "sender": _sender_lines(data),
        "date_line": _date_line(letter),
        "paragraphs": letter_paragraphs(data["text"]),
        "subject": data["subject"],
    }
    return render(request, "campaign/letter_print.html", context)


def officials(request):
    responses = Prefetch("responses", OfficialResponse.objects.order_by("-date", "-id"))
    queryset = Official.objects.active().with_letter_counts().prefetch_related(responses)
    return render(
        request, "campaign/officials.html", {"groups": _officials_by_category(queryset)}
    )
