"""Playwright driving Debian's Chromium against the live test server, and an axe-core check."""

from __future__ import annotations

import os

import pytest

from tests.conftest import CHROMIUM

# Playwright's sync API runs an event loop in the test thread; Django's ORM is still used
# synchronously there, which is safe in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def assert_accessible(page) -> None:
    """axe-core finds no WCAG 2.2 A/AA violation on the page as it stands now."""
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_load_state("load")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = results.response["violations"]
    report = "\n".join(
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x) {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    )
    assert not violations, f"{page.url}\n{report}"


def sign_in(page, email: str, password: str, language: str = "en") -> None:
    page.goto(f"/{language}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.locator("form button[type=submit]").last.click()
    if "/2fa/authenticate/" in page.url:
        enter_totp_code(page)


def fresh_totp_code(secret: str) -> str:
    """The current code, unless its 30-second window is about to close (it would expire
    before the form is sent): then the next window's."""
    import time

    import pyotp

    totp = pyotp.TOTP(secret)
    remaining = totp.interval - time.time() % totp.interval
    if remaining < 5:
        time.sleep(remaining + 0.5)
    return totp.now()


def enter_totp_code(page, secret: str | None = None) -> None:
    """The second sign-in step for members with TOTP (tests.factories.members enrols admin
    roles with TOTP_SECRET). A code works once: if this one was just used, wait for the next."""
    import time

    import pyotp

    from tests.factories.members import TOTP_SECRET

    totp = pyotp.TOTP(secret or TOTP_SECRET)
    for _attempt in range(2):
        page.fill("input[name=code]", totp.now())
        with page.expect_navigation():
            # The page's last button is "Cancel" (another form): press the code form's own.
            page.locator("form:has(input[name=code]) button[type=submit]").first.click()
        if "/2fa/authenticate/" not in page.url:
            return
        time.sleep(totp.interval - time.time() % totp.interval + 1)
