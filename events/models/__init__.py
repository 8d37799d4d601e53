from events.models.commitments import Commitment, CommitmentState, CommitmentUpdate, Conclusion
from events.models.consultations import (
    Answer,
    AnswerVisibility,
    ConsultationDocument,
    ConsultationPage,
    ConsultationQuestion,
    ConsultationReminder,
    QuestionKind,
    Response,
    ResponseMode,
    ResponseStatus,
)
from events.models.pages import (
    AgendaSession,
    EventDocument,
    EventFormat,
    EventIndexPage,
    EventKind,
    EventOutcomeLink,
    EventPage,
)
from events.models.registrations import (
    CalendarFeedToken,
    EventLedger,
    Registration,
    RegistrationStatus,
    SentEmail,
    SentEmailKind,
    SentReminder,
)

__all__ = [
    "AgendaSession",
    "Answer",
    "AnswerVisibility",
    "CalendarFeedToken",
    "ConsultationDocument",
    "ConsultationPage",
    "ConsultationQuestion",
    "ConsultationReminder",
    "EventDocument",
    "EventFormat",
    "EventIndexPage",
    "EventKind",
    "EventLedger",
    "EventOutcomeLink",
    "EventPage",
    "QuestionKind",
    "Registration",
    "RegistrationStatus",
    "Response",
    "ResponseMode",
    "ResponseStatus",
    "SentEmail",
    "SentEmailKind",
    "SentReminder",
]
__all__ += ["Commitment", "CommitmentState", "CommitmentUpdate", "Conclusion"]
