"""Demo conclusions and commitments: the past regional meeting on diaspora engagement, with
commitments of five countries in every state, updated by their focal points. Idempotent."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from events.models import Commitment, CommitmentUpdate, Conclusion, EventPage

MEETING_SLUG = "regional-meeting-diaspora-2026"
DOMAIN = "demo.migration-partnership.org"

CONCLUSIONS = [
    "Diaspora engagement is part of each country's migration strategy, with its own budget.",
    "Countries map their diaspora organisations abroad and share the maps yearly.",
    "The Panel prepares a regional guide on diaspora investment schemes by the next meeting.",
]

# country, what, who, due (days from today), themes, [(state, note, days ago, links)]
Update = tuple[str, str, int, list[str]]
COMMITMENTS: list[tuple[str, str, str, int, list[str], list[Update]]] = [
    ("AM", "Publish a map of Armenian diaspora organisations in the EU",
     "Office of the High Commissioner for Diaspora Affairs", 60, ["diaspora"],
     [("in_progress", "Survey sent to 140 organisations; 90 answers so far.", 20, [])]),
    ("AZ", "Open a one-stop service for returning diaspora entrepreneurs",
     "State Committee on Work with Diaspora", -10, ["diaspora", "return-reintegration"],
     []),
    ("GE", "Adopt the diaspora engagement action plan 2027–2029",
     "State Commission on Migration Issues", -5, ["diaspora"],
     [("in_progress", "Draft discussed with diaspora councils.", 75, []),
      ("done", "Adopted by the State Commission.", 8,
       ["https://migration.commission.ge/action-plan-2027"])]),
    ("MD", "Extend the 'Diaspora Succeeds at Home' grants to two more regions",
     "Bureau for Diaspora Relations", 120, ["diaspora", "remittances"],
     [("in_progress", "Call for proposals published in Cahul and Ungheni.", 40, [])]),
    ("UA", "Pilot remittance-matching for municipal projects",
     "Ministry of Economy", -20, ["remittances"],
     [("dropped", "Postponed: the budget line was reallocated to reconstruction.", 100, [])]),
    ("GE", "Train consular staff on diaspora outreach",
     "Ministry of Foreign Affairs", 30, ["diaspora"], []),
]  # fmt: skip


def seed(ctx) -> None:
    from members.models import User
    from taxonomy.models import Country, Theme

    meeting = EventPage.objects.filter(slug=MEETING_SLUG).first()
    if meeting is None or Commitment.objects.filter(page=meeting).exists():
        return
    meeting = meeting.specific
    for n, text in enumerate(CONCLUSIONS):
        meeting.conclusions.add(Conclusion(text=text, sort_order=n))
    for n, (code, action, who, due, themes, _updates) in enumerate(COMMITMENTS):
        commitment = Commitment(
            country=Country.objects.get(code=code),
            action=action,
            institution=who,
            due_on=timezone.localdate() + timedelta(days=due),
            sort_order=n,
        )
        commitment.themes.set(list(Theme.objects.filter(slug__in=themes)))
        meeting.commitments.add(commitment)
    meeting.save_revision().publish()
    now = timezone.now()
    secretariat = User.objects.filter(email=f"secretariat@{DOMAIN}").first()
    for code, action, _who, _due, _themes, updates in COMMITMENTS:
        commitment = Commitment.objects.get(page=meeting, action=action)
        author = User.objects.filter(email=f"gov.{code.lower()}@{DOMAIN}").first() or secretariat
        state = "planned"
        for to_state, note, days_ago, links in updates:
            update = CommitmentUpdate.objects.create(
                commitment=commitment,
                author=author,
                from_state=state,
                to_state=to_state,
                note=note,
                evidence_urls=links,
            )
            CommitmentUpdate.objects.filter(pk=update.pk).update(
                created_at=now - timedelta(days=days_ago)
            )
            state = to_state
    ctx.say(f"events: {len(CONCLUSIONS)} conclusions and {len(COMMITMENTS)} commitments")
