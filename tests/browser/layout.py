"""The layout checks every page type passes at each width a member uses (issue 13).

`check_layout(page, path)` opens `path` at a phone, a tablet and a laptop width (and at 320 px,
the narrowest phone we support) and asserts what a member would notice: nothing scrolls
sideways, the header leaves the phone's screen to the content, the first result (when the page
lists results) is on screen without scrolling, and axe-core finds no WCAG 2.2 AA violation.
With SCREENSHOTS_DIR set, it also writes a full-page screenshot per width; with LAYOUT_REPORT
set to a file, it appends one JSON line of figures per page and width (for review notes).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from tests.browser.conftest import assert_accessible

WIDTHS: dict[str, tuple[int, int]] = {
    "phone": (390, 844),
    "tablet": (768, 1024),
    "laptop": (1280, 800),
}
NARROWEST = (320, 640)
PHONE_HEADER_MAX = 120


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


WIDE_ELEMENTS = """() => {
    const out = (e) => e.getBoundingClientRect().right > window.innerWidth + 0.5;
    const name = (e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`;
    return [...document.querySelectorAll("main *, footer *")]
        .filter((e) => out(e) && ![...e.children].some(out))
        .slice(0, 5)
        .map((e) => `${name(e)} ${Math.round(e.getBoundingClientRect().right)}px`);
}"""


def wide_elements(page) -> list[str]:
    """The innermost elements that stick out past the window's right edge, to name in a failure."""
    return page.evaluate(WIDE_ELEMENTS)


def check_layout(
    page, path: str, *, first_result: str | None = None, name: str | None = None
) -> None:
    """Assert the page at `path` holds at every width; `first_result` is a CSS selector for the
    first item of the page's results, which must be in the phone's first screen."""
    shots = os.environ.get("SCREENSHOTS_DIR")
    report = os.environ.get("LAYOUT_REPORT")
    label = name or re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
    for width_name, (width, height) in [*WIDTHS.items(), ("narrowest", NARROWEST)]:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(path)
        page.wait_for_load_state("load")
        overflow = horizontal_overflow(page)
        figures: dict[str, object] = {"page": label, "width": width, "overflow": overflow}
        assert overflow <= 0, (
            f"{path} scrolls sideways by {overflow}px at {width}px: {wide_elements(page)}"
        )
        if width_name == "phone":
            header = page.get_by_role("banner").bounding_box()
            assert header is not None
            figures["header"] = round(header["height"])
            assert header["height"] <= PHONE_HEADER_MAX, (
                f"{path}: the header takes {header['height']:.0f}px of a {height}px phone screen"
            )
            if first_result is not None:
                box = page.locator(first_result).first.bounding_box()
                assert box is not None, f"{path}: no {first_result} on the page"
                figures["first_result_y"] = round(box["y"])
                assert box["y"] < height, f"{path}: the first result starts below the first screen"
        if width_name != "narrowest":
            assert_accessible(page)
            figures["axe_violations"] = 0
        if report:
            with open(report, "a", encoding="utf-8") as lines:
                lines.write(json.dumps(figures) + "\n")
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{shots}/{label}-{width}.png", full_page=True)
