from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# Fixture names of the roles every URL is tried as (see tests/fixtures.py).
ROLES = ["anonymous", "member", "expert", "official", "secretariat"]


@dataclass(frozen=True)
class Expect:
    """Expected status per role; ``member`` is the default for signed-in roles not given."""

    anonymous: int = 302
    member: int = 200
    expert: int | None = None
    official: int | None = None
    secretariat: int | None = None
    kwargs: dict | Callable[[dict], dict] = field(default_factory=dict)
    setup: Callable | None = None  # called with the pytest request; returns a context dict
    method: str = "get"
    data: dict | None = None
    anonymous_to_login: bool = True
    skip_reason: str = ""

    def status_for(self, role: str) -> int:
        value = getattr(self, role)
        return self.member if value is None else value
