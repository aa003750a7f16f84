"""The HTTP API (FastAPI): every request and response model comes from ``bbms_desktop.sync.protocol``, so the
OpenAPI document this app serves is the wire contract. Handlers are thin: one database session per request, the work
in ``store``/``push``/``donors``/``auth``, every refusal an ``ErrorBody`` with its status, never a 5xx for bad input.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import uuid
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Depends, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bbms_central import auth, blobs, donors, push, registry, store, teleconsults
from bbms_central.db import Database
from bbms_central.models import Device
from bbms_central.wire import ApiError
from bbms_desktop.rules.teleconsult import Specialty
from bbms_desktop.sync import protocol
from bbms_desktop.sync.protocol import (
    API,
    BlobStatus,
    BlockRequest,
    BlockResponse,
    DuplicatesResponse,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
    ErrorCode,
    HealthResponse,
    HubQueueResponse,
    MergeRequest,
    MergeResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    StockResponse,
    Stream,
    StreamPage,
    TokenRequest,
    TokenResponse,
    UndoMergeRequest,
)

log = logging.getLogger("bbms_central")

MAX_COMPRESSED_BODY = 32 * 1024 * 1024
MAX_INFLATED_BODY = 128 * 1024 * 1024


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorBody} for status in (*statuses, 422)}


_bearer = HTTPBearer(auto_error=False, description="A device token from /v1/devices/enrol or /v1/devices/token.")


Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def bearer_token(credentials: HTTPAuthorizationCredentials | None) -> str | None:
    return credentials.credentials if credentials else None


def signed_in(request: Request, credentials: Bearer) -> Device:
    """The device of the request's bearer token (401 ``unauthorized`` otherwise: re-authenticate, principle 12)."""
    with request.app.state.db.lookup() as session:  # one statement
        return auth.authenticate(session, bearer_token(credentials))


Auth = Annotated[Device, Depends(signed_in)]


