from knowledge.models.documents import PracticeDocument
from knowledge.models.pages import (
    CountryIndexPage,
    CountryProfilePage,
    LibraryIndexPage,
    PracticeNotePage,
)
from knowledge.models.requests import CapacityRequest, CapacityRequestChange  # noqa: F401

__all__ = [
    "CountryIndexPage",
    "CountryProfilePage",
    "LibraryIndexPage",
    "PracticeDocument",
    "PracticeNotePage",
]
