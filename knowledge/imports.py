"""Bulk import of practices from a spreadsheet (CSV or XLSX): parse, check every row, write.

The file's first row names the columns. A row's line number is its line in the spreadsheet
(the header is line 1), so the report points the secretariat at the cell to fix.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.access import Tier
from knowledge.models import LibraryIndexPage, PracticeNotePage
from taxonomy.models import Country, GCMObjective, ResourceType, TargetGroup, Theme

COLUMNS = [
    "external_id",
    "title",
    "summary",
    "body",
    "lessons",
    "countries",
    "themes",
    "gcm_objectives",
    "target_groups",
    "resource_type",
    "period_start",
    "period_end",
    "implementing_organisations",
    "results",
    "language",
    "tier",
]
REQUIRED = ("external_id", "title", "summary", "countries", "themes")
LIST_SEPARATOR = ";"


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong format, no header, missing columns)."""


@dataclass
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return _("line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ImportReport:
    dry_run: bool
    rows: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    imported: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class PracticeRow:
    line: int
    external_id: str
    fields: dict
    countries: list
    themes: list
    objectives: list
    target_groups: list


def read_rows(name: str, data: bytes) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line, row) with lower-cased column names and text values."""
    extension = name.lower().rsplit(".", 1)[-1]
    if extension == "csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFileError(_("The CSV file must be encoded as UTF-8.")) from exc
        reader = csv.reader(io.StringIO(text))
        rows: Iterable[Sequence[object]] = reader
    elif extension == "xlsx":
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise ImportFileError(_("This is not a readable XLSX workbook.")) from exc
        rows = workbook.worksheets[0].iter_rows(values_only=True)
    else:
        raise ImportFileError(_("Only .csv and .xlsx files can be imported."))
    iterator = iter(rows)
    header = next(iterator, None)
    if not header:
        raise ImportFileError(_("The file is empty."))
    names = [str(cell or "").strip().lower() for cell in header]
    missing = [column for column in REQUIRED if column not in names]
    if missing:
        raise ImportFileError(
            _("Columns missing from the first row: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    for number, row in enumerate(iterator, start=2):
        values = ["" if cell is None else str(cell).strip() for cell in row]
        if not any(values):
            continue
        yield number, {name: values[i] if i < len(values) else "" for i, name in enumerate(names)}


class Vocabulary:
    """Taxonomy terms by every name a spreadsheet may use: slug, code, English or Russian."""

    def __init__(self) -> None:
        self.countries = self._index(Country.objects.all(), ("code", "slug"))
        self.themes = self._index(Theme.objects.all(), ("slug",))
        self.target_groups = self._index(TargetGroup.objects.all(), ("slug",))
        self.types = self._index(ResourceType.objects.all(), ("slug",))
        self.objectives = {str(o.number): o for o in GCMObjective.objects.all()}

    @staticmethod
    def _index(terms, keys) -> dict:
        index = {}
        for term in terms:
            names = [term.name, *term.translations.values(), *(getattr(term, k) for k in keys)]
            for name in names:
                index[str(name).strip().lower()] = term
        return index


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def _terms(value, index, label, problems) -> list:
    found = []
    for name in _split(value):
        term = index.get(name.lower().removeprefix("gcm").strip(" .#"))
        if term is None:
            problems.append(_("unknown %(what)s “%(name)s”") % {"what": label, "name": name})
        elif term not in found:
            found.append(term)
    return found


def _year(value: str, label: str, problems: list) -> int | None:
    if not value:
        return None
    text = value.split(".")[0]  # spreadsheets turn 2019 into 2019.0
    if not text.isdigit() or not 1900 < int(text) < 2200:
        problems.append(_("%(what)s is not a year: “%(value)s”") % {"what": label, "value": value})
        return None
    return int(text)


def _body(text: str, lessons: str) -> list:
    blocks: list[tuple[str, object]] = []
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    if paragraphs:
        html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        blocks.append(("text", html))
    items = _split(lessons)
    if items:
        blocks.append(("lessons", {"heading": "", "lessons": items}))
    return blocks


def check_row(line: int, row: dict, vocabulary: Vocabulary) -> PracticeRow | RowError:
    problems: list[str] = [
        _("“%(column)s” is empty") % {"column": column}
        for column in REQUIRED
        if not row.get(column)
    ]
    if len(row.get("title", "")) > 255:
        problems.append(_("the title is longer than 255 characters"))
    if len(row.get("external_id", "")) > 64:
        problems.append(_("the external id is longer than 64 characters"))
    countries = _terms(row.get("countries", ""), vocabulary.countries, _("country"), problems)
    themes = _terms(row.get("themes", ""), vocabulary.themes, _("theme"), problems)
    objectives = _terms(
        row.get("gcm_objectives", ""), vocabulary.objectives, _("GCM objective"), problems
    )
    groups = _terms(
        row.get("target_groups", ""), vocabulary.target_groups, _("target group"), problems
    )
    resource_type = None
    if row.get("resource_type"):
        resource_type = vocabulary.types.get(row["resource_type"].lower())
        if resource_type is None:
            problems.append(_("unknown type “%(name)s”") % {"name": row["resource_type"]})
    start = _year(row.get("period_start", ""), _("period_start"), problems)
    end = _year(row.get("period_end", ""), _("period_end"), problems)
    if start and end and end < start:
        problems.append(_("the period ends before it starts"))
    language = (row.get("language") or "en").lower()
    if language not in dict(settings.CONTENT_LANGUAGES):
        problems.append(_("unknown language “%(code)s”") % {"code": language})
    tier = (row.get("tier") or Tier.MEMBERS).lower()
    if tier not in Tier.values:
        problems.append(_("tier must be one of %(tiers)s") % {"tiers": ", ".join(Tier.values)})
    if problems:
        return RowError(line, "; ".join(problems))
    return PracticeRow(
        line=line,
        external_id=row["external_id"],
        fields={
            "title": row["title"],
            "summary": row["summary"],
            "body": _body(row.get("body", ""), row.get("lessons", "")),
            "resource_type": resource_type,
            "period_start": start,
            "period_end": end,
            "implementing_organisations": row.get("implementing_organisations", "").replace(
                LIST_SEPARATOR, "\n"
            ),
            "results": row.get("results", ""),
            "language": language,
            "tier": tier,
        },
        countries=countries,
        themes=themes,
        objectives=objectives,
        target_groups=groups,
    )


def _unique_slug(library: LibraryIndexPage, title: str, external_id: str) -> str:
    base = (slugify(title)[:60] or "practice").strip("-")
    slug = base
    siblings = set(library.get_children().values_list("slug", flat=True))
    if slug in siblings:
        slug = f"{base}-{slugify(external_id)[:20]}"
    return slug


def _write(row: PracticeRow, library: LibraryIndexPage, user, existing) -> bool:
    """Create or update one note and publish it; True when it was created."""
    note = existing.get(row.external_id)
    created = note is None
    if created:
        note = PracticeNotePage(
            external_id=row.external_id,
            slug=_unique_slug(library, row.fields["title"], row.external_id),
            owner=user,
            locale_id=library.locale_id,
        )
    for name, value in row.fields.items():
        setattr(note, name, value)
    note.countries = row.countries
    note.themes = row.themes
    note.gcm_objectives = row.objectives
    note.target_groups = row.target_groups
    if created:
        library.add_child(instance=note)
    note.save_revision(user=user).publish(user=user)
    return created


def practices_import(
    *,
    name: str,
    data: bytes,
    library: LibraryIndexPage,
    user=None,
    dry_run: bool = False,
    skip_bad_rows: bool = False,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> ImportReport:
    """Check every row, then write all of them, or none if any is bad (unless told to skip).

    Re-running a file updates the notes with the same ``external_id`` instead of adding more.
    Raises :class:`ImportFileError` when the file itself cannot be read.
    """
    report = ImportReport(dry_run=dry_run)
    vocabulary = Vocabulary()
    good: list[PracticeRow] = []
    seen: dict[str, int] = {}
    for line, row in read_rows(name, data):
        report.rows += 1
        checked = check_row(line, row, vocabulary)
        if isinstance(checked, RowError):
            report.errors.append(checked)
            continue
        if checked.external_id in seen:
            report.errors.append(
                RowError(
                    line,
                    _("external id “%(id)s” already used on line %(other)s")
                    % {"id": checked.external_id, "other": seen[checked.external_id]},
                )
            )
            continue
        seen[checked.external_id] = line
        good.append(checked)
    existing = {
        note.external_id: note
        for note in PracticeNotePage.objects.child_of(library).filter(external_id__in=seen)
    }
    if dry_run or (report.errors and not skip_bad_rows):
        for practice in good:
            (report.updated if practice.external_id in existing else report.created).append(
                practice.external_id
            )
        return report
    practices: Iterable[PracticeRow] = progress(good) if progress else good
    with transaction.atomic():
        for practice in practices:
            created = _write(practice, library, user, existing)
            (report.created if created else report.updated).append(practice.external_id)
    report.imported = True
    return report


def upload_stage(*, name: str, data: bytes) -> str:
    """Keep a checked upload until the secretariat confirms it; the stored file's path."""
    import uuid

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    extension = name.lower().rsplit(".", 1)[-1]
    return default_storage.save(f"imports/{uuid.uuid4().hex}.{extension}", ContentFile(data))


def upload_take(*, path: str) -> bytes | None:
    """The staged upload's bytes, removed from storage; None when it is gone."""
    from django.core.files.storage import default_storage

    if not default_storage.exists(path):
        return None
    with default_storage.open(path) as handle:
        data = handle.read()
    default_storage.delete(path)
    return data


def import_library() -> LibraryIndexPage | None:
    """The library that imported practices go into (the first one)."""
    return LibraryIndexPage.objects.order_by("pk").first()
