"""Member tiers (普通会员 ... 至尊VIP会员), editable by the owner."""
from peewee import BooleanField, CharField, IntegerField

from .base import BaseModel, FalseDefault


class Tier(BaseModel):
    name = CharField(max_length=32, unique=True)
    rank = IntegerField(unique=True)                      # 0 = lowest
    min_spent = IntegerField(default=0)                   # fen
    min_orders = IntegerField(default=0)
    discount = IntegerField(default=100)                  # 95 means 95折
    color = CharField(max_length=9, default='')
    # schema v2: both thresholds must be met (else either one is enough)
    require_both = BooleanField(default=False, constraints=[FalseDefault()])
