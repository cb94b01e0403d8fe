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
    'reverse': QT_TRANSLATE_NOOP('labels', '退款冲回'),
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


# Columns an import can fill, as the owner knows them (orders and member profiles).
_FIELDS = {
    'order_no': QT_TRANSLATE_NOOP('labels', '订单号'), 'nick': QT_TRANSLATE_NOOP('labels', '买家会员名'),
    'amount': QT_TRANSLATE_NOOP('labels', '实付金额'), 'status': QT_TRANSLATE_NOOP('labels', '订单状态'),
    'aftersale': QT_TRANSLATE_NOOP('labels', '售后状态'),
    'created_at': QT_TRANSLATE_NOOP('labels', '下单时间'),
    'paid_at': QT_TRANSLATE_NOOP('labels', '付款时间'), 'receiver': QT_TRANSLATE_NOOP('labels', '收货人'),
    'phone': QT_TRANSLATE_NOOP('labels', '手机'), 'phone2': QT_TRANSLATE_NOOP('labels', '备用电话'),
    'address': QT_TRANSLATE_NOOP('labels', '地址'), 'province': QT_TRANSLATE_NOOP('labels', '省'),
    'city': QT_TRANSLATE_NOOP('labels', '市'), 'item_count': QT_TRANSLATE_NOOP('labels', '商品数量'),
    'buyer_note': QT_TRANSLATE_NOOP('labels', '买家留言'),
    'seller_note': QT_TRANSLATE_NOOP('labels', '卖家备注'),
    'title': QT_TRANSLATE_NOOP('labels', '商品名称'), 'sku': QT_TRANSLATE_NOOP('labels', '商品规格'),
    'code': QT_TRANSLATE_NOOP('labels', '商家编码'), 'price': QT_TRANSLATE_NOOP('labels', '单价'),
    'name': QT_TRANSLATE_NOOP('labels', '姓名'), 'wechat': QT_TRANSLATE_NOOP('labels', '微信'),
    'gender': QT_TRANSLATE_NOOP('labels', '性别'), 'birthday': QT_TRANSLATE_NOOP('labels', '生日'),
    'birth_kind': QT_TRANSLATE_NOOP('labels', '生日'), 'birth_year': QT_TRANSLATE_NOOP('labels', '生日'),
    'birth_month': QT_TRANSLATE_NOOP('labels', '生日'), 'birth_day': QT_TRANSLATE_NOOP('labels', '生日'),
    'birth_leap': QT_TRANSLATE_NOOP('labels', '生日'), 'source': QT_TRANSLATE_NOOP('labels', '来源'),
    'note': QT_TRANSLATE_NOOP('labels', '备注'), 'tags': QT_TRANSLATE_NOOP('labels', '标签'),
    'platform': QT_TRANSLATE_NOOP('labels', '平台'), 'extra': QT_TRANSLATE_NOOP('labels', '自定义字段'),
}


def field_name(key: str) -> str:
    return _tr(_FIELDS.get(key, key))


def field_names(keys) -> str:
    """'姓名、手机、生日' for a set of field keys, each named once."""
    seen: list[str] = []
    for key in keys:
        name = field_name(key)
        if name not in seen:
            seen.append(name)
    return QCoreApplication.translate('labels', '、').join(seen)


# Scoring codes (services.scoring stores codes; the owner sees these names).
_LIFECYCLES = {
    'new': QT_TRANSLATE_NOOP('labels', '新客'),
    'active': QT_TRANSLATE_NOOP('labels', '活跃'),
    'sleeping': QT_TRANSLATE_NOOP('labels', '沉睡'),
    'lost': QT_TRANSLATE_NOOP('labels', '流失'),
}
_LOYALTIES = {
    'high': QT_TRANSLATE_NOOP('labels', '高度忠诚'),
    'inertia': QT_TRANSLATE_NOOP('labels', '惰性忠诚'),
    'price': QT_TRANSLATE_NOOP('labels', '价格忠诚'),
}


def lifecycle_name(code: str) -> str:
    return _tr(_LIFECYCLES[code]) if code in _LIFECYCLES else code


def loyalty_name(code: str) -> str:
    return _tr(_LOYALTIES[code]) if code in _LOYALTIES else code


def lifecycle_codes() -> list[str]:
    return list(_LIFECYCLES)


def loyalty_codes() -> list[str]:
    return list(_LOYALTIES)


# Automatic tag rules (services.auto_tags), as the owner reads them.
_RULE_KINDS = {
    'segment': QT_TRANSLATE_NOOP('labels', 'RFM分群是…'),
    'tier': QT_TRANSLATE_NOOP('labels', '会员等级是…'),
    'lifecycle': QT_TRANSLATE_NOOP('labels', '生命周期是…'),
    'loyalty': QT_TRANSLATE_NOOP('labels', '忠诚类型是…'),
    'spent_at_least': QT_TRANSLATE_NOOP('labels', '累计消费至少 ¥…'),
    'orders_at_least': QT_TRANSLATE_NOOP('labels', '成交笔数至少…'),
    'bought_in': QT_TRANSLATE_NOOP('labels', '在每年某时段购买过 (MM-DD 到 MM-DD)'),
}


