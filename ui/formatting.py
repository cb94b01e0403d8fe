"""How money, dates and birthdays read on screen."""
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication


def yuan(fen: int | None) -> str:
    if fen is None:
        return ''
    sign = '-' if fen < 0 else ''
    fen = abs(fen)
    return f'{sign}¥{fen // 100:,}.{fen % 100:02d}'


def day(value: datetime | date | None) -> str:
    return value.strftime('%Y-%m-%d') if value else ''


def minute(value: datetime | None) -> str:
    return value.strftime('%Y-%m-%d %H:%M') if value else ''


def birthday(kind: str, year: int | None, month: int | None, dom: int | None,
             leap: bool = False) -> str:
    if not kind or not month or not dom:
        return ''
    prefix = f'{year}-' if year else ''
    if kind == 'lunar':
        leap_text = QCoreApplication.translate('formatting', '闰') if leap else ''
        return QCoreApplication.translate('formatting', '农历 {0}{1}{2:02d}-{3:02d}').format(
            prefix, leap_text, month, dom)
    return f'{prefix}{month:02d}-{dom:02d}'
