"""Attachment blobs (SYNC.md principle 13): resumable chunked upload, verified by sha256, readable only by the
centres of a teleconsultation whose attachment names the blob.

An upload is a series of ``PUT`` chunks, each starting exactly at the offset the server holds (``HEAD`` says it; a
chunk that starts elsewhere is answered ``409 blob_offset`` with the server's offset). A chunk is stored whole or not
at all, so an upload cut at any byte resumes from the server's offset and re-sends at most the chunk in flight. When
the last byte arrives the server hashes the whole blob: a mismatch discards it (``422 blob_mismatch``). The device
pushes the attachment's row before its bytes: only a centre whose attachment names a blob may upload it, and only the
spoke and the hub of that attachment may read it.
"""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bbms_central.models import Blob, BlobChunk, Device, StoredRow
from bbms_central.store import peer_centre_ids
from bbms_central.wire import ApiError
from bbms_desktop.models import utcnow
from bbms_desktop.sync.protocol import MAX_BLOB_BYTES, MAX_BLOB_CHUNK_BYTES, BlobStatus, ErrorCode

ATTACHMENTS = "teleconsult_attachments"


def _not_found() -> ApiError:
    return ApiError(404, ErrorCode.NOT_FOUND, "No attachment of this centre's teleconsultations has this content.")


def _attachment_centres(session: Session, sha256: str) -> list[tuple[uuid.UUID | None, str | None]]:
    """(owning spoke, hub) of every attachment naming ``sha256``."""
    query = select(StoredRow.centre_id, StoredRow.fields["hub_centre_id"].as_string()).where(
        StoredRow.entity == ATTACHMENTS, StoredRow.fields["sha256"].as_string() == sha256
    )
    return [(centre, hub) for centre, hub in session.execute(query)]


def may_upload(session: Session, device: Device, sha256: str) -> bool:
    return any(centre == device.centre_id for centre, _hub in _attachment_centres(session, sha256))


def may_read(session: Session, device: Device, sha256: str) -> bool:
    peers = set(peer_centre_ids(session, device.training))
    me = str(device.centre_id)
    return any(
        centre == device.centre_id or (hub == me and centre in peers)
        for centre, hub in _attachment_centres(session, sha256)
    )


def status(session: Session, device: Device, sha256: str) -> BlobStatus:
    if not may_read(session, device, sha256):
        raise _not_found()
    blob = session.get(Blob, sha256)
    if blob is None:
        return BlobStatus(sha256=sha256, size=None, offset=0, complete=False)
    return BlobStatus(sha256=sha256, size=blob.size, offset=blob.received, complete=blob.complete)


def put_chunk(
    session: Session, device: Device, sha256: str, offset: int, length: int, data: bytes
) -> BlobStatus | None:
    """Append ``data`` at ``offset`` of the blob ``sha256`` of ``length`` bytes; the blob's status after it, or None
    when this was the last chunk and the whole does not hash to ``sha256`` (the upload is discarded: the caller
    commits that and answers :func:`mismatch`)."""
    if not may_upload(session, device, sha256):
        raise _not_found()
    if length > MAX_BLOB_BYTES or len(data) > MAX_BLOB_CHUNK_BYTES:
        raise ApiError(413, ErrorCode.BLOB_TOO_LARGE, "The blob or the chunk is larger than this server takes.")
    blob = session.scalars(select(Blob).where(Blob.sha256 == sha256).with_for_update()).first()
    if blob is None:
        blob = Blob(sha256=sha256, size=length, received=0, complete=False, centre_id=device.centre_id)
        session.add(blob)
        session.flush()
    if blob.complete:  # a chunk sent again after the reply was lost: nothing to do
        return BlobStatus(sha256=sha256, size=blob.size, offset=blob.received, complete=True)
    if blob.size != length:
        raise ApiError(409, ErrorCode.BLOB_SIZE, f"This upload began as a blob of {blob.size} bytes, not {length}.")
    if offset != blob.received:
        raise ApiError(
            409,
            ErrorCode.BLOB_OFFSET,
            f"The server holds {blob.received} bytes of this blob: send from there.",
            permanent=False,
            offset=blob.received,
        )
    if not data or offset + len(data) > length:
        raise ApiError(400, ErrorCode.BAD_BODY, "A chunk must be non-empty and end within the blob's length.")
    session.add(BlobChunk(sha256=sha256, offset=offset, data=data))
    blob.received = offset + len(data)
    if blob.received == length:
        session.flush()
        if _digest(session, sha256) != sha256:
            session.execute(delete(BlobChunk).where(BlobChunk.sha256 == sha256))
            blob.received = 0
            session.flush()
            return None
        blob.complete = True
        blob.completed_at = utcnow()
    session.flush()
    return BlobStatus(sha256=sha256, size=blob.size, offset=blob.received, complete=blob.complete)


def mismatch() -> ApiError:
    return ApiError(
        422, ErrorCode.BLOB_MISMATCH, "The bytes received do not have this sha256: the upload was discarded."
    )


def read(session: Session, device: Device, sha256: str) -> bytes:
    if not may_read(session, device, sha256):
        raise _not_found()
    blob = session.get(Blob, sha256)
    if blob is None or not blob.complete:
        raise ApiError(404, ErrorCode.NOT_FOUND, "This attachment has not fully arrived at the server yet.")
    return b"".join(_chunks(session, sha256))


def _chunks(session: Session, sha256: str) -> list[bytes]:
    query = select(BlobChunk.data).where(BlobChunk.sha256 == sha256).order_by(BlobChunk.offset)
    return list(session.scalars(query))


def _digest(session: Session, sha256: str) -> str:
    digest = hashlib.sha256()
    for data in _chunks(session, sha256):
        digest.update(data)
    return digest.hexdigest()
