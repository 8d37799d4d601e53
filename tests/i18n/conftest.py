"""E-mails and tasks sent on commit run at once, as in the events tests."""

from tests.events.conftest import _run_on_commit_at_once  # noqa: F401 -- an autouse fixture
