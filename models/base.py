"""Database handle and base model shared by every table."""
from datetime import datetime

from peewee import DatabaseProxy, Model, Node

# Initialised by models.database.open_database() once the path or URL is known.
db = DatabaseProxy()


def now() -> datetime:
    # Seconds are enough for a shop; microseconds only make exported sheets noisy.
    return datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class FalseDefault(Node):
    """`DEFAULT 0` on SQLite, as released shop files have it; `DEFAULT FALSE` on
    PostgreSQL, whose booleans refuse an integer default."""

    def __sql__(self, ctx):
        boolean = ctx.state.field_types.get('BOOL') == 'BOOLEAN'
        return ctx.literal('DEFAULT FALSE' if boolean else 'DEFAULT 0')
