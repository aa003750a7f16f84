"""Likely duplicate donors across centres, and the explicit, audited, undoable merge (principles 8 and 9).

A donor row is indexed by its identity keys when it is pushed in or its identity changes; another donor sharing a key
(same ID document, same name + date of birth + sex, same mobile) is flagged, never merged. A merge sets the
duplicate's ``merged_into_id`` as an ordinary row change with a new version, so it syncs down as a redirect; its
deferrals are never touched (they stay on the duplicate's id, and every centre keeps pulling them).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import bindparam, delete, insert, or_, select, update
from sqlalchemy.orm import Session, aliased

from bbms_central.models import AdminAudit, Device, DonorKey, DuplicateFlag, Merge, StoredRow
from bbms_central.store import Journal, among, change_row, lock_sequence, peer_centre_ids
from bbms_central.wire import ApiError
from bbms_desktop.models import utcnow
from bbms_desktop.models.bulk import insert_many
from bbms_desktop.models.codec import encode_value
from bbms_desktop.rules.roles import Action, may
from bbms_desktop.sync import protocol
from bbms_desktop.sync.protocol import DuplicatesResponse, ErrorCode, MergeRequest, MergeResponse, UndoMergeRequest

IDENTITY_FIELDS = ("id_document_type", "id_document_number", "name_key", "date_of_birth", "sex", "mobile")
_NOT_ASCII_DIGIT = re.compile(r"[^0-9]")


def identity_keys(fields: dict[str, Any]) -> dict[str, str]:
    """The keys a donor is matched on, by reason; a key with a missing part is left out."""
    keys = {}
    if fields.get("id_document_type") and fields.get("id_document_number"):
        number = "".join(str(fields["id_document_number"]).split()).upper()
        keys["id_document"] = f"{fields['id_document_type']}|{number}"
    if fields.get("name_key") and fields.get("date_of_birth") and fields.get("sex"):
        keys["name_dob_sex"] = (
            f"{' '.join(str(fields['name_key']).lower().split())}|{fields['date_of_birth']}|{fields['sex']}"
        )
    if fields.get("mobile"):
        mobile = str(fields["mobile"])
        # ASCII text: its digits are 0-9 (what str.isdigit finds there), taken out in one pass
        digits = _NOT_ASCII_DIGIT.sub("", mobile) if mobile.isascii() else "".join(ch for ch in mobile if ch.isdigit())
        if len(digits) >= 6:
            keys["mobile"] = digits[-10:]
    return {kind: key[:400] for kind, key in keys.items()}


def identity_changed(old: dict[str, Any], new: dict[str, Any]) -> bool:
    return any(old.get(name) != new.get(name) for name in IDENTITY_FIELDS)


@dataclass(slots=True)
class _Flag:
    id: uuid.UUID
    donor_id: uuid.UUID
    other_donor_id: uuid.UUID
    reasons: list[str]
    new: bool  # not in the database yet


class _HasFields(Protocol):
    fields: dict[str, Any]


class DonorIndex:
    """The identity keys and duplicate flags one push touches, read in a few ``IN`` queries (one per key kind), kept
    in memory while the push's donors are (re-)indexed, and written at the end with one ``executemany`` per table.

    Every change goes through the push's journal, so a refused transaction's indexing is undone with it. One index
    serves the pushes of a group, one after another: ``peers`` is the world (the peer centres) of the push being
    applied, set by it; a donor is flagged only against donors of that world.
    """

    def __init__(
        self,
        session: Session,
        journal: Journal,
        row_of: Callable[[uuid.UUID], _HasFields | None],
        load_rows: Callable[[Iterable[uuid.UUID]], None],
    ) -> None:
        self.session = session
        self.peers: frozenset[uuid.UUID] = frozenset()
        self.journal = journal
        self.row_of = row_of
        self.load_rows = load_rows
        self.by_key: dict[tuple[str, str], dict[uuid.UUID, uuid.UUID]] = {}  # (kind, key) -> {donor: centre}
        self.of_donor: dict[uuid.UUID, dict[str, str]] = {}  # donor -> its keys by kind, as of now
        self.reindexed: dict[uuid.UUID, uuid.UUID] = {}  # donor -> centre: donors whose keys are written again
        self.flags: dict[frozenset[uuid.UUID], _Flag | None] = {}
        self.initial_flags: dict[frozenset[uuid.UUID], _Flag | None] = {}
        self.flags_known: set[uuid.UUID] = set()  # donors whose every flag is read
        self.stored: set[uuid.UUID] = set()  # donors with keys in the database

    # -- reading --------------------------------------------------------------------------------------------------

    def prefetch(self, donor_keys: dict[uuid.UUID, list[dict[str, str]]], new: set[uuid.UUID]) -> None:
        """Read what indexing the donors ``donor_keys`` (each with the identity keys, :func:`identity_keys`, of the
        field sets it may take) will look at; the ``new`` ones (no stored row) have no keys and no flags yet."""
        for donor in new:
            self.of_donor.setdefault(donor, {})
        self.flags_known |= new
        self._load_donors(donor_keys)
        keys = {item for found in donor_keys.values() for one in found for item in one.items()}
        keys |= {item for donor in donor_keys for item in self.of_donor[donor].items()}
        self._load_keys(keys)
        self._load_flags(list(donor_keys))
        self.load_rows({donor for key in keys for donor in self.by_key[key]})

    def _load_donors(self, donors: Iterable[uuid.UUID]) -> None:
        wanted = [donor for donor in set(donors) if donor not in self.of_donor]
        found: dict[uuid.UUID, dict[str, str]] = {donor: {} for donor in wanted}
        for start in range(0, len(wanted), 500):
            query = select(DonorKey.donor_id, DonorKey.kind, DonorKey.key).where(
                among(self.session, DonorKey.donor_id, wanted[start : start + 500])
            )
            for donor, kind, key in self.session.execute(query):
                found[donor][kind] = key
        self.of_donor.update(found)
        self.stored.update(donor for donor, keys in found.items() if keys)

    def _load_keys(self, keys: Iterable[tuple[str, str]]) -> None:
        wanted = {item for item in keys if item not in self.by_key}
        by_kind: dict[str, list[str]] = {}
        for kind, key in sorted(wanted):
            by_kind.setdefault(kind, []).append(key)
            self.by_key[(kind, key)] = {}
        for kind, values in by_kind.items():
            for start in range(0, len(values), 500):
                query = select(DonorKey.donor_id, DonorKey.key, DonorKey.centre_id).where(
                    DonorKey.kind == kind, among(self.session, DonorKey.key, values[start : start + 500])
                )
                for donor, key, centre in self.session.execute(query):
                    self.by_key[(kind, key)][donor] = centre

    def _load_flags(self, donors: list[uuid.UUID]) -> None:
        wanted = [donor for donor in donors if donor not in self.flags_known]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            query = select(
                DuplicateFlag.id, DuplicateFlag.donor_id, DuplicateFlag.other_donor_id, DuplicateFlag.reasons
            )
            query = query.where(
                or_(
                    among(self.session, DuplicateFlag.donor_id, chunk),
                    among(self.session, DuplicateFlag.other_donor_id, chunk),
                )
            )
            for flag_id, donor, other, reasons in self.session.execute(query):
                pair = frozenset((donor, other))
                if pair not in self.flags:
                    self.flags[pair] = self.initial_flags[pair] = _Flag(flag_id, donor, other, list(reasons), False)
        self.flags_known.update(wanted)

    def _flag(self, donor: uuid.UUID, other: uuid.UUID) -> _Flag | None:
        pair = frozenset((donor, other))
        if pair not in self.flags:
            if donor in self.flags_known or other in self.flags_known:
                return None
            self._load_flags([donor])
        return self.flags.get(pair)

    # -- indexing -------------------------------------------------------------------------------------------------

    def reindex(
        self, donor: uuid.UUID, centre_id: uuid.UUID, fields: dict[str, Any], keys: dict[str, str] | None = None
    ) -> None:
        """Re-index a donor's identity keys (``keys``: those of ``fields``, when already known) and flag every donor
        of the same training world that shares one."""
        if donor not in self.of_donor:  # prefetched for the ops of a push
            self._load_donors([donor])
        old = self.of_donor[donor]
        new = identity_keys(fields) if keys is None else dict(keys)
        by_key = self.by_key
        if any(item not in by_key for item in old.items()) or any(item not in by_key for item in new.items()):
            self._load_keys({*old.items(), *new.items()})
        for item in old.items():
            self.journal.pop(self.by_key[item], donor)
        self.journal.set(self.of_donor, donor, new)
        self.journal.set(self.reindexed, donor, centre_id)
        reasons: dict[uuid.UUID, list[str]] = {}
        for item in new.items():
            holders = self.by_key[item]
            self.journal.set(holders, donor, centre_id)
            for other, centre in holders.items():
                if other != donor and centre in self.peers:
                    reasons.setdefault(other, []).append(item[0])
        merged_into = fields.get("merged_into_id")
        for other, found in reasons.items():
            other_row = self.row_of(other)
            if other_row is None or str(other) == merged_into or other_row.fields.get("merged_into_id") == str(donor):
                continue  # already one person by an explicit merge
            flag = self._flag(donor, other)
            pair = frozenset((donor, other))
            if flag is None:
                self.journal.set(self.flags, pair, _Flag(uuid.uuid4(), donor, other, found, True))
            else:
                self.journal.set(self.flags, pair, replace(flag, reasons=sorted(set(flag.reasons) | set(found))))

    def write(self) -> None:
        """Write the net changes: the re-indexed donors' keys, new flags, flags with more reasons."""
        keys = DonorKey.__table__
        donors = [donor for donor in self.reindexed if donor in self.stored]
        for start in range(0, len(donors), 500):
            self.session.execute(delete(keys).where(among(self.session, keys.c.donor_id, donors[start : start + 500])))
        rows = [
            {"donor_id": donor, "kind": kind, "key": key, "centre_id": centre}
            for donor, centre in self.reindexed.items()
            for kind, key in self.of_donor[donor].items()
        ]
        if rows:
            insert_many(self.session, keys, rows)
        flags = DuplicateFlag.__table__
        now = utcnow()
        added, changed = [], []
        for pair, flag in self.flags.items():
            if flag is None or flag is self.initial_flags.get(pair):
                continue
            if flag.new:
                added.append({"id": flag.id, "donor_id": flag.donor_id, "other_donor_id": flag.other_donor_id,
                              "reasons": flag.reasons, "flagged_at": now, "resolved_at": None})  # fmt: skip
            else:
                changed.append({"b_id": flag.id, "reasons": flag.reasons})
        if added:
            self.session.execute(insert(flags), added)
        if changed:
            statement = update(flags).where(flags.c.id == bindparam("b_id")).values(reasons=bindparam("reasons"))
            self.session.execute(statement, changed)


