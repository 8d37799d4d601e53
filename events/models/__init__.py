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
from events.models.evaluation import (
    Certificate,
    EvaluationAnswer,
    EvaluationPhase,
    EvaluationQuestion,
    EvaluationQuestionKind,
    EvaluationResponse,
    EvaluationSubmission,
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
    "Certificate",
    "ConsultationDocument",
    "ConsultationPage",
    "ConsultationQuestion",
    "ConsultationReminder",
    "EvaluationAnswer",
    "EvaluationPhase",
    "EvaluationQuestion",
    "EvaluationQuestionKind",
    "EvaluationResponse",
    "EvaluationSubmission",
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
from events.models.attendance import AttendanceMode, CheckIn  # noqa: F401
from events.models.visa import VisaLetter, VisaLetterState  # noqa: F401

__all__ += ["Commitment", "CommitmentState", "CommitmentUpdate", "Conclusion"]
