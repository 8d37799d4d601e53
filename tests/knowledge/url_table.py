"""The library's named URLs. Its pages are Wagtail pages (tested in test_pages.py); the named
URLs are the secretariat's import views in the Wagtail admin."""

from tests.url_expectations import Expect

EXPECTED = {
    # Wagtail's admin turns away members without admin access (to its login, 302) and experts,
    # who reach the admin but not the import, back to the admin's dashboard (302).
    "knowledge_import": Expect(member=302, official=302, expert=302, secretariat=200),
    "knowledge_import_confirm": Expect(
        method="post", member=302, official=302, expert=302, secretariat=302
    ),
}