def duplicates(session: Session, device: Device) -> DuplicatesResponse:
    """The open duplicate flags that involve a donor of the device's centre."""
    mine, theirs = aliased(StoredRow), aliased(StoredRow)
    query = (
        select(DuplicateFlag)
        .join(mine, mine.id == DuplicateFlag.donor_id)
        .join(theirs, theirs.id == DuplicateFlag.other_donor_id)
        .where(
            DuplicateFlag.resolved_at.is_(None),
            or_(mine.centre_id == device.centre_id, theirs.centre_id == device.centre_id),
        )
        .order_by(DuplicateFlag.flagged_at)
    )
    return DuplicatesResponse(
        flags=[
            protocol.DuplicateFlag(
                id=flag.id,
                donor_id=flag.donor_id,
                other_donor_id=flag.other_donor_id,
                reasons=flag.reasons,
                flagged_at=flag.flagged_at,
                resolved=flag.resolved_at is not None,
            )
            for flag in session.scalars(query)
        ]
    )


def merge(session: Session, device: Device, request: MergeRequest, now: datetime | None = None) -> MergeResponse:
    now = now or utcnow()
    _check_reason(request.reason)
    seq = lock_sequence(session)
    if request.survivor_id == request.duplicate_id:
        raise ApiError(422, ErrorCode.INVALID_REQUEST, "A donor cannot be merged into itself.")
    survivor = _donor(session, device, request.survivor_id)
    duplicate = _donor(session, device, request.duplicate_id)
    _check_centre(device, survivor, duplicate)
    _check_user(session, device, request.by_user_id)
    if duplicate.fields.get("merged_into_id") is not None:
        raise ApiError(409, ErrorCode.ALREADY_MERGED, "This duplicate is already merged into a donor.")
    if survivor.fields.get("merged_into_id") is not None:
        raise ApiError(409, ErrorCode.ALREADY_MERGED, "The survivor is itself merged into another donor.")
    change_row(duplicate, {"merged_into_id": str(survivor.id), "updated_at": encode_value(now)}, seq.next())
    record = Merge(
        id=uuid.uuid4(),
        survivor_id=survivor.id,
        duplicate_id=duplicate.id,
        reason=request.reason,
        by_user_id=request.by_user_id,
        by_device_id=device.id,
        merged_at=now,
    )
    session.add(record)
    for flag in session.scalars(
        select(DuplicateFlag).where(
            or_(
                (DuplicateFlag.donor_id == survivor.id) & (DuplicateFlag.other_donor_id == duplicate.id),
                (DuplicateFlag.donor_id == duplicate.id) & (DuplicateFlag.other_donor_id == survivor.id),
            )
        )
    ):
        flag.resolved_at = now
    _audit(session, device, request.by_user_id, "merge_donors", now, merge_id=record.id, reason=request.reason,
           survivor_id=survivor.id, duplicate_id=duplicate.id)  # fmt: skip
    session.flush()
    return MergeResponse(
        merge_id=record.id, survivor_id=survivor.id, duplicate_id=duplicate.id, version=duplicate.version
    )


