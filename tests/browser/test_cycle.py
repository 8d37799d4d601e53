"""Issue 15's whole cycle as one browser journey, in English and Russian: an official files a
training need; the secretariat accepts it and plans it as an event; the official registers,
asks for a visa letter, gives passport details, the secretariat signs, the official downloads
the letter; the official's check-in code is typed on the scan page; after the event the official
fills the evaluation and downloads the certificate; the public verification page confirms it;
a regional meeting's commitment is updated by the focal point; the donor report counts it all.
Axe runs on the main pages; the interface words come from the language's catalogue."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone, translation
from pypdf import PdfReader

from tests.browser.conftest import assert_accessible, sign_in
from tests.browser.layout import horizontal_overflow
from tests.browser.test_requests import LAPTOP, PHONE

pytestmark = [
    pytest.mark.browser,
    # Keep the migrations' data (roles, home page, taxonomy) for the live server.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Training on border risk analysis"
ACTION = "Adopt a reintegration strategy for returnees"
NOTE = "Draft strategy sent to the government."
OFFICIAL = {"en": ("Nino", "Beridze"), "ru": ("Нино", "Беридзе")}
PASSPORT_NAME = {"en": "ნინო ბერიძე", "ru": "Нино Беридзе"}


def _words(language: str, *texts: str) -> list[str]:
    from django.utils.translation import gettext

    with translation.override(language):
        return [gettext(text) for text in texts]


def _state(language: str, state) -> str:
    with translation.override(language):
        return str(state.label)


def _pdf_text(body: bytes) -> str:
    pages = PdfReader(io.BytesIO(body)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def _context(browser, live_server, language, user):
    from tests.factories.members import DEFAULT_PASSWORD

    context = browser.new_context(
        base_url=live_server.url,
        locale="ru-RU" if language == "ru" else "en-GB",
        viewport=LAPTOP,
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, user.email, DEFAULT_PASSWORD, language)
    page.wait_for_url(lambda url: "/accounts/" not in url)
    return context, page, errors


def _looks_right(page, language: str) -> None:
    assert page.locator("html").get_attribute("lang") == language, page.url
    assert horizontal_overflow(page) <= 0, page.url
    assert_accessible(page)


def _submit(page, form: str) -> None:
    with page.expect_navigation():
        page.locator(f"{form} button[type=submit]").first.click()


def _figure(page, section: str, label: str) -> str:
    stat = page.locator(f"section[aria-labelledby=report-{section}] .mp-stat").filter(
        has=page.locator("dt", has_text=label)
    )
    assert stat.count() == 1, f"{section}: no figure {label!r}"
    return stat.locator("dd").inner_text().strip()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_whole_cycle_from_need_to_donor_report(browser, live_server, language):
    from core.roles import Role
    from events.models import (
        Certificate,
        CommitmentUpdate,
        EventPage,
        Registration,
        VisaLetter,
    )
    from knowledge.models import CapacityRequest
    from knowledge.models.requests import RequestState
    from taxonomy.models import Country
    from tests.events.builders import set_country
    from tests.events.builders_commitments import commitment_of, days, make_meeting
    from tests.events.evaluation_builders import answers_for, make_training
    from tests.factories.members import make_member

    first, last = OFFICIAL[language]
    official = set_country(
        make_member(
            Role.GOVERNMENT,
            language=language,
            first_name=first,
            last_name=last,
            email=f"official-{language}@example.org",
        ),
        "GE",
        focal_point=True,
    )
    secretariat = make_member(
        Role.SECRETARIAT, is_staff=True, email=f"secretariat-{language}@example.org"
    )
    # The event the secretariat plans: a training with an evaluation, still to come.
    event = make_training(past=False, title=TITLE, slug=f"cycle-{language}")

    me, mine, my_errors = _context(browser, live_server, language, official)
    desk, sec, sec_errors = _context(browser, live_server, language, secretariat)

    # 1. The official files a training need (on a phone).
    mine.set_viewport_size(PHONE)
    mine.goto(f"/{language}/library/requests/training-need/")
    _looks_right(mine, language)
    mine.locator("select[name=theme]").select_option(index=1)
    mine.fill("textarea[name=target_institutions]", "State Border Police")
    mine.fill("input[name=staff_count]", "25")
    mine.fill("textarea[name=description]", "Risk analysis at land border crossings.")
    mine.check("input[name=preferred_format][value=in_person]")
    _submit(mine, "main form")
    badge = mine.locator("[data-request-state=new]")
    assert badge.is_visible()
    assert badge.inner_text().strip() == _state(language, RequestState.NEW)
    _looks_right(mine, language)
    need = CapacityRequest.objects.get()
    assert need.country.code == "GE"
    mine.set_viewport_size(LAPTOP)

    # 2. The secretariat finds it in the queue, accepts it and plans it as the training.
    sec.goto(f"/{language}/library/requests/queue/?state=new")
    _looks_right(sec, language)
    with sec.expect_navigation():
        sec.locator(f'[data-request="{need.pk}"] .mp-card__title a').click()
    sec.check("input[name=to_state][value=accepted]")
    sec.fill("textarea[name=note]", "We will plan it with the spring trainings.")
    _submit(sec, "form[action$='/state/']")
    assert sec.locator("[data-request-state=accepted]").inner_text().strip() == _state(
        language, RequestState.ACCEPTED
    )
    sec.check("input[name=to_state][value=planned]")
    sec.locator("select[name=event]").select_option(str(event.pk))
    _submit(sec, "form[action$='/state/']")
    assert sec.locator("[data-request-state=planned]").inner_text().strip() == _state(
        language, RequestState.PLANNED
    )
    _looks_right(sec, language)
    # The official's dashboard says "Planned" and links the event.
    mine.goto(f"/{language}/")
    panel = mine.locator("#panel-requests").locator("xpath=..")
    assert panel.locator("[data-request-state=planned]").inner_text().strip() == _state(
        language, RequestState.PLANNED
    )
    link = panel.get_by_role("link", name=TITLE)
    assert link.is_visible()

    # 3. The official registers asking for a visa letter and gives the passport details.
    with mine.expect_navigation():
        link.click()
    assert f"/events/{event.slug}/" in mine.url
    _looks_right(mine, language)
    mine.check("input[name=visa_letter]")
    _submit(mine, "form[action$='/register/']")
    (confirmed,) = _words(language, "Your place is confirmed.")
    assert mine.locator("#registration-status").inner_text().strip() == confirmed
    registration = Registration.objects.get(event=event, user=official)
    assert registration.visa_letter is True
    (give,) = _words(language, "Give your passport details")
    with mine.expect_navigation():
        mine.locator(".mp-attendance-panel__visa").get_by_role("link", name=give).click()
    _looks_right(mine, language)
    mine.fill("input[name=passport_name]", PASSPORT_NAME[language])
    mine.locator("select[name=nationality]").select_option(str(Country.objects.get(code="GE").pk))
    mine.fill("input[name=passport_number]", "13 ab 45678")
    _submit(mine, "main form")
    assert f"/events/{event.slug}/" in mine.url
    (given,) = _words(language, "Details given")
    assert given in mine.locator(".mp-attendance-panel__visa").inner_text()

    # The secretariat signs the letter on the event's visa list.
    sec.goto(f"/{language}/events/{event.pk}/visa-letters/")
    item = sec.locator(f"#visa-{registration.pk}")
    assert PASSPORT_NAME[language] in item.inner_text()
    assert "13AB45678" in item.inner_text()
    _looks_right(sec, language)
    item.locator("summary").click()
    item.locator("input[name=signatory_title]").fill("Head of the Secretariat")
    with sec.expect_navigation():
        item.locator("form button[type=submit]").click()
    (signed,) = _words(language, "Signed")
    assert signed in sec.locator(f"#visa-{registration.pk} .mp-badge").inner_text()
    assert VisaLetter.objects.get(registration=registration).state == "signed"

    # The official downloads the letter: the passport name is in the PDF's text.
    mine.reload()
    (download,) = _words(language, "Download your letter (PDF)")
    letter_link = mine.locator(".mp-attendance-panel__visa").get_by_role("link", name=download)
    assert letter_link.is_visible()
    response = mine.request.get(letter_link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    letter_text = _pdf_text(response.body())
    assert PASSPORT_NAME[language] in letter_text
    assert "13AB45678" in letter_text and TITLE in letter_text

    # 4. At the door: the code the official shows is typed into the scan page.
    (full_screen,) = _words(language, "Open the code full screen")
    with mine.expect_navigation():
        mine.locator(".mp-attendance-panel__code").get_by_role("link", name=full_screen).click()
    _looks_right(mine, language)
    assert official.display_name in mine.locator(".mp-code__name").inner_text()
    token = mine.locator(".mp-code__token code").inner_text().strip()
    sec.goto(f"/{language}/events/{event.pk}/check-in/scan/")
    _looks_right(sec, language)
    sec.fill("input[name=code]", token)
    _submit(sec, "[data-scan-form]")
    result = sec.locator("#scan-result")
    assert "mp-alert--success" in (result.get_attribute("class") or "")
    assert official.display_name in result.inner_text()
    with translation.override(language):
        assert Country.objects.get(code="GE").label in result.inner_text()
    _looks_right(sec, language)
    registration.refresh_from_db()
    assert registration.attended is True

    # 5. The training is over: the official evaluates it and downloads the certificate.
    ended = timezone.now().replace(microsecond=0) - timedelta(days=1)
    EventPage.objects.filter(pk=event.pk).update(
        starts_at=ended - timedelta(hours=7), ends_at=ended
    )
    mine.goto(f"/{language}/events/{event.slug}/")
    (fill_in,) = _words(language, "Fill in the evaluation")
    with mine.expect_navigation():
        mine.locator("#evaluation-heading").locator("xpath=..").get_by_role(
            "link", name=fill_in
        ).click()
    assert mine.url.endswith(f"/{language}/events/{event.pk}/evaluation/")
    _looks_right(mine, language)
    for name, value in answers_for(event, rating=5, text="More practical cases.").items():
        field = mine.locator(f"textarea[name={name}]")
        if field.count():
            field.fill(value)
        else:
            mine.locator(f"input[name={name}][value='{value}']").check()
    _submit(mine, "main form")
    assert mine.url.endswith(f"/{language}/events/{event.slug}/")
    thanks, passed = _words(
        language, "You have answered the evaluation. Thank you.", "You passed the post-test."
    )
    evaluation_panel = mine.locator("#evaluation-heading").locator("xpath=..").inner_text()
    assert thanks in evaluation_panel and passed in evaluation_panel
    _looks_right(mine, language)
    with mine.expect_download() as download_info:
        mine.locator(f"a[href$='/events/{event.pk}/certificate.pdf']").click()
    certificate_text = _pdf_text(Path(download_info.value.path()).read_bytes())
    certificate = Certificate.objects.get(registration=registration)
    assert official.display_name in certificate_text
    assert certificate.code in certificate_text and TITLE in certificate_text

    # 6. Anyone, signed out, verifies the certificate by its code.
    anonymous = browser.new_context(
        base_url=live_server.url, locale="ru-RU" if language == "ru" else "en-GB"
    )
    anonymous.set_default_timeout(20_000)
    public = anonymous.new_page()
    public.goto(f"/{language}/verify/")
    public.fill("input[name=code]", certificate.code.lower().replace("-", " "))
    _submit(public, "main form")
    assert public.locator("#verify-result.mp-alert--success").is_visible()
    assert official.display_name in public.locator("main").inner_text()
    assert TITLE in public.locator("main").inner_text()
    _looks_right(public, language)
    anonymous.close()

    # 7. A regional meeting's conclusions and commitments are recorded (as the secretariat's
    # inline panels do); Georgia's focal point reports progress on its commitment.
    meeting = make_meeting(commitments=[("GE", ACTION, days(90), ["return-reintegration"])])
    commitment = commitment_of(meeting, "GE")
    mine.goto(f"/{language}/events/commitments/tracker/")
    with mine.expect_navigation():
        mine.locator("#commitments-table a", has_text=ACTION).click()
    _looks_right(mine, language)
    mine.check("input[name=state][value=in_progress]")
    mine.fill("textarea[name=note]", NOTE)
    _submit(mine, "form[action$='/update/']")
    assert NOTE in mine.locator("#commitment-history").inner_text()
    (in_progress,) = _words(language, "In progress")
    assert in_progress in mine.locator("#commitment-state").inner_text()
    _looks_right(mine, language)
    update = CommitmentUpdate.objects.get(commitment=commitment)
    assert (update.to_state, update.author_id) == ("in_progress", official.pk)

    # 8. The secretariat's report for a period covering it all counts each step.
    start = (timezone.localdate() - timedelta(days=90)).isoformat()
    end = timezone.localdate().isoformat()
    sec.goto(f"/{language}/secretariat/report/")
    sec.fill("input[name=start]", start)
    sec.fill("input[name=end]", end)
    _submit(sec, "form.mp-report__period")
    assert f"start={start}&end={end}" in sec.url
    (report_title,) = _words(language, "Activity report")
    assert sec.get_by_role("heading", level=1).inner_text() == report_title
    labels = dict(
        zip(
            [
                "filed",
                "handled",
                "people",
                "attended",
                "trainings",
                "certificates",
                "made",
                "updates",
            ],
            _words(
                language,
                "Requests filed",
                "Requests handled",
                "Participants (people)",
                "Attended",
                "Trainings held",
                "Certificates issued",
                "Commitments made in the period",
                "Status updates recorded in the period",
            ),
            strict=True,
        )
    )
    assert _figure(sec, "requests", labels["filed"]) == "1"
    assert _figure(sec, "requests", labels["handled"]) == "1"
    assert _figure(sec, "events", labels["people"]) == "1"
    assert _figure(sec, "attendance", labels["attended"]) == "1"
    assert _figure(sec, "evaluation", labels["trainings"]) == "1"
    assert _figure(sec, "evaluation", labels["certificates"]) == "1"
    assert _figure(sec, "commitments", labels["made"]) == "1"
    assert _figure(sec, "commitments", labels["updates"]) == "1"
    evaluation_table = sec.locator("section[aria-labelledby=report-evaluation] table")
    assert TITLE in evaluation_table.inner_text()
    _looks_right(sec, language)

    me.close()
    desk.close()
    assert not my_errors, f"JavaScript errors on the official's pages: {my_errors}"
    assert not sec_errors, f"JavaScript errors on the secretariat's pages: {sec_errors}"
