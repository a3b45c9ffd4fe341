"""Moderation's pages outside the model admins: the dashboard and the exports
(mounted under /admin/, wrapped in admin_site.admin_view, each checking its
own permission), and the public page that stops campaign updates.
"""

from django.contrib import admin
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from campaign.lib.charts import chart_svg
from campaign.moderation import dashboard as numbers
from campaign.moderation import updates
from campaign.petition import exports
from campaign.petition.models import Petition


def _attachment_name(petition, extension):
    return f"{petition.slug}-{timezone.localdate():%Y%m%d}.{extension}"


@permission_required("campaign.view_dashboard", raise_exception=True)
def dashboard(request):
    petitions = Petition.objects.order_by("-created_at")
    petition = None
    if request.GET.get("petition", "").isdigit():
        petition = petitions.filter(pk=request.GET["petition"]).first()
    petition = petition or Petition.objects.current() or petitions.first()
    context = {
        **admin.site.each_context(request),
        "title": _("Dashboard"),
        "petitions": petitions,
        "petition": petition,
        "letters_by_official": numbers.letters_by_official(),
        "letters_by_point": numbers.letters_by_talking_point(),
    }
    if petition is not None:
        daily = numbers.daily_signatures(petition)
        total = daily[-1][2] if daily else 0
        context.update(
            {
                "daily": daily,
                "daily_chart": chart_svg(
                    [(day.isoformat(), count) for day, count, _running in daily],
                    title=_("Signatures per day"),
                    description=_(
                        "Confirmed signatures per day of confirmation, %(days)d days, "
                        "%(total)d in all; the numbers are in the table below."
                    )
                    % {"days": len(daily), "total": total},
                    chart_id="chart-daily",
                ),
                "cumulative_chart": chart_svg(
                    [(day.isoformat(), running) for day, _count, running in daily],
                    title=_("Signatures in all, day by day"),
                    description=_("The running total of confirmed signatures, reaching %(total)d.")
                    % {"total": total},
                    chart_id="chart-cumulative",
                    kind="line",
                ),
                "countries": numbers.by_country(petition),
                "confirmation": numbers.confirmation(petition),
                "briefings": numbers.top_briefings(petition),
                "share_links": numbers.by_share_link(petition),
                "offline": petition.offline_total(),
            }
        )
    return TemplateResponse(request, "admin/campaign/dashboard.html", context)


@permission_required("campaign.export_signatures", raise_exception=True)
def export_csv(request, pk):
    petition = get_object_or_404(Petition, pk=pk)
    response = StreamingHttpResponse(
        exports.csv_lines(exports.signer_rows(petition)), content_type="text/csv; charset=utf-8"
    )
    name = _attachment_name(petition, "csv")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@permission_required("campaign.export_signatures", raise_exception=True)
def export_pdf(request, pk):
    petition = get_object_or_404(Petition, pk=pk)
    response = HttpResponse(exports.delivery_pdf(petition), content_type="application/pdf")
    name = _attachment_name(petition, "pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@never_cache
def unsubscribe(request, token):
    """Stop campaign updates. GET only shows a button: mail scanners open links,
    and opening a link must not change anything."""
    signature = updates.signature_for_unsubscribe_token(token)
    if signature is None:
        return render(request, "campaign/unsubscribe.html", {"invalid": True}, status=404)
    done = False
    if request.method == "POST":
        updates.unsubscribe(signature)
        done = True
    return render(request, "campaign/unsubscribe.html", {"signature": signature, "done": done})