def tag_rule_kind_name(kind: str) -> str:
    return _tr(_RULE_KINDS[kind]) if kind in _RULE_KINDS else kind


def tag_rule_kinds() -> list[str]:
    return list(_RULE_KINDS)


def _yuan_amount(value) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f'¥{value:,.2f}'
    return f'¥{int(value):,}'


def tag_rule_text(rule: dict | None) -> str:
    """'累计消费至少 ¥2,000' for {'kind': 'spent_at_least', 'value': 2000}; '' if unknown."""
    if not isinstance(rule, dict):
        return ''
    kind, value = rule.get('kind'), rule.get('value')
    try:
        if kind == 'segment':
            return QCoreApplication.translate('labels', 'RFM分群是 {0}').format(segment_name(value))
        if kind == 'tier':
            return QCoreApplication.translate('labels', '会员等级是 {0}').format(value)
        if kind == 'lifecycle':
            return QCoreApplication.translate('labels', '生命周期是 {0}').format(lifecycle_name(value))
        if kind == 'loyalty':
            return QCoreApplication.translate('labels', '忠诚类型是 {0}').format(loyalty_name(value))
        if kind == 'spent_at_least':
            return QCoreApplication.translate('labels', '累计消费至少 {0}').format(_yuan_amount(value))
        if kind == 'orders_at_least':
            return QCoreApplication.translate('labels', '成交笔数至少 {0} 笔').format(value)
        if kind == 'bought_in':
            start, end = value
            return QCoreApplication.translate('labels', '每年 {0} 到 {1} 购买过').format(start, end)
    except (TypeError, ValueError):
        pass
    return ''


# Tier history (services.tiers.changes).
_TIER_REASONS = {
    'rule': QT_TRANSLATE_NOOP('labels', '规则'),
    'manual': QT_TRANSLATE_NOOP('labels', '手动'),
    'import': QT_TRANSLATE_NOOP('labels', '导入'),
}
_TIER_DIRECTIONS = {
    'up': QT_TRANSLATE_NOOP('labels', '↑ 升级'),
    'down': QT_TRANSLATE_NOOP('labels', '↓ 降级'),
}


def tier_reason_name(code: str) -> str:
    return _tr(_TIER_REASONS[code]) if code in _TIER_REASONS else code


def tier_direction_name(code: str) -> str:
    return _tr(_TIER_DIRECTIONS[code]) if code in _TIER_DIRECTIONS else ''


# Names services.campaigns hands out as Chinese text (STATE_NAMES, the meanings in
# PLACEHOLDERS), marked here for lupdate; tests/test_translations.py checks none is missing.
_SERVICE_TEXTS = (
    QT_TRANSLATE_NOOP('labels', '未发送'), QT_TRANSLATE_NOOP('labels', '进行中'),
    QT_TRANSLATE_NOOP('labels', '已全部发送'),
    QT_TRANSLATE_NOOP('labels', '顾客姓名，没有时用会员名或“亲”'),
    QT_TRANSLATE_NOOP('labels', '买家会员名'), QT_TRANSLATE_NOOP('labels', '会员等级'),
    QT_TRANSLATE_NOOP('labels', '积分余额'), QT_TRANSLATE_NOOP('labels', '累计消费金额'),
    QT_TRANSLATE_NOOP('labels', '店铺名（设置 → 店铺资料）'),
    QT_TRANSLATE_NOOP('labels', '活动的优惠券'), QT_TRANSLATE_NOOP('labels', '活动赠送的积分'),
    QT_TRANSLATE_NOOP('labels', '生日，如 8月15日'), QT_TRANSLATE_NOOP('labels', '上次购买日期'),
    QT_TRANSLATE_NOOP('labels', '多少天没买了'),
)


def service_text(text: str) -> str:
    """A name a service gave as Chinese text, in the UI language."""
    return _tr(text)


# RFM segments: services.scoring stores the eight trade names themselves (SEGMENTS).
_SEGMENTS = (
    QT_TRANSLATE_NOOP('labels', '重要价值客户'), QT_TRANSLATE_NOOP('labels', '重要发展客户'),
    QT_TRANSLATE_NOOP('labels', '重要保持客户'), QT_TRANSLATE_NOOP('labels', '重要挽留客户'),
    QT_TRANSLATE_NOOP('labels', '一般价值客户'), QT_TRANSLATE_NOOP('labels', '一般发展客户'),
    QT_TRANSLATE_NOOP('labels', '一般保持客户'), QT_TRANSLATE_NOOP('labels', '一般挽留客户'),
)


def segment_name(name: str | None) -> str:
    """A stored segment name as the owner reads it in the UI language."""
    return _tr(name) if name else ''
