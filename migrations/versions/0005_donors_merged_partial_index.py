"""the index of merged donor records made partial (only the rows that were merged into another), so the planner keeps
using it after ANALYZE: a register of a million donors has a handful of merged records, and the full index's statistics
(every NULL counted as one value) made SQLite read the whole register for each donor's history instead

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_donors_merged_into_id", table_name="donors")
    op.create_index(
        "ix_donors_merged_into_id", "donors", ["merged_into_id"], sqlite_where=sa.text("merged_into_id IS NOT NULL")
    )


def downgrade() -> None:
    op.drop_index("ix_donors_merged_into_id", table_name="donors")
    op.create_index("ix_donors_merged_into_id", "donors", ["merged_into_id"])
