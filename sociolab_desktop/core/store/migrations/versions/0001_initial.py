"""initial schema

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa


revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('attachment',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('owner_table', sa.String(length=60), nullable=False),
    sa.Column('owner_id', sa.String(length=36), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_sha256'), ['sha256'], unique=False)

    op.create_table('event',
    sa.Column('event_type', sa.String(length=30), nullable=False),
    sa.Column('title_sl', sa.String(length=300), nullable=False),
    sa.Column('title_en', sa.String(length=300), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('venue', sa.String(length=300), nullable=True),
    sa.Column('site_id', sa.String(length=36), nullable=True),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('certificate_min_share', sa.Numeric(precision=4, scale=3, asdecimal=False), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_event_type'), ['event_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_site_id'), ['site_id'], unique=False)

    op.create_table('organisation',
    sa.Column('name', sa.String(length=250), nullable=False),
    sa.Column('legal_form', sa.String(length=40), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=True),
    sa.Column('registration_number', sa.String(length=10), nullable=True),
    sa.Column('tax_number', sa.String(length=8), nullable=True),
    sa.Column('sector', sa.String(length=120), nullable=True),
    sa.Column('street_address', sa.String(length=200), nullable=True),
    sa.Column('postal_code', sa.String(length=4), nullable=True),
    sa.Column('post_town', sa.String(length=100), nullable=True),
    sa.Column('municipality_code', sa.String(length=10), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=False),
    sa.Column('website', sa.String(length=250), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('preferred_language', sa.String(length=5), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('sort_key', sa.String(length=250), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation'))
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_municipality_code'), ['municipality_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_registration_number'), ['registration_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_search_text'), ['search_text'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_site_id'), ['site_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_sort_key'), ['sort_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_tax_number'), ['tax_number'], unique=False)

    op.create_table('person',
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('gender', sa.String(length=20), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('emso', sa.String(length=13), nullable=True),
    sa.Column('tax_number', sa.String(length=8), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('street_address', sa.String(length=200), nullable=True),
    sa.Column('postal_code', sa.String(length=4), nullable=True),
    sa.Column('post_town', sa.String(length=100), nullable=True),
    sa.Column('municipality_code', sa.String(length=10), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=False),
    sa.Column('preferred_language', sa.String(length=5), nullable=False),
    sa.Column('target_group', sa.String(length=40), nullable=True),
    sa.Column('site_id', sa.String(length=36), nullable=True),
    sa.Column('first_contact_date', sa.Date(), nullable=True),
    sa.Column('labour_status', sa.String(length=40), nullable=True),
    sa.Column('isced_level', sa.String(length=10), nullable=True),
    sa.Column('jobless_household', sa.String(length=10), nullable=True),
    sa.Column('dependent_children', sa.String(length=10), nullable=True),
    sa.Column('single_adult_with_children', sa.String(length=10), nullable=True),
    sa.Column('migrant_or_minority', sa.String(length=10), nullable=True),
    sa.Column('disability', sa.String(length=10), nullable=True),
    sa.Column('other_disadvantage', sa.String(length=10), nullable=True),
    sa.Column('homeless_or_housing_excluded', sa.String(length=10), nullable=True),
    sa.Column('rural_area', sa.String(length=10), nullable=True),
    sa.Column('exit_date', sa.Date(), nullable=True),
    sa.Column('exit_in_education', sa.String(length=10), nullable=True),
    sa.Column('exit_gained_qualification', sa.String(length=10), nullable=True),
    sa.Column('exit_employed', sa.String(length=10), nullable=True),
    sa.Column('exit_job_searching', sa.String(length=10), nullable=True),
    sa.Column('is_incomplete', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('sort_key', sa.String(length=250), nullable=False),
    sa.Column('merged_into_id', sa.String(length=36), nullable=True),
    sa.Column('erased_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_email'), ['email'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_emso'), ['emso'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_merged_into_id'), ['merged_into_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_municipality_code'), ['municipality_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_search_text'), ['search_text'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_site_id'), ['site_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_sort_key'), ['sort_key'], unique=False)

    op.create_table('site',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=True),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('is_lead_partner', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site'))
    )
    op.create_table('staff_user',
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('is_staff', sa.Boolean(), nullable=False),
    sa.Column('is_mentor', sa.Boolean(), nullable=False),
    sa.Column('is_admin', sa.Boolean(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('home_site_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_user'))
    )
    op.create_table('certificate',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('hours_attended', sa.Numeric(precision=6, scale=2, asdecimal=False), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_certificate_event_id_event'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_certificate_person_id_person'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate'))
    )
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificate_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_certificate_number'), ['number'], unique=False)
        batch_op.create_index(batch_op.f('ix_certificate_person_id'), ['person_id'], unique=False)

    op.create_table('competition',
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_competition_event_id_event'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_competition'))
    )
    with op.batch_alter_table('competition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_competition_event_id'), ['event_id'], unique=False)

    op.create_table('consent',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('purpose', sa.String(length=40), nullable=False),
    sa.Column('text_version', sa.String(length=40), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=False),
    sa.Column('withdrawn_on', sa.Date(), nullable=True),
    sa.Column('attachment_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_consent_person_id_person'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent'))
    )
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consent_person_id'), ['person_id'], unique=False)

    op.create_table('contact',
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('organisation_id', sa.String(length=36), nullable=True),
    sa.Column('site_id', sa.String(length=36), nullable=True),
    sa.Column('staff_id', sa.String(length=36), nullable=True),
    sa.Column('contact_date', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('topics', sa.JSON(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('referral', sa.String(length=250), nullable=True),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('follow_up_done', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_contact_organisation_id_organisation'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_contact_person_id_person'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact'))
    )
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_contact_date'), ['contact_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_follow_up_on'), ['follow_up_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_site_id'), ['site_id'], unique=False)

    op.create_table('diagnostic',
    sa.Column('organisation_id', sa.String(length=36), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('assessor_id', sa.String(length=36), nullable=True),
    sa.Column('goals', sa.Text(), nullable=True),
    sa.Column('planned_actions', sa.Text(), nullable=True),
    sa.Column('has_development_plan', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_diagnostic_organisation_id_organisation'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_diagnostic'))
    )
    with op.batch_alter_table('diagnostic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_diagnostic_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('event_session',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('session_date', sa.Date(), nullable=False),
    sa.Column('starts_at', sa.Time(), nullable=False),
    sa.Column('ends_at', sa.Time(), nullable=False),
    sa.Column('hours', sa.Numeric(precision=5, scale=2, asdecimal=False), nullable=False),
    sa.Column('venue', sa.String(length=300), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_session_event_id_event'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_session'))
    )
    with op.batch_alter_table('event_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_session_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_session_session_date'), ['session_date'], unique=False)

    op.create_table('mentoring_session',
    sa.Column('organisation_id', sa.String(length=36), nullable=True),
    sa.Column('site_id', sa.String(length=36), nullable=True),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('mode', sa.String(length=20), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('topics', sa.JSON(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('next_session_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_mentoring_session_organisation_id_organisation'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_session'))
    )
    with op.batch_alter_table('mentoring_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentoring_session_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentoring_session_site_id'), ['site_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentoring_session_starts_at'), ['starts_at'], unique=False)

    op.create_table('person_organisation_role',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('organisation_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_person_organisation_role_organisation_id_organisation'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_organisation_role_person_id_person'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_organisation_role'))
    )
    with op.batch_alter_table('person_organisation_role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_organisation_role_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_organisation_role_person_id'), ['person_id'], unique=False)

    op.create_table('programme_enrolment',
    sa.Column('organisation_id', sa.String(length=36), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_programme_enrolment_organisation_id_organisation'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_enrolment'))
    )
    with op.batch_alter_table('programme_enrolment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_enrolment_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('registration',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('cancelled_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_registration_event_id_event'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_registration_person_id_person'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registration'))
    )
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_registration_code'), ['code'], unique=False)
        batch_op.create_index(batch_op.f('ix_registration_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_registration_person_id'), ['person_id'], unique=False)

    op.create_table('agreed_action',
    sa.Column('mentoring_session_id', sa.String(length=36), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('is_done', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['mentoring_session_id'], ['mentoring_session.id'], name=op.f('fk_agreed_action_mentoring_session_id_mentoring_session'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreed_action'))
    )
    with op.batch_alter_table('agreed_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreed_action_mentoring_session_id'), ['mentoring_session_id'], unique=False)

    op.create_table('attendance',
    sa.Column('event_session_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('checked_in_at', sa.DateTime(), nullable=False),
    sa.Column('is_walk_in', sa.Boolean(), nullable=False),
    sa.Column('checked_in_by_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['event_session_id'], ['event_session.id'], name=op.f('fk_attendance_event_session_id_event_session'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_attendance_person_id_person'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance'))
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_event_session_id'), ['event_session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_person_id'), ['person_id'], unique=False)

    op.create_table('competition_entry',
    sa.Column('competition_id', sa.String(length=36), nullable=False),
    sa.Column('organisation_id', sa.String(length=36), nullable=True),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('entry_title', sa.String(length=300), nullable=True),
    sa.Column('award_rank', sa.Integer(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['competition_id'], ['competition.id'], name=op.f('fk_competition_entry_competition_id_competition'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_competition_entry_organisation_id_organisation'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_competition_entry_person_id_person'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_competition_entry'))
    )
    with op.batch_alter_table('competition_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_competition_entry_competition_id'), ['competition_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_competition_entry_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_competition_entry_person_id'), ['person_id'], unique=False)

    op.create_table('diagnostic_score',
    sa.Column('diagnostic_id', sa.String(length=36), nullable=False),
    sa.Column('area', sa.String(length=40), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['diagnostic_id'], ['diagnostic.id'], name=op.f('fk_diagnostic_score_diagnostic_id_diagnostic'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_diagnostic_score'))
    )
    with op.batch_alter_table('diagnostic_score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_diagnostic_score_diagnostic_id'), ['diagnostic_id'], unique=False)

    op.create_table('job',
    sa.Column('organisation_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('contract_type', sa.String(length=20), nullable=True),
    sa.Column('is_vulnerable_group', sa.Boolean(), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=True),
    sa.Column('mentoring_session_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['mentoring_session_id'], ['mentoring_session.id'], name=op.f('fk_job_mentoring_session_id_mentoring_session'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_job_organisation_id_organisation'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_job_person_id_person'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job'))
    )
    with op.batch_alter_table('job', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_mentoring_session_id'), ['mentoring_session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_occurred_on'), ['occurred_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_person_id'), ['person_id'], unique=False)

    op.create_table('mentoring_session_mentor',
    sa.Column('mentoring_session_id', sa.String(length=36), nullable=False),
    sa.Column('staff_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['mentoring_session_id'], ['mentoring_session.id'], name=op.f('fk_mentoring_session_mentor_mentoring_session_id_mentoring_session'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_user.id'], name=op.f('fk_mentoring_session_mentor_staff_id_staff_user'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_session_mentor'))
    )
    with op.batch_alter_table('mentoring_session_mentor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentoring_session_mentor_mentoring_session_id'), ['mentoring_session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentoring_session_mentor_staff_id'), ['staff_id'], unique=False)

    op.create_table('mentoring_session_person',
    sa.Column('mentoring_session_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['mentoring_session_id'], ['mentoring_session.id'], name=op.f('fk_mentoring_session_person_mentoring_session_id_mentoring_session'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_mentoring_session_person_person_id_person'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_session_person'))
    )
    with op.batch_alter_table('mentoring_session_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentoring_session_person_mentoring_session_id'), ['mentoring_session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentoring_session_person_person_id'), ['person_id'], unique=False)

    op.create_table('product',
    sa.Column('organisation_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=250), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('developed_on', sa.Date(), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('mentoring_session_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('origin_site_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_id', sa.String(length=36), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['mentoring_session_id'], ['mentoring_session.id'], name=op.f('fk_product_mentoring_session_id_mentoring_session'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_product_organisation_id_organisation'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product'))
    )
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_developed_on'), ['developed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_product_mentoring_session_id'), ['mentoring_session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_product_organisation_id'), ['organisation_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_product_mentoring_session_id'))
        batch_op.drop_index(batch_op.f('ix_product_developed_on'))

    op.drop_table('product')
    with op.batch_alter_table('mentoring_session_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentoring_session_person_person_id'))
        batch_op.drop_index(batch_op.f('ix_mentoring_session_person_mentoring_session_id'))

    op.drop_table('mentoring_session_person')
    with op.batch_alter_table('mentoring_session_mentor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentoring_session_mentor_staff_id'))
        batch_op.drop_index(batch_op.f('ix_mentoring_session_mentor_mentoring_session_id'))

    op.drop_table('mentoring_session_mentor')
    with op.batch_alter_table('job', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_person_id'))
        batch_op.drop_index(batch_op.f('ix_job_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_job_occurred_on'))
        batch_op.drop_index(batch_op.f('ix_job_mentoring_session_id'))

    op.drop_table('job')
    with op.batch_alter_table('diagnostic_score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_diagnostic_score_diagnostic_id'))

    op.drop_table('diagnostic_score')
    with op.batch_alter_table('competition_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_competition_entry_person_id'))
        batch_op.drop_index(batch_op.f('ix_competition_entry_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_competition_entry_competition_id'))

    op.drop_table('competition_entry')
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_person_id'))
        batch_op.drop_index(batch_op.f('ix_attendance_event_session_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('agreed_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreed_action_mentoring_session_id'))

    op.drop_table('agreed_action')
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_registration_person_id'))
        batch_op.drop_index(batch_op.f('ix_registration_event_id'))
        batch_op.drop_index(batch_op.f('ix_registration_code'))

    op.drop_table('registration')
    with op.batch_alter_table('programme_enrolment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programme_enrolment_organisation_id'))

    op.drop_table('programme_enrolment')
    with op.batch_alter_table('person_organisation_role', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_organisation_role_person_id'))
        batch_op.drop_index(batch_op.f('ix_person_organisation_role_organisation_id'))

    op.drop_table('person_organisation_role')
    with op.batch_alter_table('mentoring_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentoring_session_starts_at'))
        batch_op.drop_index(batch_op.f('ix_mentoring_session_site_id'))
        batch_op.drop_index(batch_op.f('ix_mentoring_session_organisation_id'))

    op.drop_table('mentoring_session')
    with op.batch_alter_table('event_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_session_session_date'))
        batch_op.drop_index(batch_op.f('ix_event_session_event_id'))

    op.drop_table('event_session')
    with op.batch_alter_table('diagnostic', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_diagnostic_organisation_id'))

    op.drop_table('diagnostic')
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_site_id'))
        batch_op.drop_index(batch_op.f('ix_contact_person_id'))
        batch_op.drop_index(batch_op.f('ix_contact_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_contact_follow_up_on'))
        batch_op.drop_index(batch_op.f('ix_contact_contact_date'))

    op.drop_table('contact')
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consent_person_id'))

    op.drop_table('consent')
    with op.batch_alter_table('competition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_competition_event_id'))

    op.drop_table('competition')
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificate_person_id'))
        batch_op.drop_index(batch_op.f('ix_certificate_number'))
        batch_op.drop_index(batch_op.f('ix_certificate_event_id'))

    op.drop_table('certificate')
    op.drop_table('staff_user')
    op.drop_table('site')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_sort_key'))
        batch_op.drop_index(batch_op.f('ix_person_site_id'))
        batch_op.drop_index(batch_op.f('ix_person_search_text'))
        batch_op.drop_index(batch_op.f('ix_person_municipality_code'))
        batch_op.drop_index(batch_op.f('ix_person_merged_into_id'))
        batch_op.drop_index(batch_op.f('ix_person_emso'))
        batch_op.drop_index(batch_op.f('ix_person_email'))

    op.drop_table('person')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_tax_number'))
        batch_op.drop_index(batch_op.f('ix_organisation_sort_key'))
        batch_op.drop_index(batch_op.f('ix_organisation_site_id'))
        batch_op.drop_index(batch_op.f('ix_organisation_search_text'))
        batch_op.drop_index(batch_op.f('ix_organisation_registration_number'))
        batch_op.drop_index(batch_op.f('ix_organisation_municipality_code'))

    op.drop_table('organisation')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_site_id'))
        batch_op.drop_index(batch_op.f('ix_event_event_type'))

    op.drop_table('event')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_sha256'))
        batch_op.drop_index(batch_op.f('ix_attachment_owner_id'))

    op.drop_table('attachment')

