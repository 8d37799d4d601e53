"""Members read the vocabulary in their interface language: library filters and note pages."""

from __future__ import annotations

import pytest

from knowledge.services import library_setup
from tests.knowledge.conftest import make_note

pytestmark = pytest.mark.django_db


def test_the_library_filters_show_georgian_theme_names(member_client):
    library = library_setup()
    make_note(library, themes=("labour-migration", "return-reintegration"))
    make_note(library, themes=("labour-migration",), target_groups=("returnees",))

    response = member_client.get(library.url.replace("/en/", "/ka/", 1))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'for="f-theme-labour-migration">შრომითი მიგრაცია <span' in html
    assert 'for="f-theme-return-reintegration">დაბრუნება და რეინტეგრაცია <span' in html
    assert 'for="f-target-returnees">დაბრუნებული მიგრანტები <span' in html
    assert "Labour migration" not in html


def test_a_note_names_its_gcm_objective_in_armenian(member_client):
    note = make_note(library_setup(), objectives=(9,), resource_type="policy-brief")

    response = member_client.get(note.url.replace("/en/", "/hy/", 1))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<li>9. Միգրանտների ապօրինի տեղափոխման դեմ անդրազգային արձագանքի ուժեղացում</li>" in html
    assert "Վերլուծական տեղեկանք" in html
    assert "smuggling of migrants" not in html
