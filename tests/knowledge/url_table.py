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
