from __future__ import annotations

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


class SecretariatEventsPanel(Component):
    """Upcoming events with seats and waitlists, open consultations and participation charts."""

    name = "events_secretariat"
    order = 150
    template_name = "events/admin/secretariat_panel.html"

    def __init__(self, user) -> None:
        self.user = user

    def get_context_data(self, parent_context=None):
        context = selectors.secretariat_overview()
        context["charts"] = charts.participation_charts(viewer=self.user)
        return context


@hooks.register("construct_homepage_panels")
def add_secretariat_panel(request, panels):
    if access.can_manage_events(request.user):
        panels.append(SecretariatEventsPanel(request.user))


from events import dashboard as _dashboard  # noqa: E402, F401 - registers its dashboard panel
from events import dashboard_commitments as _dashboard_commitments  # noqa: E402, F401 - its panel
from events import dashboard_evaluation as _dashboard_evaluation  # noqa: E402, F401 - register their hooks
from events import reports as _reports  # noqa: E402, F401 - registers its donor report section
from events import reports_attendance as _reports_attendance  # noqa: E402, F401 - donor report
from events import reports_commitments as _reports_commitments  # noqa: E402, F401 - report section
from events import reports_evaluation as _reports_evaluation  # noqa: E402, F401 - report section
from events import searchable as _searchable  # noqa: E402, F401 - registers its search sources
