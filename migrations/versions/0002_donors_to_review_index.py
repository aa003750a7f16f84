"""a partial index of the donors flagged for review, so the dashboard and the sync page count them without reading
every donor (a large register holds a million; a handful await review)

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_donors_needs_review", "donors", ["needs_review"], sqlite_where=sa.text("needs_review = 1"))


def downgrade() -> None:
    op.drop_index("ix_donors_needs_review", table_name="donors")
