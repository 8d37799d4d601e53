"""Publishing an event is where time, place or link changes become notices (see services)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from events.models import EventPage


@receiver(page_published, sender=EventPage)
def event_page_published(sender, instance, **kwargs):
    from events.services import event_published

    event_published(event=instance)
