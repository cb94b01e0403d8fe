"""One customer's points: redeem, adjust, bonus, balance and history.

Each write is one transaction that locks the customer row first, computes the
balance from the ledger, refuses an overdraw, writes one entry with its reason and
source, and stores the new balance on the customer. Callable from any one thread.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import fn

from models import Customer, PointsEntry, db, now

from ..errors import UserError, ValidationError
from .rules import BONUS_KINDS, MAX_POINTS, load_rules

# Sources of hand-made entries; orders use 'order:<platform>:<order no>', expiry 'expiry'.
REDEEM_SOURCES = ('coupon', 'gift', 'manual')
BONUS_REASONS = {'signin': '签到积分', 'birthday': '生日积分', 'survey': '问卷调研奖励',
                 'manual': '手动赠送'}


@dataclass
class HistoryLine:
    id: int
    kind: str
    points: int
    balance: int              # after this entry, in ledger order
    reason: str
    source: str
    created_at: datetime
    order_id: int | None


def balance(customer_id: int) -> int:
    """The balance as the ledger has it (Customer.points is a cache of this)."""
    return (PointsEntry.select(fn.COALESCE(fn.SUM(PointsEntry.points), 0))
            .where(PointsEntry.customer == customer_id).scalar())


def history(customer_id: int) -> list[HistoryLine]:
    """Every entry, newest first, with the balance after it."""
    rows = (PointsEntry.select(PointsEntry.id, PointsEntry.kind, PointsEntry.points,
                               PointsEntry.reason, PointsEntry.source, PointsEntry.created_at,
                               PointsEntry.order)
            .where(PointsEntry.customer == customer_id)
            .order_by(PointsEntry.created_at, PointsEntry.id).tuples())
    lines, running = [], 0
    for entry_id, kind, pts, reason, source, at, order_id in rows:
        running += pts
        lines.append(HistoryLine(entry_id, kind, pts, running, reason, source, at, order_id))
    lines.reverse()
    return lines


def redeem(customer_id: int, points: int, reason: str, source: str = 'manual',
           at: datetime | None = None) -> int:
    """Spend points on a coupon, a gift ...; refused when the balance is short.
    Returns the new balance."""
    _check_amount(points)
    reason = _reason(reason, '请填写兑换的内容，例如“兑换5元无门槛券”。')
    if source not in REDEEM_SOURCES:
        raise ValidationError('source', '兑换类型只能是优惠券、礼品或其他。')
    return write_entry(customer_id, 'redeem', -points, reason, source, at,
                  short='积分不足：当前余额 {0:,} 分，兑换需要 {1:,} 分。')


def adjust(customer_id: int, delta: int, reason: str, at: datetime | None = None) -> int:
    """Correct a balance by hand; a deduction cannot take it below zero."""
    if not isinstance(delta, int) or isinstance(delta, bool) or delta == 0 \
            or abs(delta) > MAX_POINTS:
        raise ValidationError('points', f'调整的积分须是非零整数，且不超过 {MAX_POINTS:,}。')
    reason = _reason(reason, '请填写调整的原因。')
    return write_entry(customer_id, 'adjust', delta, reason, 'manual', at,
                  short='积分不足：当前余额 {0:,} 分，不能扣减 {1:,} 分。')


def bonus(customer_id: int, kind: str, points: int | None = None, reason: str = '',
          at: datetime | None = None) -> int:
    """Give points for a sign-in (once a day), a birthday (once a year), a survey, or by
    hand. points None takes the rule's default for the kind."""
    if kind not in BONUS_KINDS:
        raise ValidationError('kind', '赠送类型只能是签到、生日、问卷或手动赠送。')
    if points is None:
        points = load_rules().bonus_default(kind)
        if points is None:
            raise ValidationError('points', '请填写赠送的积分。')
    _check_amount(points)
    at = (at or now()).replace(microsecond=0)
    source = {'signin': f'signin:{at.date().isoformat()}',
              'birthday': f'birthday:{at.year}'}.get(kind, kind)
    once = {'signin': f'这位顾客 {at:%Y-%m-%d} 已经签到过了。',
            'birthday': f'这位顾客 {at.year} 年的生日积分已经发过了。'}.get(kind, '')
    return write_entry(customer_id, 'bonus', points, (reason or '').strip()[:128]
                  or BONUS_REASONS[kind], source, at, once=once)


def _check_amount(points) -> None:
    if not isinstance(points, int) or isinstance(points, bool) or not 1 <= points <= MAX_POINTS:
        raise ValidationError('points', f'积分须是 1 到 {MAX_POINTS:,} 之间的整数。')


def _reason(text: str, missing: str) -> str:
    text = (text or '').strip()
    if not text:
        raise ValidationError('reason', missing)
    if len(text) > 128:
        raise ValidationError('reason', '原因最多 128 个字。')
    return text


def write_entry(customer_id: int, kind: str, pts: int, reason: str, source: str,
                at: datetime | None, short: str = '', once: str = '') -> int:
    """One ledger entry with its balance checks, for the services that give or take
    points for their own reasons (a referral reward). Returns the new balance.
    short: the overdraw message; once: the message when `source` is already there."""
    with db.atomic():
        # A no-op write takes the write lock (SQLite) or the row lock (PostgreSQL) first,
        # so the balance read below cannot change before the entry lands.
        if not Customer.update(points=Customer.points).where(Customer.id == customer_id).execute():
            raise UserError('这位顾客已不存在')
        if Customer.select(Customer.deleted_at).where(Customer.id == customer_id).scalar():
            raise UserError('这位顾客在回收站里，恢复后才能变动积分。')
        if once and PointsEntry.select().where(PointsEntry.customer == customer_id,
                                               PointsEntry.source == source).exists():
            raise ValidationError('kind', once)
        current = balance(customer_id)
        if pts < 0 and current + pts < 0:
            raise ValidationError('points', short.format(current, -pts))
        PointsEntry.create(customer=customer_id, kind=kind, points=pts, reason=reason,
                           source=source, created_at=(at or now()).replace(microsecond=0))
        store_balances([customer_id])
        return current + pts


def store_balances(customer_ids: list[int]) -> None:
    """Write each customer's ledger sum to Customer.points (a short list of ids)."""
    total = (PointsEntry.select(fn.COALESCE(fn.SUM(PointsEntry.points), 0))
             .where(PointsEntry.customer == Customer.id))
    Customer.update(points=total).where(Customer.id.in_(customer_ids)).execute()


def store_balances_after(entry_id: int) -> None:
    """Re-sum the balance of every customer with an entry newer than `entry_id`."""
    total = (PointsEntry.select(fn.COALESCE(fn.SUM(PointsEntry.points), 0))
             .where(PointsEntry.customer == Customer.id))
    newer = PointsEntry.select(PointsEntry.customer).where(PointsEntry.id > entry_id)
    Customer.update(points=total).where(Customer.id.in_(newer)).execute()
