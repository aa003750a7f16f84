"""Numbers handed out offline: ISBT 128 DINs, donor numbers and request numbers, from blocks this device holds.

A DIN is the centre's facility number, a two-digit year and a six-digit sequence (rules.isbt128). Two machines that
allocate offline must never produce the same number, so every number comes from a :class:`NumberBlock` held by
exactly one installation: a standalone installation holds its centre's whole range; a camp laptop gets a block
carved off the end of the centre machine's block before it leaves. Enrolled devices get their blocks from the
server (the sync issue).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, bindparam, select, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from bbms_desktop.errors import InvalidInput, StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.models import Centre, Donation, NumberBlock
from bbms_desktop.models.direct import DirectStatement
from bbms_desktop.rules import isbt128
from bbms_desktop.services.uow import UnitOfWork

DIN_SEQUENCE_MAX = 999_999
DONOR_SEQUENCE_MAX = 9_999_999
REQUEST_SEQUENCE_MAX = 999_999
CAMP_SEQUENCE_MAX = 9_999

NO_BLOCK = QT_TRANSLATE_NOOP(
    "Numbering", "This machine has no {series} left to hand out: sync with the server to get a new block."
)
SERIES_LABELS = {
    "donor": QT_TRANSLATE_NOOP("Numbering", "donor numbers"),
    "request": QT_TRANSLATE_NOOP("Numbering", "request numbers"),
    "camp": QT_TRANSLATE_NOOP("Numbering", "camp codes"),
    "din": QT_TRANSLATE_NOOP("Numbering", "donation numbers (DIN)"),
}
NO_FIN = QT_TRANSLATE_NOOP("Numbering", "Centre {code} has no ISBT 128 facility number, so it cannot label bags.")
FOREIGN_FIN = QT_TRANSLATE_NOOP(
    "Numbering", "DIN {din} belongs to facility {fin}, not to this centre ({own}): use this centre's bags."
)
DIN_USED = QT_TRANSLATE_NOOP("Numbering", "DIN {din} is already used for another donation.")
DIN_OTHER_BLOCK = QT_TRANSLATE_NOOP(
    "Numbering", "DIN {din} is in a range reserved for another machine (a camp laptop): use a different bag."
)
BLOCK_TOO_BIG = QT_TRANSLATE_NOOP(
    "Numbering", "Only {available} numbers are left in this machine's block; ask for at most that many."
)
BLOCK_SIZE = QT_TRANSLATE_NOOP("Numbering", "A block must hold at least one number.")


@dataclass(frozen=True, slots=True)
class BlockInfo:
    id: uuid.UUID
    series: str
    first: int
    last: int
    holder_device_id: uuid.UUID
    camp_id: uuid.UUID | None


def din_series(year: int) -> str:
    return f"din:{year % 100:02d}"


def grant_standalone_blocks(uow: UnitOfWork, centre: Centre) -> None:
    """A standalone installation holds its centre's whole donor, request and camp ranges (DINs per year, lazily)."""
    device_id = uow.device_ids.device_id
    ranges = (("donor", DONOR_SEQUENCE_MAX), ("request", REQUEST_SEQUENCE_MAX), ("camp", CAMP_SEQUENCE_MAX))
    for series, last in ranges:
        uow.session.add(
            NumberBlock(centre_id=centre.id, series=series, first=1, last=last, next=1, holder_device_id=device_id)
        )


# Every registration and every collection takes a number, so taking one is a single statement: advance this device's
# lowest open block of the series and return the new position (the number taken is one less). Plain SQL, no NumberBlock
# object to load and flush; the write lock of BEGIN IMMEDIATE makes it atomic.
_BLOCK = NumberBlock.__table__.c
_OPEN_BLOCK = (
    select(_BLOCK.id)
    .where(
        _BLOCK.holder_device_id == bindparam("device_id"),
        _BLOCK.series == bindparam("of_series"),
        _BLOCK.next <= _BLOCK.last,
    )
    # a camp laptop's blocks reserved for its camp first (the camp's numbers stay together), then lowest first
    .order_by(_BLOCK.camp_id.is_(None), _BLOCK.first)
    .limit(1)
    .scalar_subquery()
)
# every donor number and DIN goes through these: straight on the session's connection
_TAKE_NUMBER = DirectStatement(
    update(NumberBlock.__table__)
    .where(_BLOCK.id == _OPEN_BLOCK)
    .values(next=_BLOCK.next + 1)
    .returning(_BLOCK.id, _BLOCK.next)
)
_CENTRE = DirectStatement(
    select(Centre.__table__.c.code, Centre.__table__.c.fin).where(Centre.__table__.c.id == bindparam("id"))
)
_DIN_USED = DirectStatement(select(Donation.__table__.c.id).where(Donation.__table__.c.din == bindparam("din")))


