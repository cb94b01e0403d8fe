"""Shop settings as JSON values under string keys."""
from peewee import CharField, IntegerField, TextField

from .base import BaseModel


# Set by a migration that leaves derived data to be rebuilt from the orders (JSON, e.g.
# {"points_since": "2026-11-23"}); services.customer_stats runs and clears it.
REBUILD_KEY = 'maintenance.rebuild'


class Setting(BaseModel):
    key = CharField(max_length=64, primary_key=True)
    value = TextField()


class SchemaVersion(BaseModel):
    """One row holding the schema version this database is at."""
    version = IntegerField()
