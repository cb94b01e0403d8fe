"""Member tiers: the owner's rules, assignment with a history of every move, overrides.

A customer's tier is the highest whose threshold they reach: cumulative spend
or completed orders (either one, or both when the tier says so). A tier pinned
by hand (tier_locked) is kept through every recompute until released.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from peewee import fn

from models import Customer, Tier, TierChange, db, now
from models.tier_change import BY_IMPORT, BY_OWNER, BY_RULE  # noqa: F401 (re-exported)

from .errors import UserError, ValidationError


@dataclass
class TierInfo:
    id: int | None
    name: str
    rank: int
    min_spent: int                  # fen
    min_orders: int
    discount: int                   # 95 = 95折
    color: str = ''
    require_both: bool = False
    members: int = field(default=0, compare=False)


def list_tiers(with_counts: bool = False) -> list[TierInfo]:
    counts = {}
    if with_counts:
        counts = dict(Customer.select(Customer.tier, fn.COUNT(Customer.id))
                      .where(Customer.deleted_at.is_null()).group_by(Customer.tier).tuples())
    return [TierInfo(t.id, t.name, t.rank, t.min_spent, t.min_orders, t.discount, t.color,
                     bool(t.require_both), counts.get(t.id, 0))
            # A negative rank is a tier being removed inside save_tiers.
            for t in Tier.select().where(Tier.rank >= 0).order_by(Tier.rank)]


def tier_names() -> dict[int, str]:
    return {t.id: t.name for t in Tier.select(Tier.id, Tier.name)}


def discount_text(discount: int) -> str:
    """95 -> '95折', 90 -> '9折', 100 -> '无折扣' (as shops write it)."""
    if discount >= 100:
        return '无折扣'
    return f'{discount // 10}折' if discount % 10 == 0 else f'{discount}折'


def validate(tiers: list[TierInfo]) -> list[TierInfo]:
    """Sorted by threshold, ranks renumbered 0..n-1; a ValidationError names the problem."""
    if not tiers:
        raise ValidationError('tiers', '至少要保留一个会员等级。')
    names = [t.name.strip() for t in tiers]
    if any(not n for n in names):
        raise ValidationError('name', '等级名称不能为空。')
    if any(len(n) > 32 for n in names):
        raise ValidationError('name', '等级名称最多 32 个字。')
    if len(set(names)) != len(names):
        raise ValidationError('name', '等级名称不能重复。')
    for t in tiers:
        if t.min_spent < 0 or t.min_orders < 0:
            raise ValidationError('min_spent', f'“{t.name}”的门槛不能为负。')
        if not 1 <= t.discount <= 100:
            raise ValidationError('discount', f'“{t.name}”的折扣须在 1 到 100 之间（95 即 95折）。')
    ordered = sorted(tiers, key=lambda t: (t.min_spent, t.min_orders))
    base = ordered[0]
    if base.min_spent or base.min_orders:
        raise ValidationError('min_spent', f'最低的等级“{base.name}”不能设门槛：每位顾客都从它开始。')
    for lower, upper in zip(ordered, ordered[1:]):
        if (upper.min_spent, upper.min_orders) == (lower.min_spent, lower.min_orders):
            raise ValidationError('min_spent', f'“{lower.name}”和“{upper.name}”的门槛相同。')
        if upper.min_spent < lower.min_spent or upper.min_orders < lower.min_orders:
            raise ValidationError('min_orders', f'“{upper.name}”的门槛要同时不低于“{lower.name}”。')
    return [TierInfo(t.id, t.name.strip(), i, t.min_spent, t.min_orders, t.discount, t.color,
                     t.require_both) for i, t in enumerate(ordered)]


def tier_case_sql(tiers: list[TierInfo], ids_of: dict | None = None) -> str | None:
    """SQL giving the tier id the rules give a customer row (total_spent, order_count)."""
    if not tiers:
        return None
    ids_of = ids_of or {t.name: t.id for t in tiers}
    ordered = sorted(tiers, key=lambda t: t.rank, reverse=True)
    whens = []
    for t in ordered[:-1]:
        conds = []
        if t.min_spent > 0:
            conds.append(f'total_spent >= {int(t.min_spent)}')
        if t.min_orders > 0:
            conds.append(f'order_count >= {int(t.min_orders)}')
        if conds:
            whens.append(f"WHEN {(' AND ' if t.require_both else ' OR ').join(conds)} "
                         f"THEN {int(ids_of[t.name])}")
    base = int(ids_of[ordered[-1].name])
    return f"CASE {' '.join(whens)} ELSE {base} END" if whens else str(base)


def assign(ids: list[int] | None, batch_id: int | None = None, reason: str = BY_RULE) -> int:
    """Set unlocked customers' tiers from the rules; returns how many moved.

    A move from one tier to another is recorded; a new customer's first tier is not."""
    expr = tier_case_sql(list_tiers())
    if expr is None:
        return 0
    where = 'c.tier_locked = FALSE AND (c.tier_id IS NULL OR c.tier_id != ({e}))'.format(e=expr)
    params: list = []
    if ids is not None:
        where += f" AND c.id IN ({', '.join('?' * len(ids))})"
        params += list(ids)
    if batch_id is not None:
        where += ' AND c.batch_id = ?'
        params.append(batch_id)
    with db.atomic():
        db.execute_sql(
            'INSERT INTO tier_change (customer_id, from_name, to_name, upgrade, at, reason, note) '
            f"SELECT c.id, old.name, new.name, CASE WHEN old.rank < 0 THEN '' "
            f"WHEN new.rank > old.rank THEN 'up' ELSE 'down' END, ?, ?, '' FROM customer AS c JOIN tier AS old ON old.id = c.tier_id "
            f'JOIN tier AS new ON new.id = ({expr}) WHERE {where}', [now(), reason] + params)
        cur = db.execute_sql(f'UPDATE customer AS c SET tier_id = ({expr}) WHERE {where}', params)
    return cur.rowcount