DATABASE_ENV = "BBMS_CENTRAL_DATABASE"
TOKEN_TTL_ENV = "BBMS_CENTRAL_TOKEN_TTL"


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``bbms-central serve --workers N`` (the CLI sets the environment)."""
    token_ttl = int(os.environ.get(TOKEN_TTL_ENV, auth.DEFAULT_TOKEN_TTL))
    return create_app(os.environ[DATABASE_ENV], token_ttl=token_ttl, serving=True)


def create_app(database_url: str | None, token_ttl: int = auth.DEFAULT_TOKEN_TTL, *, serving: bool = False) -> FastAPI:
    """The server on the database at ``database_url`` (which must be at the schema head: ``bbms-central init``).
    ``serving``: the app is the server process's (``bbms-central serve``), whose garbage collection it may tune."""
    db = Database(database_url)
    db.check_schema()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if serving:
            fewer_garbage_collections()
            anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
        yield
        db.dispose()

    app = FastAPI(
        lifespan=lifespan,
        title="bbms-central",
        version=str(protocol.SCHEMA_VERSION),
        description="The central sync server of bbms-desktop (SYNC.md).",
    )
    app.state.db = db
    pushes = GroupCommit(db)
    app.add_middleware(GZipMiddleware, minimum_size=protocol.GZIP_MINIMUM_BYTES, compresslevel=5)
    app.add_middleware(GzipRequestMiddleware)
    _add_error_handlers(app)

    @app.get(f"{API}/health", response_model=HealthResponse, tags=["server"])
    def health() -> HealthResponse:
        return HealthResponse(status="ok", schema_version=protocol.SCHEMA_VERSION)

    @app.post(f"{API}/devices/enrol", response_model=EnrolResponse, responses=_errors(403), tags=["devices"])
    def enrol(request: EnrolRequest) -> EnrolResponse:
        with db.write() as session:
            return auth.enrol(session, request, token_ttl)

    @app.post(f"{API}/devices/token", response_model=TokenResponse, responses=_errors(401), tags=["devices"])
    def token(request: TokenRequest) -> TokenResponse:
        with db.write() as session:
            return auth.token(session, request, token_ttl)

    @app.post(f"{API}/sync/push", response_model=PushResponse, responses=_errors(400, 401, 403, 409), tags=["sync"])
    async def push_ops(request: PushRequest, device: Auth) -> PushResponse:
        return await pushes.push(device.id, request, push.SignedIn(device.centre_id, device.training))

    @app.get(f"{API}/sync/pull", response_model=PullResponse, responses=_errors(400, 401, 410), tags=["sync"])
    def pull(
        device: Auth,
        cursor: Annotated[str | None, Query(pattern=protocol.CURSOR_PATTERN)] = None,
        limit: Annotated[int, Query(ge=1, le=protocol.MAX_PULL_LIMIT)] = protocol.DEFAULT_PULL_LIMIT,
    ) -> Response:
        with db.read() as session:  # built as JSON directly (a page is up to 5,000 rows); the schema is PullResponse
            return Response(store.pull_json(session, device, cursor, limit), media_type="application/json")

    @app.get(f"{API}/sync/pull/scope", response_model=StreamPage, responses=_errors(400, 401, 410), tags=["sync"])
    def pull_scope(
        credentials: Bearer,
        cursor: Annotated[str | None, Query(pattern=protocol.CURSOR_PATTERN)] = None,
        limit: Annotated[int, Query(ge=1, le=protocol.MAX_PULL_LIMIT)] = protocol.DEFAULT_PULL_LIMIT,
    ) -> Response:
        """The centre's own stream: its own rows and the teleconsultations it takes part in (its own cursor)."""
        # the token checked in the pull's own transaction: every centre pulls, one connection a pull, not two
        with db.read() as session:
            device = auth.authenticate(session, bearer_token(credentials))
            body = store.pull_json(session, device, cursor, limit, stream=Stream.SCOPE)
        return Response(body, media_type="application/json")

    pages = registry.PageCache()
    app.state.registry_pages = pages

    @app.get(f"{API}/sync/pull/registry", response_model=StreamPage, responses=_errors(400, 401, 410), tags=["sync"])
    def pull_registry(
        request: Request,
        credentials: Bearer,
        cursor: Annotated[str | None, Query(pattern=protocol.CURSOR_PATTERN)] = None,
    ) -> Response:
        """The shared registry stream (its own cursor): the same pages for every centre, served as the same bytes
        (``protocol.REGISTRY_PAGE_ROWS`` rows a page; a centre's own rows come in it too, and it keeps its own)."""
        # the token, the cursor's age and the page's new rows (read up to a sequence number already committed): one
        # connection, no transaction needed
        with db.lookup() as session:
            device = auth.authenticate(session, bearer_token(credentials))
            page = pages.page(session, device.training, store.checked_cursor(session, cursor))
        if "gzip" in request.headers.get("accept-encoding", "").lower():
            headers = {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
            return Response(page.gzipped, media_type="application/json", headers=headers)
        return Response(registry.inflated(page), media_type="application/json", headers={"Vary": "Accept-Encoding"})

    @app.post(f"{API}/blocks", response_model=BlockResponse, responses=_errors(401, 409), tags=["numbers"])
    def blocks(request: BlockRequest, device: Auth) -> BlockResponse:
        with db.write() as session:
            return store.grant_block(session, device, request.series, request.size)

    @app.get(f"{API}/stock", response_model=StockResponse, responses=_errors(401), tags=["stock"])
    def stock(device: Auth) -> StockResponse:
        with db.read() as session:
            return store.stock(session, device)

    @app.get(f"{API}/donors/duplicates", response_model=DuplicatesResponse, responses=_errors(401), tags=["donors"])
    def duplicates(device: Auth) -> DuplicatesResponse:
        with db.read() as session:
            return donors.duplicates(session, device)

    @app.post(
        f"{API}/donors/merge", response_model=MergeResponse, responses=_errors(401, 403, 404, 409), tags=["donors"]
    )
    def merge(request: MergeRequest, device: Auth) -> MergeResponse:
        with db.write() as session:
            return donors.merge(session, device, request)

    @app.post(
        f"{API}/donors/merge/{{merge_id}}/undo",
        response_model=MergeResponse,
        responses=_errors(401, 403, 404, 409),
        tags=["donors"],
    )
    def undo_merge(merge_id: uuid.UUID, request: UndoMergeRequest, device: Auth) -> MergeResponse:
        with db.write() as session:
            return donors.undo_merge(session, device, merge_id, request)

    @app.get(
        f"{API}/teleconsults/queue", response_model=HubQueueResponse, responses=_errors(401, 403), tags=["teleconsults"]
    )
    def hub_queue(
        device: Auth,
        doctor_id: uuid.UUID,
        specialty: Annotated[Specialty | None, Query()] = None,
    ) -> HubQueueResponse:
        """A hub doctor's queue: the open requests addressed to this hub in the specialties assigned to the doctor."""
        with db.read() as session:
            return teleconsults.hub_queue(session, device, doctor_id, specialty.value if specialty else None)

    _add_blob_routes(app, db)
    return app


Sha256 = Annotated[str, Path(pattern=protocol.SHA256_PATTERN, description="the blob's sha256, lower-case hex")]
_BINARY = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}


