"""Bulk import from a spreadsheet: every bad row reported with its line, all or nothing,
re-runs update instead of duplicating; the same from the command line and the admin."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from knowledge.imports import ImportFileError, practices_import
from knowledge.models import PracticeNotePage

pytestmark = pytest.mark.django_db

HEADER = [
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
GOOD = [
    [
        "MD-001",
        "Moldova's bilateral agreements",
        "Circular migration with Israel.",
        "Context.\n\nApproach.",
        "Start small; Involve employers",
        "MD",
        "labour-migration",
        "5; 6",
        "labour-migrants",
        "practice-note",
        "2013",
        "2019",
        "Ministry of Labour; ANOFM",
        "4,000 placements",
        "en",
        "members",
    ],
    [
        "GE-002",
        "Georgia's pilot with Germany",
        "Seasonal work.",
        "",
        "",
        "Georgia; Germany",
        "Labour migration",
        "GCM 6",
        "",
        "",
        "2020",
        "",
        "",
        "",
        "en",
        "governments",
    ],
    [
        "UA-003",
        "Портал для диаспоры",
        "Сводный портал.",
        "",
        "",
        "Украина",
        "diaspora",
        "19",
        "diaspora",
        "policy-brief",
        "2021",
        "2023",
        "",
        "",
        "ru",
        "members",
    ],
]


def csv_bytes(rows, header=HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append([int(v) if v.isdigit() else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def bad(row_index, **changes):
    row = dict(zip(HEADER, GOOD[row_index], strict=True))
    row.update(changes)
    return [row[c] for c in HEADER]


def test_good_file_imports_every_row(library, secretariat):
    report = practices_import(name="p.csv", data=csv_bytes(GOOD), library=library, user=secretariat)
    assert report.imported and report.ok
    assert sorted(report.created) == ["GE-002", "MD-001", "UA-003"]
    note = PracticeNotePage.objects.get(external_id="MD-001")
    assert note.live and note.owner == secretariat
    assert {c.code for c in note.countries.all()} == {"MD"}
    assert sorted(o.number for o in note.gcm_objectives.all()) == [5, 6]
    assert note.organisations_list == ["Ministry of Labour", "ANOFM"]
    assert [b.block_type for b in note.body] == ["text", "lessons"]
    georgia = PracticeNotePage.objects.get(external_id="GE-002")
    assert georgia.tier == "governments"
    assert {c.code for c in georgia.countries.all()} == {"GE", "DE"}
    assert georgia.period_end is None
    assert PracticeNotePage.objects.get(external_id="UA-003").language == "ru"


def test_rerun_updates_instead_of_duplicating(library):
    practices_import(name="p.csv", data=csv_bytes(GOOD), library=library)
    changed = bad(0, title="Moldova's agreements, revised")
    report = practices_import(name="p.csv", data=csv_bytes([changed, *GOOD[1:]]), library=library)
    assert sorted(report.updated) == ["GE-002", "MD-001", "UA-003"]
    assert report.created == []
    assert PracticeNotePage.objects.count() == 3
    assert (
        PracticeNotePage.objects.get(external_id="MD-001").title == "Moldova's agreements, revised"
    )


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(library):
    rows = [
        GOOD[0],
        bad(1, countries="Atlantis"),
        bad(2, period_start="20x1", tier="top-secret"),
        bad(0, external_id="MD-001"),
        bad(1, external_id="GE-009", title=""),
    ]
    report = practices_import(name="p.csv", data=csv_bytes(rows), library=library)
    lines = {error.line: error.message for error in report.errors}
    assert set(lines) == {3, 4, 5, 6}
    assert "Atlantis" in lines[3]
    assert "20x1" in lines[4] and "tier" in lines[4]
    assert "line 2" in lines[5]
    assert "title" in lines[6]
    assert not report.imported
    assert PracticeNotePage.objects.count() == 0


def test_skip_bad_rows_imports_the_good_ones(library):
    rows = [GOOD[0], bad(1, themes="astrology")]
    report = practices_import(
        name="p.csv", data=csv_bytes(rows), library=library, skip_bad_rows=True
    )
    assert report.imported
    assert report.created == ["MD-001"]
    assert [e.line for e in report.errors] == [3]


def test_dry_run_writes_nothing(library):
    practices_import(name="p.csv", data=csv_bytes(GOOD[:1]), library=library)
    report = practices_import(name="p.csv", data=csv_bytes(GOOD), library=library, dry_run=True)
    assert report.updated == ["MD-001"]
    assert sorted(report.created) == ["GE-002", "UA-003"]
    assert not report.imported
    assert PracticeNotePage.objects.count() == 1


def test_xlsx_is_read_like_csv(library):
    report = practices_import(name="p.xlsx", data=xlsx_bytes(GOOD), library=library)
    assert report.imported and len(report.created) == 3
    assert PracticeNotePage.objects.get(external_id="MD-001").period_start == 2013


def test_unreadable_files(library):
    with pytest.raises(ImportFileError):
        practices_import(name="p.csv", data=csv_bytes(GOOD, header=["title"]), library=library)
    with pytest.raises(ImportFileError):
        practices_import(name="p.xlsx", data=b"not a workbook", library=library)
    with pytest.raises(ImportFileError):
        practices_import(name="p.pdf", data=b"%PDF-", library=library)


def test_command_dry_run_then_import(library, tmp_path, capsys):
    path = tmp_path / "practices.csv"
    path.write_bytes(csv_bytes(GOOD))
    call_command("import_practices", str(path), "--dry-run")
    assert "Dry run" in capsys.readouterr().out
    assert PracticeNotePage.objects.count() == 0
    call_command("import_practices", str(path))
    assert PracticeNotePage.objects.count() == 3
    call_command("import_practices", str(path))
    assert PracticeNotePage.objects.count() == 3


def test_command_refuses_a_file_with_bad_rows(library, tmp_path, capsys):
    path = tmp_path / "practices.csv"
    path.write_bytes(csv_bytes([GOOD[0], bad(1, countries="Atlantis")]))
    with pytest.raises(CommandError, match="Nothing imported"):
        call_command("import_practices", str(path))
    assert "line 3" in capsys.readouterr().err
    call_command("import_practices", str(path), "--skip-bad-rows")
    assert PracticeNotePage.objects.count() == 1


def test_admin_import_checks_then_imports(library, secretariat_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("practices.csv", csv_bytes(GOOD), content_type="text/csv")
    response = secretariat_client.post(reverse("knowledge_import"), {"file": upload})
    assert response.status_code == 200
    assert response.context["report"].dry_run
    assert "Import now" in response.content.decode()
    assert PracticeNotePage.objects.count() == 0
    response = secretariat_client.post(reverse("knowledge_import_confirm"))
    assert response.status_code == 200
    assert response.context["report"].imported
    assert PracticeNotePage.objects.count() == 3


def test_admin_import_reports_bad_rows_without_offering_import(library, secretariat_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = csv_bytes([GOOD[0], bad(1, countries="Atlantis")])
    upload = SimpleUploadedFile("practices.csv", data, content_type="text/csv")
    response = secretariat_client.post(reverse("knowledge_import"), {"file": upload})
    content = response.content.decode()
    assert "line 3" in content and "Atlantis" in content
    assert "Import now" not in content


def test_experts_cannot_import(library, expert_client):
    # Wagtail's admin answers a refusal by sending the member back to the dashboard.
    response = expert_client.get(reverse("knowledge_import"))
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    response = expert_client.post(reverse("knowledge_import_confirm"))
    assert response["Location"] == "/admin/"
