"""Attachment files kept content-addressed in the profile (SYNC.md principle 13): ``<profile>/blobs/ab/abcdef…``.

A file is named by the sha256 of its bytes, so the same file attached twice is stored once, a blob never changes
after it is written, and the server can check that what arrived is what was sent. Photos are sized down before they
are stored (the long edge to :data:`rules.teleconsult.PHOTO_LONG_EDGE_PX`, JPEG re-encoded, orientation kept) when
that makes them smaller; PDFs and anything else are kept byte for byte.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bbms_desktop.errors import InvalidInput
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules.teleconsult import MAX_ATTACHMENT_BYTES, MEDIA_TYPES, PHOTO_JPEG_QUALITY, PHOTO_LONG_EDGE_PX

BLOB_DIR = "blobs"
READ_CHUNK = 1024 * 1024

NOT_A_FILE = QT_TRANSLATE_NOOP("Attachments", "The file {name} cannot be read: {reason}.")
NOT_ALLOWED = QT_TRANSLATE_NOOP(
    "Attachments", "Only photos (JPEG, PNG, WebP) and PDF files can be attached, not {name}."
)
TOO_LARGE = QT_TRANSLATE_NOOP("Attachments", "The file {name} is {size} MB; at most {limit} MB can be attached.")
EMPTY = QT_TRANSLATE_NOOP("Attachments", "The file {name} is empty.")
NOT_AN_IMAGE = QT_TRANSLATE_NOOP("Attachments", "The file {name} is not a photo this program can read.")
NOT_A_PDF = QT_TRANSLATE_NOOP("Attachments", "The file {name} is not a PDF document.")


@dataclass(frozen=True, slots=True)
class StoredFile:
    sha256: str
    size_bytes: int
    media_type: str
    file_name: str
    resized: bool  # a photo sized down from the original


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    """The content-addressed files of one profile."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @classmethod
    def of_database(cls, database_path: Path) -> BlobStore:
        """The store beside a profile's database file."""
        return cls(Path(database_path).parent / BLOB_DIR)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def size(self, sha256: str) -> int:
        return self.path(sha256).stat().st_size

    def read(self, sha256: str, offset: int = 0, length: int | None = None) -> bytes:
        with open(self.path(sha256), "rb") as blob:
            blob.seek(offset)
            return blob.read() if length is None else blob.read(length)

    def put(self, data: bytes) -> str:
        """Store ``data`` (atomically: written aside, flushed to disk, then renamed); its sha256."""
        digest = sha256_of(data)
        target = self.path(digest)
        if target.is_file():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return digest

    def add_file(self, source: Path) -> StoredFile:
        """Check, size down (photos) and store the file at ``source``."""
        source = Path(source)
        name = source.name[:255]
        media_type = MEDIA_TYPES.get(source.suffix.lower())
        if media_type is None:
            raise InvalidInput(NOT_ALLOWED(name=name), code="attachment_type", field="attachment")
        try:
            data = source.read_bytes()
        except OSError as error:
            raise InvalidInput(NOT_A_FILE(name=name, reason=error.strerror or str(error)), field="attachment") from None
        if not data:
            raise InvalidInput(EMPTY(name=name), field="attachment")
        resized = False
        if media_type == "application/pdf":
            if not data.startswith(b"%PDF-"):
                raise InvalidInput(NOT_A_PDF(name=name), code="attachment_type", field="attachment")
        else:
            smaller = _sized_down_photo(data, name)
            if smaller is not None and len(smaller) < len(data):
                data, media_type, resized = smaller, "image/jpeg", True
                name = str(Path(name).with_suffix(".jpg"))
        limit = MAX_ATTACHMENT_BYTES.value
        if len(data) > limit:
            raise InvalidInput(
                TOO_LARGE(name=name, size=f"{len(data) / 2**20:.1f}", limit=limit // 2**20), field="attachment"
            )
        return StoredFile(self.put(data), len(data), media_type, name, resized)


def _sized_down_photo(data: bytes, name: str) -> bytes | None:
    """The photo with its long edge at most PHOTO_LONG_EDGE_PX, as JPEG; None when it is small enough already and
    is a JPEG (re-encoding it would only lose detail)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            photo = ImageOps.exif_transpose(image)  # the camera's orientation, applied: nothing prints sideways
            long_edge = max(photo.size)
            if long_edge <= PHOTO_LONG_EDGE_PX.value and image.format == "JPEG":
                return None
            if long_edge > PHOTO_LONG_EDGE_PX.value:
                photo.thumbnail((PHOTO_LONG_EDGE_PX.value, PHOTO_LONG_EDGE_PX.value), Image.Resampling.LANCZOS)
            if photo.mode not in ("RGB", "L"):
                background = Image.new("RGB", photo.size, "white")  # transparency onto paper white
                rgba = photo.convert("RGBA")
                background.paste(rgba, mask=rgba.getchannel("A"))
                photo = background
            out = io.BytesIO()
            photo.save(out, format="JPEG", quality=PHOTO_JPEG_QUALITY.value, optimize=True)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise InvalidInput(NOT_AN_IMAGE(name=name), code="attachment_type", field="attachment") from None
