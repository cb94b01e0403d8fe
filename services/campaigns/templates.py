"""Message templates: placeholders, rendering per buyer, and SMS length as platforms bill it.

Placeholders are written {姓名} (full-width ｛姓名｝ from a Chinese input method works
too). An unknown name is refused when the template is saved. Values a buyer lacks:

    {姓名}        name; else the buyer nick if it has a Chinese character (a nick the
                  buyer chose, like 小鹿妈妈); else 亲 (tb_8823… is no way to greet anyone)
    {买家会员名}   the nick, always there
    {会员等级}     tier name; else 会员
    {积分}        points balance; 0
    {累计消费}     completed spend, e.g. 1234元 or 1234.50元
    {店铺名}      shop name from 设置 → 店铺资料; else 本店 (reported missing)
    {优惠券}      the campaign's coupon text; else empty (reported missing: an export
                  refuses, a message must not promise a coupon that does not exist)
    {赠送积分}     the campaign's bonus points; else empty (reported missing, as above)
    {生日}        8月15日 or 农历八月十五; else empty (reported missing)
    {上次购买}     date of the last completed order, 2025年3月1日; else empty (missing)
    {沉睡天数}     days since that order; else empty (missing)

A message is 【signature】 + body + opt-out text, each part as the template asks.
The opt-out text follows the body directly when the body ends in punctuation, else
after a '，'.

Length rule (what Chinese SMS gateways bill): every character of the whole message
counts, signature and opt-out included, Chinese and Latin alike, as one UCS-2 unit;
a character outside the Basic Multilingual Plane (most emoji, some rare hanzi) is a
surrogate pair and counts 2. Up to 70 is one message; a longer one is sent as parts
of 67 (3 units go to the part header), so 71-134 is 2 parts, 135-201 is 3.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..errors import ValidationError
from ..reminders.calendars import lunar_text
from .profile import ShopProfile
from .recipients import Recipient

SINGLE_LIMIT, PART_SIZE = 70, 67
CHANNELS = ('sms', 'wangwang', 'wechat')
CHANNEL_NAMES = {'sms': '短信', 'wangwang': '旺旺', 'wechat': '微信'}
MAX_BODY = 500

NAME, NICK, TIER, POINTS, SPENT, SHOP, COUPON, BONUS, BIRTHDAY, LAST, ASLEEP = (
    '姓名', '买家会员名', '会员等级', '积分', '累计消费', '店铺名', '优惠券', '赠送积分', '生日',
    '上次购买', '沉睡天数')
# In the order the editor shows them, each with what it stands for.
PLACEHOLDERS = {
    NAME: '顾客姓名，没有时用会员名或“亲”', NICK: '买家会员名', TIER: '会员等级',
    POINTS: '积分余额', SPENT: '累计消费金额', SHOP: '店铺名（设置 → 店铺资料）',
    COUPON: '活动的优惠券', BONUS: '活动赠送的积分', BIRTHDAY: '生日，如 8月15日',
    LAST: '上次购买日期', ASLEEP: '多少天没买了',
}
# A campaign must supply these; rendering without them would promise nothing.
OFFER_PLACEHOLDERS = (COUPON, BONUS)

_PATTERN = re.compile(r'[{｛]([^{}｛｝\n]{1,16})[}｝]')
_ENDINGS = frozenset('。！？!?.,，、~～…；;：:）)」』】 \n')
_HAN = re.compile(r'[\u3400-\u9fff]')


@dataclass
class Offer:
    coupon: str = ''
    points: int = 0


@dataclass
class Rendered:
    text: str
    length: int
    parts: int
    missing: list = field(default_factory=list)   # placeholders with no value for this buyer


def sms_length(text: str) -> int:
    """Billed characters: UCS-2 units, so a non-BMP character (emoji) counts 2."""
    return len(text.encode('utf-16-le', 'surrogatepass')) // 2


def sms_parts(length: int) -> int:
    if length <= 0:
        return 0
    if length <= SINGLE_LIMIT:
        return 1
    return -(-length // PART_SIZE)


def placeholders_in(body: str) -> list[str]:
    return [m.group(1) for m in _PATTERN.finditer(body or '')]


def unknown_placeholders(body: str) -> list[str]:
    seen: list[str] = []
    for name in placeholders_in(body):
        if name.strip() not in PLACEHOLDERS and name not in seen:
            seen.append(name)
    return seen


def check_body(body: str, channel: str = 'sms', signature: bool = False) -> None:
    """Raise ValidationError for an empty body, an unknown placeholder or a doubled 【】."""
    if not (body or '').strip():
        raise ValidationError('body', '请填写消息内容。')
    if len(body) > MAX_BODY:
        raise ValidationError('body', f'消息内容最多 {MAX_BODY} 个字。')
    unknown = unknown_placeholders(body)
    if unknown:
        known = '、'.join('{' + n + '}' for n in PLACEHOLDERS)
        shown = '、'.join('{' + n + '}' for n in unknown)
        raise ValidationError('body', f'模板里有不认识的占位符：{shown}。可用的有：{known}')
    if channel not in CHANNELS:
        raise ValidationError('channel', '发送渠道只能是短信、旺旺或微信。')
    if signature and ('【' in body or '】' in body):
        raise ValidationError('body', '短信签名会自动加在开头，正文里请不要再写【】。')


def _yuan(fen: int) -> str:
    whole, cents = divmod(max(0, int(fen)), 100)
    return f'{whole}元' if not cents else f'{whole}.{cents:02d}元'


def _greeting(r: Recipient) -> str:
    if r.name.strip():
        return r.name.strip()
    if _HAN.search(r.nick or ''):
        return r.nick
    return '亲'


def _birthday(r: Recipient) -> str:
    if r.birth_kind not in ('solar', 'lunar') or not r.birth_month or not r.birth_day:
        return ''
    if r.birth_kind == 'lunar':
        return '农历' + lunar_text(r.birth_month, r.birth_day, r.birth_leap)
    return f'{r.birth_month}月{r.birth_day}日'


def _last(r: Recipient) -> str:
    d = r.last_order_at
    return f'{d.year}年{d.month}月{d.day}日' if d else ''


def _asleep(r: Recipient, today: date) -> str:
    return str(max(0, (today - r.last_order_at.date()).days)) if r.last_order_at else ''


# name -> value(buyer, profile, offer, today); '' where there is none.
_VALUES = {
    NAME: lambda r, p, o, t: _greeting(r),
    NICK: lambda r, p, o, t: r.nick,
    TIER: lambda r, p, o, t: r.tier or '会员',
    POINTS: lambda r, p, o, t: str(r.points or 0),
    SPENT: lambda r, p, o, t: _yuan(r.total_spent or 0),
    SHOP: lambda r, p, o, t: p.shop_name,
    COUPON: lambda r, p, o, t: o.coupon.strip(),
    BONUS: lambda r, p, o, t: str(o.points) if o.points > 0 else '',
    BIRTHDAY: lambda r, p, o, t: _birthday(r),
    LAST: lambda r, p, o, t: _last(r),
    ASLEEP: lambda r, p, o, t: _asleep(r, t),
}
_FALLBACKS = {SHOP: '本店'}


def values_for(r: Recipient, profile: ShopProfile, offer: Offer | None,
               today: date) -> dict[str, str]:
    """Every placeholder's value for one buyer ('' where there is none)."""
    offer = offer or Offer()
    return {name: value(r, profile, offer, today) for name, value in _VALUES.items()}


