"""HTTP to the central server: ``requests`` with timeouts, safe retries, gzip, and a 401 handled as a pause.

Every call the engine makes is idempotent on the server (a replayed push is answered from the server's op log, a pull
is a read), so transport-level retries of connection resets and 5xx answers are safe, including a 500 that came after
the server committed. A 401 is not a failure (SYNC.md principle 12): the transport exchanges the device secret for
a new token once and repeats the request, without spending a retry. Nothing here knows about the database.
"""

from __future__ import annotations

import gzip
import json
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import requests
from pydantic import BaseModel, ValidationError
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from bbms_desktop.errors import DomainError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.sync import protocol
from bbms_desktop.sync.pages import PulledPage, parse_pull_page, parse_stream_page

UNREACHABLE = QT_TRANSLATE_NOOP(
    "Sync", "The central server at {url} cannot be reached ({detail}). Work goes on offline; sync will retry."
)
REFUSED = QT_TRANSLATE_NOOP("Sync", "The central server refused the request ({code}): {message}")
BAD_ANSWER = QT_TRANSLATE_NOOP("Sync", "The central server sent an answer this version cannot read ({detail}).")

T = TypeVar("T", bound=BaseModel)

CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 60.0
RETRIES = 3
REAUTHENTICATIONS = 3  # per call: how many 401s are answered by signing in again


class SyncError(DomainError):
    """A sync cycle could not go on; the outbox and the local data are untouched."""


class ServerUnreachable(SyncError):
    pass


class ServerRefused(SyncError):
    def __init__(self, status: int, body: protocol.ErrorBody) -> None:
        super().__init__(REFUSED(code=body.code, message=body.message), code=body.code)
        self.status = status
        self.body = body


