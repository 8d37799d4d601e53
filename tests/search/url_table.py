from tests.url_expectations import Expect

EXPECTED = {
    "search:results": Expect(),
    "search:suggest": Expect(),
    # Wagtail's admin sends members without admin access back to sign in.
    "search_zero_results": Expect(member=302, secretariat=200),
}
