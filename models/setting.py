"""Shop settings as JSON values under string keys."""
from peewee import CharField, IntegerField, TextField

from .base import BaseModel


class Setting(BaseModel):
    key = CharField(max_length=64, primary_key=True)
    value = TextField()


class SchemaVersion(BaseModel):
    """One row holding the schema version this database is at."""
    version = IntegerField()
