from __future__ import annotations

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from core.documents import DOCUMENT_OWNERS_HOOK, IMAGE_OWNERS_HOOK, page_uses
from events import access, charts, selectors
from events.models import ConsultationPage, EventPage

# --- who uses a file (core.documents asks, for every download) -------------------------------
#
# Wagtail's reference index records what each page uses: annexes, minutes, consultation
# material, and links and images in the text. Only live pages count, and a consultation's
# synthesis only once it is published: until then its files are the secretariat's and their
# uploader's.

EVENT_PAGES = (EventPage, ConsultationPage)


def _pages_showing(file) -> list:
    return [
        page
        for page, fields in page_uses(file, EVENT_PAGES).items()
        if page.live
        and not (
            isinstance(page, ConsultationPage)
            and not page.synthesis_published
            and {field.split(".")[0] for field in fields} == {"synthesis"}
        )
    ]


@hooks.register(DOCUMENT_OWNERS_HOOK)
def events_using_document(document) -> list:
    """Events whose annexes, minutes or text use ``document``, and consultations whose
    material, introduction or published synthesis do."""
    return _pages_showing(document)


@hooks.register(IMAGE_OWNERS_HOOK)
def events_using_image(image) -> list:
    """Events and consultations whose text shows ``image``."""
    return _pages_showing(image)


def _chart(*, dimension: str, title: str, data: dict, caption: str = "") -> dict:
    return {
        "title": title,
        "caption": caption,
        "svg": mark_safe(  # noqa: S308 -- built by charts.py with every label escaped
            charts.stacked_bars(
                title=title, months=data["months"], series=data["series"], uid=f"chart-{dimension}"
            )
        ),
        "months": data["months"],
        "rows": [
            {"label": label, "values": values, "total": sum(values)}
            for label, values in data["series"].items()
        ],
    }


class SecretariatEventsPanel(Component):
    """Upcoming events with seats and waitlists, open consultations and participation charts."""

    name = "events_secretariat"
    order = 150
    template_name = "events/admin/secretariat_panel.html"

    def __init__(self, user) -> None:
        self.user = user

    def get_context_data(self, parent_context=None):
        context = selectors.secretariat_overview()
        charts_data = []
        for dimension, title in (
            ("country", _("Participants by country and month")),
            ("role", _("Participants by role and month")),
        ):
            data = selectors.participation_by(dimension=dimension)
            if data["series"]:
                charts_data.append(_chart(dimension=dimension, title=title, data=data))
        gender = selectors.participation_by_gender(viewer=self.user)
        if gender is not None and gender["series"]:
            charts_data.append(
                _chart(
                    dimension="gender",
                    title=_("Participants by gender and month"),
                    data=gender,
                    caption=gender["caption"],
                )
            )
        context["charts"] = charts_data
        return context


@hooks.register("construct_homepage_panels")
def add_secretariat_panel(request, panels):
    if access.can_manage_events(request.user):
        panels.append(SecretariatEventsPanel(request.user))


from events import dashboard as _dashboard  # noqa: E402, F401 - registers its dashboard panel
from events import searchable as _searchable  # noqa: E402, F401 - registers its search sources
