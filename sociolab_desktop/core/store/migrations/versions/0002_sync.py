"""sync bookkeeping and replicated operations

Revision ID: 0002_sync
Revises: 0001_initial
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_sync'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


# The synced tables of schema 0001, frozen here: later schemas must not change what this did.
TABLES_OF_0001 = (
    "site", "staff_user", "person", "organisation", "person_organisation_role", "consent",
    "contact", "mentoring_session", "mentoring_session_mentor", "mentoring_session_person",
    "agreed_action", "diagnostic", "diagnostic_score", "programme_enrolment", "event",
    "event_session", "registration", "attendance", "certificate", "job", "product",
    "competition", "competition_entry", "attachment",
)

# Records made before sync existed get the version of their creation: created_at in
# milliseconds, counter 0, their origin site; so they are published by the site that made them.
BACKFILL = """
INSERT INTO sync_row (table_name, row_id, base_hlc, overrides, seen, deleted_hlc, last_local_hlc)
SELECT '{table}', id, v, '{{}}', '{{}}', NULL, v FROM (
  SELECT id, printf('%013d-%06d-%s',
      CAST((julianday(created_at) - 2440587.5) * 86400000 AS INTEGER), 0,
      coalesce(origin_site_id, '')) AS v
  FROM "{table}")
"""


def upgrade() -> None:

    op.create_table('person_erasure',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('requested_on', sa.Date(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_erasure'))
    )
    with op.batch_alter_table('person_erasure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_erasure_person_id'), ['person_id'], unique=False)

    op.create_table('person_merge',
    sa.Column('loser_id', sa.String(length=36), nullable=False),
    sa.Column('survivor_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_merge'))
    )
    with op.batch_alter_table('person_merge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_merge_loser_id'), ['loser_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_merge_survivor_id'), ['survivor_id'], unique=False)

    op.create_table('sync_applied',
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('epoch', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('entries', sa.Integer(), nullable=False),
    sa.Column('applied_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('site_id', 'epoch', 'seq', name=op.f('pk_sync_applied'))
    )
    op.create_table('sync_conflict',
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('column_name', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('winner_value', sa.Text(), nullable=True),
    sa.Column('winner_hlc', sa.String(length=64), nullable=False),
    sa.Column('loser_value', sa.Text(), nullable=True),
    sa.Column('loser_hlc', sa.String(length=64), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolution', sa.String(length=20), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_conflict_row_id'), ['row_id'], unique=False)

    op.create_table('sync_held',
    sa.Column('path', sa.String(length=500), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('first_seen_at', sa.DateTime(), nullable=False),
    sa.Column('last_tried_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('path', name=op.f('pk_sync_held'))
    )
    op.create_table('sync_row',
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('base_hlc', sa.String(length=64), nullable=False),
    sa.Column('overrides', sa.Text(), nullable=False),
    sa.Column('seen', sa.Text(), nullable=False),
    sa.Column('deleted_hlc', sa.String(length=64), nullable=True),
    sa.Column('last_local_hlc', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('table_name', 'row_id', name=op.f('pk_sync_row'))
    )
    with op.batch_alter_table('sync_row', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_row_last_local_hlc'), ['last_local_hlc'], unique=False)

    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=True),
    sa.Column('epoch', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('last_bundle_sha256', sa.String(length=64), nullable=True),
    sa.Column('published_watermark', sa.String(length=64), nullable=False),
    sa.Column('clock_high_water', sa.String(length=64), nullable=False),
    sa.Column('last_success_at', sa.DateTime(), nullable=True),
    sa.Column('last_attempt_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state'))
    )


    for table in TABLES_OF_0001:
        op.execute(BACKFILL.format(table=table))


def downgrade() -> None:

    op.drop_table('sync_state')
    with op.batch_alter_table('sync_row', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_row_last_local_hlc'))

    op.drop_table('sync_row')
    op.drop_table('sync_held')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_conflict_row_id'))

    op.drop_table('sync_conflict')
    op.drop_table('sync_applied')
    with op.batch_alter_table('person_merge', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_merge_survivor_id'))
        batch_op.drop_index(batch_op.f('ix_person_merge_loser_id'))

    op.drop_table('person_merge')
    with op.batch_alter_table('person_erasure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_erasure_person_id'))

    op.drop_table('person_erasure')

