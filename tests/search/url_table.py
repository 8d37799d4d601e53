from tests.url_expectations import Expect

EXPECTED = {
    "search:results": Expect(),
    "search:suggest": Expect(),
    # Members without admin access get 403 at once (members.middleware); experts reach the
    # admin but not this report (302 to the admin's dashboard).
    "search_zero_results": Expect(member=403, expert=302, secretariat=200),
}
