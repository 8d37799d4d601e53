"""A participant fills the evaluation and downloads the certificate; anyone checks it on the
public verification page. In English and Russian, at 390 and 1280 px, axe on every page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.browser.conftest import assert_accessible, sign_in
from tests.browser.layout import check_layout, horizontal_overflow

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = (390, 1280)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_participant_evaluates_downloads_and_anyone_verifies(browser, live_server, language):
    from events.models import Certificate, EvaluationSubmission
    from tests.events.evaluation_builders import attend, make_training
    from tests.factories.members import DEFAULT_PASSWORD, make_member

    event = make_training(title=f"Training {language}", slug=f"training-{language}")
    name = ("Nino", "Beridze") if language == "en" else ("Анна", "Петросян")
    user = make_member(first_name=name[0], last_name=name[1], language=language)
    registration = attend(event, user)

    context = browser.new_context(base_url=live_server.url, locale=language)
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, user.email, DEFAULT_PASSWORD, language)
    page.wait_for_url(lambda url: "/accounts/login" not in url)

    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"/{language}/events/{event.slug}/")
        assert page.locator("html").get_attribute("lang") == language
        assert horizontal_overflow(page) <= 0
        assert_accessible(page)

    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"/{language}/events/{event.slug}/")
    page.locator(f"a[href$='/events/{event.pk}/evaluation/']").click()
    page.wait_for_url(f"**/{language}/events/{event.pk}/evaluation/")
    # Sending nothing: the error summary, nothing recorded.
    page.locator("main form button[type=submit]").click()
    assert page.locator(".mp-error-summary").is_visible()
    assert_accessible(page)
    assert not EvaluationSubmission.objects.exists()

    for question in event.evaluation_questions.all():
        if question.kind == "rating":
            page.locator(f"input[name=q{question.pk}][value='4']").check()
        elif question.kind == "text":
            page.fill(f"textarea[name=q{question.pk}]", "Более практических примеров")
        else:
            page.locator(f"input[name=q{question.pk}][value='{question.correct_option}']").check()
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.url.endswith(f"/{language}/events/{event.slug}/")
    assert EvaluationSubmission.objects.get(registration=registration).passed is True

    link = page.locator(f"a[href$='/events/{event.pk}/certificate.pdf']")
    with page.expect_download() as download:
        link.click()
    body = Path(download.value.path()).read_bytes()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages).split())
    certificate = Certificate.objects.get(registration=registration)
    assert f"{name[0]} {name[1]}" in text and certificate.code in text
    if language == "ru":
        assert "Платформа Миграционного партнёрства" in text
    assert not errors
    context.close()

    # Anyone with the code: no session.
    anonymous = browser.new_context(base_url=live_server.url, locale=language)
    anonymous.set_default_timeout(15_000)
    public = anonymous.new_page()
    check_layout(public, f"/{language}/verify/{certificate.code}/", name=f"verify-{language}")
    public.goto(f"/verify/{certificate.code}/")
    assert f"/{language}/verify/" in public.url or "/verify/" in public.url
    assert public.locator("#verify-result.mp-alert--success").is_visible()
    assert public.get_by_text(f"{name[0]} {name[1]}").is_visible()
    public.goto(f"/{language}/verify/")
    public.fill("input[name=code]", certificate.code.lower().replace("-", " "))
    with public.expect_navigation():
        public.locator("main form button[type=submit]").click()
    assert public.locator("#verify-result.mp-alert--success").is_visible()
    # An unknown code: a clear page, answered 404.
    response = public.goto(f"/{language}/verify/AAAA-BBBB-CCCC-DDDD/")
    assert response is not None and response.status == 404
    assert public.locator("#verify-result.mp-alert--error").is_visible()
    assert_accessible(public)
    anonymous.close()