def _add_blob_routes(app: FastAPI, db: Database) -> None:
    """Attachment blobs: HEAD says the server's offset, PUT appends a chunk at it, GET reads a whole blob."""
    offset_headers = {
        protocol.UPLOAD_OFFSET: {"schema": {"type": "integer"}, "description": "bytes the server holds"},
        protocol.UPLOAD_LENGTH: {"schema": {"type": "integer"}, "description": "the blob's size, once known"},
        protocol.UPLOAD_COMPLETE: {"schema": {"type": "string", "enum": ["0", "1"]}, "description": "verified"},
    }

    @app.head(
        f"{API}/blobs/{{sha256}}",
        responses={200: {"description": "How much of the blob the server holds", "headers": offset_headers},
                   **_errors(401, 404)},
        tags=["blobs"],
    )  # fmt: skip
    def blob_status(sha256: Sha256, device: Auth) -> Response:
        with db.read() as session:
            found = blobs.status(session, device, sha256)
        headers = {protocol.UPLOAD_OFFSET: str(found.offset), protocol.UPLOAD_COMPLETE: "1" if found.complete else "0"}
        if found.size is not None:
            headers[protocol.UPLOAD_LENGTH] = str(found.size)
        return Response(status_code=200, headers=headers)

    @app.put(
        f"{API}/blobs/{{sha256}}",
        response_model=BlobStatus,
        responses=_errors(400, 401, 404, 409, 413),
        openapi_extra={"requestBody": {"required": True, "content": _BINARY}},
        tags=["blobs"],
    )
    async def blob_chunk(
        sha256: Sha256,
        request: Request,
        device: Auth,
        upload_offset: Annotated[int, Header(ge=0, le=protocol.MAX_BLOB_BYTES)],
        upload_length: Annotated[int, Header(ge=1, le=protocol.MAX_BLOB_BYTES)],
    ) -> BlobStatus:
        data = await request.body()
        return await run_in_threadpool(_put_chunk, device, sha256, upload_offset, upload_length, data)

    def _put_chunk(device: Device, sha256: str, offset: int, length: int, data: bytes) -> BlobStatus:
        with db.write() as session:
            found = blobs.put_chunk(session, device, sha256, offset, length, data)
        if found is None:  # the discarded upload is committed; the device is told to send it again whole
            raise blobs.mismatch()
        return found

    @app.get(
        f"{API}/blobs/{{sha256}}",
        response_class=Response,
        responses={200: {"content": _BINARY, "description": "The whole blob"}, **_errors(401, 404)},
        tags=["blobs"],
    )
    def blob(sha256: Sha256, device: Auth) -> Response:
        with db.read() as session:
            return Response(blobs.read(session, device, sha256), media_type="application/octet-stream")


class GroupCommit:
    """Pushes take the sequence lock one after another anyway; the ones that arrive while a transaction is being
    applied wait here (holding neither a thread nor a connection) and are then applied together, as one batch, in
    one transaction with one commit. With hundreds of centres syncing at once, the commit (a disk
    flush) is paid once per group instead of once per centre. Every answer is sent only after the commit; a
    refused push does not touch the others; if the commit fails, nothing of the group is
    saved and every push of it is answered 500 (the devices push again: the server is idempotent)."""

    MAX_PUSHES = 100
    MAX_OPS = 5_000

    def __init__(self, db: Database) -> None:
        self.db = db
        self.waiting: list[tuple[uuid.UUID, PushRequest, asyncio.Future[PushResponse], push.SignedIn | None]] = []
        self.applying = False
        self.limiter = anyio.CapacityLimiter(1)
        self._task: asyncio.Task[None] | None = None

    async def push(
        self, device_id: uuid.UUID, request: PushRequest, signed_in: push.SignedIn | None = None
    ) -> PushResponse:
        answer: asyncio.Future[PushResponse] = asyncio.get_running_loop().create_future()
        self.waiting.append((device_id, request, answer, signed_in))
        if not self.applying:  # the event loop's one thread: no other coroutine runs between the test and the set
            self.applying = True
            self._task = asyncio.get_running_loop().create_task(self._apply_waiting())  # kept: a task is weakly held
        return await answer

    async def _apply_waiting(self) -> None:
        try:
            while self.waiting:
                group, ops = [], 0
                while self.waiting and len(group) < self.MAX_PUSHES and (not group or ops < self.MAX_OPS):
                    group.append(self.waiting.pop(0))
                    ops += len(group[-1][1].ops)
                try:
                    outcomes = await anyio.to_thread.run_sync(
                        self._apply,
                        [(device, request) for device, request, _, _ in group],
                        {device: signed_in for device, _, _, signed_in in group if signed_in is not None},
                        limiter=self.limiter,
                    )
                except Exception:  # the commit failed (or a bug): nothing of the group is saved, each push gets a 500
                    log.exception("a group of %d pushes was not committed", len(group))
                    outcomes = [_not_saved() for _ in group]
                for (_device, _request, answer, _signed_in), outcome in zip(group, outcomes, strict=True):
                    if answer.done():
                        continue  # the client went away
                    if isinstance(outcome, Exception):
                        answer.set_exception(outcome)
                    else:
                        answer.set_result(outcome)
        finally:
            self.applying = False

    def _apply(
        self,
        group: list[tuple[uuid.UUID, PushRequest]],
        signed_in: dict[uuid.UUID, push.SignedIn] | None = None,
    ) -> list[PushResponse | Exception]:
        """The group's pushes in one transaction (``push.push_many``: applied as one batch, a refused push leaving
        the others as if it had never come); ``signed_in``: each device as its request's token check found it."""
        signed_in = signed_in or {}
        with self.db.write() as session:
            # the sequence lock for the whole group: the centres cannot change until the group commits, so the
            # group's pushes share one reading of them (at hundreds of centres, a read of every centre row per push)
            return push.push_many(
                session,
                [(device_id, request, signed_in.get(device_id)) for device_id, request in group],
                peers_by_world={},
                sequencer=store.lock_sequence(session),
            )


