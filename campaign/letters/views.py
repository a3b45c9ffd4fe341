import functools

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from articles.models import group_by_addressee
from campaign.letters import compose, forms, services, wizard
from campaign.letters.models import Official, OfficialResponse
from campaign.letters.pdf import letter_pdf

TEMPLATE = "campaign/letters_start.html"


def _officials_by_category(officials):
    return group_by_addressee(officials, lambda official: official.category)


def _step_context(state):
    context = {"state": state, "form": state.form, "steps": wizard.STEPS}
    official = state.cleaned.get("official")
    context["official"] = official
    if state.step == "official":
        officials = Official.objects.active().with_letter_counts()
        context["groups"] = _officials_by_category(officials)
        point = services.approved_point(dict(state.carried).get("point"))
        context["point"] = point
        context["suggested"] = {o.pk for o in officials if point and o.category == point.addressee}
        context["selected"] = str(state.form["official"].value() or "")
    elif state.step == "points":
        context["matching"], context["others"] = services.points_to_choose(official)
        context["selected"] = {str(v) for v in state.form["points"].value() or []}
    elif state.step == "letter":
        context["composed"] = state.composed
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
        letter = services.record_letter(state.cleaned)
        context = services.delivery(letter, state.cleaned["subject"], state.cleaned["text"])
        context.update(state=state, steps=wizard.STEPS)
        # Rendered in answer to the post, not redirected: unless the sender shares it,
        # the letter's text is kept nowhere but in this page.
        return render(request, template, context)
    context = _step_context(state)
    return render(request, template, context)


def _delivery(view):
    """A download of a finished letter: the signed record id in the URL says which letter
    (so downloads never count it again), the posted text is what the sender finished."""

    @require_POST
    @functools.wraps(view)
    def wrapper(request, token):
        letter = services.letter_from_token(token)
        form = forms.DeliveryForm(request.POST)
        if letter is None or not form.is_valid():
            return render(request, "campaign/letter_invalid.html", status=400)
        return view(request, letter, form.cleaned_data)

    return wrapper


def _attachment(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _recipient_lines(official, language):
    # In the letter's language (the office's Korean title in a Korean letter, when editors
    # have given one), whatever the language of the page it is downloaded from.
    with translation.override(language):
        lines = [official.name, official.title, official.organisation, official.postal_address]
    return [line for block in lines if block for line in block.splitlines() if line.strip()]


def _date_line(letter):
    day = timezone.localdate(letter.created_at)
    return compose.korean_date(day) if letter.language == "ko" else compose.english_date(day)


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
        recipient=_recipient_lines(letter.official, letter.language),
        date_line=_date_line(letter),
        title=data["subject"],
    )
    return _attachment(content, "application/pdf", services.filename(letter, "pdf"))


@_delivery
def letter_print(request, letter, data):
    context = {
        "letter": letter,
        "recipient": _recipient_lines(letter.official, letter.language),
        "date_line": _date_line(letter),
        "paragraphs": compose.paragraphs(data["text"]),
        "subject": data["subject"],
    }
    return render(request, "campaign/letter_print.html", context)


def officials(request):
    responses = Prefetch("responses", OfficialResponse.objects.order_by("-date", "-id"))
    queryset = Official.objects.active().with_letter_counts().prefetch_related(responses)
    return render(
        request, "campaign/officials.html", {"groups": _officials_by_category(queryset)}
    )
