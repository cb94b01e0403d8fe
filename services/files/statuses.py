"""Each platform's order-status words onto the app's six states.

The state codes equal models.order's ORDER_STATES; they are spelled here so
this package never imports the database layer.
"""
from __future__ import annotations

UNPAID, PAID, SHIPPED, COMPLETED, CLOSED, REFUNDED = (
    'unpaid', 'paid', 'shipped', 'completed', 'closed', 'refunded')

TAOBAO = {
    '等待买家付款': UNPAID,
    '付款确认中': UNPAID,
    '买家已付款，等待卖家发货': PAID,
    '等待卖家发货': PAID,
    '卖家部分发货': SHIPPED,
    '卖家已发货，等待买家确认': SHIPPED,
    '等待买家确认收货': SHIPPED,
    '买家已签收，货到付款专用': SHIPPED,
    '交易成功': COMPLETED,
    '交易关闭': CLOSED,
    '交易被淘宝关闭': CLOSED,
    '退款成功': REFUNDED,
}
PDD = {
    '待支付': UNPAID,
    '待付款': UNPAID,
    '待成团': PAID,
    '待发货': PAID,
    '未发货': PAID,
    '已发货，待签收': SHIPPED,
    '已发货待签收': SHIPPED,
    '已发货': SHIPPED,
    '已签收': COMPLETED,
    '已收货': COMPLETED,
    '交易成功': COMPLETED,
    '已取消': CLOSED,
    '已关闭': CLOSED,
    '退款成功': REFUNDED,
    '未发货，退款成功': REFUNDED,
    '已发货，退款成功': REFUNDED,
    '已签收，退款成功': REFUNDED,
}
DOUYIN = {
    '待支付': UNPAID,
    '待付款': UNPAID,
    '待确认': PAID,
    '备货中': PAID,
    '待发货': PAID,
    '部分发货': SHIPPED,
    '已发货': SHIPPED,
    '已完成': COMPLETED,
    '已关闭': CLOSED,
    '已取消': CLOSED,
    '退款成功': REFUNDED,
    '售后完成': REFUNDED,
}
# After-sale columns (PDD/Douyin 售后状态) that mean the money went back in full.
REFUND_WORDS = ('退款成功', '全额退款', '退货退款成功', '售后完成')
# After-sale words that mean nothing happened.
NO_AFTERSALE = ('', '-', '无', '无售后', '无售后或售后取消', '售后取消', '售后关闭')

ALL = {**DOUYIN, **PDD, **TAOBAO}
MAPS = {'taobao': TAOBAO, 'tmall': TAOBAO, 'pdd': PDD, 'douyin': DOUYIN}


def _key(text: str) -> str:
    return ''.join(text.split()).replace(',', '，').replace('(', '（').replace(')', '）')


def status_for(platform: str):
    """A function (status text, after-sale text) -> (state, known) for one platform.

    A file without a status column is the owner's own record of sales: completed.
    """
    table = {_key(k): v for k, v in MAPS.get(platform, ALL).items()}

    def status_of(text: str, aftersale: str = '') -> tuple[str, bool]:
        return _decide(table, text, aftersale)
    return status_of


def _decide(table: dict, text: str, aftersale: str) -> tuple[str, bool]:
    after = _key(aftersale)
    if after and after not in NO_AFTERSALE and any(w in after for w in REFUND_WORDS):
        if '部分' not in after:
            return REFUNDED, True
    key = _key(text)
    if not key:
        return COMPLETED, True
    state = table.get(key)
    if state is not None:
        return state, True
    return _guess(key)


def _guess(key: str) -> tuple[str, bool]:
    """Wording the maps do not know yet, by its telling words; unknown stays not counted."""
    if '退款成功' in key or '已退款' in key:
        return REFUNDED, True
    if '关闭' in key or '取消' in key:
        return CLOSED, True
    if '成功' in key or '完成' in key or '已签收' in key or '已收货' in key:
        return COMPLETED, True
    if ('待付款' in key or '待支付' in key or '未付款' in key or '等待买家付款' in key):
        return UNPAID, True
    if '已发货' in key or '待收货' in key or '待签收' in key:
        return SHIPPED, True
    if '待发货' in key or '已付款' in key or '已支付' in key:
        return PAID, True
    return PAID, False


_RANK = {COMPLETED: 0, SHIPPED: 1, PAID: 2, UNPAID: 3, REFUNDED: 4, CLOSED: 5}


def merge_states(states: list[str]) -> str:
    """The state of an order made of sub-orders: its most advanced live part wins."""
    return min(states, key=_RANK.__getitem__) if states else PAID
