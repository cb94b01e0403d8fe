"""Orders, order lines and products."""
from peewee import (BooleanField, CharField, DateTimeField, ForeignKeyField,
                    IntegerField, TextField)

from .base import BaseModel, now
from .batch import ImportBatch
from .customer import Customer

# Normalised order states; each platform's wording maps onto these.
UNPAID, PAID, SHIPPED, COMPLETED, CLOSED, REFUNDED = (
    'unpaid', 'paid', 'shipped', 'completed', 'closed', 'refunded')
ORDER_STATES = (UNPAID, PAID, SHIPPED, COMPLETED, CLOSED, REFUNDED)


class Product(BaseModel):
    code = CharField(max_length=64, default='')           # 商家编码 / 宝贝ID
    title = CharField(max_length=256)
    price = IntegerField(default=0)                       # fen
    cycle_days = IntegerField(null=True)                  # days one unit lasts
    category = CharField(max_length=64, default='')
    batch = ForeignKeyField(ImportBatch, null=True, on_delete='SET NULL')   # added by import

    class Meta:
        indexes = ((('title',), False), (('code',), False))


class Order(BaseModel):
    platform = CharField(max_length=16)
    order_no = CharField(max_length=64)
    customer = ForeignKeyField(Customer, on_delete='CASCADE', index=False)  # covering index below
    status = CharField(max_length=16, default=PAID)
    status_text = CharField(max_length=64, default='')    # as the platform wrote it
    completed = BooleanField(default=False)               # counts toward spend
    amount = IntegerField(default=0)                      # fen, what the buyer paid
    item_count = IntegerField(default=0)
    created_at = DateTimeField(null=True)
    paid_at = DateTimeField(null=True)
    receiver = CharField(max_length=64, default='')
    phone = CharField(max_length=32, default='')
    address = TextField(default='')
    buyer_note = TextField(default='')
    seller_note = TextField(default='')
    batch = ForeignKeyField(ImportBatch, null=True, on_delete='SET NULL')
    imported_at = DateTimeField(default=now)

    class Meta:
        indexes = (
            (('platform', 'order_no'), True),
            # Covering index: per-customer aggregates never touch the table.
            (('customer', 'completed', 'paid_at', 'amount'), False),
            (('paid_at',), False),
        )


class OrderLine(BaseModel):
    order = ForeignKeyField(Order, backref='lines', on_delete='CASCADE')
    product = ForeignKeyField(Product, null=True, on_delete='SET NULL')
    title = CharField(max_length=256, default='')
    sku = CharField(max_length=128, default='')
    quantity = IntegerField(default=1)
    price = IntegerField(default=0)                       # fen per unit
    amount = IntegerField(default=0)                      # fen for the line
