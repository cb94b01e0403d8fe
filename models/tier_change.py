"""Tier change history: who moved from which tier to which, when and why."""
from peewee import CharField, DateTimeField, ForeignKeyField

from .base import BaseModel, now
from .customer import Customer

# Why a tier changed.
BY_RULE, BY_OWNER, BY_IMPORT = 'rule', 'manual', 'import'


class TierChange(BaseModel):
    customer = ForeignKeyField(Customer, on_delete='CASCADE', index=False)  # (customer, at) below
    # Names, not ids: the history reads the same after a tier is renamed or removed.
    from_name = CharField(max_length=32, default='')
    to_name = CharField(max_length=32, default='')
    upgrade = CharField(max_length=4, default='')       # 'up', 'down', '' (same rank or unknown)
    at = DateTimeField(default=now)
    reason = CharField(max_length=8, default=BY_RULE)
    note = CharField(max_length=128, default='')

    class Meta:
        indexes = ((('customer', 'at'), False), (('at',), False))
