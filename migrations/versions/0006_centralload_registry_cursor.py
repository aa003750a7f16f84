"""the shared registry stream's own cursor: a device pulls its centre's scope (``pull_cursor``) and the registry that
every centre sees (``registry_cursor``) as two streams. A profile that pulled the combined stream up to a cursor has
both up to it, so the new cursor starts where the old one is.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("device_state", sa.Column("registry_cursor", sa.String(length=100), nullable=True))
    op.execute("UPDATE device_state SET registry_cursor = pull_cursor")


def downgrade() -> None:
    # the combined stream resumes from the older of the two cursors (a page pulled twice is applied twice, harmlessly)
    op.execute(
        "UPDATE device_state SET pull_cursor = CASE WHEN registry_cursor IS NOT NULL AND pull_cursor IS NOT NULL "
        "AND CAST(registry_cursor AS INTEGER) < CAST(pull_cursor AS INTEGER) THEN registry_cursor "
        "WHEN pull_cursor IS NULL THEN NULL ELSE pull_cursor END"
    )
    with op.batch_alter_table("device_state") as batch:
        batch.drop_column("registry_cursor")
