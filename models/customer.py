"""Customers, their search keys, custom fields and merge history."""
from peewee import (SQL, BooleanField, CharField, DateTimeField, ForeignKeyField,
                    IntegerField, TextField)

from .base import BaseModel, now
from .batch import ImportBatch
from .tier import Tier


class Customer(BaseModel):
    """One buyer on one platform, identified by the buyer nick (买家会员名).

    Counters below `# derived` are caches refreshed by services from orders
    and the points ledger; they exist so a million-row table sorts in SQL.
    """
    platform = CharField(max_length=16, default='taobao')
    nick = CharField(max_length=128)
    name = CharField(max_length=64, default='')
    phone = CharField(max_length=32, default='')
    phone2 = CharField(max_length=32, default='')
    wechat = CharField(max_length=64, default='')
    gender = CharField(max_length=1, default='')          # '', 'M', 'F'
    birth_kind = CharField(max_length=5, default='')      # '', 'solar', 'lunar'
    birth_year = IntegerField(null=True)
    birth_month = IntegerField(null=True)
    birth_day = IntegerField(null=True)
    birth_leap = BooleanField(default=False)              # lunar leap month
    province = CharField(max_length=32, default='')
    city = CharField(max_length=32, default='')
    address = TextField(default='')
    source = CharField(max_length=64, default='')
    note = TextField(default='')
    extra = TextField(default='')                         # JSON: owner-defined fields
    # FK index left out: (deleted_at, tier) serves lists, and tiers are rarely deleted;
    # each customer index costs ~0.1 s per 100,000 imported buyers.
    tier = ForeignKeyField(Tier, null=True, on_delete='SET NULL', index=False)
    tier_locked = BooleanField(default=False)             # manual override
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)
    deleted_at = DateTimeField(null=True)
    # Indexed: every customer delete looks up rows merged into it (SET NULL).
    merged_into = ForeignKeyField('self', null=True, on_delete='SET NULL')
    batch = ForeignKeyField(ImportBatch, null=True, on_delete='SET NULL')   # added by import
    # derived
    order_count = IntegerField(default=0)
    total_spent = IntegerField(default=0)                 # fen
    first_order_at = DateTimeField(null=True)
    last_order_at = DateTimeField(null=True)
    points = IntegerField(default=0)
    segment = CharField(max_length=16, default='')        # RFM segment name
    # schema v2: scores refreshed by services.scoring
    # The SQL defaults let a migration add them NOT NULL without rebuilding the table.
    rfm = CharField(max_length=3, default='', constraints=[SQL("DEFAULT ''")])  # e.g. '545'
    lifecycle = CharField(max_length=8, default='',       # new, active, sleeping, lost
                          constraints=[SQL("DEFAULT ''")])
    loyalty = CharField(max_length=8, default='',         # price, inertia, high
                        constraints=[SQL("DEFAULT ''")])
    clv = IntegerField(default=0, constraints=[SQL('DEFAULT 0')])  # fen, next 12 months
    promo_orders = IntegerField(default=0, constraints=[SQL('DEFAULT 0')])  # paid in promotions
    # Who recommended this buyer; counts toward the recommender's loyalty.
    referred_by = ForeignKeyField('self', null=True, on_delete='SET NULL',
                                  backref='referrals')

    class Meta:
        indexes = (
            (('platform', 'nick'), True),
            (('deleted_at', 'last_order_at'), False),
            (('deleted_at', 'total_spent'), False),
            (('deleted_at', 'order_count'), False),
            (('deleted_at', 'tier'), False),
            (('deleted_at', 'segment'), False),
            (('deleted_at', 'lifecycle'), False),
            (('deleted_at', 'clv'), False),
            # Filtered lists keep the default order without a sort (bench: pdd 192 -> 12 ms).
            (('deleted_at', 'platform', 'last_order_at'), False),
            (('birth_month', 'birth_day'), False),
        )


class CustomerSearch(BaseModel):
    """Lower-cased nick, name, phones, WeChat, pinyin and initials.

    A narrow table of its own, because a substring scan costs per row read
    and this row is a tenth of a customer row.
    """
    customer = ForeignKeyField(Customer, primary_key=True, on_delete='CASCADE')
    text = TextField()


class CustomField(BaseModel):
    """A field the owner adds to every customer (肤质, 风格, 宝宝生日 ...)."""
    name = CharField(max_length=32, unique=True)
    kind = CharField(max_length=8, default='text')        # text, number, date, choice
    choices = TextField(default='')                       # one per line for 'choice'
    position = IntegerField(default=0)


class CustomerMerge(BaseModel):
    """A merge of `source` into `target`, with the source as it was."""
    # Kept when the source is erased for good: the snapshot is the history.
    source = ForeignKeyField(Customer, null=True, on_delete='SET NULL')
    target = ForeignKeyField(Customer, on_delete='CASCADE')
    snapshot = TextField()                                # JSON of the source row
    merged_at = DateTimeField(default=now)
