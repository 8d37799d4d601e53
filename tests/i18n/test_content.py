"""Content in seven languages (issue 14, part 3): editorial pages in every language, notes and
events shown in the reader's language or else the authoritative one, ``lang`` where content
and interface differ."""

from __future__ import annotations

import io
import re

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from home.editorial_texts import EDITORIAL
from knowledge.models import LibraryIndexPage, PracticeNotePage
from tests.knowledge.conftest import make_note

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def library(db):
    from knowledge.services import library_setup

    return library_setup()


@pytest.fixture
def seven_languages(library):
    """The editorial pages (home, library, events, standard pages) in every language, with
    their demo texts, as ``seed_demo`` leaves them."""
    from events.models import EventIndexPage
    from home import demo, demo_editorial

    ctx = demo.DemoContext(password="x", stdout=io.StringIO())
    if not EventIndexPage.objects.exists():
        ctx.home.add_child(instance=EventIndexPage(title="Events and consultations", slug="events"))
    demo_editorial.seed(ctx)
    return ctx.home


def _georgian(original: PracticeNotePage, *, title: str, summary: str) -> PracticeNotePage:
    """The Georgian version, made as the admin's "Translate" action makes it."""
    translation = original.copy_for_translation(Locale.objects.get(language_code="ka")).specific
    translation.title, translation.summary = title, summary
    translation.language, translation.authoritative = "ka", False
    translation.save_revision().publish()
    return translation


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_every_language_has_its_editorial_pages_with_their_own_titles(seven_languages):
    home = seven_languages
    for code in LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        library = LibraryIndexPage.objects.get(locale=locale)
        assert library.live and library.title == EDITORIAL["library"][1][code]["title"]
        assert home.get_translation(locale).live
    titles = {LibraryIndexPage.objects.get(locale__language_code=c).title for c in LANGUAGES}
    assert len(titles) == len(LANGUAGES)


