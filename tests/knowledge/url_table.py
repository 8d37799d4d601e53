"""The library's named URLs. Its pages are Wagtail pages (tested in test_pages.py); the named
URLs are the secretariat's import views in the Wagtail admin."""

from tests.url_expectations import Expect

EXPECTED = {
    # Members without admin access are told so at once (403, members.middleware); experts,
    # who reach the admin but not the import, go back to the admin's dashboard (302).
    "knowledge_import": Expect(member=403, official=403, expert=302, secretariat=200),
    "knowledge_import_confirm": Expect(
        method="post", member=403, official=403, expert=302, secretariat=302
    ),
}


def _library(request) -> dict:
    from knowledge.services import library_setup

    library_setup()
    return {}


# Experts write notes in the library (its page permissions); others have no notes to list.
EXPECTED["knowledge:my_notes"] = Expect(
    member=403, official=403, expert=200, secretariat=200, setup=_library
)

from tests.knowledge.url_table_requests import EXPECTED as _requests  # noqa: E402

EXPECTED.update(_requests)
