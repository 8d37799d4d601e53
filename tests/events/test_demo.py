import io

import pytest

from events import demo
from events.models import (
    ConsultationPage,
    EventKind,
    EventPage,
    Registration,
    RegistrationStatus,
    Response,
)
from home.demo import DemoContext

pytestmark = pytest.mark.django_db


def test_demo_covers_every_kind_with_waitlists_and_is_idempotent():
    ctx = DemoContext(password="demo-password-for-tests", stdout=io.StringIO())
    demo.seed(ctx)
    counts = (EventPage.objects.count(), Registration.objects.count(), Response.objects.count())
    demo.seed(ctx)
    assert (
        EventPage.objects.count(),
        Registration.objects.count(),
        Response.objects.count(),
    ) == counts
    assert set(EventPage.objects.values_list("kind", flat=True)) == set(EventKind.values)
    assert Registration.objects.filter(status=RegistrationStatus.WAITLISTED).exists()
    assert EventPage.objects.filter(registrations__attended=True).exists()
    open_, closed = (
        ConsultationPage.objects.filter(slug="consultation-reintegration-strategies").get(),
        ConsultationPage.objects.filter(slug="consultation-labour-mobility-2026").get(),
    )
    assert open_.is_open() and closed.is_closed()
    assert closed.responses.filter(status="submitted").exists()
