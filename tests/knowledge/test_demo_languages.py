"""The demo speaks the region's languages: a third of the notes and threads in Russian, and
notes and threads in Georgian, Armenian, Ukrainian, Romanian and Azerbaijani."""

from __future__ import annotations

import re

from discussions.demo import THREADS
from knowledge.demo_data import PRACTICES
from search.extract import guess_language

REGIONAL = ("ka", "hy", "uk", "ro", "az")


def test_a_third_of_the_demo_notes_are_russian_and_each_regional_language_has_one():
    languages = [practice.language for practice in PRACTICES]
    assert languages.count("ru") * 3 >= len(languages)
    for language in REGIONAL:
        assert language in languages, language


def test_each_regional_note_is_written_in_its_language():
    for practice in PRACTICES:
        if practice.language in ("ka", "hy", "uk", "ru"):
            # The script tells (search.extract): what the index would guess for a post.
            assert guess_language(practice.summary) == practice.language, practice.key
        if practice.language in ("ro", "az"):
            letters = "ăâîșț" if practice.language == "ro" else "əığşçöü"
            assert re.search(f"[{letters}]", practice.summary), practice.key


def test_a_third_of_the_demo_threads_are_russian_and_each_regional_language_has_one():
    written = [guess_language(f"{title} {posts[0][2]}") for _topic, title, posts in THREADS]
    assert written.count("ru") * 3 >= len(written)
    for language in ("ka", "hy", "uk"):
        assert language in written, language
    titles = " ".join(title for _topic, title, _posts in THREADS)
    assert "diasporei" in titles  # Romanian
    assert "pəncərə" in titles  # Azerbaijani
