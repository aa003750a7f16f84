"""Uploading attachment blobs in resumable chunks, and fetching them (SYNC.md principle 13); driven by the cycle.

The server's offset is the truth: each upload starts with ``HEAD`` and sends chunks from wherever the server says,
so a cut at any byte (a dropped link, the machine killed) re-sends at most the chunk that was in flight. Only blobs
whose attachment the server already holds are sent (the cycle pushes the rows first). Each blob's local state
(:class:`BlobUpload`: waiting, uploading n %, uploaded, failed with a reason) is written after every chunk, for the
queue view; a failed upload is tried again by the next cycle. No Qt; no ORM object outlives its session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Text, text_to_json
from bbms_desktop.models import BlobUpload, TeleconsultAttachment
from bbms_desktop.rules.teleconsult import UploadState
from bbms_desktop.services.blobs import BlobStore, sha256_of
from bbms_desktop.services.uow import Database
from bbms_desktop.sync import protocol
from bbms_desktop.sync.transport import ServerRefused, SyncError, Transport

FILE_MISSING = QT_TRANSLATE_NOOP("Sync", "The file is missing from this machine's attachment store.")
FILE_DAMAGED = QT_TRANSLATE_NOOP(
    "Sync", "The stored file no longer matches its checksum (damaged on disk): attach it again."
)
SERVER_DISCARDED = QT_TRANSLATE_NOOP(
    "Sync", "The server received different bytes than were sent and discarded them; it will be sent again."
)
BLOB_NOT_FOUND = QT_TRANSLATE_NOOP("Sync", "The server has no attachment with this content that this centre may read.")

Progress = Callable[[str, int, int], None]


class UploadFailed(Exception):
    """This blob cannot go now (a reason a person reads); the others go on, and the next cycle tries it again."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.render())
        self.text = text


@dataclass(frozen=True, slots=True)
class UploadSummary:
    uploaded: int  # blobs the server now holds whole
    failed: int  # blobs that failed in this cycle (tried again by the next)
    waiting: int  # blobs not yet sent (their attachment not yet on the server)
    bytes_sent: int


class BlobUploader:
    def __init__(
        self,
        db: Database,
        transport: Transport,
        store: BlobStore | None = None,
        *,
        chunk_bytes: int = protocol.BLOB_CHUNK_BYTES,
    ) -> None:
        self.db = db
        self.transport = transport
        self.store = store or BlobStore.of_database(db.path)
        self.chunk_bytes = chunk_bytes

    def upload_pending(self, progress: Progress | None = None) -> UploadSummary:
        """Send every blob not yet uploaded whose attachment the server holds."""
        with self.db.read() as session:
            pending = session.execute(
                select(BlobUpload.sha256, BlobUpload.size_bytes)
                .where(BlobUpload.state != UploadState.UPLOADED)
                .order_by(BlobUpload.updated_at, BlobUpload.sha256)
            ).all()
            acknowledged = set(
                session.scalars(
                    select(TeleconsultAttachment.sha256).where(TeleconsultAttachment.version.is_not(None)).distinct()
                )
            )
        uploaded = failed = waiting = sent = 0
        for sha256, size in pending:
            if sha256 not in acknowledged:
                waiting += 1
                continue
            try:
                sent += self._upload(sha256, size, progress)
                uploaded += 1
            except UploadFailed as failure:
                failed += 1
                self._record(sha256, UploadState.FAILED, error=failure.text)
            except ServerRefused as refused:
                failed += 1
                reason: Text | str = BLOB_NOT_FOUND() if refused.status == 404 else refused.body.message
                self._record(sha256, UploadState.FAILED, error=reason)
            except SyncError as error:  # unreachable: the link went; the next cycle goes on from the server's offset
                self._record(sha256, UploadState.FAILED, error=error.text)
                raise
        return UploadSummary(uploaded, failed, waiting, sent)

    def _upload(self, sha256: str, size: int, progress: Progress | None) -> int:
        if not self.store.has(sha256):
            raise UploadFailed(FILE_MISSING())
        server = self.transport.blob_status(sha256)
        offset, sent = server.offset, 0
        while not server.complete:
            data = self.store.read(sha256, offset, self.chunk_bytes)
            if not data:  # the server holds every byte and still says incomplete: the local file is short
                raise UploadFailed(FILE_DAMAGED())
            try:
                server = self.transport.put_blob_chunk(sha256, offset, size, data)
            except ServerRefused as refused:
                if refused.body.code == protocol.ErrorCode.BLOB_OFFSET and refused.body.offset is not None:
                    offset = refused.body.offset  # a chunk the server took before its answer was lost
                    continue
                if refused.body.code == protocol.ErrorCode.BLOB_MISMATCH:
                    damaged = sha256_of(self.store.read(sha256)) != sha256
                    message = FILE_DAMAGED() if damaged else SERVER_DISCARDED()
                    raise UploadFailed(message) from None
                raise
            sent += len(data)
            offset = server.offset
            state = UploadState.UPLOADED if server.complete else UploadState.UPLOADING
            self._record(sha256, state, sent_bytes=offset)
            if progress is not None:
                progress("blobs", offset, size)
        self._record(sha256, UploadState.UPLOADED, sent_bytes=size)
        return sent

    def _record(
        self, sha256: str, state: UploadState, *, sent_bytes: int | None = None, error: Text | str | None = None
    ) -> None:
        with self.db.remote_apply() as session:
            row = session.get(BlobUpload, sha256)
            if row is None:
                return
            row.state = state
            row.updated_at = datetime.now(UTC)
            if sent_bytes is not None:
                row.sent_bytes = sent_bytes
            if state == UploadState.FAILED:
                row.attempts += 1
                # kept as the message itself, so that it reads in the language of whoever looks at it later
                row.last_error = text_to_json(error if error is not None else "")[:1000]
            else:
                row.last_error = None

    def fetch(self, sha256: str) -> bytes:
        """The blob's bytes, from this machine's store or else from the server (checked, then kept here)."""
        if self.store.has(sha256):
            return self.store.read(sha256)
        data = self.transport.get_blob(sha256)
        if sha256_of(data) != sha256:
            raise SyncError(FILE_DAMAGED(), code="blob_mismatch")
        self.store.put(data)
        return data


def retry(db: Database, sha256: str) -> None:
    """Put a failed upload back in the queue (the queue view's "retry"); the next cycle sends it."""
    with db.remote_apply() as session:
        row = session.get(BlobUpload, sha256)
        if row is not None and row.state == UploadState.FAILED:
            row.state = UploadState.WAITING
            row.updated_at = datetime.now(UTC)
