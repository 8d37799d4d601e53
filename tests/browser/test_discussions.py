"""An official discusses a practice with its author; nothing a member writes can run script."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    # Keep the migrations' data (roles, home page) for every test in the live server.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STRINGS = {
    "en": {
        "start": "Start a discussion",
        "post": "Post the thread",
        "reply": "Post reply",
        "new": "New",
        "mentioned": "Mention by",
        "discuss": "Discuss this",
    },
    "ru": {
        "start": "Начать обсуждение",
        "post": "Опубликовать тему",
        "reply": "Ответить",
        "new": "Новое",
        "mentioned": "Упоминание от",
        "discuss": "Обсудить",
    },
}


def _people_and_page():
    from core.roles import Role
    from tests.factories.members import make_member

    official = make_member(
        Role.GOVERNMENT, first_name="Nino", last_name="Beridze", email="nino.beridze@gov.example.ge"
    )
    expert = make_member(
        Role.EXPERT, first_name="Ion", last_name="Rusu", email="ion.rusu@expert.example.md"
    )
    return official, expert, _practice_note(owner=expert)


def _practice_note(owner):
    """A practice note written by ``owner``; a standard page if the library is not installed."""
    title = "Seasonal work scheme with Moldova"
    try:
        from knowledge.services import library_setup
        from tests.knowledge.conftest import make_note
    except ImportError:
        from home.models import HomePage, StandardPage

        page = StandardPage(title=title, slug="seasonal-work", summary="A practice.")
        return HomePage.objects.get().add_child(instance=page)
    return make_note(library_setup(), title=title, owner=owner)


def _signed_in(browser, live_server, user, language):
    from tests.factories.members import DEFAULT_PASSWORD

    context = browser.new_context(base_url=live_server.url, locale=language)
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"/{language}/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    if "/2fa/authenticate/" in page.url:
        # Experts reach the Wagtail admin, so they sign in with a TOTP code as well.
        import pyotp

        from tests.factories import members

        totp = pyotp.TOTP(members.TOTP_SECRET)
        # A code is valid for one 30-second window only: on a loaded machine the window may
        # close between computing and submitting it, so try once more with the next code.
        for _attempt in range(2):
            page.fill("input[name=code]", totp.now())
            with page.expect_navigation():
                page.locator("input[name=code]").press("Enter")
            if "/2fa/authenticate/" not in page.url:
                break
            page.wait_for_timeout(1000)
    assert "/accounts/" not in page.url, page.url
    return context, page, errors


@pytest.mark.parametrize("language", ["en", "ru"])
def test_official_discusses_a_practice_with_its_author(browser, live_server, language):
    text = STRINGS[language]
    official, expert, note = _people_and_page()

    # The official reads the practice note, then opens its discussion.
    context, page, errors = _signed_in(browser, live_server, official, language)
    page.goto(f"/{language}/{note.get_url().split('/', 2)[2]}")
    assert note.title in page.locator("h1").inner_text()
    assert_accessible(page)
    # "Discuss this" on the note leads straight to the new-thread form.
    with page.expect_navigation():
        page.get_by_role("link", name=text["discuss"]).first.click()
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)
    page.fill("#id_title", "Recruitment fees in the scheme")
    body = page.locator("#id_body")
    body.click()
    body.press_sequentially("How were recruitment fees avoided, @ion")
    listbox = page.get_by_role("listbox")
    listbox.get_by_role("option", name="Ion Rusu (@ion.rusu)").wait_for()
    assert_accessible(page)
    body.press("Enter")
    assert body.input_value() == "How were recruitment fees avoided, @ion.rusu "
    body.press_sequentially("?")
    page.get_by_role("button", name=text["post"]).click()
    page.wait_for_url("**/discussions/threads/**")
    assert page.locator(".mp-post .mention").inner_text() == "@ion.rusu"
    assert_accessible(page)
    thread_url = page.url

    # The expert sees the notification in the header, opens it and replies.
    expert_context, expert_page, expert_errors = _signed_in(browser, live_server, expert, language)
    expert_page.goto(f"/{language}/discussions/")
    with expert_page.expect_navigation():
        expert_page.locator(".mp-nav a.mp-badge").click()
    assert_accessible(expert_page)
    notification = expert_page.get_by_role("link", name=text["mentioned"]).first
    assert text["mentioned"] in notification.inner_text()
    notification.click()
    expert_page.wait_for_url("**/discussions/threads/**")
    expert_page.fill("#id_body", "We capped fees in the bilateral agreement; see annex 2.")
    expert_page.get_by_role("button", name=text["reply"]).click()
    expert_page.wait_for_url("**#post-2")
    assert_accessible(expert_page)
    expert_context.close()
    assert not expert_errors

    # Back to the official: the reply is marked new.
    page.goto(thread_url)
    reply = page.locator("#post-2")
    assert "annex 2" in reply.inner_text()
    assert "mp-post--new" in (reply.get_attribute("class") or "")
    assert reply.locator(".mp-post__header .mp-badge").inner_text() == text["new"]
    assert "mp-post--new" not in (page.locator("#post-1").get_attribute("class") or "")
    assert page.locator("#post-1 .mp-post__header .mp-badge").count() == 0
    assert_accessible(page)
    context.close()
    assert not errors


def test_no_vector_from_the_corpus_runs_script(browser, live_server, settings):
    from core.roles import Role
    from discussions import services
    from discussions.models import Topic
    from tests.factories.members import make_member

    settings.DISCUSSIONS_POSTS_PER_PAGE = 500
    settings.DISCUSSIONS_POSTS_PER_MINUTE = 1000
    corpus = Path(__file__).parents[1] / "discussions" / "xss_vectors.txt"
    vectors = [v for v in corpus.read_text().splitlines() if v.strip() and not v.startswith("#")]
    author = make_member(Role.EXPERT, email="admin@example.org")
    topic = Topic.objects.create(name="Sandbox", slug="sandbox")
    thread = services.thread_create(author=author, title="Vectors", body=vectors[0], topic=topic)
    for vector in vectors[1:]:
        services.post_create(author=author, thread=thread, body=vector)

    context, page, errors = _signed_in(browser, live_server, author, "en")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    # The site's CSP would block inline handlers anyway; take it away so that this test checks
    # the sanitiser itself, not the second line of defence.
    def without_csp(route):
        response = route.fetch()
        headers = {
            k: v for k, v in response.headers.items() if k.lower() != "content-security-policy"
        }
        route.fulfill(response=response, headers=headers)

    page.route("**/discussions/threads/**", without_csp)
    page.goto(f"/en/discussions/threads/{thread.pk}/")
    # Control: in this page, an unsanitised handler does run.
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', "
        "'<img src=x onerror=\"window.__control=1\">')"
    )
    page.wait_for_function("window.__control === 1")
    assert page.locator(".mp-post").count() == len(vectors)
    # Give autofocus, onload, animation and media error handlers their chance to fire.
    page.mouse.move(200, 200)
    for post in page.locator(".mp-post").all()[:40]:
        post.hover()
    page.wait_for_timeout(500)
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("parent.__xss") is None
    assert not dialogs
    context.close()
    assert not errors
