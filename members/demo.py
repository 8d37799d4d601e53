"""Demo members: organisations in the partner countries and members of every role.

Stable e-mail addresses (``<role>.<country>@demo.migration-partnership.org``) make the seed
idempotent. The secretariat account has TOTP set up with a fixed secret, printed for sign-in.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP

from core.roles import Role
from members.models import NotificationFrequency, Organisation, Profile, User

DOMAIN = "demo.migration-partnership.org"
# Fixed so that whoever runs the demo can add it to an authenticator app once.
DEMO_TOTP_SECRET = "MPDEMOSECRETARIATMIGRATIONPARTNR"  # noqa: S105 (demo only, printed)

ORGANISATIONS = [
    # (country, name, kind)
    ("AM", "Migration and Citizenship Service of Armenia", "agency"),
    ("AM", "Ministry of Labour and Social Affairs of Armenia", "ministry"),
    ("AZ", "State Migration Service of Azerbaijan", "agency"),
    ("GE", "Public Service Development Agency of Georgia", "agency"),
    ("GE", "Tbilisi State University Migration Centre", "academia"),
    ("MD", "Bureau for Migration and Asylum of Moldova", "agency"),
    ("MD", "Diaspora Relations Bureau of Moldova", "agency"),
    ("UA", "State Migration Service of Ukraine", "agency"),
    ("UA", "Ukrainian Centre for Migration Research", "ngo"),
    ("BY", "Belarusian Independent Migration Researchers", "ngo"),
    ("PL", "Office for Foreigners of Poland", "agency"),
    ("DE", "International Centre for Migration Policy Development", "international"),
    ("SE", "Swedish Migration Agency", "agency"),
    ("LT", "Migration Department of Lithuania", "agency"),
]

# (email local part, first, last, role, country, organisation index, title, themes, languages,
#  focal point)
MEMBERS = [
    ("secretariat", "Elena", "Moraru", Role.SECRETARIAT, "MD", 11, "Programme coordinator",
     ["labour-migration", "migration-data"], ["en", "ru", "ro"], False),
    ("secretariat.editor", "Jonas", "Berg", Role.SECRETARIAT, "SE", 11, "Knowledge manager",
     ["integration"], ["en"], False),
    ("expert.am", "Anahit", "Grigoryan", Role.EXPERT, "AM", 1, "Senior researcher",
     ["return-reintegration", "labour-migration"], ["hy", "ru", "en"], False),
    ("expert.ge", "Giorgi", "Lomidze", Role.EXPERT, "GE", 4, "Associate professor",
     ["migration-data", "diaspora"], ["ka", "en"], False),
    ("expert.ua", "Olena", "Kovalenko", Role.EXPERT, "UA", 8, "Policy analyst",
     ["asylum", "integration"], ["uk", "ru", "en"], False),
    ("expert.pl", "Marta", "Nowak", Role.EXPERT, "PL", 10, "Legal adviser",
     ["asylum", "visa-policy"], ["en", "ru"], False),
    ("gov.am", "Armen", "Hakobyan", Role.GOVERNMENT, "AM", 0, "Head of migration policy",
     ["labour-migration", "border-management"], ["hy", "ru"], True),
    ("gov.az", "Leyla", "Aliyeva", Role.GOVERNMENT, "AZ", 2, "Deputy head of department",
     ["irregular-migration"], ["az", "ru", "en"], True),
    ("gov.ge", "Nino", "Beridze", Role.GOVERNMENT, "GE", 3, "Chief specialist",
     ["migration-data", "visa-policy"], ["ka", "en"], True),
    ("gov.md", "Ion", "Ciobanu", Role.GOVERNMENT, "MD", 5, "Head of integration unit",
     ["integration", "asylum"], ["ro", "ru"], True),
    ("gov.md2", "Ana", "Rusu", Role.GOVERNMENT, "MD", 6, "Diaspora programme officer",
     ["diaspora", "remittances"], ["ro", "en"], False),
    ("gov.ua", "Taras", "Melnyk", Role.GOVERNMENT, "UA", 7, "Director of department",
     ["counter-trafficking", "border-management"], ["uk", "en"], True),
    ("gov.lt", "Rasa", "Kazlauskaite", Role.GOVERNMENT, "LT", 13, "Senior adviser",
     ["border-management"], ["en"], False),
    ("observer.by", "Maksim", "Ivanou", Role.OBSERVER, "BY", 9, "Researcher",
     ["migrants-rights"], ["ru", "en"], False),
    ("observer.de", "Katrin", "Schmidt", Role.OBSERVER, "DE", 11, "Project officer",
     ["labour-migration"], ["en"], False),
]  # fmt: skip


def seed(ctx) -> None:
    from django.contrib.auth.models import Group

    from members.roles import roles_sync
    from taxonomy.models import Country, Theme

    roles_sync()
    countries = {country.code: country for country in Country.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    organisations = []
    for code, name, kind in ORGANISATIONS:
        organisation, _ = Organisation.objects.update_or_create(
            name=name, country=countries.get(code), defaults={"kind": kind}
        )
        organisations.append(organisation)

    by_role: dict[str, list[User]] = {role: [] for role in Role.values}
    groups = {role: Group.objects.get(name=role) for role in Role.values}
    for local, first, last, role, code, org, title, slugs, languages, focal in MEMBERS:
        email = f"{local}@{DOMAIN}"
        user, _created = User.objects.get_or_create(email=email)
        user.first_name, user.last_name = first, last
        user.is_active = True
        user.set_password(ctx.password)
        user.save()
        user.groups.set([groups[role]])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        profile, _ = Profile.objects.update_or_create(
            user=user,
            defaults={
                "title": title,
                "organisation": organisations[org],
                "country": countries.get(code),
                "languages": languages,
                "focal_point": focal,
                "bio": f"{title} at {organisations[org].name}.",
                "notification_frequency": NotificationFrequency.DAILY,
            },
        )
        profile.expertise.set([themes[slug] for slug in slugs if slug in themes])
        by_role[role].append(user)

    # Admin roles must use MFA: give them all the demo secret so the demo can be explored.
    for user in by_role[Role.SECRETARIAT] + by_role[Role.EXPERT]:
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
        if not Authenticator.objects.filter(
            user=user, type=Authenticator.Type.RECOVERY_CODES
        ).exists():
            RecoveryCodes.activate(user)
    ctx.shared["members"] = by_role
    ctx.shared["organisations"] = organisations
    counts = ", ".join(f"{len(users)} {role}" for role, users in by_role.items())
    ctx.say(f"members: {len(organisations)} organisations; {counts}")
    ctx.say(
        f"members: secretariat sign-in secretariat@{DOMAIN}; TOTP secret {DEMO_TOTP_SECRET} "
        "(also for experts and secretariat.editor@)"
    )
