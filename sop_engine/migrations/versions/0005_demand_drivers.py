"""demand drivers: drivers table, sales_history.price, forecast_drivers and forecast_driver_effects

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('drivers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period', sa.Date(), nullable=False),
    sa.Column('driver', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=True),
    sa.Column('family', sa.Text(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=True),
    sa.Column('unit', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('drivers', schema=None) as batch_op:
        batch_op.create_index('ix_drivers_driver_period', ['driver', 'period'], unique=False)
    with op.batch_alter_table('sales_history', schema=None) as batch_op:
        batch_op.add_column(sa.Column('price', sa.Float(), nullable=True))
    op.create_table('forecast_drivers',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('drivers', sa.JSON(), nullable=False),
    sa.Column('used', sa.Boolean(), nullable=False),
    sa.Column('model', sa.String(length=64), nullable=True),
    sa.Column('cv_error_drivers', sa.Float(), nullable=True),
    sa.Column('cv_error_driver_free', sa.Float(), nullable=True),
    sa.Column('driver_free_model', sa.String(length=64), nullable=True),
    sa.Column('months', sa.JSON(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['version_id'], ['forecast_versions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('version_id', 'sku')
    )
    op.create_table('forecast_driver_effects',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('driver', sa.String(length=64), nullable=False),
    sa.Column('effect_pct', sa.Float(), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('coef', sa.Float(), nullable=False),
    sa.Column('coef_next', sa.Float(), nullable=False),
    sa.Column('unit', sa.Text(), nullable=True),
    sa.Column('planned', sa.JSON(), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['forecast_versions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('version_id', 'sku', 'driver')
    )


def downgrade() -> None:
    op.drop_table('forecast_driver_effects')
    op.drop_table('forecast_drivers')
    with op.batch_alter_table('sales_history', schema=None) as batch_op:
        batch_op.drop_column('price')
    with op.batch_alter_table('drivers', schema=None) as batch_op:
        batch_op.drop_index('ix_drivers_driver_period')
    op.drop_table('drivers')
