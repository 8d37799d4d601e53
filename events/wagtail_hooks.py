from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from events import access, charts, selectors


class SecretariatEventsPanel(Component):
    """Upcoming events with seats and waitlists, open consultations and participation charts."""

    name = "events_secretariat"
    order = 150
    template_name = "events/admin/secretariat_panel.html"

    def get_context_data(self, parent_context=None):
        context = selectors.secretariat_overview()
        charts_data = []
        for dimension, title in (
            ("country", _("Participants by country and month")),
            ("role", _("Participants by role and month")),
            ("gender", _("Participants by gender and month, where members gave it")),
        ):
            data = selectors.participation_by(dimension=dimension)
            if not data["series"] or (dimension == "gender" and list(data["series"]) == ["—"]):
                continue
            charts_data.append(
                {
                    "title": title,
                    "svg": mark_safe(  # noqa: S308 -- built by charts.py with every label escaped
                        charts.stacked_bars(
                            title=title,
                            months=data["months"],
                            series=data["series"],
                            uid=f"chart-{dimension}",
                        )
                    ),
                    "months": data["months"],
                    "rows": [
                        {"label": label, "values": values, "total": sum(values)}
                        for label, values in data["series"].items()
                    ],
                }
            )
        context["charts"] = charts_data
        return context


@hooks.register("construct_homepage_panels")
def add_secretariat_panel(request, panels):
    if access.can_manage_events(request.user):
        panels.append(SecretariatEventsPanel())


from events import dashboard as _dashboard  # noqa: E402, F401 - registers its dashboard panel
from events import search as _search  # noqa: E402, F401 - registers its search sources
