"""initial schema, and the triggers that make deferrals and the audit trail unchangeable in SQL too

NOTE for later migrations: SQLite batch mode rebuilds a table and drops its triggers. A migration that batch-alters
one of SYNCED_TABLES must call create_guard_triggers() for it again (tests/models/test_migrations.py checks).

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 01:10:53.129863
"""

from alembic import op
import sqlalchemy as sa
import bbms_desktop.models.base


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


SYNCED_TABLES = (
    "centres", "users", "camps", "donors", "screening_visits", "deferrals", "donations", "lab_result_sets",
    "lab_verifications", "components", "discards", "blood_requests", "crossmatches", "issues",
    "component_returns", "transfusion_reactions", "audit_events",
)
DEFERRAL_COLUMNS = ("id", "centre_id", "donor_id", "reason_code", "detail", "permanent", "starts_on", "until",
                    "visit_id", "donation_id", "decided_by_id", "created_at")
AUDIT_COLUMNS = ("id", "centre_id", "device_id", "device_seq", "at", "user_id", "action", "entity", "row_id",
                 "details", "prev_hash", "hash", "created_at")


# The one exception to "never deleted": a row the central server refused to take because another machine's row holds
# its unique key (the same bag separated twice). It never existed centrally, its whole content stays in
# dead_letters, and it must make way for the row the server kept. Deferrals and audit events: no exception at all.
REFUSED_INSERT = ("NOT EXISTS (SELECT 1 FROM dead_letters WHERE dead_letters.row_id = OLD.id "
                  "AND dead_letters.kind = 'insert')")


def create_guard_triggers(table: str) -> None:
    when = "" if table in ("deferrals", "audit_events") else f"WHEN {REFUSED_INSERT} "
    op.execute(f"CREATE TRIGGER {table}_never_deleted BEFORE DELETE ON {table} {when}"
               f"BEGIN SELECT RAISE(ABORT, '{table}: records are never deleted, they are voided'); END")
    frozen = {"deferrals": DEFERRAL_COLUMNS, "audit_events": AUDIT_COLUMNS}.get(table)
    if frozen:
        changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in frozen)
        op.execute(f"CREATE TRIGGER {table}_never_edited BEFORE UPDATE ON {table} WHEN {changed} "
                   f"BEGIN SELECT RAISE(ABORT, '{table}: a saved record cannot be edited'); END")


def drop_guard_triggers(table: str) -> None:
    op.execute(f"DROP TRIGGER IF EXISTS {table}_never_deleted")
    op.execute(f"DROP TRIGGER IF EXISTS {table}_never_edited")


