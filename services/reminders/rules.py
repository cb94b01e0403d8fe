"""The owner's reminder settings and the fixed limits of the reminder lists."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import ValidationError

BIRTHDAY, REPURCHASE, CALLBACK, WINBACK, FESTIVAL = (
    'birthday', 'repurchase', 'callback', 'winback', 'festival')
KINDS = (BIRTHDAY, REPURCHASE, CALLBACK, WINBACK, FESTIVAL)
KIND_NAMES = {BIRTHDAY: '生日', REPURCHASE: '复购', CALLBACK: '回访', WINBACK: '唤醒',
              FESTIVAL: '节日'}
# What a done reminder writes as the purpose of its contact-log entry.
KIND_PURPOSES = {BIRTHDAY: '生日祝福', REPURCHASE: '复购提醒', CALLBACK: '回访',
                 WINBACK: '唤醒', FESTIVAL: '节日准备'}

# A snoozed reminder may come back at most this long after its occasion; listings look
# this far back for snoozed ones, so the limit keeps that look-back short.
SNOOZE_MAX_DAYS = 30
# A supply that lasts longer than this, or a buyer whose usual gap is longer, is not a
# repurchase reminder (win-back covers such buyers); it bounds how far back orders are read.
REPURCHASE_HORIZON_DAYS = 365
# The median-interval rule needs purchases on at least this many different days.
MEDIAN_MIN_DAYS = 3
CHANNELS = ('phone', 'wangwang', 'wechat', 'sms', 'visit')


def _whole(name: str, value, low: int, high: int, label: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValidationError(name, f'{label}须在 {low} 到 {high} 之间。')


@dataclass
class ReminderRules:
    """How far ahead each kind is reminded and which orders and buyers qualify.

    An undone reminder stays on the 今日 list for overdue_days after its occasion
    (then it drops off by itself); done, skipped or snoozed ones follow their mark.
    """
    KEY = 'rules.reminders'
    birthday_days: int = 7              # remind this many days before a birthday
    repurchase_days: int = 7            # ... before the supply runs out
    callback_days: int = 15             # call back this long after a completed order
    callback_min_amount: int = 300_00   # fen: orders from this amount get a callback
    callback_repeat_orders: int = 0     # 0 = off; else smaller orders of buyers with at
                                        # least this many completed orders get one too
    winback_days: int = 180             # no completed order this long: win back
    overdue_days: int = 30              # how long an undone reminder stays listed

    def validate(self) -> None:
        _whole('birthday_days', self.birthday_days, 0, 60, '生日提前提醒天数')
        _whole('repurchase_days', self.repurchase_days, 0, 60, '复购提前提醒天数')
        _whole('callback_days', self.callback_days, 1, 90, '回访天数')
        _whole('callback_min_amount', self.callback_min_amount, 0, 100_000_000, '回访金额门槛（分）')
        if self.callback_repeat_orders != 0:
            _whole('callback_repeat_orders', self.callback_repeat_orders, 2, 100,
                   '老客回访的成交次数')
        _whole('winback_days', self.winback_days, 30, 1095, '唤醒天数')
        _whole('overdue_days', self.overdue_days, 0, 90, '过期提醒保留天数')

    def lead(self, kind: str) -> int:
        return {BIRTHDAY: self.birthday_days, REPURCHASE: self.repurchase_days}.get(kind, 0)
