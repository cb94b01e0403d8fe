"""Display names and colours of reminder kinds and states, translatable."""
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

_KINDS = {
    'birthday': QT_TRANSLATE_NOOP('reminders', '生日'),
    'repurchase': QT_TRANSLATE_NOOP('reminders', '复购'),
    'callback': QT_TRANSLATE_NOOP('reminders', '回访'),
    'winback': QT_TRANSLATE_NOOP('reminders', '唤醒'),
    'festival': QT_TRANSLATE_NOOP('reminders', '节日'),
}
_STATES = {
    '': QT_TRANSLATE_NOOP('reminders', '待办'),
    'snoozed': QT_TRANSLATE_NOOP('reminders', '已推迟'),
    'done': QT_TRANSLATE_NOOP('reminders', '已完成'),
    'skipped': QT_TRANSLATE_NOOP('reminders', '已跳过'),
}
# One colour per kind, the same in the list and on the calendar.
_COLORS = {'birthday': '#e84393', 'repurchase': '#0984e3', 'callback': '#00a86b',
           'winback': '#e67e22', 'festival': '#8e44ad'}
# Channels a done reminder may record (the contact log knows a few more).
CHANNELS = ('phone', 'wangwang', 'wechat', 'sms')


def _tr(text: str) -> str:
    return QCoreApplication.translate('reminders', text)


def kind_name(kind: str) -> str:
    return _tr(_KINDS.get(kind, kind))


def state_name(state: str) -> str:
    return _tr(_STATES.get(state, state))


def kind_color(kind: str) -> QColor:
    return QColor(_COLORS.get(kind, '#636e72'))


def kind_codes() -> list[str]:
    return list(_KINDS)


_OPT_OUTS = {
    'sms': QT_TRANSLATE_NOOP('reminders', '短信'),
    'phone': QT_TRANSLATE_NOOP('reminders', '电话'),
    'wechat': QT_TRANSLATE_NOOP('reminders', '微信/旺旺'),
}


def optout_note(r) -> str:
    """'　[已退订短信、电话]' for a buyer who opted out of channels, else ''."""
    channels = getattr(r, 'opted_out', ())
    if not channels:
        return ''
    names = QCoreApplication.translate('reminders', '、').join(
        _tr(_OPT_OUTS.get(c, c)) for c in channels)
    return QCoreApplication.translate('reminders', '　[已退订{0}]').format(names)