def test_the_home_page_greets_members_in_each_of_the_seven_languages(
    seven_languages, member_client
):
    welcomes = set()
    for code in LANGUAGES:
        response = member_client.get(f"/{code}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert f'<html lang="{code}"' in html
        welcome = _text(EDITORIAL[""][1][code]["welcome"])
        assert welcome in html
        welcomes.add(welcome)
    assert len(welcomes) == len(LANGUAGES)


def test_visitors_read_the_home_introduction_in_their_language(seven_languages, client):
    for code in ("ka", "hy", "uk"):
        html = client.get(f"/{code}/").content.decode()
        assert EDITORIAL[""][1][code]["introduction"] in html


def test_translating_editorial_pages_again_creates_nothing(seven_languages):
    from home.services import editorial_pages_translate

    assert editorial_pages_translate() == []


def test_a_georgian_member_reads_a_note_that_exists_only_in_english(
    seven_languages, library, member_client
):
    note = make_note(library, title="Seasonal work permits", summary="What was done.")
    library_page = member_client.get("/ka/library/")
    assert library_page.status_code == 200
    html = library_page.content.decode()
    assert EDITORIAL["library"][1]["ka"]["title"] in html
    # The English card links under the Georgian prefix and says its language.
    assert f'href="/ka/library/{note.slug}/" hreflang="en"' in html
    assert '<span lang="en">Seasonal work permits</span>' in html

    response = member_client.get(f"/ka/library/{note.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ka"' in html
    assert re.search(r'<div lang="en">\s*<h1[^>]*>Seasonal work permits</h1>', html)
    assert 'data-version-note="fallback"' in html


def test_a_note_with_a_georgian_translation_is_one_georgian_card(
    seven_languages, library, member_client
):
    original = make_note(library, title="Return counselling", summary="English summary.")
    georgian = _georgian(original, title="დაბრუნების კონსულტირება", summary="ქართული რეზიუმე.")

    html = member_client.get("/ka/library/").content.decode()
    assert html.count('mp-note-card"') == 1
    assert "დაბრუნების კონსულტირება" in html
    assert "Return counselling" not in html
    assert f'href="/ka/library/{georgian.slug}/"' in html

    english = member_client.get("/en/library/").content.decode()
    assert "Return counselling" in english and "დაბრუნების კონსულტირება" not in english

    page = member_client.get(f"/ka/library/{georgian.slug}/").content.decode()
    assert 'data-version-note="translation"' in page
    # The authoritative English version, linked with its language.
    assert re.search(rf'<a href="/en/library/{original.slug}/" lang="en" hreflang="en">', page)


def test_the_authoritative_version_is_shown_when_the_reader_has_none_in_their_language(
    library, member_client
):
    russian = make_note(library, title="Русский оригинал", language="ru")
    english = PracticeNotePage(
        title="English translation",
        slug=f"{russian.slug}-en",
        summary="Not authoritative.",
        language="en",
        authoritative=False,
        translation_key=russian.translation_key,
        locale=Locale.objects.get(language_code="uk"),
    )
    library.add_child(instance=english)
    english.save_revision().publish()

    html = member_client.get("/ka/library/").content.decode()
    assert "Русский оригинал" in html and "English translation" not in html
    note = member_client.get(f"/ka/library/{russian.slug}/").content.decode()
    assert 'data-version-note="fallback"' in note
    with translation.override("ka"):
        shown = gettext(
            "Shown in the authoritative version (%(language)s): there is no translation into "
            "your language (%(interface)s) yet."
        )
    assert shown.split("%(")[0] in note


def test_an_event_in_russian_carries_lang_ru_in_the_english_interface(
    seven_languages, member_client
):
    from datetime import timedelta

    from django.utils import timezone

    from events.models import EventIndexPage, EventPage

    index = EventIndexPage.objects.get(locale=Locale.get_default())
    starts = timezone.now() + timedelta(days=10)
    event = index.add_child(
        instance=EventPage(
            title="Региональная встреча по реинтеграции",
            slug="reintegration-meeting",
            kind="regional_meeting",
            format="online",
            starts_at=starts,
            ends_at=starts + timedelta(hours=3),
            language="ru",
        )
    )
    event.save_revision().publish()

    html = member_client.get("/en/events/").content.decode()
    assert '<span lang="ru">Региональная встреча по реинтеграции</span>' in html
    page = member_client.get("/en/events/reintegration-meeting/").content.decode()
    assert re.search(r'<h1 class="mp-heading-xl" lang="ru">', page)
    # The Georgian events index lists it too, from the default tree.
    georgian = member_client.get("/ka/events/").content.decode()
    assert "Региональная встреча по реинтеграции" in georgian
    assert member_client.get("/ka/events/reintegration-meeting/").status_code == 200


def test_a_thread_started_in_the_russian_interface_is_russian(member_client):
    from discussions.models import Thread, Topic

    topic = Topic.objects.create(name="Labour migration", slug="labour-migration")
    form = member_client.get(f"/ru/discussions/topics/{topic.slug}/new/").content.decode()
    assert re.search(r'<option value="ru"[^>]*selected', form)
    response = member_client.post(
        f"/ru/discussions/topics/{topic.slug}/new/",
        {
            "title": "Как продлевают разрешения?",
            "body": "Расскажите о своём опыте.",
            "language": "ru",
        },
    )
    assert response.status_code == 302
    thread = Thread.objects.get()
    assert thread.language == "ru"

    listing = member_client.get(f"/en/discussions/topics/{topic.slug}/").content.decode()
    assert '<span lang="ru">Как продлевают разрешения?</span>' in listing
    page = member_client.get(f"/en/discussions/threads/{thread.pk}/").content.decode()
    assert re.search(r'class="mp-post__body" lang="ru"', page)


def test_the_switcher_opens_the_translation_or_the_same_note_under_the_other_prefix(
    seven_languages, library, member_client
):
    original = make_note(library, title="Border data exchange")
    georgian = _georgian(original, title="სასაზღვრო მონაცემების გაცვლა", summary="რეზიუმე.")
    lonely = make_note(library, title="Only in English")

    to_georgian = member_client.post(
        "/i18n/setlang/", {"language": "ka", "next": f"/en/library/{original.slug}/"}
    )
    assert to_georgian["Location"] == f"/ka/library/{georgian.slug}/"
    to_english = member_client.post(
        "/i18n/setlang/", {"language": "en", "next": f"/ka/library/{georgian.slug}/"}
    )
    assert to_english["Location"] == f"/en/library/{original.slug}/"
    same_note = member_client.post(
        "/i18n/setlang/", {"language": "ka", "next": f"/en/library/{lonely.slug}/"}
    )
    assert same_note["Location"] == f"/ka/library/{lonely.slug}/"
    assert member_client.get(same_note["Location"]).status_code == 200


def test_a_page_written_later_in_english_is_reached_in_georgian(seven_languages, member_client):
    from home.models import StandardPage

    page = seven_languages.add_child(
        instance=StandardPage(title="Contacts", slug="contacts", body="<p>Write to us.</p>")
    )
    page.save_revision().publish()
    response = member_client.get("/ka/contacts/")
    assert response.status_code == 200
    assert '<h1 lang="en">Contacts</h1>' in response.content.decode()


def test_the_secretariat_can_translate_a_page_from_the_admin(seven_languages, secretariat_client):
    from home.models import StandardPage

    page = seven_languages.add_child(instance=StandardPage(title="Working methods", slug="methods"))
    page.save_revision().publish()
    response = secretariat_client.get(f"/admin/translation/submit/page/{page.pk}/")
    assert response.status_code == 200
    # Every other language is offered (the page exists only in English).
    for code in ("ru", "hy", "az", "ka", "ro", "uk"):
        locale = Locale.objects.get(language_code=code)
        assert f'value="{locale.pk}"' in response.content.decode()
    secretariat_client.post(
        f"/admin/translation/submit/page/{page.pk}/",
        {"locales": [Locale.objects.get(language_code="ka").pk]},
    )
    georgian = page.get_translation(Locale.objects.get(language_code="ka"))
    # The copy sits below the Georgian home page, in the Georgian tree.
    assert georgian.get_parent().locale.language_code == "ka"