def undo_merge(
    session: Session, device: Device, merge_id: uuid.UUID, request: UndoMergeRequest, now: datetime | None = None
) -> MergeResponse:
    now = now or utcnow()
    _check_reason(request.reason)
    seq = lock_sequence(session)
    record = session.get(Merge, merge_id)
    if record is None:
        raise ApiError(404, ErrorCode.NOT_FOUND, "There is no such merge.")
    survivor = _donor(session, device, record.survivor_id)
    duplicate = _donor(session, device, record.duplicate_id)
    _check_centre(device, survivor, duplicate)
    _check_user(session, device, request.by_user_id)
    if record.undone_at is not None or duplicate.fields.get("merged_into_id") != str(survivor.id):
        raise ApiError(409, ErrorCode.MERGE_UNDONE, "This merge is already undone.")
    change_row(duplicate, {"merged_into_id": None, "updated_at": encode_value(now)}, seq.next())
    record.undone_at = now
    record.undo_reason = request.reason
    record.undone_by_user_id = request.by_user_id
    _audit(session, device, request.by_user_id, "undo_merge", now, merge_id=record.id, reason=request.reason)
    session.flush()
    return MergeResponse(
        merge_id=record.id, survivor_id=survivor.id, duplicate_id=duplicate.id, version=duplicate.version
    )


