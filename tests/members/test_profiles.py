import io
import json

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core.access import Tier
from core.roles import Role
from members import selectors, services
from members.models import DeletionRequest, Gender, NotificationFrequency, Profile, User
from members.roles import grant_page_permissions
from tests.factories.members import DEFAULT_PASSWORD, make_member

pytestmark = pytest.mark.django_db


def profile_for(user, **fields) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.save()
    return profile


def image_file(fmt="PNG", size=(40, 40), name="me.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def profile_data(**overrides) -> dict:
    data = {
        "first_name": "Armen",
        "last_name": "Petrosyan",
        "title": "Head of unit",
        "bio": "Labour migration statistics.",
        "visibility": Tier.MEMBERS,
        "show_email": "on",
        "notification_frequency": NotificationFrequency.WEEKLY,
        "languages": ["hy", "ru"],
        "language": "en",
    }
    data.update(overrides)
    return data


def test_member_edits_profile(member_client, member, country, theme):
    response = member_client.post(
        reverse("members:profile_edit"),
        profile_data(country=country.pk, expertise=[theme.pk], photo=image_file()),
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.get_full_name() == "Armen Petrosyan"
    profile = member.profile
    assert profile.country == country
    assert list(profile.expertise.all()) == [theme]
    assert profile.languages == ["hy", "ru"]
    assert profile.photo.name.startswith("members/photos/")
    assert selectors.notification_frequency(member) == NotificationFrequency.WEEKLY


@pytest.mark.parametrize(
    "upload, error",
    [
        (
            SimpleUploadedFile("me.png", b"<?php echo 1; ?>", content_type="image/png"),
            "valid image",
        ),
        (image_file("GIF", name="me.gif"), "JPEG, PNG or WebP"),
        (image_file(size=(4100, 10)), "4000"),
    ],
)
def test_photo_type_and_size_are_checked(member_client, member, upload, error):
    response = member_client.post(reverse("members:profile_edit"), profile_data(photo=upload))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Profile.objects.get(user=member).photo


def test_photo_over_size_limit_is_refused(member_client, settings):
    settings.MEMBERS_PHOTO_MAX_BYTES = 100
    response = member_client.post(reverse("members:profile_edit"), profile_data(photo=image_file()))
    assert "larger than 2 MB" in response.content.decode()


def test_directory_search_and_filters(
    engine, index_now, member_client, country, theme, django_assert_max_num_queries
):
    official = make_member(Role.GOVERNMENT, first_name="Tamar", last_name="Kapanadze")
    profile_for(official, country=country, focal_point=True, languages=["ka"]).expertise.add(theme)
    make_member(Role.EXPERT, first_name="Oleh", last_name="Shevchenko")
    for _ in range(5):
        profile_for(make_member(Role.OBSERVER), country=country)
    index_now()

    url = reverse("members:directory")
    with django_assert_max_num_queries(16):
        body = member_client.get(url).content.decode()
    assert "Tamar Kapanadze" in body and "Oleh Shevchenko" in body

    def names(**params):
        return member_client.get(url, params).content.decode()

    assert "Oleh" not in names(q="kapanadze")
    assert "Tamar" in names(q="kapanadze")
    # Part of a name finds the person too.
    assert "Tamar" in names(q="kapan") and "Oleh" not in names(q="kapan")
    assert "Oleh" in names(role=Role.EXPERT) and "Tamar" not in names(role=Role.EXPERT)
    assert "Tamar" in names(theme=theme.slug) and "Oleh" not in names(theme=theme.slug)
    assert "Tamar" in names(language="ka") and "Oleh" not in names(language="ka")
    assert "Oleh" not in names(country=country.code)
    assert "National focal point" in names(q="Tamar")


def test_directory_query_count_stays_flat(member_client, country, django_assert_max_num_queries):
    for _ in range(3):
        profile_for(make_member(Role.GOVERNMENT), country=country)
    with django_assert_max_num_queries(16) as few:
        member_client.get(reverse("members:directory"))
    for _ in range(10):
        profile_for(make_member(Role.GOVERNMENT), country=country)
    with django_assert_max_num_queries(len(few.captured_queries)):
        member_client.get(reverse("members:directory"))


def test_visibility_hides_profiles_from_those_outside_the_tier(
    client, member, official, secretariat
):
    hidden = make_member(Role.GOVERNMENT, first_name="Hidden", last_name="Official")
    profile_for(hidden, visibility=Tier.GOVERNMENTS, photo=image_file())
    detail = reverse("members:member_detail", kwargs={"pk": hidden.pk})
    photo = reverse("members:member_photo", kwargs={"pk": hidden.pk})

    client.force_login(member)
    assert "Hidden" not in client.get(reverse("members:directory")).content.decode()
    assert client.get(detail).status_code == 404
    assert client.get(photo).status_code == 404

    client.force_login(official)
    assert client.get(detail).status_code == 200
    response = client.get(photo)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"

    client.force_login(secretariat)
    assert client.get(detail).status_code == 200


def test_email_shown_only_when_member_allows(member_client, other_member):
    profile_for(other_member, show_email=False)
    body = member_client.get(reverse("members:member_detail", kwargs={"pk": other_member.pk}))
    assert other_member.email not in body.content.decode()


@pytest.mark.parametrize(
    "name, method",
    [
        ("members:member_manage", "get"),
        ("members:member_manage", "post"),
        ("members:invitation_resend", "post"),
        ("members:invitation_revoke", "post"),
        ("members:deletion_request_confirm", "post"),
    ],
)
def test_guessing_ids_is_refused(member_client, other_member, name, method):
    deletion = services.deletion_request_create(user=other_member)
    invitation = services.invitation_create(
        email="x@example.org", role=Role.OBSERVER, invited_by=None
    )
    pk = {
        "members:member_manage": other_member.pk,
        "members:deletion_request_confirm": deletion.pk,
    }.get(name, invitation.pk)
    response = getattr(member_client, method)(
        reverse(name, kwargs={"pk": pk}), {"action": "deactivate"}
    )
    assert response.status_code == 403
    other_member.refresh_from_db()
    assert other_member.is_active and not other_member.anonymised_at


def test_unknown_and_deactivated_members_are_404(member_client, other_member):
    assert (
        member_client.get(reverse("members:member_detail", kwargs={"pk": 99999})).status_code == 404
    )
    services.member_deactivate(user=other_member)
    url = reverse("members:member_detail", kwargs={"pk": other_member.pk})
    assert member_client.get(url).status_code == 404


def test_profile_form_cannot_change_someone_else(member_client, member, other_member):
    member_client.post(reverse("members:profile_edit"), profile_data(user=other_member.pk))
    assert Profile.objects.get(user=member)
    assert not Profile.objects.filter(user=other_member).exists()


def test_my_data_download_has_only_my_data(member_client, member, other_member):
    profile_for(member, bio="My own bio")
    profile_for(other_member, bio="Someone else")
    response = member_client.get(reverse("members:my_data_download"))
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == member.email
    assert data["profile"]["bio"] == "My own bio"
    assert "Someone else" not in response.content.decode()


def test_deletion_request_confirmed_by_secretariat_anonymises(client, member, secretariat):
    profile_for(member, bio="Personal", photo=image_file())
    client.force_login(member)
    client.post(reverse("members:my_data"), {"reason": "Changing jobs", "confirm": "on"})
    deletion = DeletionRequest.objects.get(user=member)

    client.force_login(secretariat)
    response = client.post(reverse("members:deletion_request_confirm", kwargs={"pk": deletion.pk}))
    assert response.status_code == 302

    member.refresh_from_db()
    assert member.display_name == "Former member"
    assert member.email.endswith("@invalid") and not member.first_name
    assert not member.is_active and not member.has_usable_password()
    assert not Profile.objects.filter(user=member).exists()
    assert not member.groups.exists()
    assert User.objects.filter(pk=member.pk).exists()  # contributions keep their author row
    assert selectors.notification_frequency(member) == NotificationFrequency.NEVER
    client.logout()
    client.post(reverse("account_login"), {"login": member.email, "password": DEFAULT_PASSWORD})
    assert client.get(reverse("members:profile_edit")).status_code == 302


def test_member_withdraws_deletion_request(member_client, member):
    services.deletion_request_create(user=member)
    member_client.post(reverse("members:deletion_request_cancel"))
    assert not DeletionRequest.objects.exists()


def test_notification_preference(member_client, member):
    assert selectors.notification_frequency(member) == NotificationFrequency.DAILY
    member_client.post(reverse("members:notifications"), {"notification_frequency": "never"})
    assert selectors.notification_frequency(member) == NotificationFrequency.NEVER


def test_secretariat_changes_role(secretariat_client, official):
    url = reverse("members:member_manage", kwargs={"pk": official.pk})
    secretariat_client.post(url, {"action": "role", "role": Role.EXPERT})
    assert list(official.groups.values_list("name", flat=True)) == [Role.EXPERT]


def test_roles_have_matching_wagtail_permissions(client):
    secretariat = Group.objects.get(name=Role.SECRETARIAT)
    expert = Group.objects.get(name=Role.EXPERT)
    assert secretariat.permissions.filter(codename="access_admin").exists()
    assert secretariat.permissions.filter(codename="change_user").exists()
    assert secretariat.page_permissions.filter(permission__codename="publish_page").exists()
    assert expert.permissions.filter(codename="access_admin").exists()
    assert not expert.page_permissions.filter(permission__codename="publish_page").exists()
    assert not Group.objects.get(name=Role.GOVERNMENT).permissions.exists()

    for role, status in [(Role.SECRETARIAT, 200), (Role.EXPERT, 200), (Role.GOVERNMENT, 403)]:
        client.force_login(make_member(role))
        assert client.get("/admin/").status_code == status, role


def test_grant_page_permissions_for_experts_below_a_page():
    from wagtail.models import Page

    home = Page.objects.get(depth=2)
    grant_page_permissions(page=home, role=Role.EXPERT, actions=("add", "change"))
    codenames = set(
        Group.objects.get(name=Role.EXPERT)
        .page_permissions.filter(page=home)
        .values_list("permission__codename", flat=True)
    )
    assert codenames == {"add_page", "change_page"}


def test_pages_are_translated_to_russian(member_client, secretariat_client):
    assert "Справочник участников" in member_client.get("/ru/members/").content.decode()
    body = secretariat_client.get("/ru/members/invitations/new/").content.decode()
    assert "Пригласить человека" in body and "Государственный служащий" in body


def test_member_sets_time_zone_and_gender_in_profile(member_client, member):
    page = member_client.get(reverse("members:profile_edit")).content.decode()
    assert 'name="time_zone"' in page and 'name="gender"' in page
    assert "only the secretariat sees it, counted in groups of five people or more" in page
    response = member_client.post(
        reverse("members:profile_edit"),
        profile_data(time_zone="Asia/Tbilisi", gender=Gender.WOMAN),
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert profile.time_zone == "Asia/Tbilisi"
    assert profile.gender == Gender.WOMAN


def test_gender_is_optional_and_checked(member_client, member):
    response = member_client.post(reverse("members:profile_edit"), profile_data(gender=""))
    assert response.status_code == 302
    assert Profile.objects.get(user=member).gender == ""
    response = member_client.post(reverse("members:profile_edit"), profile_data(gender="robot"))
    assert response.status_code == 200
    assert Profile.objects.get(user=member).gender == ""


def test_gender_never_shown_to_anyone_but_in_own_export(client, member, secretariat):
    profile_for(member, gender=Gender.ANOTHER, title="Analyst")
    detail = reverse("members:member_detail", kwargs={"pk": member.pk})
    for viewer in (member, secretariat):
        client.force_login(viewer)
        for url in (detail, reverse("members:directory")):
            body = client.get(url).content.decode()
            assert "Analyst" in body or url != detail
            assert "In another way" not in body and "Gender" not in body
    client.force_login(member)
    data = json.loads(client.get(reverse("members:my_data_download")).content)
    assert data["profile"]["gender"] == Gender.ANOTHER
    assert data["profile"]["time_zone"] == ""
    assert data["account"]["language"] == "en"


def test_photo_of_a_profile_the_viewer_may_not_see_is_404(client, member, official, secretariat):
    hidden = make_member(Role.GOVERNMENT)
    profile_for(hidden, visibility=Tier.SECRETARIAT, photo=image_file())
    photo = reverse("members:member_photo", kwargs={"pk": hidden.pk})
    for viewer, status in ((member, 404), (official, 404), (secretariat, 200)):
        client.force_login(viewer)
        assert client.get(photo).status_code == status, viewer


def test_secretariat_cannot_deactivate_themselves_and_is_told(secretariat_client, secretariat):
    url = reverse("members:member_manage", kwargs={"pk": secretariat.pk})
    response = secretariat_client.post(url, {"action": "deactivate"}, follow=True)
    assert "You cannot deactivate yourself." in response.content.decode()
    secretariat.refresh_from_db()
    assert secretariat.is_active
