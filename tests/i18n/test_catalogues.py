"""The interface is translated whole into every shipped language (issue 14).

Every catalogue compiles with gettext's own checks and holds no untranslated or fuzzy entry;
every interface language has every catalogue; and the catalogues hold every string the sources
mark for translation (``makemessages`` run over a copy of the sources finds nothing new), so a
string added to a template without running ``make messages`` fails here, not in front of a
Georgian official.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
# Where catalogues live: the shared one (templates/, home/) and one per app.
CATALOGUE_DIRS = [
    "locale",
    "core/locale",
    "taxonomy/locale",
    "members/locale",
    "knowledge/locale",
    "events/locale",
    "discussions/locale",
    "search/locale",
]
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
Key = tuple[str | None, str, str | None]


def _catalogue(directory: str, language: str) -> Path:
    return ROOT / directory / language / "LC_MESSAGES" / "django.po"


def _vendor_catalogues() -> list[Path]:
    return sorted((ROOT / "locale" / "vendor").glob("*/LC_MESSAGES/django.po"))


def _keys(path: Path) -> set[Key]:
    return {(e.msgctxt, e.msgid, e.msgid_plural or None) for e in polib.pofile(str(path))}


def test_the_interface_ships_in_seven_languages():
    assert {code for code, _name in settings.LANGUAGES} == {
        "en",
        "ru",
        "hy",
        "az",
        "ka",
        "ro",
        "uk",
    }


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("directory", CATALOGUE_DIRS)
def test_every_catalogue_is_complete_and_compiles(directory, language):
    path = _catalogue(directory, language)
    assert path.exists(), f"{directory} has no {language} catalogue"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip().splitlines()[-1]
    assert "untranslated" not in statistics, f"{path.relative_to(ROOT)}: {statistics}"
    assert "fuzzy" not in statistics, f"{path.relative_to(ROOT)}: {statistics}"
    catalogue = polib.pofile(str(path))
    assert catalogue.metadata.get("Language") == language
    # The compiled catalogue is the one the site reads: it must be up to date with the source.
    compiled = path.with_suffix(".mo")
    assert compiled.exists(), f"{compiled.relative_to(ROOT)} is missing: run make messages"
    assert {(e.msgctxt, e.msgid) for e in polib.mofile(str(compiled)) if e.msgid} == {
        (e.msgctxt, e.msgid) for e in catalogue
    }, f"{compiled.relative_to(ROOT)} is older than its .po: run make messages"


@pytest.mark.parametrize("path", _vendor_catalogues(), ids=lambda p: p.parts[-3])
def test_vendor_catalogues_are_complete(path):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip().splitlines()[-1]
    assert "untranslated" not in statistics and "fuzzy" not in statistics, statistics


@pytest.mark.parametrize("language", [code for code in TRANSLATED if code != "ru"])
@pytest.mark.parametrize("directory", CATALOGUE_DIRS)
def test_every_language_has_the_same_strings(directory, language):
    """Russian is the reference: every language's catalogue holds exactly its strings."""
    russian = _keys(_catalogue(directory, "ru"))
    other = _keys(_catalogue(directory, language))
    assert other == russian, (
        f"{directory}/{language}: missing {sorted(russian - other)[:5]}, "
        f"extra {sorted(other - russian)[:5]}"
    )


@pytest.mark.xdist_group("makemessages")
def test_the_catalogues_hold_every_string_in_the_sources(tmp_path):
    """``make messages`` over a copy of the sources would add nothing and drop nothing."""
    copy = tmp_path / "src"
    ignore = shutil.ignore_patterns(
        ".venv*",
        ".git",
        "var",
        "node_modules",
        "__pycache__",
        ".*_cache",
        "*.mo",
        ".ci",
        "bench",
        "db.sqlite3",
    )
    shutil.copytree(ROOT, copy, ignore=ignore, symlinks=True)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    for variable in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"):
        env.pop(variable, None)
    # The developers' own command, for the reference language only (the others are compared
    # with it above); `-o install` because the copy shares this interpreter.
    made = subprocess.run(
        ["make", "-o", "install", "extract", f"PY={sys.executable}", "LOCALES=-l ru"],
        cwd=copy,
        env=env,
        check=False,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr[-3000:]
    for directory in CATALOGUE_DIRS:
        fresh = _keys(copy / directory / "ru" / "LC_MESSAGES" / "django.po")
        committed = _keys(_catalogue(directory, "ru"))
        assert fresh == committed, (
            f"{directory}: not in the catalogue {sorted(fresh - committed)[:5]}; "
            f"no longer in the sources {sorted(committed - fresh)[:5]} — run make messages"
        )


@pytest.mark.parametrize("path", _vendor_catalogues(), ids=lambda p: p.parts[-3])
def test_vendor_catalogues_leave_the_projects_strings_alone(path):
    """LOCALE_PATHS outrank the apps' catalogues: a vendor entry with one of our msgids would
    replace our translation everywhere (allauth's "Deactivate" over the member page's)."""
    language = path.parts[-3]
    ours = {
        (context, msgid)
        for directory in CATALOGUE_DIRS
        for context, msgid, _plural in _keys(_catalogue(directory, language))
    }
    overlap = {(context, msgid) for context, msgid, _plural in _keys(path)} & ours
    assert not overlap, sorted(overlap)[:10]
