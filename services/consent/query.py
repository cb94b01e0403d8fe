"""The one condition every audience, export and reminder uses: "this buyer opted out of
this channel".

A buyer is opted out of a channel when an opt-out names them, or names a number that
is their phone or phone2. Numbers compare as 11 bare digits: a stored phone longer
than 11 characters ('+86 138-1234-5678') loses its separators and prefix in SQL; a
masked one (138****1234) never equals digits, so it never matches.

opted_out() is a peewee expression over a Customer (or an alias of it), to put in
any WHERE, so a list of 200,000 ids never travels through Python. Its two subqueries
do not depend on the row: the database reads the opt-out list once per statement.
"""
from __future__ import annotations

from peewee import Case, SqliteDatabase, fn

from models import Customer, db
from models.consent import OptOut

_SEPARATORS = (' ', '-', '+', '(', ')', '（', '）')


def normalised_phone(column):
    """SQL for the last 11 digits of a written number; 11 characters or fewer are
    compared as stored (the common case, and the cheap one)."""
    bare = column
    for ch in _SEPARATORS:
        bare = fn.REPLACE(bare, ch, '')
    tail = fn.SUBSTR(bare, -11) if isinstance(db.obj, SqliteDatabase) else fn.RIGHT(bare, 11)
    return Case(None, [(fn.LENGTH(column) <= 11, column)], tail)


def opted_out(channel: str, customer=Customer):
    """True for a customer row opted out of `channel` (sms, phone, wechat)."""
    numbers = OptOut.select(OptOut.phone).where(OptOut.channel == channel,
                                                OptOut.phone.is_null(False))
    linked = OptOut.select(OptOut.customer).where(OptOut.channel == channel,
                                                  OptOut.customer.is_null(False))
    return (customer.id.in_(linked) | normalised_phone(customer.phone).in_(numbers)
            | normalised_phone(customer.phone2).in_(numbers))


def opted_out_ids(channel: str, live_only: bool = True):
    """A subquery of the ids of customers opted out of `channel`."""
    q = Customer.select(Customer.id).where(opted_out(channel))
    return q.where(Customer.deleted_at.is_null()) if live_only else q