class Transport:
    """One device's connection to the server. ``secret`` is called for the device secret when a token is needed."""

    def __init__(
        self,
        base_url: str,
        device_id: uuid.UUID,
        secret: Callable[[], str],
        *,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT_S, READ_TIMEOUT_S),
        retries: int = RETRIES,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.device_id = device_id
        self._secret = secret
        self._token: str | None = None
        self.timeout = timeout
        self.session = session or requests.Session()
        retry = Retry(
            total=retries,
            connect=retries,
            read=retries,
            status=retries,
            backoff_factor=0.5,
            status_forcelist=(500, 502, 503, 504),
            allowed_methods=None,  # POSTs too: the server makes every call idempotent
            raise_on_status=False,
            respect_retry_after_header=True,
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers["Accept-Encoding"] = "gzip"
        self.reauthentications = 0  # for diagnostics and tests

    # -- the calls --------------------------------------------------------------------------------------------------

    @staticmethod
    def enrol(base_url: str, request: protocol.EnrolRequest, *, timeout: float = 30) -> protocol.EnrolResponse:
        """Enrol a device (no token yet): one-time code in, device secret and first token out."""
        url = f"{base_url.rstrip('/')}{protocol.API}/devices/enrol"
        try:
            response = requests.post(url, data=request.model_dump_json(), headers=_JSON, timeout=timeout)
        except requests.RequestException as error:
            raise ServerUnreachable(UNREACHABLE(url=base_url, detail=_short(error)), code="unreachable") from error
        return _parse(response, protocol.EnrolResponse)

    def push(self, request: protocol.PushRequest) -> protocol.PushResponse:
        return self.push_body(request.model_dump_json().encode())

    def push_body(self, body: bytes) -> protocol.PushResponse:
        """A push whose :class:`protocol.PushRequest` is already JSON (the engine writes it from the outbox)."""
        return self._call("POST", "/sync/push", protocol.PushResponse, body=body)

    def pull(self, cursor: str, limit: int = protocol.DEFAULT_PULL_LIMIT) -> protocol.PullResponse:
        return self._call("GET", "/sync/pull", protocol.PullResponse, params={"cursor": cursor, "limit": limit})

    def pull_stream(self, stream: protocol.Stream, cursor: str, limit: int = protocol.DEFAULT_PULL_LIMIT) -> PulledPage:
        """A page of one stream: the centre's scope (``limit`` rows at most) or the shared registry (the server's
        fixed page size, the same pages for every centre), read as plain rows per entity
        (:func:`pages.parse_stream_page`: what :class:`protocol.StreamPage` reads, without a model per change)."""
        params: dict[str, Any] = {"cursor": cursor}
        if stream is protocol.Stream.SCOPE:
            params["limit"] = limit
        response = self._authorised("GET", f"/sync/pull/{stream.value}", params=params, headers=dict(_JSON))
        if response.status_code >= 400:
            raise ServerRefused(response.status_code, _error_body(response))
        try:
            return parse_stream_page(response.content)
        except ValidationError as error:
            raise SyncError(BAD_ANSWER(detail=_short(error)), code="bad_answer") from error

    def pull_page(self, cursor: str, limit: int = protocol.DEFAULT_PULL_LIMIT) -> PulledPage:
        """:meth:`pull` read as plain rows per entity (the engine's form; no model per change)."""
        response = self._authorised("GET", "/sync/pull", params={"cursor": cursor, "limit": limit}, headers=dict(_JSON))
        if response.status_code >= 400:
            raise ServerRefused(response.status_code, _error_body(response))
        try:
            return parse_pull_page(response.content)
        except ValidationError as error:
            raise SyncError(BAD_ANSWER(detail=_short(error)), code="bad_answer") from error

    def blocks(self, request: protocol.BlockRequest) -> protocol.BlockResponse:
        return self._call("POST", "/blocks", protocol.BlockResponse, body=request.model_dump_json().encode())

    def stock(self) -> protocol.StockResponse:
        return self._call("GET", "/stock", protocol.StockResponse)

    def hub_queue(self, doctor_id: uuid.UUID, specialty: str | None = None) -> protocol.HubQueueResponse:
        """A hub doctor's queue as the server has it (the specialties assigned to the doctor, by priority)."""
        params = {"doctor_id": str(doctor_id), **({"specialty": specialty} if specialty else {})}
        return self._call("GET", "/teleconsults/queue", protocol.HubQueueResponse, params=params)

    # -- blobs (principle 13) -----------------------------------------------------------------------------------------

    def blob_status(self, sha256: str) -> protocol.BlobStatus:
        """How much of the blob the server holds (``HEAD``); a 404 means the server knows no attachment of it yet."""
        response = self._authorised("HEAD", f"/blobs/{sha256}")
        if response.status_code >= 400:
            raise ServerRefused(response.status_code, _error_body(response))
        size = response.headers.get(protocol.UPLOAD_LENGTH)
        return protocol.BlobStatus(
            sha256=sha256,
            size=int(size) if size else None,
            offset=int(response.headers.get(protocol.UPLOAD_OFFSET, "0")),
            complete=response.headers.get(protocol.UPLOAD_COMPLETE) == "1",
        )

    def put_blob_chunk(self, sha256: str, offset: int, length: int, data: bytes) -> protocol.BlobStatus:
        headers = {
            "Content-Type": "application/octet-stream",
            protocol.UPLOAD_OFFSET: str(offset),
            protocol.UPLOAD_LENGTH: str(length),
        }
        response = self._authorised("PUT", f"/blobs/{sha256}", data=data, headers=headers)
        return _parse(response, protocol.BlobStatus)

    def get_blob(self, sha256: str) -> bytes:
        response = self._authorised("GET", f"/blobs/{sha256}")
        if response.status_code >= 400:
            raise ServerRefused(response.status_code, _error_body(response))
        return response.content

    # -- plumbing -----------------------------------------------------------------------------------------------------

    def authenticate(self) -> None:
        """Exchange the device secret for a fresh token."""
        url = f"{self.base_url}{protocol.API}/devices/token"
        request = protocol.TokenRequest(device_id=self.device_id, device_secret=self._secret())
        response = self._send("POST", url, data=request.model_dump_json().encode(), headers=dict(_JSON))
        self._token = _parse(response, protocol.TokenResponse).token

    def _call(
        self,
        method: str,
        path: str,
        model: type[T],
        *,
        body: bytes | None = None,
        params: dict[str, Any] | None = None,
    ) -> T:
        headers = dict(_JSON)
        if body is not None and len(body) >= protocol.GZIP_MINIMUM_BYTES:
            body = gzip.compress(body, compresslevel=5)
            headers["Content-Encoding"] = "gzip"
        return _parse(self._authorised(method, path, data=body, params=params, headers=headers), model)

    def _authorised(
        self,
        method: str,
        path: str,
        *,
        data: bytes | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> requests.Response:
        """The request with the device's token; a 401 re-authenticates and repeats it."""
        if self._token is None:
            self.authenticate()
        url = f"{self.base_url}{protocol.API}{path}"
        headers = dict(headers or {})
        for attempt in range(REAUTHENTICATIONS + 1):
            headers["Authorization"] = f"Bearer {self._token}"
            response = self._send(method, url, data=data, params=params, headers=headers)
            if response.status_code == 401 and attempt < REAUTHENTICATIONS:
                # principle 12: a 401 pauses, re-authenticates and retries; it spends no retry. More than once: a
                # fresh token can expire on the way too (a slow link, a short-lived token); a refused secret is
                # its own error (bad_secret), so this never loops
                self.reauthentications += 1
                self.authenticate()
                continue
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _send(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        try:
            return self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.RequestException as error:
            raise ServerUnreachable(UNREACHABLE(url=self.base_url, detail=_short(error)), code="unreachable") from error


_JSON = {"Content-Type": "application/json"}


def _parse(response: requests.Response, model: type[T]) -> T:
    if response.status_code >= 400:
        raise ServerRefused(response.status_code, _error_body(response))
    try:
        return model.model_validate_json(response.content)
    except ValidationError as error:
        raise SyncError(BAD_ANSWER(detail=_short(error)), code="bad_answer") from error


def _error_body(response: requests.Response) -> protocol.ErrorBody:
    try:
        data = response.json()
        if isinstance(data, dict) and isinstance(data.get("detail"), dict):
            data = data["detail"]  # FastAPI's HTTPException wraps the body in "detail"
        return protocol.ErrorBody.model_validate(data)
    except (ValueError, ValidationError, json.JSONDecodeError):
        text = response.text[:300] if response.text else response.reason
        return protocol.ErrorBody(code=f"http_{response.status_code}", message=text or "", permanent=False)


def _short(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:200]
