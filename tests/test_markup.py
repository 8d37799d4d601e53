"""The Nu Html Checker finds no error on any page type (issue 13).

Every page type is rendered through the test client, signed in as the role that uses it, over
the demo site (`seed_demo`: members of every role, practice notes with every block, events,
consultations, threads), and the HTML is sent to the checker (v.Nu, `platform/vnu`), which
runs once per test session as a local HTTP service. A page's errors are listed with their line
and message. The checker's warnings (e.g. a redundant role) are not failures.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import NoReverseMatch
from wagtail.models import Locale

from tests.conftest import vnu_classpath

ROOT = Path(__file__).resolve().parent.parent
DEMO_PASSWORD = "markup-check-password-42"

pytestmark = [
    pytest.mark.vnu,
    pytest.mark.django_db,
    # One worker runs them all: one demo site and one checker for the whole module.
    pytest.mark.xdist_group("vnu"),
]

Checker = Callable[[bytes], list[dict[str, Any]]]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def vnu(tmp_path_factory) -> Iterator[Checker]:
    """The checker as an HTTP service on loopback, started once; `vnu(html)` returns its
    error messages for that document."""
    classpath = vnu_classpath()
    assert classpath, "the vnu marker's check lets no test in without the checker"
    port = _free_port()
    log = tmp_path_factory.mktemp("vnu") / "vnu.log"
    with log.open("wb") as handle:
        process = subprocess.Popen(
            [
                "java",
                "-Xss1024k",
                "-cp",
                classpath,
                "-Dnu.validator.servlet.bind-address=127.0.0.1",
                "nu.validator.servlet.Main",
                str(port),
            ],
            cwd=ROOT,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                pytest.fail(f"the checker exited at start:\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(url, timeout=10):
                    break
            # Refused until it listens, and slow to answer while it reads its schemas.
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"the checker did not answer in 120s:\n{log.read_text()[-3000:]}")
                time.sleep(0.25)

        def check(html: bytes) -> list[dict[str, Any]]:
            request = urllib.request.Request(  # noqa: S310 - loopback
                f"{url}?out=json",
                data=html,
                headers={"Content-Type": "text/html; charset=utf-8"},
            )
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                messages = json.load(response)["messages"]
            # "non-document-error" means the checker could not read the page at all.
            return [m for m in messages if m["type"] in ("error", "non-document-error")]

        yield check
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()


@dataclass
class Demo:
    users: dict[str, Any]
    objects: dict[str, Any] = field(default_factory=dict)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> Iterator[Demo]:
    """The demo site, built once for this module inside a transaction rolled back at its end
    (each test runs in a savepoint inside it). Search runs on the database engine."""
    from discussions import services as discussions_services
    from discussions.models import Post, Thread, Topic
    from events.models import (
        Certificate,
        Commitment,
        ConsultationPage,
        EventIndexPage,
        EventPage,
    )
    from home.models import StandardPage
    from knowledge.models import CountryIndexPage, CountryProfilePage, PracticeNotePage
    from members.demo import DOMAIN
    from members.models import User
    from search import indexing

    with (
        django_db_blocker.unblock(),
        override_settings(ELASTICSEARCH_URL=""),
        transaction.atomic(),
    ):
        call_command("seed_demo", password=DEMO_PASSWORD, stdout=io.StringIO())
        indexing.process_outbox()
        users = {
            role: User.objects.get(email=f"{local}@{DOMAIN}")
            for role, local in {
                "secretariat": "secretariat",
                "expert": "expert.am",
                "official": "gov.ge",
                "observer": "observer.de",
            }.items()
        }
        notes = PracticeNotePage.objects.live().filter(tier="members", language="en")
        # The note whose body uses the most kinds of block.
        note = max(notes, key=lambda n: (len({b.block_type for b in n.body}), -n.pk))
        thread = Thread.objects.filter(topic__isnull=False).order_by("pk").first()
        assert thread is not None
        post = Post.objects.filter(thread=thread).order_by("pk").first()
        assert post is not None
        # An edited post, so that its history page has versions to show.
        edited = discussions_services.post_edit(
            post=post, editor=post.author, body=post.source + "\n\nEdited: a clarification."
        )
        # Only a post's author edits or deletes it.
        assert edited.author is not None
        users["author"] = edited.author
        objects = {
            "standard_page": StandardPage.objects.get(slug="about", locale=Locale.get_default()),
            "note": note,
            "country_index": CountryIndexPage.objects.get(locale=Locale.get_default()),
            "country": CountryProfilePage.objects.order_by("pk").first(),
            "events_index": EventIndexPage.objects.get(locale=Locale.get_default()),
            "event": EventPage.objects.live().order_by("starts_at").last(),
            "consultation": ConsultationPage.objects.live().order_by("pk").first(),
            "topic": Topic.objects.get(slug="labour-migration"),
            "thread": thread,
            "post": edited,
            "member": users["expert"],
            "meeting": EventPage.objects.get(
                slug="regional-meeting-diaspora-2026", locale=Locale.get_default()
            ),
            "commitment": Commitment.objects.order_by("pk").first(),
            "certificate": Certificate.objects.filter(revoked_at__isnull=True)
            .order_by("pk")
            .first(),
        }
        yield Demo(users=users, objects=objects)
        transaction.set_rollback(True)


@dataclass(frozen=True)
class Case:
    name: str
    role: str | None  # None: a visitor who has not signed in
    path: Callable[[dict[str, Any]], str]
    status: int = 200
    method: str = "get"
    data: dict[str, str] | None = None


def _url(name: str, **kwargs: Callable[[dict[str, Any]], Any]):
    from django.urls import reverse

    def build(objects: dict[str, Any]) -> str:
        return reverse(name, kwargs={key: get(objects) for key, get in kwargs.items()})

    return build


def _page(key: str, query: str = ""):
    return lambda objects: objects[key].url + query


def _fixed(path: str):
    return lambda objects: path


CASES = [
    # Home and the way in.
    Case("landing", None, _fixed("/en/")),
    Case("sign-in", None, _fixed("/en/accounts/login/")),
    Case("password-reset", None, _fixed("/en/accounts/password/reset/")),
    Case("dashboard-observer", "observer", _fixed("/en/")),
    Case("dashboard-expert", "expert", _fixed("/en/")),
    Case("dashboard-secretariat", "secretariat", _fixed("/en/")),
    Case("dashboard-russian", "official", _fixed("/ru/")),
    Case("standard-page", "observer", _page("standard_page")),
    # The library.
    Case("library", "official", _fixed("/en/library/")),
    Case("library-filtered", "official", _fixed("/en/library/?q=labour&country=georgia")),
    Case("practice-note", "official", _page("note")),
    Case("country-index", "official", _page("country_index")),
    Case("country-profile", "official", _page("country")),
    # Events and consultations.
    Case("events-index", "official", _page("events_index")),
    Case("events-past", "official", _page("events_index", "?view=list&when=past")),
    Case("events-calendar", "official", _page("events_index", "?view=calendar")),
    Case("event", "official", _page("event")),
    Case("event-manage", "secretariat", _url("events:manage", event_id=lambda o: o["event"].pk)),
    Case("consultation", "official", _page("consultation")),
    Case(
        "consultation-answers",
        "secretariat",
        _url("events:consultation_answers", page_id=lambda o: o["consultation"].pk),
    ),
    Case("calendar-feed", "official", _url("events:feed_manage")),
    # From needs to follow-up (issue 15).
    Case("training-need-form", "official", _url("knowledge:training_need_new")),
    Case("my-requests", "official", _url("knowledge:my_requests")),
    Case("request-queue", "secretariat", _url("knowledge:request_queue")),
    Case("check-in", "secretariat", _url("events:check_in", event_id=lambda o: o["meeting"].pk)),
    Case(
        "check-in-scan",
        "secretariat",
        _url("events:check_in_scan", event_id=lambda o: o["event"].pk),
    ),
    Case("visa-letters", "secretariat", _url("events:visa_list", event_id=lambda o: o["event"].pk)),
    Case("commitments-tracker", "official", _url("events:commitments")),
    Case(
        "commitment",
        "official",
        _url("events:commitment", commitment_id=lambda o: o["commitment"].pk),
    ),
    Case("meeting-with-conclusions", "official", _page("meeting")),
    Case("verify-form", None, _url("verify:form")),
    Case(
        "verify-certificate", None, _url("verify:certificate", code=lambda o: o["certificate"].code)
    ),
    Case("donor-report", "secretariat", _url("donor_report")),
    # Discussions.
    Case("discussions", "expert", _url("discussions:index")),
    Case("topic", "expert", _url("discussions:topic", slug=lambda o: o["topic"].slug)),
    Case("thread", "expert", _url("discussions:thread", pk=lambda o: o["thread"].pk)),
    Case(
        "thread-form", "expert", _url("discussions:thread_create", slug=lambda o: o["topic"].slug)
    ),
    Case(
        "thread-form-errors",
        "expert",
        _url("discussions:thread_create", slug=lambda o: o["topic"].slug),
        status=400,
        method="post",
        data={"title": "", "body": ""},
    ),
    Case(
        "page-discussions",
        "expert",
        _url("discussions:page_threads", page_id=lambda o: o["note"].pk),
    ),
    Case("post-edit", "author", _url("discussions:post_edit", pk=lambda o: o["post"].pk)),
    Case("post-history", "expert", _url("discussions:post_history", pk=lambda o: o["post"].pk)),
    Case("post-flag", "official", _url("discussions:post_flag", pk=lambda o: o["post"].pk)),
    Case("post-delete", "author", _url("discussions:post_delete", pk=lambda o: o["post"].pk)),
    Case("discussion-notifications", "expert", _url("discussions:notifications")),
    # People.
    Case("notifications", "expert", _url("members:notifications")),
    Case("directory", "official", _url("members:directory")),
    Case("directory-search", "official", _fixed("/en/members/?q=migration")),
    Case("member-detail", "official", _url("members:member_detail", pk=lambda o: o["member"].pk)),
    Case("profile-edit", "official", _url("members:profile_edit")),
    Case("my-data", "official", _url("members:my_data")),
    Case("invitations", "secretariat", _url("members:invitation_list")),
    Case("invitation-form", "secretariat", _url("members:invitation_create")),
    # Search.
    Case("search-results", "official", _fixed("/en/search/?q=labour+migration")),
    Case("search-no-results", "official", _fixed("/en/search/?q=zzzqqqxxx")),
    # The secretariat's style guide (every component, a form in error); ui-system's branch.
    Case("styleguide", "secretariat", _url("styleguide")),
    # Errors.
    Case("403", "observer", _url("members:invitation_list"), status=403),
    Case("404", "observer", _fixed("/en/no-such-page/"), status=404),
]


def _error_report(path: str, html: bytes, errors: list[dict[str, Any]]) -> str:
    lines = html.decode("utf-8", "replace").splitlines()
    report = [f"{path}: {len(errors)} markup error(s)"]
    for error in errors:
        number = error.get("lastLine", 0)
        source = lines[number - 1].strip()[:160] if 0 < number <= len(lines) else ""
        report.append(f"  line {number}: {error['message']}\n      {source}")
    return "\n".join(report)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_page_has_no_markup_errors(case: Case, demo: Demo, client, vnu: Checker) -> None:
    if case.role is not None:
        client.force_login(demo.users[case.role])
    try:
        path = case.path(demo.objects)
    except NoReverseMatch:
        # Only the style guide may be missing: it arrives with the design system's branch.
        assert case.name == "styleguide", case.name
        pytest.skip("no style guide (URL name 'styleguide') in this branch yet")
    response = client.post(path, case.data or {}) if case.method == "post" else client.get(path)
    assert response.status_code == case.status, f"{path}: {response.status_code}"
    assert response["Content-Type"].startswith("text/html")
    html = response.content
    errors = vnu(html)
    if os.environ.get("VNU_DUMP_DIR"):
        # For looking at the page the checker saw: VNU_DUMP_DIR=/tmp/pages pytest ...
        Path(os.environ["VNU_DUMP_DIR"]).mkdir(parents=True, exist_ok=True)
        (Path(os.environ["VNU_DUMP_DIR"]) / f"{case.name}.html").write_bytes(html)
    assert not errors, _error_report(path, html, errors)


def test_the_checker_reports_an_error_it_should(vnu: Checker) -> None:
    """The checker is really checking: a page with a known error is not passed."""
    errors = vnu(
        b'<!DOCTYPE html><html lang="en"><head><title>t</title></head>'
        b"<body><ul><div>not a list item</div></ul></body></html>"
    )
    assert any("div" in error["message"] for error in errors), errors
