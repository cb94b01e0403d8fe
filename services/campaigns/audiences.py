"""Saved audiences: a member filter with a name, counted and resolved live.

The filter is stored as JSON of every MemberFilter field (found with
dataclasses.fields, so a field added later is stored too) except the sort and the
recycle-bin switch; dates as YYYY-MM-DD. Keys a release does not know are ignored
on load and missing ones take the default, so audiences survive upgrades.

`asleep_days` is the one audience-only condition: "no completed order for N days",
resolved against today each time (a date range would go stale), e.g. the win-back
audience of buyers asleep 180+ days. Buyers who never ordered are not asleep.
"""
from __future__ import annotations

import json
from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime, timedelta

from models import db, now
from models.campaign import Audience, Campaign

from .. import member_query
from ..errors import UserError, ValidationError
from ..member_query import MemberFilter

# Not part of who is in an audience.
_SKIP = frozenset({'sort', 'descending', 'deleted'})
ASLEEP_KEY = 'asleep_days'
MAX_ASLEEP = 3650


@dataclass
class AudienceInfo:
    id: int | None = None
    name: str = ''
    filter: MemberFilter = field(default_factory=MemberFilter)
    asleep_days: int | None = None
    note: str = ''
    created_at: datetime | None = None
    updated_at: datetime | None = None


def _is_date(f) -> bool:
    # Annotations are strings here (from __future__ import annotations): 'date | None'.
    kind = f.type if isinstance(f.type, str) else getattr(f.type, '__name__', str(f.type))
    return 'date' in kind and 'datetime' not in kind


def filter_to_dict(f: MemberFilter, asleep_days: int | None = None) -> dict:
    out = {}
    for fd in fields(MemberFilter):
        if fd.name in _SKIP:
            continue
        value = getattr(f, fd.name)
        default = fd.default if fd.default is not MISSING else None
        if value == default:
            continue            # short JSON; a later default change follows the release
        out[fd.name] = value.isoformat() if isinstance(value, date) else value
    if asleep_days is not None:
        out[ASLEEP_KEY] = asleep_days
    return out


def filter_from_dict(data: dict) -> tuple[MemberFilter, int | None]:
    if not isinstance(data, dict):
        data = {}
    values = {}
    for fd in fields(MemberFilter):
        if fd.name in _SKIP or fd.name not in data:
            continue
        value = data[fd.name]
        if _is_date(fd) and isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                continue
        values[fd.name] = value
    asleep = data.get(ASLEEP_KEY)
    asleep = asleep if isinstance(asleep, int) and not isinstance(asleep, bool) else None
    return MemberFilter(**values), asleep


