"""modified_utc_offset: the offset, in minutes, of the modified time as the page stated it

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 12:05:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('articles') as batch:
        batch.add_column(sa.Column('modified_utc_offset', sa.SmallInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('articles') as batch:
        batch.drop_column('modified_utc_offset')
