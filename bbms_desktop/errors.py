"""Domain exceptions: every refusal carries a stable code and a translatable message.

Services and rules raise these; the UI shows ``error.text`` in the user's language and the CLI prints it. Nothing
that raises one of these has saved anything: services raise inside their unit of work, which then rolls back.
"""

from __future__ import annotations

from bbms_desktop.i18n import Msg, Text, Translate


class DomainError(Exception):
    """Base of every refusal a person must read."""

    code = "domain_error"

    def __init__(self, text: Text | Msg, *, code: str | None = None, field: str | None = None) -> None:
        self.text = text if isinstance(text, Text) else text()
        if code is not None:
            self.code = code
        self.field = field  # the input field at fault, when there is one, so a form can focus it
        super().__init__(self.text.render())

    def render(self, translate: Translate | str | None = None) -> str:
        return self.text.render(translate)


class InvalidInput(DomainError, ValueError):
    """The input itself is wrong: a bad check character, impossible vitals, a future date of birth, an unknown code."""

    code = "invalid_input"


class NotFound(DomainError, LookupError):
    code = "not_found"


class NotPermitted(DomainError, PermissionError):
    """The signed-in user's role may not do this, or the same user may not both enter and verify."""

    code = "not_permitted"


class StateError(DomainError):
    """The record is not in a state that allows this step (an illegal component transition, a closed request)."""

    code = "illegal_state"


class SafetyError(DomainError):
    """A safety rule refuses this: an untested, reactive, expired, incompatible or already-issued unit, a deferral."""

    code = "safety"


class DuplicateError(DomainError):
    """The record already exists (a DIN used twice, a donor number taken)."""

    code = "duplicate"
