"""published_utc_offset: the offset, in minutes, of the published time as the page stated it

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 08:20:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('articles') as batch:
        batch.add_column(sa.Column('published_utc_offset', sa.SmallInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('articles') as batch:
        batch.drop_column('published_utc_offset')
