"""The living style guide: the secretariat sees every component with its real markup."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

URL = "/en/styleguide/"

COMPONENTS = [
    "mp-container", "mp-stack", "mp-cluster", "mp-grid", "mp-layout-sidebar__side",
    "mp-layout-sidebar__main", "mp-visually-hidden", "mp-heading-l", "mp-lead", "mp-hint",
    "mp-caption", "mp-list", "mp-list-plain", "mp-list-inline", "mp-button",
    "mp-button--secondary", "mp-button--warning", "mp-button--quiet", "mp-button--small",
    "mp-button-group", "mp-field", "mp-field--error", "mp-field__label", "mp-field__hint",
    "mp-field__error", "mp-input", "mp-select", "mp-textarea", "mp-checkboxes", "mp-radios",
    "mp-error-summary", "mp-card", "mp-card__title", "mp-card__link", "mp-card__meta",
    "mp-card__body", "mp-card__footer", "mp-card-grid", "mp-tag", "mp-badge--success",
    "mp-badge--warning", "mp-badge--error", "mp-badge--info", "mp-table", "mp-table--reflow",
    "mp-pagination", "mp-alert--success", "mp-alert--warning", "mp-alert--error",
    "mp-alert--info", "mp-inset", "mp-notice", "mp-tabs", "mp-tabs__tab", "mp-disclosure",
    "mp-disclosure__summary", "mp-summary-list", "mp-summary-list__key", "mp-avatar",
    "mp-avatar__initials", "mp-stat", "mp-print-button", "mp-breadcrumb",
]  # fmt: skip


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["member", "expert", "official"])
def test_members_other_than_the_secretariat_are_refused(client, role, request):
    client.force_login(request.getfixturevalue(role))
    assert client.get(URL).status_code == 403


def test_the_secretariat_sees_every_component(secretariat_client):
    response = secretariat_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    missing = [name for name in COMPONENTS if name not in html]
    assert not missing, f"the style guide does not show {missing}"


def test_the_form_shows_its_errors_in_the_gov_uk_pattern(secretariat_client):
    html = secretariat_client.get(URL).content.decode()
    # The summary is announced and links to each field with an error.
    assert 'class="mp-error-summary" role="alert" tabindex="-1"' in html
    assert 'href="#id_full_name"' in html and 'href="#id_themes_0"' in html
    # Each control names its hint and its error, and says it is invalid.
    assert 'aria-describedby="id_full_name-hint id_full_name-error"' in html
    assert 'aria-invalid="true"' in html
    assert 'id="id_full_name-error"' in html
    # The error comes before the control, as GOV.UK places it.
    assert html.index('id="id_email-error"') < html.index('name="email"')


def test_pagination_keeps_the_other_parameters(secretariat_client):
    html = secretariat_client.get(URL + "?page=7&tab=forms").content.decode()
    assert 'href="?page=8&amp;tab=forms"' in html
    assert 'aria-current="page"><span class="mp-visually-hidden">Page </span>7' in html


def test_in_russian(secretariat_client):
    html = secretariat_client.get("/ru/styleguide/").content.decode()
    assert "Руководство по стилю" in html
