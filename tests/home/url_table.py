from tests.url_expectations import Expect

EXPECTED = {
    "health": Expect(anonymous=200, member=200),
    "robots_txt": Expect(anonymous=200, member=200),
    "set_language": Expect(
        anonymous=302, member=302, method="post", data={"language": "ru"}, anonymous_to_login=False
    ),
    "javascript-catalog": Expect(anonymous=200, member=200),
}
EXPECTED["styleguide"] = Expect(member=403, secretariat=200)
EXPECTED["secretariat_dashboard"] = Expect(member=403, expert=403, official=403, secretariat=200)
EXPECTED["donor_report"] = Expect(member=404, expert=404, official=404, secretariat=200)
EXPECTED["donor_report_pdf"] = Expect(member=404, expert=404, official=404, secretariat=200)
EXPECTED["donor_report_xlsx"] = Expect(member=404, expert=404, official=404, secretariat=200)
