"""The central server's initial schema: the generic row store, the sequence, devices and the server's bookkeeping.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

import bbms_desktop.models.base

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "admin_audit",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", bbms_desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_audit")),
    )
    with op.batch_alter_table("admin_audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_admin_audit_at"), ["at"], unique=False)

    op.create_table(
        "devices",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("training", sa.Boolean(), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("last_op_seq", sa.BigInteger(), nullable=False),
        sa.Column("enrolled_at", bbms_desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", bbms_desktop.models.base.UTCDateTime(), nullable=True),
        sa.Column("revoked_at", bbms_desktop.models.base.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
    )
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_devices_centre_id"), ["centre_id"], unique=False)

    op.create_table(
        "donor_keys",
        sa.Column("donor_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("donor_id", "kind", name=op.f("pk_donor_keys")),
    )
    with op.batch_alter_table("donor_keys", schema=None) as batch_op:
        batch_op.create_index("ix_donor_keys_kind_key", ["kind", "key"], unique=False)

    op.create_table(
        "duplicate_flags",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("donor_id", sa.Uuid(), nullable=False),
        sa.Column("other_donor_id", sa.Uuid(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("flagged_at", bbms_desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("resolved_at", bbms_desktop.models.base.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_flags")),
        sa.UniqueConstraint("donor_id", "other_donor_id", name=op.f("uq_duplicate_flags_donor_id_other_donor_id")),
    )
    with op.batch_alter_table("duplicate_flags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duplicate_flags_donor_id"), ["donor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_duplicate_flags_other_donor_id"), ["other_donor_id"], unique=False)

    op.create_table(
        "enrolments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", bbms_desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("used_at", bbms_desktop.models.base.UTCDateTime(), nullable=True),
        sa.Column("used_by_device_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolments")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_enrolments_code_hash")),
    )
    with op.batch_alter_table("enrolments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enrolments_centre_id"), ["centre_id"], unique=False)

    op.create_table(
        "merges",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("survivor_id", sa.Uuid(), nullable=False),
        sa.Column("duplicate_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("by_user_id", sa.Uuid(), nullable=False),
        sa.Column("by_device_id", sa.Uuid(), nullable=True),
        sa.Column("merged_at", bbms_desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("undone_at", bbms_desktop.models.base.UTCDateTime(), nullable=True),
        sa.Column("undo_reason", sa.String(length=500), nullable=True),
        sa.Column("undone_by_user_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merges")),
    )
    with op.batch_alter_table("merges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_merges_duplicate_id"), ["duplicate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_merges_survivor_id"), ["survivor_id"], unique=False)

    op.create_table(
        "rows",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("entity", sa.String(length=60), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("field_versions", sa.JSON(), nullable=False),
        sa.Column("created_version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rows")),
    )
    with op.batch_alter_table("rows", schema=None) as batch_op:
        batch_op.create_index("ix_rows_entity_centre", ["entity", "centre_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_rows_version"), ["version"], unique=False)

    op.create_table(
        "sequence",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sequence")),
    )
    # the one sequence row every writer locks
    op.execute(sa.text("INSERT INTO sequence (id, last_seq) VALUES (1, 0)"))
    op.create_table(
        "server_settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_server_settings")),
    )
    op.create_table(
        "unique_keys",
        sa.Column("entity", sa.String(length=60), nullable=False),
        sa.Column("constraint", sa.String(length=120), nullable=False),
        sa.Column("key", sa.String(length=800), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "constraint", "key", name=op.f("pk_unique_keys")),
    )
    with op.batch_alter_table("unique_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unique_keys_row_id"), ["row_id"], unique=False)

    op.create_table(
        "number_blocks",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("series", sa.String(length=20), nullable=False),
        sa.Column("first", sa.BigInteger(), nullable=False),
        sa.Column("last", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("granted_at", bbms_desktop.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"], name=op.f("fk_number_blocks_device_id_devices")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_number_blocks")),
        sa.UniqueConstraint("centre_id", "series", "first", name=op.f("uq_number_blocks_centre_id_series_first")),
    )
    op.create_table(
        "op_log",
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("op_seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("op_id", sa.Uuid(), nullable=False),
        sa.Column("tx", sa.BigInteger(), nullable=False),
        sa.Column("entity", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("received_at", bbms_desktop.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"], name=op.f("fk_op_log_device_id_devices")),
        sa.PrimaryKeyConstraint("device_id", "op_seq", name=op.f("pk_op_log")),
    )
    with op.batch_alter_table("op_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_op_log_row_id"), ["row_id"], unique=False)

    op.create_table(
        "tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("expires_at", bbms_desktop.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"], name=op.f("fk_tokens_device_id_devices")),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_tokens")),
    )
    with op.batch_alter_table("tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tokens_device_id"), ["device_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tokens_expires_at"), ["expires_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tokens_expires_at"))
        batch_op.drop_index(batch_op.f("ix_tokens_device_id"))

    op.drop_table("tokens")
    with op.batch_alter_table("op_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_op_log_row_id"))

    op.drop_table("op_log")
    op.drop_table("number_blocks")
    with op.batch_alter_table("unique_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unique_keys_row_id"))

    op.drop_table("unique_keys")
    op.drop_table("server_settings")
    op.drop_table("sequence")
    with op.batch_alter_table("rows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rows_version"))
        batch_op.drop_index("ix_rows_entity_centre")

    op.drop_table("rows")
    with op.batch_alter_table("merges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_merges_survivor_id"))
        batch_op.drop_index(batch_op.f("ix_merges_duplicate_id"))

    op.drop_table("merges")
    with op.batch_alter_table("enrolments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrolments_centre_id"))

    op.drop_table("enrolments")
    with op.batch_alter_table("duplicate_flags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_duplicate_flags_other_donor_id"))
        batch_op.drop_index(batch_op.f("ix_duplicate_flags_donor_id"))

    op.drop_table("duplicate_flags")
    with op.batch_alter_table("donor_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_donor_keys_kind_key")

    op.drop_table("donor_keys")
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_devices_centre_id"))

    op.drop_table("devices")
    with op.batch_alter_table("admin_audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_admin_audit_at"))

    op.drop_table("admin_audit")