@lru_cache(maxsize=64)
def _pieces(body: str) -> tuple:
    """The body split once into literal text (even places) and placeholder names (odd);
    an unknown name stays literal. A sheet renders one body for every buyer."""
    out = []
    for i, piece in enumerate(_PATTERN.split(body)):
        if i % 2 and piece.strip() not in _VALUES:
            out[-1] += '{' + piece + '}'            # checked at save time; left visible
        elif i % 2:
            out.extend((piece.strip(), ''))
        elif out:
            out[-1] += piece
        else:
            out.append(piece)
    return tuple(out)


def fill(body: str, r: Recipient, profile: ShopProfile, offer: Offer | None,
         today: date) -> tuple[str, list[str]]:
    """The body with placeholders replaced, and the names that had no value."""
    offer = offer or Offer()
    pieces = _pieces(body)
    out = [pieces[0]]
    missing: list[str] = []
    for i in range(1, len(pieces), 2):
        name = pieces[i]
        value = _VALUES[name](r, profile, offer, today)
        if not value:
            if name not in missing:
                missing.append(name)
            value = _FALLBACKS.get(name, '')
        out.append(value)
        out.append(pieces[i + 1])
    return ''.join(out), missing


def compose(body: str, profile: ShopProfile, signature: bool, opt_out: bool) -> str:
    """【signature】 + body + opt-out, as the template asks."""
    text = body.strip()
    if opt_out and profile.opt_out:
        joint = '' if not text or text[-1] in _ENDINGS else '，'
        text = f'{text}{joint}{profile.opt_out}'
    if signature and profile.signature:
        text = profile.signature_text() + text
    return text


def render(body: str, r: Recipient, profile: ShopProfile, *, signature: bool = False,
           opt_out: bool = False, offer: Offer | None = None,
           today: date | None = None) -> Rendered:
    today = today or date.today()
    filled, missing = fill(body, r, profile, offer, today)
    if signature and not profile.signature:
        missing.append('签名')
    text = compose(filled, profile, signature, opt_out)
    n = sms_length(text)
    return Rendered(text, n, sms_parts(n), missing)
