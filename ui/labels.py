"""Display names for the codes stored in the database, translatable."""
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

_PLATFORMS = {
    'taobao': QT_TRANSLATE_NOOP('labels', '淘宝'),
    'tmall': QT_TRANSLATE_NOOP('labels', '天猫'),
    'pdd': QT_TRANSLATE_NOOP('labels', '拼多多'),
    'douyin': QT_TRANSLATE_NOOP('labels', '抖音'),
    'store': QT_TRANSLATE_NOOP('labels', '门店'),
    'other': QT_TRANSLATE_NOOP('labels', '其他'),
}
_GENDERS = {
    '': QT_TRANSLATE_NOOP('labels', '未知'),
    'M': QT_TRANSLATE_NOOP('labels', '男'),
    'F': QT_TRANSLATE_NOOP('labels', '女'),
}
_ORDER_STATES = {
    'unpaid': QT_TRANSLATE_NOOP('labels', '待付款'),
    'paid': QT_TRANSLATE_NOOP('labels', '已付款'),
    'shipped': QT_TRANSLATE_NOOP('labels', '已发货'),
    'completed': QT_TRANSLATE_NOOP('labels', '交易成功'),
    'closed': QT_TRANSLATE_NOOP('labels', '交易关闭'),
    'refunded': QT_TRANSLATE_NOOP('labels', '已退款'),
}
_CHANNELS = {
    'phone': QT_TRANSLATE_NOOP('labels', '电话'),
    'wangwang': QT_TRANSLATE_NOOP('labels', '旺旺'),
    'wechat': QT_TRANSLATE_NOOP('labels', '微信'),
    'sms': QT_TRANSLATE_NOOP('labels', '短信'),
    'visit': QT_TRANSLATE_NOOP('labels', '到店'),
}
_POINTS_KINDS = {
    'earn': QT_TRANSLATE_NOOP('labels', '消费积分'),
    'redeem': QT_TRANSLATE_NOOP('labels', '兑换'),
    'adjust': QT_TRANSLATE_NOOP('labels', '调整'),
    'expire': QT_TRANSLATE_NOOP('labels', '过期'),
    'bonus': QT_TRANSLATE_NOOP('labels', '奖励'),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate('labels', text)


def platform_name(code: str) -> str:
    return _tr(_PLATFORMS.get(code, code))


def gender_name(code: str) -> str:
    return _tr(_GENDERS.get(code, code))


def order_state_name(code: str) -> str:
    return _tr(_ORDER_STATES.get(code, code))


def channel_name(code: str) -> str:
    return _tr(_CHANNELS.get(code, code))


def points_kind_name(code: str) -> str:
    return _tr(_POINTS_KINDS.get(code, code))


def platform_codes() -> list[str]:
    return list(_PLATFORMS)


def channel_codes() -> list[str]:
    return list(_CHANNELS)
