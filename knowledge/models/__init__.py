from knowledge.models.documents import PracticeDocument
from knowledge.models.pages import (
    CountryIndexPage,
    CountryProfilePage,
    LibraryIndexPage,
    PracticeNotePage,
)
from knowledge.models.taxonomy import Country, GCMObjective, ResourceType, TargetGroup, Theme

__all__ = [
    "Country",
    "CountryIndexPage",
    "CountryProfilePage",
    "GCMObjective",
    "LibraryIndexPage",
    "PracticeDocument",
    "PracticeNotePage",
    "ResourceType",
    "TargetGroup",
    "Theme",
]