def save_tiers(tiers: list[TierInfo]) -> int:
    """Replace the tier rules and reassign everyone; returns how many members moved.

    Removed tiers' locked members go back to the rules (their pin pointed nowhere)."""
    tiers = validate(tiers)
    with db.atomic():
        keep = {t.id for t in tiers if t.id is not None}
        gone = [t.id for t in Tier.select(Tier.id) if t.id not in keep]
        if gone:
            (Customer.update(tier_locked=False)
             .where(Customer.tier.in_(gone)).execute())
            # Kept until members have moved out, so the history can name it; a
            # negative rank marks the move as neither up nor down.
            Tier.update(rank=0 - (Tier.id + 10_000)).where(Tier.id.in_(gone)).execute()
        # Ranks are unique: park them out of the way before renumbering.
        Tier.update(rank=0 - Tier.id).where(Tier.id.in_(list(keep) or [0])).execute()
        for t in tiers:
            values = dict(name=t.name, rank=t.rank, min_spent=t.min_spent,
                          min_orders=t.min_orders, discount=t.discount, color=t.color,
                          require_both=t.require_both)
            if t.id is None:
                t.id = Tier.insert(**values).execute()
            else:
                Tier.update(**values).where(Tier.id == t.id).execute()
        moved = assign(None)
        if gone:
            Tier.delete().where(Tier.id.in_(gone)).execute()
        from . import auto_tags        # tier-based tags follow the new tiers
        auto_tags.apply()
    return moved


