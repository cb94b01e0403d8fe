"""The built-in win-back campaign from the trade's playbook.

Buyers with no completed order for the win-back days of 提醒设置 (180 by default)
get a "we miss you" message about 7 days before a promotion and the offer
1-2 days before it (2 by default); the results count orders over 10 days from
each stage, which covers the promotion itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import UserError
from ..member_query import MemberFilter
from ..reminders.festivals import list_festivals, next_date
from ..reminders.rules import ReminderRules
from .audiences import AudienceInfo, list_audiences, save_audience
from .store import NewCampaign, StageInfo
from .template_store import WINBACK_MISS, WINBACK_OFFER, add_starters, template_id_by_name

MISS_DAYS_BEFORE = 7
OFFER_DAYS_BEFORE = 2
WINDOW_DAYS = 10
HORIZON_DAYS = 180


@dataclass
class Promotion:
    name: str
    date: date                      # first day


def upcoming_promotions(today: date | None = None,
                        horizon: int = HORIZON_DAYS) -> list[Promotion]:
    """Enabled festivals starting after today and within `horizon` days, soonest first."""
    today = today or date.today()
    out = []
    for f in list_festivals(enabled_only=True):
        d = next_date(f, today + timedelta(days=1))
        if d is not None and (d - today).days <= horizon:
            out.append(Promotion(f.name, d))
    return sorted(out, key=lambda p: (p.date, p.name))


def winback_days() -> int:
    from .. import settings
    return settings.load(ReminderRules).winback_days


def winback_audience(days: int | None = None) -> int:
    """The saved audience "沉睡N天以上" (made on first use); returns its id."""
    days = days or winback_days()
    name = f'沉睡{days}天以上'
    for a in list_audiences():
        if a.name == name:
            return a.id
    return save_audience(AudienceInfo(None, name, MemberFilter(), days,
                                      note='最近一次成交在 N 天以前的顾客（从未成交的不算）'))


def winback_campaign(promotion: Promotion, today: date | None = None,
                     coupon: str = '', control_percent: int = 10) -> NewCampaign:
    """A ready-to-create win-back campaign for `promotion` (the wizard shows it for
    editing first). Stage dates already past move to today."""
    today = today or date.today()
    if promotion.date < today:
        raise UserError('这个促销日期已经过了，请选一个以后的日期。')
    add_starters([WINBACK_MISS, WINBACK_OFFER])
    miss = max(today, promotion.date - timedelta(days=MISS_DAYS_BEFORE))
    offer = max(miss, promotion.date - timedelta(days=OFFER_DAYS_BEFORE))
    stages = [StageInfo(name='想念问候', date=miss, template_id=template_id_by_name(WINBACK_MISS)),
              StageInfo(name='优惠召回', date=offer, offer=True,
                        template_id=template_id_by_name(WINBACK_OFFER))]
    days = winback_days()
    return NewCampaign(name=f'{promotion.name}唤醒'[:32], stages=stages,
                       audience_id=winback_audience(days), coupon=coupon,
                       control_percent=control_percent, window_days=WINDOW_DAYS,
                       kind='winback')
