"""Registry: divisions, departments, people, market entities and their records.

Revision ID: 0001_registry
Revises: None
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = '0001_registry'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.String(length=4000), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_meta'))
    )
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('object_type', sa.String(length=40), nullable=False),
    sa.Column('object_id', sa.String(length=40), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_log_object_type_object_id', ['object_type', 'object_id'], unique=False)

    op.create_table('departments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name_zh', sa.String(length=60), nullable=False),
    sa.Column('name_en', sa.String(length=120), nullable=False),
    sa.Column('group', sa.String(length=1), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_departments')),
    sa.UniqueConstraint('code', name=op.f('uq_departments_code'))
    )
    op.create_table('industries',
    sa.Column('code', sa.String(length=4), nullable=False),
    sa.Column('name_zh', sa.String(length=80), nullable=False),
    sa.Column('name_en', sa.String(length=160), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_industries'))
    )
    op.create_table('roles',
    sa.Column('code', sa.Enum('operator', 'leader', 'planner', 'monitor', 'department', 'admin', name='role_code', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('name_zh', sa.String(length=40), nullable=False),
    sa.Column('name_en', sa.String(length=80), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_roles'))
    )
    op.create_table('tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name_zh', sa.String(length=40), nullable=False),
    sa.Column('name_en', sa.String(length=80), nullable=False),
    sa.Column('colour', sa.String(length=7), nullable=False),
    sa.Column('meaning_zh', sa.String(length=400), nullable=False),
    sa.Column('meaning_en', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tags')),
    sa.UniqueConstraint('code', name=op.f('uq_tags_code'))
    )
    op.create_table('towns',
    sa.Column('code', sa.String(length=9), nullable=False),
    sa.Column('name_zh', sa.String(length=40), nullable=False),
    sa.Column('name_en', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lng', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_towns'))
    )
    op.create_table('regulatory_matters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('name_zh', sa.String(length=120), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('category', sa.Enum('general', 'key', name='matter_category', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('legal_basis', sa.String(length=400), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_regulatory_matters_department_id_departments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_regulatory_matters')),
    sa.UniqueConstraint('code', name=op.f('uq_regulatory_matters_code'))
    )
    with op.batch_alter_table('regulatory_matters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_regulatory_matters_department_id'), ['department_id'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=60), nullable=False),
    sa.Column('display_name', sa.String(length=60), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('role_code', sa.Enum('operator', 'leader', 'planner', 'monitor', 'department', 'admin', name='user_role_code', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_users_department_id_departments')),
    sa.ForeignKeyConstraint(['role_code'], ['roles.code'], name=op.f('fk_users_role_code_roles')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('villages',
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name_zh', sa.String(length=60), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lng', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['town_code'], ['towns.code'], name=op.f('fk_villages_town_code_towns')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_villages'))
    )
    with op.batch_alter_table('villages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_villages_town_code'), ['town_code'], unique=False)

    op.create_table('checklist_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('text_zh', sa.String(length=400), nullable=False),
    sa.Column('text_en', sa.String(length=400), nullable=False),
    sa.Column('standard_zh', sa.String(length=400), nullable=False),
    sa.ForeignKeyConstraint(['matter_id'], ['regulatory_matters.id'], name=op.f('fk_checklist_items_matter_id_regulatory_matters')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_items')),
    sa.UniqueConstraint('matter_id', 'seq', name=op.f('uq_checklist_items_matter_id_seq'))
    )
    op.create_table('inspectors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('certificate_no', sa.String(length=32), nullable=False),
    sa.Column('certificate_valid_until', sa.Date(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('home_village_code', sa.String(length=12), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_inspectors_department_id_departments')),
    sa.ForeignKeyConstraint(['home_village_code'], ['villages.code'], name=op.f('fk_inspectors_home_village_code_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspectors')),
    sa.UniqueConstraint('certificate_no', name=op.f('uq_inspectors_certificate_no'))
    )
    with op.batch_alter_table('inspectors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspectors_department_id'), ['department_id'], unique=False)

    op.create_table('market_entities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uscc', sa.String(length=18), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('entity_type', sa.Enum('enterprise', 'individual', 'cooperative', name='entity_type', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('industry_code', sa.String(length=4), nullable=False),
    sa.Column('legal_rep', sa.String(length=40), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lng', sa.Float(), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('active', 'deregistered', 'revoked', name='entity_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('risk_class', sa.Enum('A', 'B', 'C', 'D', name='risk_class', native_enum=False, create_constraint=True), nullable=False),
    sa.ForeignKeyConstraint(['industry_code'], ['industries.code'], name=op.f('fk_market_entities_industry_code_industries')),
    sa.ForeignKeyConstraint(['town_code'], ['towns.code'], name=op.f('fk_market_entities_town_code_towns')),
    sa.ForeignKeyConstraint(['village_code'], ['villages.code'], name=op.f('fk_market_entities_village_code_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_market_entities')),
    sa.UniqueConstraint('uscc', name=op.f('uq_market_entities_uscc'))
    )
    with op.batch_alter_table('market_entities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_market_entities_industry_code'), ['industry_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_market_entities_risk_class'), ['risk_class'], unique=False)
        batch_op.create_index(batch_op.f('ix_market_entities_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_market_entities_town_code'), ['town_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_market_entities_village_code'), ['village_code'], unique=False)

    op.create_table('entity_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('licence', 'key_item', 'inspection', 'penalty', 'test', 'honour', 'credit', 'complaint', 'grid_event', 'tag_change', name='record_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('ref_no', sa.String(length=40), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('outcome', sa.String(length=200), nullable=True),
    sa.Column('amount_yuan', sa.Float(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('details', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_entity_records_department_id_departments')),
    sa.ForeignKeyConstraint(['entity_id'], ['market_entities.id'], name=op.f('fk_entity_records_entity_id_market_entities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entity_records'))
    )
    with op.batch_alter_table('entity_records', schema=None) as batch_op:
        batch_op.create_index('ix_entity_records_entity_id_occurred_on', ['entity_id', 'occurred_on'], unique=False)
        batch_op.create_index('ix_entity_records_kind_occurred_on', ['kind', 'occurred_on'], unique=False)

    op.create_table('entity_tags',
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['market_entities.id'], name=op.f('fk_entity_tags_entity_id_market_entities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tags.id'], name=op.f('fk_entity_tags_tag_id_tags')),
    sa.PrimaryKeyConstraint('entity_id', 'tag_id', name=op.f('pk_entity_tags'))
    )
    with op.batch_alter_table('entity_tags', schema=None) as batch_op:
        batch_op.create_index('ix_entity_tags_tag_id_entity_id', ['tag_id', 'entity_id'], unique=False)

    op.create_table('inspector_conflicts',
    sa.Column('inspector_id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('declared_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['market_entities.id'], name=op.f('fk_inspector_conflicts_entity_id_market_entities')),
    sa.ForeignKeyConstraint(['inspector_id'], ['inspectors.id'], name=op.f('fk_inspector_conflicts_inspector_id_inspectors')),
    sa.PrimaryKeyConstraint('inspector_id', 'entity_id', name=op.f('pk_inspector_conflicts'))
    )
    with op.batch_alter_table('inspector_conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspector_conflicts_entity_id'), ['entity_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('inspector_conflicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inspector_conflicts_entity_id'))

    op.drop_table('inspector_conflicts')
    with op.batch_alter_table('entity_tags', schema=None) as batch_op:
        batch_op.drop_index('ix_entity_tags_tag_id_entity_id')

    op.drop_table('entity_tags')
    with op.batch_alter_table('entity_records', schema=None) as batch_op:
        batch_op.drop_index('ix_entity_records_kind_occurred_on')
        batch_op.drop_index('ix_entity_records_entity_id_occurred_on')

    op.drop_table('entity_records')
    with op.batch_alter_table('market_entities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_market_entities_village_code'))
        batch_op.drop_index(batch_op.f('ix_market_entities_town_code'))
        batch_op.drop_index(batch_op.f('ix_market_entities_status'))
        batch_op.drop_index(batch_op.f('ix_market_entities_risk_class'))
        batch_op.drop_index(batch_op.f('ix_market_entities_industry_code'))

    op.drop_table('market_entities')
    with op.batch_alter_table('inspectors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inspectors_department_id'))

    op.drop_table('inspectors')
    op.drop_table('checklist_items')
    with op.batch_alter_table('villages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_villages_town_code'))

    op.drop_table('villages')
    op.drop_table('users')
    with op.batch_alter_table('regulatory_matters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_regulatory_matters_department_id'))

    op.drop_table('regulatory_matters')
    op.drop_table('towns')
    op.drop_table('tags')
    op.drop_table('roles')
    op.drop_table('industries')
    op.drop_table('departments')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_object_type_object_id')
        batch_op.drop_index('ix_audit_log_at')

    op.drop_table('audit_log')
    op.drop_table('app_meta')