def preview(tiers: list[TierInfo]) -> dict[str, int]:
    """How many live members each proposed tier would hold, pins kept; nothing is written."""
    tiers = validate(tiers)
    fake = {t.name: -(i + 1) for i, t in enumerate(tiers)}
    expr = tier_case_sql(tiers, fake)
    names = {v: k for k, v in fake.items()}
    locked = {t.id: t.name for t in tiers if t.id is not None}
    counts = {t.name: 0 for t in tiers}
    rows = db.execute_sql(
        f'SELECT CASE WHEN tier_locked = TRUE THEN tier_id ELSE NULL END, ({expr}) AS t, COUNT(*) '
        'FROM customer WHERE deleted_at IS NULL GROUP BY 1, 2').fetchall()
    for pinned, ruled, n in rows:
        name = locked.get(pinned) if pinned is not None else None
        name = name or names[ruled]
        counts[name] += n
    return counts


def set_override(customer_id: int, tier_id: int | None, note: str = '',
                 reason: str = BY_OWNER) -> None:
    """Pin a tier by hand (recorded), or (None) hand the customer back to the rules."""
    with db.atomic():
        c = Customer.get_or_none(Customer.id == customer_id)
        if c is None:
            raise UserError('这位顾客已不存在')
        if tier_id is None:
            Customer.update(tier_locked=False).where(Customer.id == customer_id).execute()
            assign([customer_id], reason=reason)
            return
        new = Tier.get_or_none(Tier.id == tier_id)
        if new is None:
            raise UserError('这个会员等级已不存在')
        old = Tier.get_or_none(Tier.id == c.tier_id) if c.tier_id else None
        if old is not None and old.id != new.id:
            TierChange.create(customer=customer_id, from_name=old.name, to_name=new.name,
                              upgrade='up' if new.rank > old.rank else 'down',
                              reason=reason, note=note[:128])
        Customer.update(tier=tier_id, tier_locked=True).where(Customer.id == customer_id).execute()


def record_tier_moves(moves: list[tuple[int, int]], reason: str, note: str = '') -> None:
    """Record (new tier id, customer id) pins before they are written, as set_override
    does for one customer; a customer already on that tier has not moved."""
    ranks = {t.id: (t.name, t.rank) for t in Tier.select()}
    current = {}
    for i in range(0, len(moves), 5000):
        chunk = [cid for _, cid in moves[i:i + 5000]]
        current.update(Customer.select(Customer.id, Customer.tier)
                       .where(Customer.id.in_(chunk)).tuples())
    rows = []
    for tier_id, cid in moves:
        old = current.get(cid)
        if old is None or old == tier_id or old not in ranks or tier_id not in ranks:
            continue
        (old_name, old_rank), (new_name, new_rank) = ranks[old], ranks[tier_id]
        rows.append(dict(customer=cid, from_name=old_name, to_name=new_name,
                         upgrade='up' if new_rank > old_rank else 'down', reason=reason,
                         note=note[:128]))
    for i in range(0, len(rows), 500):
        TierChange.insert_many(rows[i:i + 500]).execute()


@dataclass
class TierMove:
    customer_id: int
    nick: str
    name: str
    from_name: str
    to_name: str
    upgrade: str
    at: datetime
    reason: str
    note: str


def changes(since: datetime | None = None, customer_id: int | None = None,
            upgrades_only: bool = False, limit: int = 1000,
            until: datetime | None = None) -> list[TierMove]:
    """Tier moves newest first: a customer's history, or who moved in [since, until)."""
    q = (TierChange.select(TierChange, Customer.id, Customer.nick, Customer.name)
         .join(Customer).order_by(TierChange.at.desc(), TierChange.id.desc()).limit(limit))
    if since is not None:
        q = q.where(TierChange.at >= since)
    if until is not None:
        q = q.where(TierChange.at < until)
    if customer_id is not None:
        q = q.where(TierChange.customer == customer_id)
    if upgrades_only:
        q = q.where(TierChange.upgrade == 'up')
    return [TierMove(r.customer.id, r.customer.nick, r.customer.name, r.from_name, r.to_name,
                     r.upgrade, r.at, r.reason, r.note) for r in q]

