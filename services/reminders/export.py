"""Reminder lists out to xlsx or CSV (call lists, birthday lists) through the safe writers."""
from __future__ import annotations

from collections.abc import Iterator

from ..exporting import check_suffix
from ..files.member_sheet import PLATFORM_NAMES
from ..files.writers import write_table
from ..tasks import IsCancelled, Progress
from .api import attach_details
from .core import Reminder
from .rules import KIND_NAMES

HEADERS = ['类型', '日期', '提醒日', '买家会员名', '姓名', '手机', '微信', '平台', '会员等级',
           '成交次数', '累计消费', '最后成交', '事由', '状态']
KINDS_OF_COLUMNS = ['text', 'date', 'date', 'text', 'text', 'text', 'text', 'text', 'text',
                    'int', 'money', 'datetime', 'text', 'text']
STATE_NAMES = {'': '待办', 'snoozed': '已推迟', 'done': '已完成', 'skipped': '已跳过'}


def export_reminders(path, reminders: list[Reminder], progress: Progress | None = None,
                     cancelled: IsCancelled | None = None) -> int:
    """Write `reminders` in their order; customer details are read if missing.
    Returns the number of rows written."""
    check_suffix(path)
    if any(r.customer_id is not None and not r.nick for r in reminders):
        attach_details(reminders)
    return write_table(path, HEADERS, _rows(reminders), KINDS_OF_COLUMNS, sheet_name='提醒',
                       progress=progress, cancelled=cancelled, total=len(reminders))


def _rows(reminders: list[Reminder]) -> Iterator[list]:
    for r in reminders:
        customer = r.customer_id is not None
        state = STATE_NAMES.get(r.state, r.state)
        if r.state == 'snoozed' and r.until:
            state = f'推迟到 {r.until:%Y-%m-%d}'
        yield [KIND_NAMES.get(r.kind, r.kind), r.date, r.remind_on, r.nick, r.name, r.phone,
               r.wechat, PLATFORM_NAMES.get(r.platform, r.platform) if customer else '',
               r.tier, r.order_count if customer else None,
               r.total_spent if customer else None, r.last_order_at, r.reason, state]
