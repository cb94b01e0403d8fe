"""The period a dashboard covers, the one before it, and the owner's presets."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import UserError

PRESETS = ('this_month', 'last_month', 'last_90_days', 'this_year', 'custom')
TREND_MIN_MONTHS, TREND_MAX_MONTHS = 12, 36
LONGEST_DAYS = 366 * 20


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both days included."""
    start: date
    end: date

    def __post_init__(self):
        if self.end < self.start:
            raise UserError('结束日期不能早于开始日期。')
        if self.days > LONGEST_DAYS:
            raise UserError('分析期间最长二十年，请缩短日期范围。')

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def stop(self) -> date:
        """The first day after the period (ranges are start <= t < stop)."""
        return self.end + timedelta(days=1)

    def previous(self) -> 'Period':
        """The period of equal length just before this one."""
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def label(self) -> str:
        return f'{self.start.isoformat()} ~ {self.end.isoformat()}'


def preset(name: str, today: date, start: date | None = None,
           end: date | None = None) -> Period:
    """A named period as of `today`; 'custom' takes start and end."""
    if name == 'this_month':
        return Period(today.replace(day=1), today)
    if name == 'last_month':
        last = today.replace(day=1) - timedelta(days=1)
        return Period(last.replace(day=1), last)
    if name == 'last_90_days':
        return Period(today - timedelta(days=89), today)
    if name == 'this_year':
        return Period(today.replace(month=1, day=1), today)
    if name == 'custom':
        if start is None or end is None:
            raise UserError('请选择开始和结束日期。')
        return Period(start, end)
    raise ValueError(name)


def month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def trend_months(period: Period) -> list[date]:
    """First days of the months the monthly charts show: the months of the period,
    at least the 12 and at most the 36 that end with the period's last month."""
    last = month_index(period.end)
    span = last - month_index(period.start) + 1
    count = min(max(span, TREND_MIN_MONTHS), TREND_MAX_MONTHS)
    return [month_start(i) for i in range(last - count + 1, last + 1)]
