"""The one exception every server layer raises for a refusal (answered as an
:class:`~bbms_desktop.sync.protocol.ErrorBody`), and the number ranges the server hands out in blocks (the client's
own limits, from ``services.numbering``).
"""

from __future__ import annotations

from bbms_desktop.services import numbering
from bbms_desktop.sync.protocol import ErrorBody

SERIES_RANGES: dict[str, tuple[int, int]] = {
    "donor": (1, numbering.DONOR_SEQUENCE_MAX),
    "request": (1, numbering.REQUEST_SEQUENCE_MAX),
    "camp": (1, numbering.CAMP_SEQUENCE_MAX),
}
DIN_SERIES_RANGE = (1, numbering.DIN_SEQUENCE_MAX)


def series_range(series: str) -> tuple[int, int]:
    """The numbers a series may hand out (``din:YY``: the 6-digit DIN sequence number of year YY)."""
    if series.startswith("din:"):
        return DIN_SERIES_RANGE
    return SERIES_RANGES[series]


class ApiError(Exception):
    """A refusal with an HTTP status and an :class:`ErrorBody`; raised by the store, answered by the app."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        permanent: bool = True,
        expected_op_seq: int | None = None,
        offset: int | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body = ErrorBody(
            code=str(code), message=message, permanent=permanent, expected_op_seq=expected_op_seq, offset=offset
        )


class Rejected(Exception):
    """An op refused for good; the answer carries the server's row as the device may see it (after rollback)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = str(code)
        self.message = message
