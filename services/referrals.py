"""Referrals: who introduced whom, and the reward given for it.

A Referral row and Customer.referred_by say the same thing and are written together.
A buyer has one referrer; nobody refers themselves, and no chain of referrals loops
back (A brought B, so B cannot have brought A, directly or through others).

A points reward is a bonus entry in the points ledger on the referrer (reason 转介绍,
source 'referral:<id>'); deleting the referral writes an opposite entry, refused like
any deduction when the points were already spent (the owner may keep them instead).
A cash reward is a note of what was paid (fen) and how; the app pays nothing.
The referrer's loyalty type counts referrals, so both customers are rescored.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from models import Customer, PointsEntry, db
from models.group import CASH_REWARD, NO_REWARD, POINTS_REWARD, REWARDS, Referral

from . import customer_stats
from .errors import UserError, ValidationError
from .points.ledger import write_entry as _ledger_write
from .points.rules import MAX_POINTS

REASON = '转介绍'
MAX_NOTE = 128
MAX_CASH = 100_000_00          # fen; beyond this is a typo, not a red packet


@dataclass
class ReferralInfo:
    id: int
    referrer_id: int
    referrer_nick: str
    referrer_name: str
    referrer_platform: str
    referred_id: int
    referred_nick: str
    referred_name: str
    referred_platform: str
    at: date
    reward: str                     # none, points, cash
    reward_points: int
    cash: int                       # fen
    note: str
    points_entry_id: int | None
    referrer_deleted: bool = False
    referred_deleted: bool = False


@dataclass
class CustomerReferrals:
    referred_by: ReferralInfo | None
    referred: list                  # [ReferralInfo] whom this customer brought, oldest first


def _label(c: Customer) -> str:
    return f'“{c.name or c.nick}”'


def _customer(customer_id: int) -> Customer:
    c = Customer.get_or_none(Customer.id == customer_id)
    if c is None:
        raise UserError('这位顾客已不存在。')
    if c.deleted_at is not None:
        raise UserError(f'顾客{_label(c)}在回收站里，恢复后才能登记转介绍。')
    return c


def _chain_reaches(start_id: int, target_id: int) -> bool:
    """True when following referred_by up from start_id reaches target_id."""
    seen, current = set(), start_id
    while current is not None and current not in seen:
        if current == target_id:
            return True
        seen.add(current)
        current = Customer.select(Customer.referred_by).where(Customer.id == current).scalar()
    return False


def _check_reward(reward: str, points: int, cash: int, note: str) -> str:
    if reward not in REWARDS:
        raise ValidationError('reward', '奖励只能是积分、现金或不奖励。')
    if reward == POINTS_REWARD and (not isinstance(points, int) or isinstance(points, bool)
                                    or not 1 <= points <= MAX_POINTS):
        raise ValidationError('points', f'奖励积分须是 1 到 {MAX_POINTS:,} 之间的整数。')
    if reward == CASH_REWARD and (not isinstance(cash, int) or not 1 <= cash <= MAX_CASH):
        raise ValidationError('cash', '请填写现金奖励的金额（最多十万元）。')
    note = (note or '').strip()
    if len(note) > MAX_NOTE:
        raise ValidationError('note', f'备注最多 {MAX_NOTE} 个字。')
    return note


def record_referral(referrer_id: int, referred_id: int, at: date | None = None,
                    reward: str = NO_REWARD, points: int = 0, cash: int = 0,
                    note: str = '', credited_at: datetime | None = None) -> int:
    """Record that referrer_id introduced referred_id; returns the referral's id.
    A points reward is credited at credited_at (default now)."""
    note = _check_reward(reward, points, cash, note)
    at = at or date.today()
    if at > date.today():
        raise ValidationError('at', '介绍日期不能晚于今天。')
    if referrer_id == referred_id:
        raise UserError('顾客不能推荐自己。')
    with db.atomic():
        referrer, referred = _customer(referrer_id), _customer(referred_id)
        earlier = Referral.get_or_none(Referral.referred == referred_id)
        if earlier is not None:
            by = Customer.get_by_id(earlier.referrer_id)
            raise UserError(f'{_label(referred)}已登记为{_label(by)}推荐来的，'
                            '一位顾客只能有一位推荐人；如需更改请先删除原来的记录。')
        if _chain_reaches(referrer_id, referred_id):
            raise UserError(f'{_label(referrer)}是{_label(referred)}推荐来的（直接或间接），'
                            f'不能再登记{_label(referred)}由{_label(referrer)}推荐。')
        r = Referral.create(referrer=referrer_id, referred=referred_id, at=at, reward=reward,
                            reward_points=points if reward == POINTS_REWARD else 0,
                            cash=cash if reward == CASH_REWARD else 0, note=note)
        Customer.update(referred_by=referrer_id).where(Customer.id == referred_id).execute()
        if reward == POINTS_REWARD:
            # Credited now, when the reward is given: a back-dated credit could be past
            # the expiry period at once.
            source = f'referral:{r.id}'
            _ledger_write(referrer_id, 'bonus', points, f'{REASON}：{referred.nick}', source,
                          credited_at)
            r.points_entry = (PointsEntry.select(PointsEntry.id)
                              .where(PointsEntry.customer == referrer_id,
                                     PointsEntry.source == source)
                              .order_by(PointsEntry.id.desc()).scalar())
            r.save()
        customer_stats.rescore([referrer_id, referred_id], tiers=False)
    return r.id


def delete_referral(referral_id: int, keep_points: bool = False) -> None:
    """Undo a referral. Its points reward is taken back with an opposite entry unless
    keep_points; that is refused (UserError) when the referrer has spent them."""
    with db.atomic():
        r = Referral.get_or_none(Referral.id == referral_id)
        if r is None:
            raise UserError('这条转介绍记录已不存在。')
        entry = (PointsEntry.get_or_none(PointsEntry.id == r.points_entry_id)
                 if r.points_entry_id else None)
        if entry is not None and not keep_points:
            referred = Customer.get_by_id(r.referred_id)
            _ledger_write(r.referrer_id, 'adjust', -entry.points,
                          f'撤销{REASON}奖励：{referred.nick}', entry.source, None,
                          short='奖励的积分已被使用：当前余额 {0:,} 分，不够扣回 {1:,} 分。'
                                '可以选择保留积分，只删除记录。')
        (Customer.update(referred_by=None)
         .where(Customer.id == r.referred_id, Customer.referred_by == r.referrer_id).execute())
        r.delete_instance()
        customer_stats.rescore([r.referrer_id, r.referred_id], tiers=False)


def referrals_of(customer_id: int) -> CustomerReferrals:
    """Who brought this customer, and whom they brought (binned customers included,
    flagged)."""
    mine = _infos(Referral.referred == customer_id)
    return CustomerReferrals(mine[0] if mine else None,
                             _infos(Referral.referrer == customer_id))


def get_referral(referral_id: int) -> ReferralInfo:
    found = _infos(Referral.id == referral_id)
    if not found:
        raise UserError('这条转介绍记录已不存在。')
    return found[0]


def _infos(where) -> list[ReferralInfo]:
    rows = list(Referral.select().where(where).order_by(Referral.at, Referral.id))
    ids = {r.referrer_id for r in rows} | {r.referred_id for r in rows}
    people = {c.id: c for c in Customer.select(Customer.id, Customer.nick, Customer.name,
                                               Customer.platform, Customer.deleted_at)
              .where(Customer.id.in_(list(ids)))} if ids else {}
    out = []
    for r in rows:
        a, b = people[r.referrer_id], people[r.referred_id]
        out.append(ReferralInfo(
            r.id, a.id, a.nick, a.name, a.platform, b.id, b.nick, b.name, b.platform, r.at,
            r.reward, r.reward_points, r.cash, r.note, r.points_entry_id,
            a.deleted_at is not None, b.deleted_at is not None))
    return out


def fold_into(source_ids: list[int], target_id: int) -> None:
    """For a merge of duplicates: the sources' referrals become the target's. A referral
    that would then be between the target and itself, or a second referrer for the
    target, is dropped (its points stay where the ledger has them)."""
    source_ids = [i for i in source_ids if i != target_id]
    if not source_ids:
        return
    with db.atomic():
        (Referral.update(referrer=target_id)
         .where(Referral.referrer.in_(source_ids), Referral.referred != target_id).execute())
        Referral.delete().where(Referral.referrer.in_(source_ids)).execute()
        Referral.delete().where(Referral.referrer == target_id,
                                Referral.referred.in_(source_ids)).execute()
        if Referral.select().where(Referral.referred == target_id).exists():
            Referral.delete().where(Referral.referred.in_(source_ids)).execute()
        else:
            first = (Referral.select().where(Referral.referred.in_(source_ids))
                     .order_by(Referral.at, Referral.id).first())
            if first is not None:
                Referral.delete().where(Referral.referred.in_(source_ids),
                                        Referral.id != first.id).execute()
                Referral.update(referred=target_id).where(Referral.id == first.id).execute()
        # Referral rows are the record; referred_by follows them.
        Customer.update(referred_by=target_id).where(
            Customer.referred_by.in_(source_ids)).execute()
        Customer.update(referred_by=None).where(Customer.id.in_(source_ids)).execute()
        mine = Referral.get_or_none(Referral.referred == target_id)
        Customer.update(referred_by=mine.referrer_id if mine else None).where(
            Customer.id == target_id).execute()
        if mine is not None and _chain_reaches(mine.referrer_id, target_id):
            # The merge closed a loop (the target brought someone who brought a source).
            mine.delete_instance()
            Customer.update(referred_by=None).where(Customer.id == target_id).execute()
