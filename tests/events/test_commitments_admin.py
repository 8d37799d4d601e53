"""The secretariat records conclusions and commitments in the event page's admin form."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from events.models import Commitment, Conclusion
from taxonomy.models import Country, Theme
from tests.events.builders_commitments import make_meeting

pytestmark = pytest.mark.django_db


def _form_data(html: str) -> dict:
    """What the browser would send for the page's edit form, as it stands."""
    form = BeautifulSoup(html, "html.parser").find("form", id="page-edit-form")
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "textarea":
            value = [field.text]
        elif field.name == "select":
            value = [
                o.get("value", o.text) for o in field.find_all("option") if o.has_attr("selected")
            ]
        elif field.get("type") in ("checkbox", "radio"):
            value = [field.get("value", "on")] if field.has_attr("checked") else []
        else:
            value = [field.get("value", "")]
        data.setdefault(name, []).extend(value)
    return data


def test_secretariat_adds_a_conclusion_and_a_commitment_in_the_admin(client, secretariat):
    meeting = make_meeting(conclusions=[])
    client.force_login(secretariat)
    url = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Commitments by country" in html and "Conclusions" in html
    data = _form_data(html)
    data.update(
        {
            "conclusions-TOTAL_FORMS": ["1"],
            "conclusions-0-text": ["Countries share return data yearly."],
            "conclusions-0-ORDER": ["1"],
            "conclusions-0-DELETE": [""],
            "conclusions-0-id": [""],
            "commitments-TOTAL_FORMS": ["1"],
            "commitments-0-country": [str(Country.objects.get(code="MD").pk)],
            "commitments-0-action": ["Open a diaspora desk"],
            "commitments-0-institution": ["Bureau for Diaspora Relations"],
            "commitments-0-due_on": ["2027-03-31"],
            "commitments-0-themes": [str(Theme.objects.get(slug="diaspora").pk)],
            "commitments-0-ORDER": ["1"],
            "commitments-0-DELETE": [""],
            "commitments-0-id": [""],
            "action-publish": ["action-publish"],
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    commitment = Commitment.objects.get(page=meeting)
    assert commitment.country.code == "MD" and commitment.action == "Open a diaspora desk"
    assert [t.slug for t in commitment.themes.all()] == ["diaspora"]
    assert Conclusion.objects.get(page=meeting).text == "Countries share return data yearly."