def upgrade() -> None:
    op.create_table('centres',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.Enum('blood_centre', 'storage_centre', 'camp', 'spoke', 'hub', name='centre_kind', native_enum=False, create_constraint=True, length=22), nullable=False),
    sa.Column('fin', sa.String(length=5), nullable=True),
    sa.Column('licence_number', sa.String(length=60), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('district', sa.String(length=100), nullable=True),
    sa.Column('state', sa.String(length=100), nullable=True),
    sa.Column('is_training', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_centres')),
    sa.UniqueConstraint('code', name=op.f('uq_centres_code')),
    sa.UniqueConstraint('fin', name=op.f('uq_centres_fin'))
    )
    op.create_table('dead_letters',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('op_seq', sa.Integer(), nullable=False),
    sa.Column('op_id', sa.Uuid(), nullable=False),
    sa.Column('tx', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('insert', 'update', name='dead_letter_kind', native_enum=False, create_constraint=True, length=14), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('message', sa.String(length=1000), nullable=False),
    sa.Column('server_row', sa.JSON(), nullable=True),
    sa.Column('rejected_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('resolved_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('resolution', sa.String(length=500), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dead_letters')),
    sa.UniqueConstraint('op_seq', name=op.f('uq_dead_letters_op_seq'))
    )
    op.create_table('outbox',
    sa.Column('op_seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('op_id', sa.Uuid(), nullable=False),
    sa.Column('tx', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('insert', 'update', name='op_kind', native_enum=False, create_constraint=True, length=14), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=True),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('hlc', sa.String(length=40), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('state', sa.Enum('pending', 'acked', 'rejected', name='op_state', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.String(length=1000), nullable=True),
    sa.PrimaryKeyConstraint('op_seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('op_id', name=op.f('uq_outbox_op_id'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_pending', ['state', 'op_seq'], unique=False)

    op.create_table('device_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('centre_id', sa.Uuid(), nullable=True),
    sa.Column('is_training', sa.Boolean(), nullable=False),
    sa.Column('last_op_seq', sa.Integer(), nullable=False),
    sa.Column('audit_seq', sa.Integer(), nullable=False),
    sa.Column('audit_head', sa.String(length=64), nullable=False),
    sa.Column('hlc_wall_ms', sa.Integer(), nullable=False),
    sa.Column('hlc_counter', sa.Integer(), nullable=False),
    sa.Column('server_url', sa.String(length=300), nullable=True),
    sa.Column('pull_cursor', sa.String(length=100), nullable=True),
    sa.Column('last_sync_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('last_sync_error', sa.String(length=1000), nullable=True),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_device_state_centre_id_centres')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_device_state'))
    )
    op.create_table('users',
    sa.Column('username', sa.String(length=60), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.Enum('registrar', 'medical_officer', 'phlebotomist', 'lab_technician', 'component_technician', 'issue_counter', 'quality_admin', 'camp_operator', 'trainer', 'spoke_health_worker', 'hub_doctor', name='user_role', native_enum=False, create_constraint=True, length=28), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('registration_number', sa.String(length=60), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_users_centre_id_centres')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('centre_id', 'username', name=op.f('uq_users_centre_id_username'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_centre_id'), ['centre_id'], unique=False)

    op.create_table('audit_events',
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('device_seq', sa.Integer(), nullable=False),
    sa.Column('at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('entity', sa.String(length=60), nullable=True),
    sa.Column('row_id', sa.Uuid(), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_audit_events_centre_id_centres')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_events_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events')),
    sa.UniqueConstraint('device_id', 'device_seq', name=op.f('uq_audit_events_device_id_device_seq')),
    sa.UniqueConstraint('hash', name=op.f('uq_audit_events_hash'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_centre_id'), ['centre_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_row_id'), ['row_id'], unique=False)

    op.create_table('blood_requests',
    sa.Column('request_number', sa.String(length=30), nullable=False),
    sa.Column('patient_name', sa.String(length=200), nullable=False),
    sa.Column('patient_hospital_id', sa.String(length=40), nullable=True),
    sa.Column('patient_sex', sa.Enum('M', 'F', 'X', name='patient_sex', native_enum=False, create_constraint=True, length=9), nullable=False),
    sa.Column('patient_date_of_birth', sa.Date(), nullable=True),
    sa.Column('patient_age_years', sa.Integer(), nullable=False),
    sa.Column('patient_group', sa.String(length=7), nullable=False),
    sa.Column('patient_has_anti_d', sa.Boolean(), nullable=False),
    sa.Column('hospital', sa.String(length=200), nullable=False),
    sa.Column('ward', sa.String(length=100), nullable=True),
    sa.Column('bed', sa.String(length=20), nullable=True),
    sa.Column('diagnosis', sa.String(length=300), nullable=True),
    sa.Column('component_code', sa.String(length=20), nullable=False),
    sa.Column('units_requested', sa.Integer(), nullable=False),
    sa.Column('urgency', sa.Enum('routine', 'urgent', 'emergency', name='urgency', native_enum=False, create_constraint=True, length=17), nullable=False),
    sa.Column('requesting_doctor', sa.String(length=200), nullable=False),
    sa.Column('doctor_registration_number', sa.String(length=60), nullable=True),
    sa.Column('required_by', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('sample_received_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('status', sa.Enum('open', 'fulfilled', 'cancelled', name='request_status', native_enum=False, create_constraint=True, length=17), nullable=False),
    sa.Column('received_by_id', sa.Uuid(), nullable=False),
    sa.Column('cancelled_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('cancel_reason', sa.String(length=500), nullable=True),
    sa.Column('cancelled_by_id', sa.Uuid(), nullable=True),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('voided_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('void_reason', sa.String(length=500), nullable=True),
    sa.Column('voided_by_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['cancelled_by_id'], ['users.id'], name=op.f('fk_blood_requests_cancelled_by_id_users')),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_blood_requests_centre_id_centres')),
    sa.ForeignKeyConstraint(['received_by_id'], ['users.id'], name=op.f('fk_blood_requests_received_by_id_users')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['users.id'], name=op.f('fk_blood_requests_voided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_blood_requests')),
    sa.UniqueConstraint('request_number', name=op.f('uq_blood_requests_request_number'))
    )
    with op.batch_alter_table('blood_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_blood_requests_centre_id'), ['centre_id'], unique=False)

    op.create_table('camps',
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('venue', sa.String(length=300), nullable=False),
    sa.Column('district', sa.String(length=100), nullable=True),
    sa.Column('state', sa.String(length=100), nullable=True),
    sa.Column('organiser', sa.String(length=200), nullable=True),
    sa.Column('organiser_mobile', sa.String(length=15), nullable=True),
    sa.Column('expected_donors', sa.Integer(), nullable=True),
    sa.Column('closed_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('created_by_id', sa.Uuid(), nullable=True),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('voided_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('void_reason', sa.String(length=500), nullable=True),
    sa.Column('voided_by_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_camps_centre_id_centres')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_camps_created_by_id_users')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['users.id'], name=op.f('fk_camps_voided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_camps')),
    sa.UniqueConstraint('code', name=op.f('uq_camps_code'))
    )
    with op.batch_alter_table('camps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_camps_centre_id'), ['centre_id'], unique=False)

    op.create_table('donors',
    sa.Column('donor_number', sa.String(length=30), nullable=False),
    sa.Column('given_name', sa.String(length=100), nullable=False),
    sa.Column('family_name', sa.String(length=100), nullable=True),
    sa.Column('guardian_name', sa.String(length=200), nullable=True),
    sa.Column('name_key', sa.String(length=201), nullable=False),
    sa.Column('family_key', sa.String(length=100), nullable=True),
    sa.Column('sex', sa.Enum('M', 'F', 'X', name='donor_sex', native_enum=False, create_constraint=True, length=9), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=False),
    sa.Column('mobile', sa.String(length=15), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('pincode', sa.String(length=6), nullable=True),
    sa.Column('district', sa.String(length=100), nullable=True),
    sa.Column('state', sa.String(length=100), nullable=True),
    sa.Column('id_document_type', sa.Enum('aadhaar', 'voter_id', 'pan', 'driving_licence', 'passport', 'other', name='donor_id_document', native_enum=False, create_constraint=True, length=23), nullable=True),
    sa.Column('id_document_number', sa.String(length=40), nullable=True),
    sa.Column('abha_id', sa.String(length=20), nullable=True),
    sa.Column('donor_type', sa.Enum('voluntary', 'replacement', name='donor_type', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('consent_given_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('blood_group', sa.String(length=3), nullable=True),
    sa.Column('merged_into_id', sa.Uuid(), nullable=True),
    sa.Column('needs_review', sa.Boolean(), nullable=False),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('voided_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('void_reason', sa.String(length=500), nullable=True),
    sa.Column('voided_by_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_donors_centre_id_centres')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['donors.id'], name=op.f('fk_donors_merged_into_id_donors')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['users.id'], name=op.f('fk_donors_voided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_donors')),
    sa.UniqueConstraint('donor_number', name=op.f('uq_donors_donor_number'))
    )
    with op.batch_alter_table('donors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_donors_centre_id'), ['centre_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_donors_family_key'), ['family_key'], unique=False)
        batch_op.create_index('ix_donors_id_document', ['id_document_type', 'id_document_number'], unique=False)
        batch_op.create_index('ix_donors_identity', ['date_of_birth', 'sex', 'name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_donors_merged_into_id'), ['merged_into_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_donors_mobile'), ['mobile'], unique=False)
        batch_op.create_index(batch_op.f('ix_donors_name_key'), ['name_key'], unique=False)

    op.create_table('number_blocks',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('series', sa.String(length=20), nullable=False),
    sa.Column('first', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.Column('next', sa.Integer(), nullable=False),
    sa.Column('holder_device_id', sa.Uuid(), nullable=False),
    sa.Column('camp_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['camp_id'], ['camps.id'], name=op.f('fk_number_blocks_camp_id_camps')),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_number_blocks_centre_id_centres')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_number_blocks')),
    sa.UniqueConstraint('centre_id', 'series', 'first', name=op.f('uq_number_blocks_centre_id_series_first'))
    )
    op.create_table('screening_visits',
    sa.Column('donor_id', sa.Uuid(), nullable=False),
    sa.Column('camp_id', sa.Uuid(), nullable=True),
    sa.Column('visited_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('donation_type', sa.Enum('whole_blood', 'apheresis', name='visit_donation_type', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('bag_volume_ml', sa.Integer(), nullable=True),
    sa.Column('weight_kg', sa.Double(), nullable=False),
    sa.Column('haemoglobin_g_dl', sa.Double(), nullable=False),
    sa.Column('systolic_mmhg', sa.Integer(), nullable=False),
    sa.Column('diastolic_mmhg', sa.Integer(), nullable=False),
    sa.Column('pulse_per_min', sa.Integer(), nullable=False),
    sa.Column('pulse_regular', sa.Boolean(), nullable=False),
    sa.Column('temperature_c', sa.Double(), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('outcome', sa.Enum('eligible', 'deferred', name='screening_outcome', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('reason_codes', sa.JSON(), nullable=False),
    sa.Column('assessed_by_id', sa.Uuid(), nullable=False),
    sa.Column('notes', sa.String(length=1000), nullable=True),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('voided_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('void_reason', sa.String(length=500), nullable=True),
    sa.Column('voided_by_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['assessed_by_id'], ['users.id'], name=op.f('fk_screening_visits_assessed_by_id_users')),
    sa.ForeignKeyConstraint(['camp_id'], ['camps.id'], name=op.f('fk_screening_visits_camp_id_camps')),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_screening_visits_centre_id_centres')),
    sa.ForeignKeyConstraint(['donor_id'], ['donors.id'], name=op.f('fk_screening_visits_donor_id_donors')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['users.id'], name=op.f('fk_screening_visits_voided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_visits'))
    )
    with op.batch_alter_table('screening_visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_screening_visits_camp_id'), ['camp_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_screening_visits_centre_id'), ['centre_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_screening_visits_donor_id'), ['donor_id'], unique=False)

    op.create_table('donations',
    sa.Column('din', sa.String(length=13), nullable=False),
    sa.Column('donor_id', sa.Uuid(), nullable=False),
    sa.Column('visit_id', sa.Uuid(), nullable=False),
    sa.Column('camp_id', sa.Uuid(), nullable=True),
    sa.Column('donation_type', sa.Enum('whole_blood', 'apheresis', name='donation_type', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('bag_type', sa.Enum('single', 'double', 'triple', 'quadruple', 'quadruple_sagm', name='bag_type', native_enum=False, create_constraint=True, length=22), nullable=False),
    sa.Column('bag_volume_ml', sa.Integer(), nullable=False),
    sa.Column('collected_volume_ml', sa.Integer(), nullable=False),
    sa.Column('anticoagulant', sa.String(length=20), nullable=False),
    sa.Column('bag_lot', sa.String(length=40), nullable=True),
    sa.Column('bleed_start', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('bleed_end', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('collected_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('phlebotomist_id', sa.Uuid(), nullable=False),
    sa.Column('adverse_reaction', sa.Enum('haematoma', 'arterial_puncture', 'nerve_injury', 'thrombophlebitis', 'allergy', 'vasovagal', 'hyperventilation', 'convulsions', 'accident', 'nausea', name='adverse_reaction', native_enum=False, create_constraint=True, length=25), nullable=True),
    sa.Column('notes', sa.String(length=1000), nullable=True),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('voided_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('void_reason', sa.String(length=500), nullable=True),
    sa.Column('voided_by_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['camp_id'], ['camps.id'], name=op.f('fk_donations_camp_id_camps')),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_donations_centre_id_centres')),
    sa.ForeignKeyConstraint(['donor_id'], ['donors.id'], name=op.f('fk_donations_donor_id_donors')),
    sa.ForeignKeyConstraint(['phlebotomist_id'], ['users.id'], name=op.f('fk_donations_phlebotomist_id_users')),
    sa.ForeignKeyConstraint(['visit_id'], ['screening_visits.id'], name=op.f('fk_donations_visit_id_screening_visits')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['users.id'], name=op.f('fk_donations_voided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_donations')),
    sa.UniqueConstraint('din', name=op.f('uq_donations_din')),
    sa.UniqueConstraint('visit_id', name=op.f('uq_donations_visit_id'))
    )
    with op.batch_alter_table('donations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_donations_camp_id'), ['camp_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_donations_centre_id'), ['centre_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_donations_collected_at'), ['collected_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_donations_donor_id'), ['donor_id'], unique=False)

    op.create_table('components',
    sa.Column('donation_id', sa.Uuid(), nullable=False),
    sa.Column('din', sa.String(length=13), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('division', sa.String(length=2), nullable=False),
    sa.Column('volume_ml', sa.Integer(), nullable=False),
    sa.Column('prepared_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('expires_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('status', sa.Enum('quarantine', 'available', 'reserved', 'issued', 'transfused', 'unsafe', 'expired', 'discarded', name='component_status', native_enum=False, create_constraint=True, length=18), nullable=False),
    sa.Column('blood_group', sa.String(length=3), nullable=True),
    sa.Column('storage_location', sa.String(length=60), nullable=True),
    sa.Column('reserved_for_request_id', sa.Uuid(), nullable=True),
    sa.Column('prepared_by_id', sa.Uuid(), nullable=False),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_components_centre_id_centres')),
    sa.ForeignKeyConstraint(['donation_id'], ['donations.id'], name=op.f('fk_components_donation_id_donations')),
    sa.ForeignKeyConstraint(['prepared_by_id'], ['users.id'], name=op.f('fk_components_prepared_by_id_users')),
    sa.ForeignKeyConstraint(['reserved_for_request_id'], ['blood_requests.id'], name=op.f('fk_components_reserved_for_request_id_blood_requests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_components')),
    sa.UniqueConstraint('donation_id', 'code', 'division', name=op.f('uq_components_donation_id_code_division'))
    )
    with op.batch_alter_table('components', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_components_centre_id'), ['centre_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_components_din'), ['din'], unique=False)
        batch_op.create_index(batch_op.f('ix_components_donation_id'), ['donation_id'], unique=False)
        batch_op.create_index('ix_components_stock', ['status', 'code', 'blood_group', 'expires_at'], unique=False)

    op.create_table('deferrals',
    sa.Column('donor_id', sa.Uuid(), nullable=False),
    sa.Column('reason_code', sa.String(length=60), nullable=False),
    sa.Column('detail', sa.String(length=500), nullable=True),
    sa.Column('permanent', sa.Boolean(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('visit_id', sa.Uuid(), nullable=True),
    sa.Column('donation_id', sa.Uuid(), nullable=True),
    sa.Column('decided_by_id', sa.Uuid(), nullable=False),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_deferrals_centre_id_centres')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_deferrals_decided_by_id_users')),
    sa.ForeignKeyConstraint(['donation_id'], ['donations.id'], name=op.f('fk_deferrals_donation_id_donations')),
    sa.ForeignKeyConstraint(['donor_id'], ['donors.id'], name=op.f('fk_deferrals_donor_id_donors')),
    sa.ForeignKeyConstraint(['visit_id'], ['screening_visits.id'], name=op.f('fk_deferrals_visit_id_screening_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deferrals'))
    )
    with op.batch_alter_table('deferrals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deferrals_centre_id'), ['centre_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deferrals_donor_id'), ['donor_id'], unique=False)

    op.create_table('lab_result_sets',
    sa.Column('donation_id', sa.Uuid(), nullable=False),
    sa.Column('supersedes_id', sa.Uuid(), nullable=True),
    sa.Column('correction_reason', sa.String(length=500), nullable=True),
    sa.Column('anti_a', sa.Enum('neg', 'weak', 'pos', name='anti_a', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('anti_b', sa.Enum('neg', 'weak', 'pos', name='anti_b', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('anti_ab', sa.Enum('neg', 'weak', 'pos', name='anti_ab', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('anti_d', sa.Enum('neg', 'weak', 'pos', name='anti_d', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('a_cells', sa.Enum('neg', 'weak', 'pos', name='a_cells', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('b_cells', sa.Enum('neg', 'weak', 'pos', name='b_cells', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('o_cells', sa.Enum('neg', 'weak', 'pos', name='o_cells', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('interpreted_group', sa.String(length=3), nullable=True),
    sa.Column('antibody_screen', sa.Enum('negative', 'positive', 'not_done', name='antibody_screen', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('hiv', sa.Enum('non_reactive', 'reactive', 'indeterminate', 'not_done', name='hiv_result', native_enum=False, create_constraint=True, length=21), nullable=False),
    sa.Column('hiv_kit', sa.String(length=60), nullable=True),
    sa.Column('hiv_lot', sa.String(length=40), nullable=True),
    sa.Column('hbsag', sa.Enum('non_reactive', 'reactive', 'indeterminate', 'not_done', name='hbsag_result', native_enum=False, create_constraint=True, length=21), nullable=False),
    sa.Column('hbsag_kit', sa.String(length=60), nullable=True),
    sa.Column('hbsag_lot', sa.String(length=40), nullable=True),
    sa.Column('hcv', sa.Enum('non_reactive', 'reactive', 'indeterminate', 'not_done', name='hcv_result', native_enum=False, create_constraint=True, length=21), nullable=False),
    sa.Column('hcv_kit', sa.String(length=60), nullable=True),
    sa.Column('hcv_lot', sa.String(length=40), nullable=True),
    sa.Column('syphilis', sa.Enum('non_reactive', 'reactive', 'indeterminate', 'not_done', name='syphilis_result', native_enum=False, create_constraint=True, length=21), nullable=False),
    sa.Column('syphilis_kit', sa.String(length=60), nullable=True),
    sa.Column('syphilis_lot', sa.String(length=40), nullable=True),
    sa.Column('malaria', sa.Enum('non_reactive', 'reactive', 'indeterminate', 'not_done', name='malaria_result', native_enum=False, create_constraint=True, length=21), nullable=False),
    sa.Column('malaria_kit', sa.String(length=60), nullable=True),
    sa.Column('malaria_lot', sa.String(length=40), nullable=True),
    sa.Column('entered_by_id', sa.Uuid(), nullable=False),
    sa.Column('entered_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('notes', sa.String(length=1000), nullable=True),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('voided_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('void_reason', sa.String(length=500), nullable=True),
    sa.Column('voided_by_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_lab_result_sets_centre_id_centres')),
    sa.ForeignKeyConstraint(['donation_id'], ['donations.id'], name=op.f('fk_lab_result_sets_donation_id_donations')),
    sa.ForeignKeyConstraint(['entered_by_id'], ['users.id'], name=op.f('fk_lab_result_sets_entered_by_id_users')),
    sa.ForeignKeyConstraint(['supersedes_id'], ['lab_result_sets.id'], name=op.f('fk_lab_result_sets_supersedes_id_lab_result_sets')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['users.id'], name=op.f('fk_lab_result_sets_voided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lab_result_sets')),
    sa.UniqueConstraint('supersedes_id', name=op.f('uq_lab_result_sets_supersedes_id'))
    )
    with op.batch_alter_table('lab_result_sets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lab_result_sets_centre_id'), ['centre_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_lab_result_sets_donation_id'), ['donation_id'], unique=False)

    op.create_table('crossmatches',
    sa.Column('request_id', sa.Uuid(), nullable=False),
    sa.Column('component_id', sa.Uuid(), nullable=False),
    sa.Column('method', sa.Enum('immediate_spin', 'ahg', 'gel', 'electronic', name='crossmatch_method', native_enum=False, create_constraint=True, length=22), nullable=False),
    sa.Column('result', sa.Enum('compatible', 'incompatible', name='crossmatch_result', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('performed_by_id', sa.Uuid(), nullable=False),
    sa.Column('performed_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('notes', sa.String(length=500), nullable=True),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('voided_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('void_reason', sa.String(length=500), nullable=True),
    sa.Column('voided_by_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_crossmatches_centre_id_centres')),
    sa.ForeignKeyConstraint(['component_id'], ['components.id'], name=op.f('fk_crossmatches_component_id_components')),
    sa.ForeignKeyConstraint(['performed_by_id'], ['users.id'], name=op.f('fk_crossmatches_performed_by_id_users')),
    sa.ForeignKeyConstraint(['request_id'], ['blood_requests.id'], name=op.f('fk_crossmatches_request_id_blood_requests')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['users.id'], name=op.f('fk_crossmatches_voided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_crossmatches'))
    )
    with op.batch_alter_table('crossmatches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_crossmatches_centre_id'), ['centre_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_crossmatches_component_id'), ['component_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_crossmatches_request_id'), ['request_id'], unique=False)

    op.create_table('discards',
    sa.Column('component_id', sa.Uuid(), nullable=False),
    sa.Column('reason', sa.Enum('expired', 'tti_reactive', 'leaked_or_damaged', 'haemolysed', 'lipaemic', 'clotted', 'under_collected', 'over_collected', 'bleed_time_exceeded', 'return_not_acceptable', 'qc_failure', 'grouping_discrepancy', 'other', name='discard_reason', native_enum=False, create_constraint=True, length=29), nullable=False),
    sa.Column('detail', sa.String(length=500), nullable=True),
    sa.Column('discarded_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('discarded_by_id', sa.Uuid(), nullable=False),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('voided_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('void_reason', sa.String(length=500), nullable=True),
    sa.Column('voided_by_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_discards_centre_id_centres')),
    sa.ForeignKeyConstraint(['component_id'], ['components.id'], name=op.f('fk_discards_component_id_components')),
    sa.ForeignKeyConstraint(['discarded_by_id'], ['users.id'], name=op.f('fk_discards_discarded_by_id_users')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['users.id'], name=op.f('fk_discards_voided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discards'))
    )
    with op.batch_alter_table('discards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_discards_centre_id'), ['centre_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_discards_component_id'), ['component_id'], unique=False)

    op.create_table('lab_verifications',
    sa.Column('result_set_id', sa.Uuid(), nullable=False),
    sa.Column('verified_by_id', sa.Uuid(), nullable=False),
    sa.Column('verified_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_lab_verifications_centre_id_centres')),
    sa.ForeignKeyConstraint(['result_set_id'], ['lab_result_sets.id'], name=op.f('fk_lab_verifications_result_set_id_lab_result_sets')),
    sa.ForeignKeyConstraint(['verified_by_id'], ['users.id'], name=op.f('fk_lab_verifications_verified_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lab_verifications')),
    sa.UniqueConstraint('result_set_id', name=op.f('uq_lab_verifications_result_set_id'))
    )
    with op.batch_alter_table('lab_verifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lab_verifications_centre_id'), ['centre_id'], unique=False)

    op.create_table('issues',
    sa.Column('request_id', sa.Uuid(), nullable=False),
    sa.Column('component_id', sa.Uuid(), nullable=False),
    sa.Column('crossmatch_id', sa.Uuid(), nullable=True),
    sa.Column('uncrossmatched', sa.Boolean(), nullable=False),
    sa.Column('issued_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('issued_by_id', sa.Uuid(), nullable=False),
    sa.Column('collected_by', sa.String(length=200), nullable=False),
    sa.Column('override_by_id', sa.Uuid(), nullable=True),
    sa.Column('override_reason', sa.String(length=500), nullable=True),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('voided_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('void_reason', sa.String(length=500), nullable=True),
    sa.Column('voided_by_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_issues_centre_id_centres')),
    sa.ForeignKeyConstraint(['component_id'], ['components.id'], name=op.f('fk_issues_component_id_components')),
    sa.ForeignKeyConstraint(['crossmatch_id'], ['crossmatches.id'], name=op.f('fk_issues_crossmatch_id_crossmatches')),
    sa.ForeignKeyConstraint(['issued_by_id'], ['users.id'], name=op.f('fk_issues_issued_by_id_users')),
    sa.ForeignKeyConstraint(['override_by_id'], ['users.id'], name=op.f('fk_issues_override_by_id_users')),
    sa.ForeignKeyConstraint(['request_id'], ['blood_requests.id'], name=op.f('fk_issues_request_id_blood_requests')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['users.id'], name=op.f('fk_issues_voided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issues'))
    )
    with op.batch_alter_table('issues', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issues_centre_id'), ['centre_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issues_component_id'), ['component_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issues_request_id'), ['request_id'], unique=False)

    op.create_table('component_returns',
    sa.Column('issue_id', sa.Uuid(), nullable=False),
    sa.Column('component_id', sa.Uuid(), nullable=False),
    sa.Column('returned_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('received_by_id', sa.Uuid(), nullable=False),
    sa.Column('cold_chain_maintained', sa.Boolean(), nullable=False),
    sa.Column('seal_intact', sa.Boolean(), nullable=False),
    sa.Column('accepted', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=True),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('voided_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('void_reason', sa.String(length=500), nullable=True),
    sa.Column('voided_by_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_component_returns_centre_id_centres')),
    sa.ForeignKeyConstraint(['component_id'], ['components.id'], name=op.f('fk_component_returns_component_id_components')),
    sa.ForeignKeyConstraint(['issue_id'], ['issues.id'], name=op.f('fk_component_returns_issue_id_issues')),
    sa.ForeignKeyConstraint(['received_by_id'], ['users.id'], name=op.f('fk_component_returns_received_by_id_users')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['users.id'], name=op.f('fk_component_returns_voided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_component_returns'))
    )
    with op.batch_alter_table('component_returns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_component_returns_centre_id'), ['centre_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_component_returns_component_id'), ['component_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_component_returns_issue_id'), ['issue_id'], unique=False)

    op.create_table('transfusion_reactions',
    sa.Column('issue_id', sa.Uuid(), nullable=False),
    sa.Column('component_id', sa.Uuid(), nullable=False),
    sa.Column('reaction_type', sa.Enum('febrile_non_haemolytic', 'allergic', 'anaphylactic', 'acute_haemolytic', 'delayed_haemolytic', 'trali', 'taco', 'bacterial_contamination', 'hypotensive', 'other', name='transfusion_reaction_type', native_enum=False, create_constraint=True, length=31), nullable=False),
    sa.Column('severity', sa.Enum('mild', 'moderate', 'severe', 'life_threatening', 'death', name='reaction_severity', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('onset_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('description', sa.String(length=1000), nullable=True),
    sa.Column('reported_by_id', sa.Uuid(), nullable=False),
    sa.Column('centre_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', bbms_desktop.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('voided_at', bbms_desktop.models.base.UTCDateTime(), nullable=True),
    sa.Column('void_reason', sa.String(length=500), nullable=True),
    sa.Column('voided_by_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['centre_id'], ['centres.id'], name=op.f('fk_transfusion_reactions_centre_id_centres')),
    sa.ForeignKeyConstraint(['component_id'], ['components.id'], name=op.f('fk_transfusion_reactions_component_id_components')),
    sa.ForeignKeyConstraint(['issue_id'], ['issues.id'], name=op.f('fk_transfusion_reactions_issue_id_issues')),
    sa.ForeignKeyConstraint(['reported_by_id'], ['users.id'], name=op.f('fk_transfusion_reactions_reported_by_id_users')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['users.id'], name=op.f('fk_transfusion_reactions_voided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfusion_reactions'))
    )
    with op.batch_alter_table('transfusion_reactions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfusion_reactions_centre_id'), ['centre_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_transfusion_reactions_component_id'), ['component_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_transfusion_reactions_issue_id'), ['issue_id'], unique=False)
    for table in SYNCED_TABLES:
        create_guard_triggers(table)


def downgrade() -> None:
    for table in SYNCED_TABLES:
        drop_guard_triggers(table)
    with op.batch_alter_table('transfusion_reactions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfusion_reactions_issue_id'))
        batch_op.drop_index(batch_op.f('ix_transfusion_reactions_component_id'))
        batch_op.drop_index(batch_op.f('ix_transfusion_reactions_centre_id'))

    op.drop_table('transfusion_reactions')
    with op.batch_alter_table('component_returns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_component_returns_issue_id'))
        batch_op.drop_index(batch_op.f('ix_component_returns_component_id'))
        batch_op.drop_index(batch_op.f('ix_component_returns_centre_id'))

    op.drop_table('component_returns')
    with op.batch_alter_table('issues', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issues_request_id'))
        batch_op.drop_index(batch_op.f('ix_issues_component_id'))
        batch_op.drop_index(batch_op.f('ix_issues_centre_id'))

    op.drop_table('issues')
    with op.batch_alter_table('lab_verifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lab_verifications_centre_id'))

    op.drop_table('lab_verifications')
    with op.batch_alter_table('discards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_discards_component_id'))
        batch_op.drop_index(batch_op.f('ix_discards_centre_id'))

    op.drop_table('discards')
    with op.batch_alter_table('crossmatches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_crossmatches_request_id'))
        batch_op.drop_index(batch_op.f('ix_crossmatches_component_id'))
        batch_op.drop_index(batch_op.f('ix_crossmatches_centre_id'))

    op.drop_table('crossmatches')
    with op.batch_alter_table('lab_result_sets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lab_result_sets_donation_id'))
        batch_op.drop_index(batch_op.f('ix_lab_result_sets_centre_id'))

    op.drop_table('lab_result_sets')
    with op.batch_alter_table('deferrals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deferrals_donor_id'))
        batch_op.drop_index(batch_op.f('ix_deferrals_centre_id'))

    op.drop_table('deferrals')
    with op.batch_alter_table('components', schema=None) as batch_op:
        batch_op.drop_index('ix_components_stock')
        batch_op.drop_index(batch_op.f('ix_components_donation_id'))
        batch_op.drop_index(batch_op.f('ix_components_din'))
        batch_op.drop_index(batch_op.f('ix_components_centre_id'))

    op.drop_table('components')
    with op.batch_alter_table('donations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_donations_donor_id'))
        batch_op.drop_index(batch_op.f('ix_donations_collected_at'))
        batch_op.drop_index(batch_op.f('ix_donations_centre_id'))
        batch_op.drop_index(batch_op.f('ix_donations_camp_id'))

    op.drop_table('donations')
    with op.batch_alter_table('screening_visits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_screening_visits_donor_id'))
        batch_op.drop_index(batch_op.f('ix_screening_visits_centre_id'))
        batch_op.drop_index(batch_op.f('ix_screening_visits_camp_id'))

    op.drop_table('screening_visits')
    op.drop_table('number_blocks')
    with op.batch_alter_table('donors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_donors_name_key'))
        batch_op.drop_index(batch_op.f('ix_donors_mobile'))
        batch_op.drop_index(batch_op.f('ix_donors_merged_into_id'))
        batch_op.drop_index('ix_donors_identity')
        batch_op.drop_index('ix_donors_id_document')
        batch_op.drop_index(batch_op.f('ix_donors_family_key'))
        batch_op.drop_index(batch_op.f('ix_donors_centre_id'))

    op.drop_table('donors')
    with op.batch_alter_table('camps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_camps_centre_id'))

    op.drop_table('camps')
    with op.batch_alter_table('blood_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_blood_requests_centre_id'))

    op.drop_table('blood_requests')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_row_id'))
        batch_op.drop_index(batch_op.f('ix_audit_events_centre_id'))
        batch_op.drop_index(batch_op.f('ix_audit_events_action'))

    op.drop_table('audit_events')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_centre_id'))

    op.drop_table('users')
    op.drop_table('device_state')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_pending')

    op.drop_table('outbox')
    op.drop_table('dead_letters')
    op.drop_table('centres')
