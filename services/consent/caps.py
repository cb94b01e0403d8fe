"""Frequency caps: at most N marketing messages per buyer in any M days (0 = no cap).

What counts as a marketing message a buyer got: every campaign stage marked sent to
them (CampaignSend, any channel: SMS, 旺旺, WeChat) and, when count_contact_log is on,
every SMS in the contact log (a birthday text sent from a reminder, say). The window
is the M days ending on the day the new message goes out. A campaign export holds
back the buyers already at the cap (reason 已达发送上限), so two campaigns in the same
month cannot together go over it; the stage being exported does not count against
itself, so exporting it again gives the same sheet.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from peewee import SQL, Select, fn

from models import ContactLog
from models.campaign import CampaignSend

from .. import settings
from ..errors import ValidationError

MAX_MESSAGES, MAX_DAYS = 50, 365


def _whole(name: str, value, low: int, high: int, label: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValidationError(name, f'{label}须是 {low} 到 {high} 之间的整数。')


@dataclass
class ContactCaps:
    KEY = 'consent.caps'
    max_messages: int = 2               # per buyer in `days` days; 0 = no cap
    days: int = 30
    count_contact_log: bool = True      # SMS written in the contact log count too

    def validate(self) -> None:
        _whole('max_messages', self.max_messages, 0, MAX_MESSAGES, '每人最多条数')
        _whole('days', self.days, 1, MAX_DAYS, '统计天数')
        if not isinstance(self.count_contact_log, bool):
            raise ValidationError('count_contact_log', '“联系记录里的短信也算”只能是开或关。')

    @property
    def on(self) -> bool:
        return self.max_messages > 0

    def window(self, day: date) -> tuple[datetime, datetime]:
        """[start, end) of the `days` days ending on `day`."""
        end = datetime.combine(day + timedelta(days=1), time())
        return end - timedelta(days=self.days), end


def load_caps() -> ContactCaps:
    return settings.load(ContactCaps)


def save_caps(caps: ContactCaps) -> None:
    settings.save(caps)


def _messages(members, start: datetime, end: datetime, caps: ContactCaps,
              exclude_stage: int | None):
    """A UNION ALL of one row (cid) per message to a customer of `members`."""
    sends = CampaignSend.select(CampaignSend.customer.alias('cid')).where(
        CampaignSend.customer.in_(members), CampaignSend.at >= start, CampaignSend.at < end)
    if exclude_stage is not None:
        sends = sends.where(CampaignSend.stage != exclude_stage)
    if not caps.count_contact_log:
        return sends
    logs = ContactLog.select(ContactLog.customer.alias('cid')).where(
        ContactLog.customer.in_(members), ContactLog.channel == 'sms',
        ContactLog.at >= start, ContactLog.at < end)
    return sends + logs


def sent_counts(members, day: date, caps: ContactCaps | None = None,
                exclude_stage: int | None = None, at_cap_only: bool = True) -> dict[int, int]:
    """customer id -> messages in the window ending on `day`, for the customers that
    `members` (a subquery of customer ids, or a list of a few thousand) selects; with
    at_cap_only, just those who reached the cap. Empty when caps are off."""
    caps = caps or load_caps()
    if at_cap_only and not caps.on:
        return {}
    start, end = caps.window(day)
    u = _messages(members, start, end, caps, exclude_stage).alias('x')
    q = Select([u], [u.c.cid, fn.COUNT(SQL('*'))]).group_by(u.c.cid)
    if at_cap_only:
        q = q.having(fn.COUNT(SQL('*')) >= caps.max_messages)
    return {cid: n for cid, n in q.bind(CampaignSend._meta.database).tuples()}


def messages_in_window(customer_id: int, day: date | None = None,
                       caps: ContactCaps | None = None) -> int:
    """How many marketing messages a buyer got in the cap's window ending on `day`."""
    return sent_counts([customer_id], day or date.today(), caps, at_cap_only=False).get(
        customer_id, 0)
