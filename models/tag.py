"""Tags and their assignment to customers."""
from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, TextField

from .base import BaseModel, now
from .batch import ImportBatch
from .customer import Customer


class Tag(BaseModel):
    name = CharField(max_length=32, unique=True)
    color = CharField(max_length=9, default='#5b8def')
    group = CharField(max_length=32, default='')
    auto = BooleanField(default=False)                    # set by rules, not by hand
    rule = TextField(default='')
    batch = ForeignKeyField(ImportBatch, null=True, on_delete='SET NULL')   # added by import


class CustomerTag(BaseModel):
    # Both directions are composite indexes below; single-column ones would be redundant.
    customer = ForeignKeyField(Customer, on_delete='CASCADE', index=False)
    tag = ForeignKeyField(Tag, on_delete='CASCADE', index=False)
    added_at = DateTimeField(default=now)

    class Meta:
        primary_key = False
        indexes = ((('customer', 'tag'), True), (('tag', 'customer'), False))
