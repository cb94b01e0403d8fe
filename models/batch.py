"""Import batches: every file brought in, so it can be audited and undone."""
from peewee import CharField, DateTimeField, IntegerField, TextField

from .base import BaseModel, now


class ImportBatch(BaseModel):
    file_name = CharField(max_length=260)
    file_hash = CharField(max_length=64)
    kind = CharField(max_length=16, default='')           # taobao, pdd, members ...
    created_at = DateTimeField(default=now)
    rows_read = IntegerField(default=0)
    added = IntegerField(default=0)
    updated = IntegerField(default=0)
    skipped = IntegerField(default=0)
    problems = TextField(default='')                      # JSON list
    undone_at = DateTimeField(null=True)
