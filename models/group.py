"""WeChat/QQ group rosters and referrals (schema v3).

MODELS lists this module's tables in creation order; models/__init__ adds them to
ALL_MODELS and the v3 migration creates them.

Group kinds (淘客群, VIP群 ...) are a settings list (services.groups.kinds), so a
ChatGroup keeps its kind as text. Customers are deleted softly, so memberships and
referrals of a customer in the recycle bin stay; erasing one for good cascades.
"""
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from .base import BaseModel, now
from .customer import Customer
from .points import PointsEntry

WECHAT, QQ = 'wechat', 'qq'
APPS = (WECHAT, QQ)
OWNER, ADMIN, MEMBER = 'owner', 'admin', 'member'
ROLES = (OWNER, ADMIN, MEMBER)
NO_REWARD, POINTS_REWARD, CASH_REWARD = 'none', 'points', 'cash'
REWARDS = (NO_REWARD, POINTS_REWARD, CASH_REWARD)


class ChatGroup(BaseModel):
    """One WeChat or QQ group the shop runs; names are unique (roster sheets name them)."""
    name = CharField(max_length=64, unique=True)
    kind = CharField(max_length=32, default='')
    app = CharField(max_length=8, default=WECHAT)
    note = TextField(default='')
    created_at = DateTimeField(default=now)


class GroupMember(BaseModel):
    # Both directions are composite indexes below; single-column ones would be redundant.
    group = ForeignKeyField(ChatGroup, on_delete='CASCADE', index=False)
    customer = ForeignKeyField(Customer, on_delete='CASCADE', index=False)
    joined_at = DateField()
    role = CharField(max_length=8, default=MEMBER)
    note = TextField(default='')

    class Meta:
        indexes = ((('group', 'customer'), True), (('customer', 'group'), False))


class Referral(BaseModel):
    """`referrer` introduced `referred`; Customer.referred_by mirrors it.

    A points reward is a ledger entry on the referrer; the link is cleared (not the
    entry) if the entry goes with its customer.
    """
    # No backrefs: two keys to Customer would collide, and Customer.referrals exists.
    referrer = ForeignKeyField(Customer, on_delete='CASCADE', backref='+')
    referred = ForeignKeyField(Customer, on_delete='CASCADE', unique=True, backref='+')
    at = DateField()
    reward = CharField(max_length=8, default=NO_REWARD)
    reward_points = IntegerField(default=0)
    cash = IntegerField(default=0)                        # fen
    note = CharField(max_length=128, default='')          # e.g. 微信红包
    points_entry = ForeignKeyField(PointsEntry, null=True, on_delete='SET NULL')
    created_at = DateTimeField(default=now)


MODELS: tuple = (ChatGroup, GroupMember, Referral)
