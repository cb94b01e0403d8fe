"""Import batches: every file brought in, so it can be audited and undone."""
from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

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


class ImportChange(BaseModel):
    """A row an import changed, as it was before, so the batch can be undone.

    Rows an import *added* are not listed: they carry the batch id themselves.
    """
    batch = ForeignKeyField(ImportBatch, on_delete='CASCADE')
    table = CharField(max_length=16)                      # 'order', 'customer', 'lines'
    row_id = IntegerField()
    before = TextField()                                  # JSON of the changed columns

    class Meta:
        indexes = ((('table', 'row_id'), False),)
