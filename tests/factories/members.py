import factory
from django.contrib.auth.models import Group

from core.roles import Role
from members.models import User

DEFAULT_PASSWORD = "correct-horse-battery-staple-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(Group.objects.get(name=extracted))

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """allauth wants a verified address before it lets anyone in."""
        from allauth.account.models import EmailAddress

        if create:
            self.save()
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


# Shared by tests that sign in through the MFA step (they compute codes with pyotp).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def enrol_totp(user: User, secret: str = TOTP_SECRET) -> None:
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, secret)


def make_member(role: str = Role.OBSERVER, mfa: bool | None = None, **kwargs) -> User:
    """A member of ``role``. Roles that reach the Wagtail admin must use MFA, so by default
    they get a TOTP authenticator (else every page would send them to enrol)."""
    user = UserFactory(role=role, **kwargs)
    if mfa is None:
        mfa = role in (Role.SECRETARIAT, Role.EXPERT) or user.is_staff or user.is_superuser
    if mfa:
        enrol_totp(user)
    return user
