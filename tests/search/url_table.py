from tests.url_expectations import Expect

EXPECTED = {
    "search:results": Expect(),
    "search:suggest": Expect(anonymous=302),
}
