"""The points ledger. A balance is always the sum of a customer's entries."""
from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField

from .base import BaseModel, now
from .customer import Customer
from .order import Order

EARN, REDEEM, ADJUST, EXPIRE, BONUS, REVERSE = (
    'earn', 'redeem', 'adjust', 'expire', 'bonus', 'reverse')


class PointsEntry(BaseModel):
    customer = ForeignKeyField(Customer, on_delete='CASCADE', index=False)  # composite below
    kind = CharField(max_length=8)
    points = IntegerField()                               # signed
    reason = CharField(max_length=128, default='')
    source = CharField(max_length=64, default='')         # e.g. order:TB123, manual
    created_at = DateTimeField(default=now)
    # schema v2: the order an earn or reversal entry belongs to; its net is what
    # the order has earned so far. Removing the order (undoing an import) removes them.
    order = ForeignKeyField(Order, null=True, on_delete='CASCADE')

    class Meta:
        # points included: balances are summed from the index alone (2.2 s -> 0.24 s for
        # 900k entries); schema v2 replaced v1's (customer, created_at).
        indexes = ((('customer', 'created_at', 'points'), False),)
