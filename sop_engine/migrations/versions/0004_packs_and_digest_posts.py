"""packs and digest_posts tables: stored pre-S&OP packs, and the record of scheduled Slack digests

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('packs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('planning_date', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('document', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_packs_period', 'packs', ['period'])
    op.create_table('digest_posts',
    sa.Column('digest', sa.String(length=40), nullable=False),
    sa.Column('channel', sa.String(length=100), nullable=False),
    sa.Column('slot', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('claimed_at', sa.DateTime(), nullable=False),
    sa.Column('posted_at', sa.DateTime(), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('digest', 'channel', 'slot')
    )


def downgrade() -> None:
    op.drop_table('digest_posts')
    op.drop_index('ix_packs_period', table_name='packs')
    op.drop_table('packs')
