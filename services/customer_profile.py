"""The editable part of a customer, with validation."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date

from .errors import ValidationError
from .phones import looks_like_phone

PLATFORMS = ('taobao', 'tmall', 'pdd', 'douyin', 'store', 'other')
GENDERS = ('', 'M', 'F')
BIRTH_KINDS = ('', 'solar', 'lunar')


@dataclass
class CustomerProfile:
    platform: str = 'taobao'
    nick: str = ''
    name: str = ''
    phone: str = ''
    phone2: str = ''
    wechat: str = ''
    gender: str = ''
    birth_kind: str = ''
    birth_year: int | None = None
    birth_month: int | None = None
    birth_day: int | None = None
    birth_leap: bool = False
    province: str = ''
    city: str = ''
    address: str = ''
    source: str = ''
    note: str = ''
    extra: dict = field(default_factory=dict)

    def cleaned(self) -> 'CustomerProfile':
        """A stripped, validated copy; raises ValidationError naming the field."""
        p = CustomerProfile(**asdict(self))
        for name in ('platform', 'nick', 'name', 'phone', 'phone2', 'wechat', 'province',
                     'city', 'source'):
            setattr(p, name, (getattr(p, name) or '').strip())
        p.address, p.note = p.address.strip(), p.note.strip()
        if p.platform not in PLATFORMS:
            raise ValidationError('platform', f'未知平台：{p.platform}')
        if not p.nick:
            raise ValidationError('nick', '买家会员名不能为空')
        if len(p.nick) > 128:
            raise ValidationError('nick', '买家会员名太长（最多128个字）')
        if len(p.name) > 64:
            raise ValidationError('name', '姓名太长（最多64个字）')
        # Column widths: PostgreSQL refuses longer text with a raw DataError.
        for name, label, limit in (('wechat', '微信号', 64), ('province', '省份', 32),
                                   ('city', '城市', 32), ('source', '来源', 64)):
            if len(getattr(p, name)) > limit:
                raise ValidationError(name, f'{label}太长（最多{limit}个字）')
        for name in ('phone', 'phone2'):
            value = getattr(p, name)
            if value and not looks_like_phone(value):
                raise ValidationError(name, f'手机号格式不对：{value}')
        if p.gender not in GENDERS:
            raise ValidationError('gender', '性别只能是男、女或留空')
        _check_birthday(p)
        p.extra = {str(k): v for k, v in (p.extra or {}).items() if v not in ('', None)}
        return p

    def extra_json(self) -> str:
        return json.dumps(self.extra, ensure_ascii=False, sort_keys=True) if self.extra else ''


def _check_birthday(p: CustomerProfile) -> None:
    if p.birth_kind not in BIRTH_KINDS:
        raise ValidationError('birth_kind', '生日类型只能是公历或农历')
    if not p.birth_kind:
        p.birth_year = p.birth_month = p.birth_day = None
        p.birth_leap = False
        return
    if not p.birth_month or not p.birth_day:
        raise ValidationError('birthday', '生日需要月和日')
    if p.birth_year is not None and not 1900 <= p.birth_year <= date.today().year:
        raise ValidationError('birthday', f'出生年份不合理：{p.birth_year}')
    if p.birth_kind == 'lunar':
        if not 1 <= p.birth_month <= 12 or not 1 <= p.birth_day <= 30:
            raise ValidationError('birthday', '农历生日：月为1-12，日为1-30')
        return
    p.birth_leap = False
    try:
        # Without a year, Feb 29 is a real birthday: check against a leap year.
        date(p.birth_year or 2000, p.birth_month, p.birth_day)
    except ValueError:
        raise ValidationError('birthday', '公历生日日期不存在') from None
