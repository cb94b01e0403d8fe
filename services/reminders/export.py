"""Reminder lists out to xlsx or CSV (call lists, birthday lists) through the safe writers.

An exported list is a contact list, so it honours opt-outs. Each kind is worked on
one channel: birthday, repurchase and win-back greetings are marketing messages sent
by SMS; callbacks are phone calls. A reminder whose buyer opted out of its kind's
channel is left out of the file and counted (ReminderExport.left_out); the reminder
itself stays on the 今日 list, flagged, because it is the owner's task to decide about.
Festivals have no buyer and always go out.

Phones go out masked (138****1234) with masked=True, which the app's export dialog
passes unless the owner ticks 导出完整手机号; the command line writes them in full.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..consent.optouts import channels_for
from ..exporting import check_suffix
from ..files.member_sheet import PLATFORM_NAMES
from ..files.writers import write_table
from ..privacy import mask_numbers_in, mask_phone
from ..tasks import IsCancelled, Progress
from .api import attach_details
from .core import Reminder
from .rules import BIRTHDAY, CALLBACK, KIND_NAMES, REPURCHASE, WINBACK

HEADERS = ['类型', '日期', '提醒日', '买家会员名', '姓名', '手机', '微信', '平台', '会员等级',
           '成交次数', '累计消费', '最后成交', '事由', '状态']
KINDS_OF_COLUMNS = ['text', 'date', 'date', 'text', 'text', 'text', 'text', 'text', 'text',
                    'int', 'money', 'datetime', 'text', 'text']
STATE_NAMES = {'': '待办', 'snoozed': '已推迟', 'done': '已完成', 'skipped': '已跳过'}
# The channel each kind is worked on: an opt-out of it keeps the buyer off the list.
KIND_CHANNELS = {BIRTHDAY: 'sms', REPURCHASE: 'sms', WINBACK: 'sms', CALLBACK: 'phone'}


@dataclass
class ReminderExport:
    written: int
    left_out: dict = field(default_factory=dict)     # channel -> reminders left out

    @property
    def left_out_total(self) -> int:
        return sum(self.left_out.values())


def is_left_out(r: Reminder, opted_out=None) -> bool:
    """True when the buyer opted out of the channel this reminder is worked on
    (`opted_out`: the buyer's channels, default those read with the details)."""
    channels = r.opted_out if opted_out is None else opted_out
    return r.customer_id is not None and KIND_CHANNELS.get(r.kind) in channels


def export_reminder_list(path, reminders: list[Reminder], progress: Progress | None = None,
                         cancelled: IsCancelled | None = None,
                         masked: bool = False) -> ReminderExport:
    """Write `reminders` in their order, less the opted-out; details are read if missing."""
    check_suffix(path)
    if any(r.customer_id is not None and not r.nick for r in reminders):
        attach_details(reminders)
    # Read again: an opt-out made since the list was loaded counts too.
    opted = channels_for({r.customer_id for r in reminders if r.customer_id is not None})
    kept, left_out = [], {}
    for r in reminders:
        if is_left_out(r, opted.get(r.customer_id, ())):
            channel = KIND_CHANNELS[r.kind]
            left_out[channel] = left_out.get(channel, 0) + 1
        else:
            kept.append(r)
    written = write_table(path, HEADERS, _rows(kept, masked), KINDS_OF_COLUMNS,
                          sheet_name='提醒', progress=progress, cancelled=cancelled,
                          total=len(kept))
    return ReminderExport(written, left_out)


def export_reminders(path, reminders: list[Reminder], progress: Progress | None = None,
                     cancelled: IsCancelled | None = None, masked: bool = False) -> int:
    """export_reminder_list, returning the number of rows written."""
    return export_reminder_list(path, reminders, progress, cancelled, masked).written


def _rows(reminders: list[Reminder], masked: bool) -> Iterator[list]:
    for r in reminders:
        customer = r.customer_id is not None
        state = STATE_NAMES.get(r.state, r.state)
        if r.state == 'snoozed' and r.until:
            state = f'推迟到 {r.until:%Y-%m-%d}'
        yield [KIND_NAMES.get(r.kind, r.kind), r.date, r.remind_on, r.nick, r.name,
               mask_phone(r.phone) if masked else r.phone,
               mask_numbers_in(r.wechat) if masked else r.wechat, PLATFORM_NAMES.get(r.platform, r.platform) if customer else '',
               r.tier, r.order_count if customer else None,
               r.total_spent if customer else None, r.last_order_at, r.reason, state]
