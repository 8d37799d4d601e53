"""`manage.py seed_demo` is idempotent: `make run` may seed again whenever the demo code changes."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

# Rows a second seeding may add without anything changing for a user: the indexing outbox keeps
# done rows until its sweep prunes them, and the database search backend rewrites its entries.
BOOKKEEPING = ("search_indexoutbox", "wagtailsearch_indexentry")


def _row_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith(BOOKKEEPING):
                continue
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.django_db
def test_seeding_twice_changes_nothing():
    call_command("seed_demo", password="demo-password-123", stdout=StringIO())
    first = _row_counts()
    out = StringIO()
    call_command("seed_demo", password="demo-password-123", stdout=out)
    second = _row_counts()
    # Not one more member, page, registration, thread, nor a page revision or history entry.
    assert {t: (first[t], second[t]) for t in first if first[t] != second[t]} == {}
    assert first["wagtailcore_revision"] > 0
    assert "0 new threads" in out.getvalue()
