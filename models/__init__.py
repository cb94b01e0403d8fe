"""Peewee models and database set-up. Nothing here imports Qt."""
from .base import BaseModel, db, now
from .batch import ImportBatch, ImportChange
from .contact import ContactLog
from .customer import CustomField, Customer, CustomerMerge, CustomerSearch
from .order import (COMPLETED, CLOSED, ORDER_STATES, PAID, REFUNDED, SHIPPED,
                    UNPAID, Order, OrderLine, Product)
from .points import PointsEntry
from .reminder import Festival, ReminderMark, RepurchaseDue
from .setting import REBUILD_KEY, SchemaVersion, Setting
from .tag import CustomerTag, Tag
from .tier import Tier
from .tier_change import TierChange
from . import campaign as _campaign, care as _care, consent as _consent, group as _group
from .campaign import (Audience, Campaign, CampaignMember, CampaignSend, CampaignStage,
                       MessageTemplate)
from .care import CustomerMark, Survey, SurveyResponse
from .consent import OptOut
from .group import ChatGroup, GroupMember, Referral

# Creation order: every table after the tables it references.
ALL_MODELS = (Tier, ImportBatch, ImportChange, Customer, CustomerSearch, CustomField, CustomerMerge,
              Product, Order, OrderLine, Tag, CustomerTag, PointsEntry, ContactLog,
              Setting, SchemaVersion, TierChange, Festival, ReminderMark)
# New in schema v3 (the v3 migration creates exactly these).
V3_MODELS = ((RepurchaseDue,) + _group.MODELS + _campaign.MODELS + _care.MODELS
             + _consent.MODELS)
ALL_MODELS = ALL_MODELS + V3_MODELS

__all__ = [m.__name__ for m in ALL_MODELS] + [
    'ALL_MODELS', 'V3_MODELS', 'REBUILD_KEY', 'BaseModel', 'db', 'now', 'ORDER_STATES',
    'UNPAID', 'PAID', 'SHIPPED', 'COMPLETED', 'CLOSED', 'REFUNDED']
