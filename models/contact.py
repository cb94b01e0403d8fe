"""The contact log: every call, message or visit with a customer."""
from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from .base import BaseModel, now
from .customer import Customer


class ContactLog(BaseModel):
    customer = ForeignKeyField(Customer, on_delete='CASCADE', index=False)  # (customer, at) below
    at = DateTimeField(default=now)
    channel = CharField(max_length=8, default='phone')    # phone, wangwang, wechat, sms, visit
    purpose = CharField(max_length=32, default='')
    result = CharField(max_length=64, default='')
    note = TextField(default='')

    class Meta:
        indexes = ((('customer', 'at'), False),)
