"""Trade festivals, what the owner did about each reminder, and when repurchases are due."""
from peewee import (BooleanField, CharField, DateField, DateTimeField, ForeignKeyField,
                    IntegerField, TextField)

from .base import BaseModel, now
from .contact import ContactLog
from .customer import Customer

# name, calendar, month, day, days it runs, lead days. Platforms move some of these
# each year, which is why the owner can edit them.
DEFAULT_FESTIVALS = (
    ('元旦', 'solar', 1, 1, 1, 14),
    ('年货节', 'solar', 1, 10, 15, 21),
    ('春节不打烊', 'lunar', 12, 25, 12, 21),
    ('情人节', 'solar', 2, 14, 1, 14),
    ('3.8 女王节', 'solar', 3, 8, 1, 14),
    ('520', 'solar', 5, 20, 1, 14),
    ('618', 'solar', 6, 18, 1, 30),
    ('七夕', 'lunar', 7, 7, 1, 14),
    ('中秋', 'lunar', 8, 15, 1, 21),
    ('国庆', 'solar', 10, 1, 7, 21),
    ('双11', 'solar', 11, 11, 1, 30),
    ('双12', 'solar', 12, 12, 1, 21),
)


class Festival(BaseModel):
    """A trade festival: a solar or lunar month/day each year, or a dated one-off."""
    name = CharField(max_length=32)
    calendar = CharField(max_length=5, default='solar')   # solar, lunar, date
    month = IntegerField(null=True)
    day = IntegerField(null=True)
    date = DateField(null=True)                           # for calendar == 'date'
    days = IntegerField(default=1)                        # how long it runs
    lead_days = IntegerField(default=14)                  # prepare this long ahead
    enabled = BooleanField(default=True)
    note = TextField(default='')


class ReminderMark(BaseModel):
    """Done, skipped or snoozed: one row per reminder occasion, so none comes twice."""
    kind = CharField(max_length=10)                       # birthday, repurchase, callback ...
    customer = ForeignKeyField(Customer, null=True, on_delete='CASCADE', index=False)
    occasion = CharField(max_length=64)                   # e.g. '2026-12-01', an order number
    state = CharField(max_length=8)                       # done, skipped, snoozed
    until = DateField(null=True)                          # snoozed until
    at = DateTimeField(default=now)
    contact = ForeignKeyField(ContactLog, null=True, on_delete='SET NULL')

    class Meta:
        indexes = ((('customer', 'kind', 'occasion'), True), (('kind', 'state'), False))


class RepurchaseDue(BaseModel):
    """When a buyer's next purchase is due: a cache of the repurchase rule kept by
    services.reminders.repurchase_store, so a listing reads a range of `due` instead
    of every buyer's order history.

    One row per buyer and cycle product (their latest purchase of it; due = that day +
    quantity x cycle), and at most one with product_id NULL (the median-gap prediction).
    Only rows falling due within the horizon are kept. product_id and order_id are
    plain numbers, not foreign keys: a cascade from the order table would need another
    index there, and every change to a buyer's orders rewrites that buyer's rows.
    """
    customer = ForeignKeyField(Customer, on_delete='CASCADE', index=False)
    product_id = IntegerField(null=True)
    order_id = IntegerField()
    bought = IntegerField()             # date.toordinal() of the purchase day
    due = IntegerField()                # ... of the day the supply runs out
    purchases = IntegerField(default=0)  # purchase days behind a median prediction

    class Meta:
        indexes = ((('customer', 'product_id'), False),
                   # Covering: a listing reads the index alone, in due order.
                   (('due', 'customer', 'product_id', 'order_id', 'bought', 'purchases'), False))
