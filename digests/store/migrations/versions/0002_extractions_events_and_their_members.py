"""extractions, events and their members

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 12:20:04.583251
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("place_name", sa.String(length=300), nullable=True),
        sa.Column("admin1", sa.String(length=100), nullable=True),
        sa.Column("violence", sa.String(length=20), nullable=False),
        sa.Column("signature", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("key", name=op.f("uq_events_key")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_day"), ["day"], unique=False)

    op.create_table(
        "event_members",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("incident_key", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_event_members_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_members_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "event_id", "article_id", "incident_key", name=op.f("pk_event_members")
        ),
    )
    with op.batch_alter_table("event_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_members_article_id"), ["article_id"], unique=False
        )

    op.create_table(
        "extractions",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(length=40), nullable=False),
        sa.Column("extracted_at", sa.DateTime(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_extractions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_extractions")),
    )


def downgrade() -> None:

    op.drop_table("extractions")
    with op.batch_alter_table("event_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_members_article_id"))

    op.drop_table("event_members")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_day"))

    op.drop_table("events")
