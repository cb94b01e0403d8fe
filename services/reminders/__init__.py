"""Reminders: birthdays, repurchases, callbacks, win-back and festivals, and the owner's marks.

    from services import reminders
    reminders.due_today()                       # the 今日 list, details filled in
    reminders.reminders_between(start, end)     # due at some point in the range
    reminders.counts_by_day(2026, 2)            # the month calendar
    reminders.mark_done([r], 'phone', '已接通')  # with a contact-log entry

Names are loaded on first use, so the command line can register `reminders`
without importing the exporters.
"""
from importlib import import_module

_WHERE = {
    'Reminder': 'core', 'attach_details': 'api', 'counts_by_day': 'api', 'due_today': 'api',
    'load_rules': 'api', 'occasions_between': 'api', 'on_day': 'api',
    'reminders_between': 'api', 'export_reminders': 'export', 'mark_done': 'marks',
    'reopen': 'marks', 'skip': 'marks', 'snooze': 'marks', 'snooze_limit': 'marks',
    'KIND_NAMES': 'rules', 'KINDS': 'rules', 'ReminderRules': 'rules',
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
    value = getattr(import_module(f'.{_WHERE[name]}', __name__), name)
    globals()[name] = value
    return value