def _not_saved() -> ApiError:
    return ApiError(500, ErrorCode.INTERNAL, "Server error: nothing was saved.", permanent=False)


GC_THRESHOLDS = (20_000, 20, 20)

# Threads that run requests (AnyIO's default is 40). The work is CPU-bound Python under one GIL: with 40 threads each
# waiting request took its turn and the group commit's thread (its own, see GroupCommit) got a small share, so pushes
# waited behind pulls. Measured with 500 centres (bench/central_load.py): 40 -> p99 3.7 s, 8 -> 2.3 s (the best of
# the counts tried). Run more worker processes to use more cores.
REQUEST_THREADS = 8


def fewer_garbage_collections() -> None:
    """Take the objects of a started server (modules, models, routes: hundreds of thousands) out of the garbage
    collector's sight and collect less often. A push of 500 ops allocates hundreds of thousands of short-lived
    objects; with Python's defaults, full collections that walk every object took a third of the push's CPU."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    def _api_error(_request: Request, error: ApiError) -> JSONResponse:
        return _answer(error.status, error.body)

    @app.exception_handler(RequestValidationError)
    def _invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        details = "; ".join(
            f"{'.'.join(str(part) for part in e.get('loc', ()))}: {e.get('msg', '')}" for e in error.errors()[:5]
        )
        return _answer(422, ErrorBody(code=ErrorCode.INVALID_REQUEST, message=details[:1000] or "invalid"))

    @app.exception_handler(StarletteHTTPException)
    def _http(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        codes = {404: ErrorCode.NOT_FOUND, 405: ErrorCode.METHOD_NOT_ALLOWED}
        code = codes.get(error.status_code, ErrorCode.INVALID_REQUEST)
        return _answer(error.status_code, ErrorBody(code=code, message=str(error.detail)), error.headers)

    @app.exception_handler(Exception)
    def _bug(_request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=error)
        return _answer(500, ErrorBody(code=ErrorCode.INTERNAL, message="Server error: nothing was saved."))


def _answer(status: int, body: ErrorBody, headers: dict[str, str] | None = None) -> JSONResponse:
    if status == 401:
        headers = {**(headers or {}), "WWW-Authenticate": "Bearer"}
    return JSONResponse(status_code=status, content=body.model_dump(mode="json"), headers=headers)


class GzipRequestMiddleware:
    """Inflate a request body sent with ``Content-Encoding: gzip`` (a backlog of ops compresses well)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"content-encoding"]
        encodings = [
            v.decode("latin-1").strip().lower() for k, v in scope["headers"] if k.lower() == b"content-encoding"
        ]
        if not encodings or encodings == ["identity"]:
            await self.app(scope, receive, send)
            return
        if encodings != ["gzip"]:
            await _refuse(send, f"Content-Encoding {', '.join(encodings)[:40]} is not supported: send gzip.")
            return
        compressed = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            compressed += message.get("body", b"")
            if len(compressed) > MAX_COMPRESSED_BODY:
                await _refuse(send, "The request body is too large.")
                return
            if not message.get("more_body", False):
                break
        try:
            inflater = zlib.decompressobj(wbits=31)
            body = inflater.decompress(bytes(compressed), MAX_INFLATED_BODY)
            if inflater.unconsumed_tail or not inflater.eof:
                raise zlib.error("truncated or too large")
        except zlib.error:
            await _refuse(send, "The gzip request body is broken or too large once inflated.")
            return
        headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        sent = False

        async def inflated() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app({**scope, "headers": headers}, inflated, send)


async def _refuse(send: Send, message: str) -> None:
    response = _answer(400, ErrorBody(code=ErrorCode.BAD_BODY, message=message))
    await response({"type": "http"}, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}
