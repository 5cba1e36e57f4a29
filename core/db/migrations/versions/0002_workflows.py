"""Workflows: draws, inspections, clues and cases, double notification, commitments.

Revision ID: 0002_workflows
Revises: 0001_registry
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = '0002_workflows'
down_revision = '0001_registry'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('draw_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_by', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draw_plans'))
    )
    op.create_table('draw_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('lead_department_id', sa.Integer(), nullable=False),
    sa.Column('window_start', sa.Date(), nullable=False),
    sa.Column('window_end', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'locked', 'drawn', 'published', name='draw_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('pool_filter', sa.JSON(), nullable=False),
    sa.Column('ratio_table', sa.JSON(), nullable=False),
    sa.Column('avoidance_rules', sa.JSON(), nullable=False),
    sa.Column('pool_count', sa.Integer(), nullable=True),
    sa.Column('pool_hash', sa.String(length=64), nullable=True),
    sa.Column('seed_commitment', sa.String(length=64), nullable=True),
    sa.Column('random_sources', sa.JSON(), nullable=True),
    sa.Column('draw_key', sa.Text(), nullable=True),
    sa.Column('algorithm_version', sa.String(length=40), nullable=True),
    sa.Column('locked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('drawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['lead_department_id'], ['departments.id'], name=op.f('fk_draw_batches_lead_department_id_departments')),
    sa.ForeignKeyConstraint(['plan_id'], ['draw_plans.id'], name=op.f('fk_draw_batches_plan_id_draw_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draw_batches'))
    )
    with op.batch_alter_table('draw_batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draw_batches_plan_id'), ['plan_id'], unique=False)

    op.create_table('batch_departments',
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('team_size', sa.Integer(), nullable=False),
    sa.Column('matter_ids', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['draw_batches.id'], name=op.f('fk_batch_departments_batch_id_draw_batches')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_batch_departments_department_id_departments')),
    sa.PrimaryKeyConstraint('batch_id', 'department_id', name=op.f('pk_batch_departments'))
    )
    op.create_table('clues',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ref_no', sa.String(length=32), nullable=False),
    sa.Column('source', sa.Enum('grid', 'hotline', 'department', 'model', 'inspection', name='clue_source', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('source_village_code', sa.String(length=12), nullable=True),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lng', sa.Float(), nullable=True),
    sa.Column('matter_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('handler_user_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.Enum('received', 'assigned', 'claimed', 'handling', 'fed_back', 'closed', 'returned', 'transferred', 'duplicate', 'reopened', name='clue_state', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('duplicate_of_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_clues_department_id_departments')),
    sa.ForeignKeyConstraint(['duplicate_of_id'], ['clues.id'], name=op.f('fk_clues_duplicate_of_id_clues')),
    sa.ForeignKeyConstraint(['entity_id'], ['market_entities.id'], name=op.f('fk_clues_entity_id_market_entities')),
    sa.ForeignKeyConstraint(['handler_user_id'], ['users.id'], name=op.f('fk_clues_handler_user_id_users')),
    sa.ForeignKeyConstraint(['matter_id'], ['regulatory_matters.id'], name=op.f('fk_clues_matter_id_regulatory_matters')),
    sa.ForeignKeyConstraint(['source_village_code'], ['villages.code'], name=op.f('fk_clues_source_village_code_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clues')),
    sa.UniqueConstraint('ref_no', name=op.f('uq_clues_ref_no'))
    )
    with op.batch_alter_table('clues', schema=None) as batch_op:
        batch_op.create_index('ix_clues_department_id_state', ['department_id', 'state'], unique=False)
        batch_op.create_index(batch_op.f('ix_clues_entity_id'), ['entity_id'], unique=False)
        batch_op.create_index('ix_clues_state_due_on', ['state', 'due_on'], unique=False)

    op.create_table('commitments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('matter_name', sa.String(length=120), nullable=False),
    sa.Column('commitment_text', sa.Text(), nullable=False),
    sa.Column('fulfil_by', sa.Date(), nullable=False),
    sa.Column('verification_standard', sa.String(length=400), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('breach_consequence', sa.String(length=400), nullable=False),
    sa.Column('status', sa.Enum('pending', 'fulfilled', 'broken', name='commitment_status', native_enum=False, create_constraint=True), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_commitments_department_id_departments')),
    sa.ForeignKeyConstraint(['entity_id'], ['market_entities.id'], name=op.f('fk_commitments_entity_id_market_entities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitments'))
    )
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitments_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitments_entity_id'), ['entity_id'], unique=False)

    op.create_table('drawn_objects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('stratum', sa.Enum('A', 'B', 'C', 'D', name='drawn_stratum', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('pick_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['draw_batches.id'], name=op.f('fk_drawn_objects_batch_id_draw_batches')),
    sa.ForeignKeyConstraint(['entity_id'], ['market_entities.id'], name=op.f('fk_drawn_objects_entity_id_market_entities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drawn_objects'))
    )
    with op.batch_alter_table('drawn_objects', schema=None) as batch_op:
        batch_op.create_index('ix_drawn_objects_batch_id_pick_order', ['batch_id', 'pick_order'], unique=False)
        batch_op.create_index(batch_op.f('ix_drawn_objects_entity_id'), ['entity_id'], unique=False)

    op.create_table('inspection_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('lead_department_id', sa.Integer(), nullable=False),
    sa.Column('joint', sa.Boolean(), nullable=False),
    sa.Column('status', sa.Enum('planned', 'in_progress', 'done', 'cancelled', name='task_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['draw_batches.id'], name=op.f('fk_inspection_tasks_batch_id_draw_batches')),
    sa.ForeignKeyConstraint(['entity_id'], ['market_entities.id'], name=op.f('fk_inspection_tasks_entity_id_market_entities')),
    sa.ForeignKeyConstraint(['lead_department_id'], ['departments.id'], name=op.f('fk_inspection_tasks_lead_department_id_departments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspection_tasks'))
    )
    with op.batch_alter_table('inspection_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspection_tasks_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_tasks_entity_id'), ['entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_tasks_lead_department_id'), ['lead_department_id'], unique=False)

    op.create_table('notification_pushes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('permit_name', sa.String(length=120), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('pushed_on', sa.Date(), nullable=False),
    sa.Column('claim_due', sa.Date(), nullable=False),
    sa.Column('claimed_on', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('pending', 'claimed', 'returned', name='push_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('return_reason', sa.String(length=400), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_notification_pushes_department_id_departments')),
    sa.ForeignKeyConstraint(['entity_id'], ['market_entities.id'], name=op.f('fk_notification_pushes_entity_id_market_entities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification_pushes'))
    )
    with op.batch_alter_table('notification_pushes', schema=None) as batch_op:
        batch_op.create_index('ix_notification_pushes_department_id_status', ['department_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_notification_pushes_entity_id'), ['entity_id'], unique=False)

    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ref_no', sa.String(length=32), nullable=False),
    sa.Column('clue_id', sa.Integer(), nullable=True),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('filed_on', sa.Date(), nullable=False),
    sa.Column('decision_due', sa.Date(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('filed', 'decided', 'closed', name='case_status', native_enum=False, create_constraint=True), nullable=False),
    sa.ForeignKeyConstraint(['clue_id'], ['clues.id'], name=op.f('fk_cases_clue_id_clues')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_cases_department_id_departments')),
    sa.ForeignKeyConstraint(['entity_id'], ['market_entities.id'], name=op.f('fk_cases_entity_id_market_entities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('ref_no', name=op.f('uq_cases_ref_no'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_entity_id'), ['entity_id'], unique=False)

    op.create_table('clue_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('clue_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('from_state', sa.String(length=20), nullable=True),
    sa.Column('to_state', sa.String(length=20), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=400), nullable=False),
    sa.ForeignKeyConstraint(['clue_id'], ['clues.id'], name=op.f('fk_clue_events_clue_id_clues'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_clue_events_department_id_departments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clue_events'))
    )
    with op.batch_alter_table('clue_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clue_events_clue_id'), ['clue_id'], unique=False)

    op.create_table('commitment_verifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('commitment_id', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('inspector_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_commitment_verifications_commitment_id_commitments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['inspector_id'], ['inspectors.id'], name=op.f('fk_commitment_verifications_inspector_id_inspectors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitment_verifications'))
    )
    with op.batch_alter_table('commitment_verifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitment_verifications_commitment_id'), ['commitment_id'], unique=False)

    op.create_table('draw_team_members',
    sa.Column('drawn_object_id', sa.Integer(), nullable=False),
    sa.Column('inspector_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_draw_team_members_department_id_departments')),
    sa.ForeignKeyConstraint(['drawn_object_id'], ['drawn_objects.id'], name=op.f('fk_draw_team_members_drawn_object_id_drawn_objects')),
    sa.ForeignKeyConstraint(['inspector_id'], ['inspectors.id'], name=op.f('fk_draw_team_members_inspector_id_inspectors')),
    sa.PrimaryKeyConstraint('drawn_object_id', 'inspector_id', name=op.f('pk_draw_team_members'))
    )
    with op.batch_alter_table('draw_team_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draw_team_members_inspector_id'), ['inspector_id'], unique=False)

    op.create_table('inspection_results',
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('checklist_item_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.Enum('pass', 'fail', 'na', name='check_outcome', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('note', sa.String(length=400), nullable=False),
    sa.ForeignKeyConstraint(['checklist_item_id'], ['checklist_items.id'], name=op.f('fk_inspection_results_checklist_item_id_checklist_items')),
    sa.ForeignKeyConstraint(['task_id'], ['inspection_tasks.id'], name=op.f('fk_inspection_results_task_id_inspection_tasks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('task_id', 'checklist_item_id', name=op.f('pk_inspection_results'))
    )
    op.create_table('task_inspectors',
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('inspector_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['inspector_id'], ['inspectors.id'], name=op.f('fk_task_inspectors_inspector_id_inspectors')),
    sa.ForeignKeyConstraint(['task_id'], ['inspection_tasks.id'], name=op.f('fk_task_inspectors_task_id_inspection_tasks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('task_id', 'inspector_id', name=op.f('pk_task_inspectors'))
    )
    with op.batch_alter_table('task_inspectors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_inspectors_inspector_id'), ['inspector_id'], unique=False)

    op.create_table('task_matters',
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['matter_id'], ['regulatory_matters.id'], name=op.f('fk_task_matters_matter_id_regulatory_matters')),
    sa.ForeignKeyConstraint(['task_id'], ['inspection_tasks.id'], name=op.f('fk_task_matters_task_id_inspection_tasks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('task_id', 'matter_id', name=op.f('pk_task_matters'))
    )


def downgrade() -> None:
    op.drop_table('task_matters')
    with op.batch_alter_table('task_inspectors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_inspectors_inspector_id'))

    op.drop_table('task_inspectors')
    op.drop_table('inspection_results')
    with op.batch_alter_table('draw_team_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draw_team_members_inspector_id'))

    op.drop_table('draw_team_members')
    with op.batch_alter_table('commitment_verifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_verifications_commitment_id'))

    op.drop_table('commitment_verifications')
    with op.batch_alter_table('clue_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clue_events_clue_id'))

    op.drop_table('clue_events')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_entity_id'))
        batch_op.drop_index(batch_op.f('ix_cases_department_id'))

    op.drop_table('cases')
    with op.batch_alter_table('notification_pushes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_pushes_entity_id'))
        batch_op.drop_index('ix_notification_pushes_department_id_status')

    op.drop_table('notification_pushes')
    with op.batch_alter_table('inspection_tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inspection_tasks_lead_department_id'))
        batch_op.drop_index(batch_op.f('ix_inspection_tasks_entity_id'))
        batch_op.drop_index(batch_op.f('ix_inspection_tasks_batch_id'))

    op.drop_table('inspection_tasks')
    with op.batch_alter_table('drawn_objects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_drawn_objects_entity_id'))
        batch_op.drop_index('ix_drawn_objects_batch_id_pick_order')

    op.drop_table('drawn_objects')
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitments_entity_id'))
        batch_op.drop_index(batch_op.f('ix_commitments_department_id'))

    op.drop_table('commitments')
    with op.batch_alter_table('clues', schema=None) as batch_op:
        batch_op.drop_index('ix_clues_state_due_on')
        batch_op.drop_index(batch_op.f('ix_clues_entity_id'))
        batch_op.drop_index('ix_clues_department_id_state')

    op.drop_table('clues')
    op.drop_table('batch_departments')
    with op.batch_alter_table('draw_batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draw_batches_plan_id'))

    op.drop_table('draw_batches')
    op.drop_table('draw_plans')
