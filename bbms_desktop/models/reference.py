"""Centres, users and camps: who and where. Centres and users come down from the server; camps belong to a centre."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bbms_desktop.models.base import Base, Owned, Record, Voidable, choice
from bbms_desktop.rules.roles import Role
from bbms_desktop.rules.vocabulary import CentreKind


class Centre(Base, Record):
    __tablename__ = "centres"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[CentreKind] = mapped_column(choice(CentreKind, "centre_kind"))
    # ISBT 128 facility identification number; a spoke or hub that collects no blood has none
    fin: Mapped[str | None] = mapped_column(String(5), unique=True)
    licence_number: Mapped[str | None] = mapped_column(String(60))
    address: Mapped[str | None] = mapped_column(String(300))
    district: Mapped[str | None] = mapped_column(String(100))
    state: Mapped[str | None] = mapped_column(String(100))
    is_training: Mapped[bool] = mapped_column(default=False)


class User(Base, Owned):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("centre_id", "username"),)

    username: Mapped[str] = mapped_column(String(60))
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(choice(Role, "user_role"))
    # argon2id hash, kept locally for offline login
    password_hash: Mapped[str] = mapped_column(String(200))
    # medical council registration number, for medical officers and doctors
    registration_number: Mapped[str | None] = mapped_column(String(60))
    # a hub doctor's teleconsultation specialties (rules.teleconsult.Specialty values); None for everyone else
    specialties: Mapped[list[Any] | None] = mapped_column(default=None)
    active: Mapped[bool] = mapped_column(default=True)


class Camp(Base, Owned, Voidable):
    __tablename__ = "camps"

    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    venue: Mapped[str] = mapped_column(String(300))
    district: Mapped[str | None] = mapped_column(String(100))
    state: Mapped[str | None] = mapped_column(String(100))
    organiser: Mapped[str | None] = mapped_column(String(200))
    organiser_mobile: Mapped[str | None] = mapped_column(String(15))
    expected_donors: Mapped[int | None]
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    # the staff who go to the camp (ids of this centre's users, as strings): they sign in on the camp laptop offline
    staff_ids: Mapped[list[Any]] = mapped_column(default=list)
