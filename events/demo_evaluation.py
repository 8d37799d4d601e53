"""Demo evaluation: the past training's questions, anonymous answers and certificates.

One participant who attended is left to answer (and download a certificate) by hand.
Idempotent: questions are added once; answers and certificates once per registration.
"""

from __future__ import annotations

from events import certificates, evaluation
from events.models import (
    EvaluationQuestion,
    EvaluationQuestionKind,
    EvaluationSubmission,
    EventPage,
    Registration,
    RegistrationStatus,
)

K = EvaluationQuestionKind
SLUG = "training-labour-agreements"

QUESTIONS = [
    (K.RATING, "How useful was the training for your work?", "", None),
    (K.RATING, "How well was the training organised?", "", None),
    (K.TEXT, "What will you use in your work?", "", None),
    (K.TEXT, "What should the next training change?", "", None),
    (
        K.TEST,
        "What does a bilateral labour agreement usually set out?",
        "Quotas, recruitment and workers' rights\nVisa fees only\nTax rates of both countries",
        1,
    ),
    (
        K.TEST,
        "Who should be consulted before an agreement is signed?",
        "Only the embassy\nSocial partners: employers and trade unions\nNobody",
        2,
    ),
    (
        K.TEST,
        "Which instrument sets ILO standards for migrant workers?",
        "Convention No. 97\nThe Schengen Borders Code\nThe Dublin Regulation",
        1,
    ),
]

TEXTS = [
    (
        "The model contract template; we will adapt it for seasonal workers.",
        "More time for the working groups.",
    ),
    ("Checklist for the consultation of social partners.", ""),
    ("", "Interpretation into Romanian for the second day."),
    ("Contacts with the Moldovan ministry colleagues.", "Send the material a week before."),
]


def _questions(event: EventPage) -> EventPage:
    if event.evaluation_questions.exists():
        return event
    for n, (kind, text, options, correct) in enumerate(QUESTIONS):
        event.evaluation_questions.add(
            EvaluationQuestion(
                kind=kind, text=text, options=options, correct_option=correct, sort_order=n
            )
        )
    event.evaluation_pass_mark = 60
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def seed(ctx) -> None:
    event = EventPage.objects.filter(slug=SLUG).first()
    if event is None:
        return
    event = _questions(event)
    questions = evaluation.questions_for(event=event, phase="post")
    attended = list(
        Registration.objects.filter(
            event=event, status=RegistrationStatus.CONFIRMED, attended=True
        ).select_related("user", "event")
    )
    # The first who attended answers by hand in the demo.
    for i, registration in enumerate(attended[1:]):
        for phase in ("pre", "post"):
            if EvaluationSubmission.objects.filter(registration=registration, phase=phase).exists():
                continue
            answers: dict = {}
            text_of = iter(TEXTS[i % len(TEXTS)])
            for question in questions:
                key = f"q{question.pk}"
                if question.kind == K.RATING:
                    answers[key] = 3 + (i + question.sort_order) % 3
                elif question.kind == K.TEXT:
                    answers[key] = next(text_of, "")
                else:
                    # Before the training some miss; afterwards most know.
                    right = (i + question.sort_order) % (2 if phase == "pre" else 4) != 0
                    correct = question.correct_option or 1
                    wrong = correct % len(question.option_list) + 1
                    answers[key] = correct if right else wrong
            if phase == "pre":
                answers = {
                    k: v
                    for k, v in answers.items()
                    if any(q.pk == int(k[1:]) and q.kind == K.TEST for q in questions)
                }
            evaluation.evaluation_submit(registration=registration, phase=phase, answers=answers)
        if certificates.eligibility(registration).allowed:
            certificates.certificate_issue(registration=registration)
    left = attended[0].user.email if attended else "nobody"
    ctx.say(
        f"events: evaluation of the past training with answers and certificates; {left} "
        "has yet to answer"
    )