def _check_reason(reason: str) -> None:
    if "\x00" in reason:
        raise ApiError(422, ErrorCode.INVALID_REQUEST, "The reason contains a NUL character.")


def _donor(session: Session, device: Device, donor_id: uuid.UUID) -> StoredRow:
    row = session.get(StoredRow, donor_id)
    if row is None or row.entity != "donors" or row.centre_id not in peer_centre_ids(session, device.training):
        raise ApiError(404, ErrorCode.NOT_FOUND, f"There is no donor {donor_id}.")
    return row


def _check_centre(device: Device, survivor: StoredRow, duplicate: StoredRow) -> None:
    if device.centre_id not in (survivor.centre_id, duplicate.centre_id):
        raise ApiError(
            403, ErrorCode.NOT_YOUR_CENTRE, "Only a centre that registered one of the two donors merges them."
        )


def _check_user(session: Session, device: Device, user_id: uuid.UUID) -> None:
    user = session.get(StoredRow, user_id)
    if (
        user is None
        or user.entity != "users"
        or user.centre_id != device.centre_id
        or user.fields.get("active") is not True
        or not _may_edit_donors(user.fields.get("role"))
    ):
        raise ApiError(
            403, ErrorCode.NOT_PERMITTED, "Only an active user of this centre who may edit donors merges them."
        )


def _audit(session: Session, device: Device, user_id: uuid.UUID, action: str, now: datetime, **details: Any) -> None:
    session.add(
        AdminAudit(
            id=uuid.uuid4(),
            at=now,
            actor=f"user:{user_id} device:{device.id}",
            action=action,
            details={key: str(value) for key, value in details.items()},
        )
    )


def _may_edit_donors(role: Any) -> bool:
    try:
        return may(str(role), Action.EDIT_DONOR)
    except (KeyError, ValueError):
        return False