def next_number(uow: UnitOfWork, series: str) -> int:
    """The next unused number of ``series`` from this device's blocks (a camp's own block, then lowest first)."""
    session = uow.session
    device = uow.device_ids
    params = {"device_id": device.device_id, "of_series": series}
    taken = _TAKE_NUMBER.first(session, params)
    opens_din_year = taken is None and series.startswith("din:") and device.server_url is None
    if opens_din_year and _open_standalone_din_block(uow, series) is not None:
        taken = _TAKE_NUMBER.first(session, params)
    if taken is None:
        raise StateError(NO_BLOCK(series=SERIES_LABELS[series.split(":")[0]]), code="no_number_block")
    block_id, next_after = taken
    loaded = session.identity_map.get(identity_key(NumberBlock, block_id))
    if loaded is not None:  # a block this session holds as an object (reserve_block) must not go stale
        set_committed_value(loaded, "next", next_after)
    return next_after - 1


def _open_standalone_din_block(uow: UnitOfWork, series: str) -> NumberBlock | None:
    """A standalone device takes the whole DIN sequence of a new year the first time it needs one."""
    device = uow.device_ids
    exists = uow.session.scalar(select(NumberBlock.id).where(NumberBlock.series == series).limit(1))
    if exists is not None or device.centre_id is None:
        return None  # the year's range is already divided among devices
    block = NumberBlock(
        centre_id=device.centre_id,
        series=series,
        first=1,
        last=DIN_SEQUENCE_MAX,
        next=1,
        holder_device_id=device.device_id,
    )
    uow.session.add(block)
    uow.session.flush()
    return block


def _centre(uow: UnitOfWork) -> Row[Any]:
    """This centre's code and facility number (FIN), as a plain row."""
    centre = _CENTRE.first(uow.session, {"id": uow.device_ids.centre_id})
    assert centre is not None, "device has no centre"
    return centre


def allocate_din(uow: UnitOfWork) -> str:
    """The next free DIN of this centre for the current year (skipping numbers already used by scanned bags)."""
    centre = _centre(uow)
    if not centre.fin:
        raise StateError(NO_FIN(code=centre.code), code="no_fin")
    year = uow.now.astimezone().year  # the centre's local year: a bag at 00:30 on 1 January is the new year's
    while True:
        sequence = next_number(uow, din_series(year))
        din = f"{centre.fin}{year % 100:02d}{sequence:06d}"
        if _DIN_USED.scalar(uow.session, {"din": din}) is None:
            return din


def accept_scanned_din(uow: UnitOfWork, text: str) -> str:
    """Check a DIN scanned or typed from a bag label: valid, this centre's, unused, not in another machine's block."""
    parsed = isbt128.parse(text)
    centre = _centre(uow)
    if parsed.fin != centre.fin:
        raise InvalidInput(FOREIGN_FIN(din=parsed.din, fin=parsed.fin, own=centre.fin or "-"), field="din")
    if uow.session.scalar(select(Donation.id).where(Donation.din == parsed.din)) is not None:
        raise InvalidInput(DIN_USED(din=parsed.din), field="din")
    foreign_block = uow.session.scalar(
        select(NumberBlock.id).where(
            NumberBlock.series == din_series(parsed.year),
            NumberBlock.holder_device_id != uow.device_ids.device_id,
            NumberBlock.first <= parsed.sequence,
            NumberBlock.last >= parsed.sequence,
        )
    )
    if foreign_block is not None:
        raise InvalidInput(DIN_OTHER_BLOCK(din=parsed.din), field="din")
    return parsed.din


def reserve_block(
    uow: UnitOfWork, series: str, size: int, holder_device_id: uuid.UUID, camp_id: uuid.UUID | None = None
) -> BlockInfo:
    """Carve ``size`` numbers off the end of this device's open block of ``series`` for another installation."""
    if size < 1:
        raise InvalidInput(BLOCK_SIZE(), field="size")
    device = uow.device_ids
    if series.startswith("din:"):
        holds_any = uow.session.scalar(
            select(NumberBlock.id).where(NumberBlock.series == series, NumberBlock.holder_device_id == device.device_id)
        )
        if holds_any is None and device.server_url is None:
            _open_standalone_din_block(uow, series)
    source = uow.session.scalars(
        select(NumberBlock)
        .where(NumberBlock.holder_device_id == device.device_id, NumberBlock.series == series)
        .order_by(NumberBlock.last.desc())
        .limit(1)
    ).first()
    available = 0 if source is None else source.last - source.next + 1
    if source is None or size > available:
        raise InvalidInput(BLOCK_TOO_BIG(available=available), field="size")
    first = source.last - size + 1
    source.last = first - 1
    block = NumberBlock(
        centre_id=source.centre_id,
        series=series,
        first=first,
        last=first + size - 1,
        next=first,
        holder_device_id=holder_device_id,
        camp_id=camp_id,
    )
    uow.session.add(block)
    uow.session.flush()
    uow.audit(
        "reserve_number_block",
        None,
        series=series,
        first=first,
        last=block.last,
        holder_device_id=holder_device_id,
        camp_id=camp_id,
    )
    return BlockInfo(block.id, series, block.first, block.last, holder_device_id, camp_id)
