"""Numbers read from URLs and query strings, bounded so hostile input cannot reach the database.

A 20-digit id overflows PostgreSQL's bigint (``DataError``) and SQLite's integer
(``OverflowError``): both would answer 500. The ``id`` path converter matches only ids that fit,
so anything longer is a plain 404; ``bounded_int`` turns a query-string value into an int within
bounds, or ``None`` for anything else (the view then answers 400 or ignores the filter).
"""

from __future__ import annotations

# The largest value of a signed 64-bit integer: PostgreSQL's bigint, SQLite's INTEGER.
MAX_ID = 2**63 - 1


class IdConverter:
    """``<id:pk>``: a positive integer that fits a bigint; longer numbers do not match (404)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


def bounded_int(
    value: object, *, minimum: int = 0, maximum: int = MAX_ID, default: int | None = None
) -> int | None:
    """``value`` as an int in ``[minimum, maximum]``, else ``default``."""
    if value is None:
        return default
    text = str(value).strip()
    if not text.isascii() or not text.lstrip("-").isdigit() or len(text) > 19:
        return default
    number = int(text)
    return number if minimum <= number <= maximum else default
