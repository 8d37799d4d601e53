import pytest
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.mark.django_db
def test_visitor_sees_landing_with_sign_in_link(client, home):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/en/accounts/login/"' in html
    assert '<html lang="en"' in html
    assert 'class="mp-skip-link" href="#main"' in html


@pytest.mark.django_db
def test_member_sees_dashboard_not_landing(member_client, member, home):
    response = member_client.get("/en/")
    assert response.status_code == 200
    assert member.display_name in response.content.decode()
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_russian_interface(client, home):
    response = client.get("/ru/")
    html = response.content.decode()
    assert '<html lang="ru"' in html
    assert "Войти" in html


@pytest.mark.django_db
def test_member_pages_stay_private_and_public_pages_open(client, member, home):
    private = home.add_child(instance=StandardPage(title="Working methods", slug="methods"))
    public = home.add_child(instance=StandardPage(title="Privacy", slug="privacy", public=True))
    assert client.get(f"/en/{private.slug}/").status_code == 302
    assert client.get(f"/en/{public.slug}/").status_code == 200
    client.force_login(member)
    assert client.get(f"/en/{private.slug}/").status_code == 200


@pytest.mark.django_db
def test_unknown_page_is_a_friendly_404(member_client, home):
    response = member_client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_site_root_is_the_home_page(db):
    assert isinstance(Site.objects.get(is_default_site=True).root_page.specific, HomePage)
    assert Page.objects.filter(depth=2).count() == 1
