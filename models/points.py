"""The points ledger. A balance is always the sum of a customer's entries."""
from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField

from .base import BaseModel, now
from .customer import Customer

EARN, REDEEM, ADJUST, EXPIRE, BONUS = 'earn', 'redeem', 'adjust', 'expire', 'bonus'


class PointsEntry(BaseModel):
    customer = ForeignKeyField(Customer, on_delete='CASCADE', index=False)  # composite below
    kind = CharField(max_length=8)
    points = IntegerField()                               # signed
    reason = CharField(max_length=128, default='')
    source = CharField(max_length=64, default='')         # e.g. order:TB123, manual
    created_at = DateTimeField(default=now)

    class Meta:
        indexes = ((('customer', 'created_at'), False),)
