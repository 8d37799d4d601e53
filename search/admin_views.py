"""The secretariat's report of searches that found nothing (Wagtail admin)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Max, Sum
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone

from core.access import is_secretariat
from core.params import bounded_int
from search.models import ZeroResultQuery

PERIODS = (7, 30, 90, 365)


def zero_results(request: HttpRequest) -> TemplateResponse:
    if not is_secretariat(request.user):
        raise PermissionDenied
    days = bounded_int(request.GET.get("days"), minimum=1, maximum=max(PERIODS), default=30)
    days = days if days in PERIODS else 30
    since = timezone.localdate() - dt.timedelta(days=days - 1)
    rows = (
        ZeroResultQuery.objects.filter(day__gte=since)
        .values("query")
        .annotate(times=Sum("count"), last=Max("last_seen_at"))
        .order_by("-times", "-last", "query")
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/admin/zero_results.html",
        {"page": page, "days": days, "periods": PERIODS},
    )
