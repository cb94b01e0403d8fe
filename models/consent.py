"""Consent (schema v3): do-not-contact lists per channel.

MODELS lists this module's tables in creation order; models/__init__ adds them to
ALL_MODELS and the v3 migration creates them.

An opt-out names a customer, a phone number, or both. A number is stored as its 11
bare digits (no +86, spaces or dashes) so it matches a buyer's phone or phone2 in
SQL; masked numbers are never stored. A customer erased for good loses the link,
but an opt-out by number stays: the person still said no.
"""
from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from .base import BaseModel, now
from .customer import Customer

SMS, PHONE, WECHAT = 'sms', 'phone', 'wechat'
CHANNELS = (SMS, PHONE, WECHAT)
MANUAL, IMPORT, REPORT = 'manual', 'import', 'report'
SOURCES = (MANUAL, IMPORT, REPORT)


class OptOut(BaseModel):
    channel = CharField(max_length=8)                     # sms, phone, wechat (also 旺旺)
    # NULLs never clash in a unique index, so either half may be missing.
    customer = ForeignKeyField(Customer, null=True, on_delete='SET NULL', index=False)
    phone = CharField(max_length=20, null=True)           # 11 digits, or NULL
    reason = TextField(default='')                        # e.g. 回复：TD
    source = CharField(max_length=8, default=MANUAL)      # manual, import, report
    replied_at = DateTimeField(null=True)                 # when the buyer replied, if known
    created_at = DateTimeField(default=now)

    class Meta:
        indexes = ((('channel', 'phone'), True), (('channel', 'customer'), True),
                   (('customer', 'channel'), False))


MODELS: tuple = (OptOut,)
