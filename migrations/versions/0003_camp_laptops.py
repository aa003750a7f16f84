"""camp laptops: a camp's staff, the camp a donor was registered or pledged at, the camp a profile was prepared for

Plain columns (no foreign keys) so that SQLite adds them in place, without rebuilding the donor register.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa

import bbms_desktop.models.base
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("camps", sa.Column("staff_ids", sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
    op.add_column("donors", sa.Column("registered_camp_id", sa.Uuid(), nullable=True))
    op.add_column("donors", sa.Column("pledged_camp_id", sa.Uuid(), nullable=True))
    op.add_column("device_state", sa.Column("camp_id", sa.Uuid(), nullable=True))
    op.add_column("device_state", sa.Column("camp_prepared_at", bbms_desktop.models.base.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("device_state") as batch:
        batch.drop_column("camp_prepared_at")
        batch.drop_column("camp_id")
    with op.batch_alter_table("donors") as batch:
        batch.drop_column("pledged_camp_id")
        batch.drop_column("registered_camp_id")
    with op.batch_alter_table("camps") as batch:
        batch.drop_column("staff_ids")
