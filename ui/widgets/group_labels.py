"""Display names for group apps, member roles and referral rewards, translatable."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from .. import formatting

_C = 'GroupLabels'
_APPS = {'wechat': QT_TRANSLATE_NOOP('GroupLabels', '微信'),
         'qq': QT_TRANSLATE_NOOP('GroupLabels', 'QQ')}
_ROLES = {'owner': QT_TRANSLATE_NOOP('GroupLabels', '群主'),
          'admin': QT_TRANSLATE_NOOP('GroupLabels', '管理员'),
          'member': QT_TRANSLATE_NOOP('GroupLabels', '成员')}
_REWARDS = {'none': QT_TRANSLATE_NOOP('GroupLabels', '不奖励'),
            'points': QT_TRANSLATE_NOOP('GroupLabels', '积分'),
            'cash': QT_TRANSLATE_NOOP('GroupLabels', '现金')}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def app_name(code: str) -> str:
    return _tr(_APPS[code]) if code in _APPS else code


def app_codes() -> list[str]:
    return list(_APPS)


def role_name(code: str) -> str:
    return _tr(_ROLES[code]) if code in _ROLES else code


def role_codes() -> list[str]:
    return list(_ROLES)


def reward_name(code: str) -> str:
    return _tr(_REWARDS[code]) if code in _REWARDS else code


def reward_codes() -> list[str]:
    return list(_REWARDS)


def reward_text(reward: str, points: int, cash: int, note: str = '') -> str:
    """'积分 200', '现金 ¥10.00（微信红包）', '不奖励'."""
    if reward == 'points':
        text = QCoreApplication.translate('GroupLabels', '积分 {0}').format(f'{points:,}')
    elif reward == 'cash':
        text = QCoreApplication.translate('GroupLabels', '现金 {0}').format(formatting.yuan(cash))
    else:
        text = reward_name(reward)
    if not note:
        return text
    return QCoreApplication.translate('GroupLabels', '{0}（{1}）').format(text, note)