def to_json(f: MemberFilter, asleep_days: int | None = None) -> str:
    return json.dumps(filter_to_dict(f, asleep_days), ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> tuple[MemberFilter, int | None]:
    try:
        return filter_from_dict(json.loads(text or '{}'))
    except ValueError:
        return MemberFilter(), None


def effective_filter(f: MemberFilter, asleep_days: int | None = None,
                     today: date | None = None) -> MemberFilter:
    """The live-customer filter to run: asleep_days becomes a last-purchase bound."""
    f = f.with_(deleted=False)
    if asleep_days is not None:
        bound = (today or date.today()) - timedelta(days=asleep_days)
        f = f.with_(last_to=bound if f.last_to is None else min(f.last_to, bound))
    return f


def _info(a: Audience) -> AudienceInfo:
    f, asleep = from_json(a.filter)
    return AudienceInfo(a.id, a.name, f, asleep, a.note, a.created_at, a.updated_at)


def list_audiences() -> list[AudienceInfo]:
    return [_info(a) for a in Audience.select().order_by(Audience.id)]


def get_audience(audience_id: int) -> AudienceInfo:
    a = Audience.get_or_none(Audience.id == audience_id)
    if a is None:
        raise UserError('这个人群已被删除。')
    return _info(a)


def _clean_name(name: str) -> str:
    name = (name or '').strip()
    if not name:
        raise ValidationError('name', '请填写人群名称。')
    if len(name) > 32:
        raise ValidationError('name', '人群名称最多 32 个字。')
    return name


def _check_asleep(days) -> None:
    if days is not None and (not isinstance(days, int) or isinstance(days, bool)
                             or not 1 <= days <= MAX_ASLEEP):
        raise ValidationError('asleep_days', f'沉睡天数须在 1 到 {MAX_ASLEEP} 之间。')


def save_audience(info: AudienceInfo) -> int:
    """Create or update; the name is unique. Returns the id."""
    name = _clean_name(info.name)
    _check_asleep(info.asleep_days)
    with db.atomic():
        clash = Audience.select().where(Audience.name == name)
        if info.id is not None:
            clash = clash.where(Audience.id != info.id)
        if clash.exists():
            raise ValidationError('name', f'已有名为“{name}”的人群。')
        values = dict(name=name, filter=to_json(info.filter, info.asleep_days),
                      note=(info.note or '').strip(), updated_at=now())
        if info.id is None:
            return Audience.create(**values).id
        if not Audience.update(**values).where(Audience.id == info.id).execute():
            raise UserError('这个人群已被删除。')
        return info.id


def rename_audience(audience_id: int, name: str) -> None:
    info = get_audience(audience_id)
    info.name = name
    save_audience(info)


def delete_audience(audience_id: int) -> None:
    """Campaigns made from it keep their own snapshot of who is in them."""
    with db.atomic():
        Campaign.update(audience=None).where(Campaign.audience == audience_id).execute()
        Audience.delete().where(Audience.id == audience_id).execute()


def count_filter(f: MemberFilter, asleep_days: int | None = None,
                 today: date | None = None) -> int:
    return member_query.count(effective_filter(f, asleep_days, today))


def audience_size(audience_id: int, today: date | None = None) -> int:
    a = get_audience(audience_id)
    return count_filter(a.filter, a.asleep_days, today)


def audience_sizes(today: date | None = None) -> dict[int, int]:
    """id -> live size of every saved audience (for a list; run it off the UI thread)."""
    return {a.id: count_filter(a.filter, a.asleep_days, today) for a in list_audiences()}


def count_opted_out(f: MemberFilter, asleep_days: int | None = None,
                    today: date | None = None, channel: str = 'sms') -> int:
    """How many of the filter's buyers opted out of `channel` (one SQL count)."""
    from models import Customer
    from ..consent.query import opted_out
    from ..member_query.filters import _conditions
    conds = _conditions(effective_filter(f, asleep_days, today))
    return Customer.select().where(*conds, opted_out(channel)).count()


def audience_reach(audience_id: int, today: date | None = None) -> tuple[int, int]:
    """(live size, how many of them opted out of SMS)."""
    a = get_audience(audience_id)
    return (count_filter(a.filter, a.asleep_days, today),
            count_opted_out(a.filter, a.asleep_days, today))


def audience_reaches(today: date | None = None) -> dict[int, tuple[int, int]]:
    """id -> (live size, opted out of SMS) of every saved audience (off the UI thread)."""
    return {a.id: (count_filter(a.filter, a.asleep_days, today),
                   count_opted_out(a.filter, a.asleep_days, today)) for a in list_audiences()}


def customer_ids(f: MemberFilter, asleep_days: int | None = None,
                 today: date | None = None) -> list[int]:
    """Live customer ids the filter selects, in id order."""
    return sorted(member_query.ids(effective_filter(f, asleep_days, today)))


def _group_name(group_id: int) -> str:
    try:
        from ..groups import list_groups
        return next((g.name for g in list_groups() if g.id == group_id), str(group_id))
    except (ImportError, AttributeError):
        return str(group_id)


def describe(f: MemberFilter, asleep_days: int | None = None) -> str:
    """A short Chinese summary of the conditions, e.g. '沉睡 180 天以上 · 分群 重要挽留客户'."""
    from ..tiers import tier_names
    parts = []
    if asleep_days is not None:
        parts.append(f'沉睡 {asleep_days} 天以上')
    from ..files.member_sheet import PLATFORM_NAMES
    from ..scoring.explain import LIFECYCLE_NAMES, LOYALTY_NAMES
    labels = {'text': '搜索', 'segment': '分群', 'product': '买过'}
    named = {'platform': PLATFORM_NAMES, 'lifecycle': LIFECYCLE_NAMES, 'loyalty': LOYALTY_NAMES}
    data = filter_to_dict(f)
    tiers = tier_names() if 'tier_id' in data else {}
    for key, value in data.items():
        if key in labels:
            parts.append(f'{labels[key]} {value}')
        elif key in named:
            parts.append(named[key].get(value, value))
        elif key == 'birth_month':
            parts.append(f'{value}月生日')
        elif key == 'tier_id':
            parts.append(f'等级 {tiers.get(value, value)}')
        elif key in ('min_spent', 'max_spent', 'min_clv'):
            word = {'min_spent': '消费≥', 'max_spent': '消费≤', 'min_clv': 'CLV≥'}[key]
            parts.append(f'{word}{value // 100}元')
        elif key in ('min_orders', 'max_orders'):
            parts.append(f'{"订单≥" if key == "min_orders" else "订单≤"}{value}')
        elif key in ('last_from', 'last_to'):
            parts.append(f'{"最近购买≥" if key == "last_from" else "最近购买≤"}{value}')
        elif key == 'tag_id':
            from models import Tag
            tag = Tag.get_or_none(Tag.id == value)
            parts.append(f'标签 {tag.name if tag else value}')
        elif key == 'group_id':
            parts.append(f'社群 {_group_name(value)}')
        elif key == 'quality':
            from ..care.codes import quality_name
            parts.append(f'客户质量 {quality_name(value)}')
        elif key == 'credit_min':
            from ..care.codes import credit_name
            parts.append(f'买家信用≥{credit_name(value)}')
        else:
            parts.append(f'{key}={value}')
    return ' · '.join(parts) or '全部顾客'


