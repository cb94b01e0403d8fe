"""Saved audiences, message templates and campaigns (schema v3).

MODELS lists this module's tables in creation order; models/__init__ adds them to
ALL_MODELS and the v3 migration creates them.
"""
from peewee import (BooleanField, CharField, DateField, DateTimeField, ForeignKeyField,
                    IntegerField, TextField)

from .base import BaseModel, now
from .customer import Customer


class Audience(BaseModel):
    """A saved member filter; its size is counted live, never stored."""
    name = CharField(max_length=32, unique=True)
    filter = TextField()                                  # JSON, see services.campaigns.audiences
    note = TextField(default='')
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


class MessageTemplate(BaseModel):
    """Message text with {占位符}; the shop's 【签名】 and opt-out text are added on render."""
    name = CharField(max_length=32, unique=True)
    channel = CharField(max_length=8, default='sms')      # sms, wangwang, wechat
    body = TextField()
    signature = BooleanField(default=True)
    opt_out = BooleanField(default=True)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


class Campaign(BaseModel):
    """An audience snapshot (CampaignMember), timed stages and an optional offer."""
    name = CharField(max_length=32)
    kind = CharField(max_length=8, default='custom')      # custom, winback
    # The audience as it was at creation: later edits of the saved one change nothing here.
    audience = ForeignKeyField(Audience, null=True, on_delete='SET NULL')
    audience_name = CharField(max_length=32, default='')
    audience_filter = TextField(default='')
    coupon = CharField(max_length=64, default='')         # offer text, e.g. 满199减30元券
    points = IntegerField(default=0)                      # bonus points offered
    control_percent = IntegerField(default=0)             # share held out, 0 = no control group
    seed = IntegerField(default=0)                        # draws the control group reproducibly
    window_days = IntegerField(default=7)                 # results: orders within N days of a stage
    state = CharField(max_length=8, default='draft')      # draft, running, done
    note = TextField(default='')
    created_at = DateTimeField(default=now)


class CampaignStage(BaseModel):
    campaign = ForeignKeyField(Campaign, on_delete='CASCADE', index=False)   # unique index below
    seq = IntegerField()                                  # 1, 2, ... in date order
    name = CharField(max_length=32)
    date = DateField()
    template = ForeignKeyField(MessageTemplate, null=True, on_delete='SET NULL')
    offer = BooleanField(default=False)                   # this stage carries the offer
    sent_at = DateTimeField(null=True)                    # marked sent
    sent_text = TextField(default='')                     # the template body as sent

    class Meta:
        indexes = ((('campaign', 'seq'), True),)


class CampaignMember(BaseModel):
    """Who a campaign targets, or holds out as its control group, fixed at creation."""
    campaign = ForeignKeyField(Campaign, on_delete='CASCADE', index=False)   # unique index below
    customer = ForeignKeyField(Customer, on_delete='CASCADE')
    in_control = BooleanField(default=False)

    class Meta:
        indexes = ((('campaign', 'customer'), True),)


class CampaignSend(BaseModel):
    """One buyer contacted by one stage: the per-buyer contact history that frequency
    caps count across campaigns (by customer and date)."""
    stage = ForeignKeyField(CampaignStage, on_delete='CASCADE', index=False)  # unique below
    customer = ForeignKeyField(Customer, on_delete='CASCADE', index=False)   # (customer, at)
    channel = CharField(max_length=8, default='sms')      # sms, wangwang, wechat
    at = DateTimeField(default=now)

    class Meta:
        indexes = ((('stage', 'customer'), True), (('customer', 'at'), False))


MODELS: tuple = (Audience, MessageTemplate, Campaign, CampaignStage, CampaignMember,
                 CampaignSend)
