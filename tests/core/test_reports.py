"""The donor report never shows a group of fewer than five people."""

from __future__ import annotations

import datetime as dt

from core.reports import Period, hide_small_groups


def test_small_groups_are_merged_until_the_merged_group_is_five_or_more():
    counts = {"Women": 12, "Men": 9, "Non-binary": 2, "Self-described": 1}
    # 2 + 1 = 3 is still under five, so the next smallest group (9) joins them.
    shown = hide_small_groups(counts, "Not shown")
    assert shown == {"Women": 12, "Not shown": 12}
    assert sum(shown.values()) == sum(counts.values())


def test_groups_of_five_or_more_are_shown_as_they_are():
    assert hide_small_groups({"Women": 5, "Men": 7, "Other": 0}, "Not shown") == {
        "Women": 5,
        "Men": 7,
    }


def test_period_bounds_include_the_last_day():
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert period.starts_at.date() == dt.date(2026, 1, 1)
    assert period.ends_before.date() == dt.date(2026, 7, 1)
