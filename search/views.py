from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Page

from members.access import can_view


@require_GET
def results(request):
    """Interim: pages matching the query through Wagtail's database search, access-filtered."""
    query = request.GET.get("q", "").strip()[:200]
    hits = []
    if query:
        pages = Page.objects.live().specific().search(query)[:50]
        hits = [p for p in pages if not hasattr(p, "access_keys") or can_view(request.user, p)]
    return render(request, "search/results.html", {"query": query, "hits": hits})


@require_GET
def suggest(request):
    query = request.GET.get("q", "").strip()[:100]
    titles = []
    if len(query) >= 2:
        pages = Page.objects.live().specific().filter(title__icontains=query)[:20]
        titles = [
            {"title": p.title, "url": p.url}
            for p in pages
            if not hasattr(p, "access_keys") or can_view(request.user, p)
        ][:8]
    return JsonResponse({"query": query, "suggestions": titles})
