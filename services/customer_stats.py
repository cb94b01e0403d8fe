"""Derived customer columns: spend, order count, purchase dates, points, tier.

Everything is set-based SQL over the covering order index, so a refresh of a
million customers is a handful of statements, and a refresh of a few ids after
an edit touches only those rows.
"""
from __future__ import annotations

from collections.abc import Iterable

from peewee import SQL, fn

from models import REBUILD_KEY, Customer, Order, PointsEntry, Setting, db

from . import settings, tiers
from .chunking import chunks

# Above this many ids one set-based pass over everyone is cheaper than IN lists
# (100,000 customers: 0.2 s for everyone against ~10 s in 5,000-id chunks).
WHOLE_SHOP_ABOVE = 5000


def refresh(ids: Iterable[int] | None = None, orders_changed: bool = True) -> None:
    """Recompute derived columns for `ids`, or for everyone when None.

    Only rows whose values change are written, so a pass over everyone after a
    large import costs reads, not writes. orders_changed=False (a rule change):
    the repurchase due days cannot have moved and are left alone, and the order
    columns are recomputed only if the promotion windows they count by changed.
    """
    if ids is not None:
        ids = sorted(set(ids))
        if len(ids) > WHOLE_SHOP_ABOVE:
            ids = None
    from . import auto_tags, scoring  # they read settings; imported late for a lean start-up
    from .points import sync_order_points
    from .reminders import repurchase_store
    with db.atomic():
        if orders_changed:
            repurchase_store.update(ids)
        if ids is None:
            if orders_changed or settings.get(PROMO_KEY) != _promo_windows():
                _refresh_orders(None)
            # Every other ledger write stores its balances, so after a rule change that
            # earned or reversed nothing the balances are as they were.
            if sync_order_points(None) or orders_changed:
                _refresh_points(None)
            assign_tiers(None)
            scoring.refresh_scores(None)
            auto_tags.apply()
            return
        for chunk in chunks(ids):
            _refresh_orders(chunk)
            sync_order_points(chunk)
            _refresh_points(chunk)
            assign_tiers(chunk)
        scoring.refresh_scores(ids)
        for chunk in chunks(ids):
            auto_tags.apply(customer_ids=chunk)


def settle_new_buyers(batch_id: int) -> None:
    """The customers an import added: their order columns were written with them;
    this adds their points, tier, scores and automatic tags, scoped by the batch."""
    from . import auto_tags, scoring
    from .points import sync_order_points
    from .reminders import repurchase_store
    if not Customer.select().where(Customer.batch == batch_id).exists():
        return
    with db.atomic():
        repurchase_store.update(batch_id=batch_id)
        # A new buyer's orders all came with this batch.
        sync_order_points(batch_id=batch_id)
        _points_where('batch_id = ?', [batch_id])
        assign_tiers(None, batch_id=batch_id)
        scoring.refresh_scores(batch_id=batch_id)
        auto_tags.apply(batch_id=batch_id)


def rebuild_pending() -> bool:
    return settings.get(REBUILD_KEY) is not None


def run_pending_rebuild() -> bool:
    """A migration asked for derived data to be rebuilt from the orders: do it once."""
    from .points import PointsRules
    pending = settings.get(REBUILD_KEY)
    if pending is None:
        return False
    with db.atomic():
        since = pending.get('points_since') if isinstance(pending, dict) else None
        if since and settings.get(PointsRules.KEY) is None:
            settings.save(PointsRules(earn_since=since))
        refresh(None)
        Setting.delete().where(Setting.key == REBUILD_KEY).execute()
    return True


def daily_upkeep(as_of=None) -> None:
    """What the calendar moves: points past their expiry, then stages and R scores;
    first any rebuild a migration asked for."""
    from .points import expire
    run_pending_rebuild()
    expire(as_of)
    rescore(tiers=False, as_of=as_of, date_only=True)


def rescore(ids: list[int] | None = None, tiers: bool = True, as_of=None,
            date_only: bool = False) -> None:
    """Tiers, scores and automatic tags from the cached order columns, after a rule
    change or as the days pass (tiers=False: they do not move with the calendar);
    refresh() is for when orders or points changed. date_only: nothing but the date
    moved since the last pass (the daily upkeep), so only threshold crossings rescore."""
    from . import auto_tags, scoring
    with db.atomic():
        if ids is None:
            if tiers:
                assign_tiers(None)
            scoring.refresh_scores(None, as_of=as_of, date_only=date_only)
            auto_tags.apply()
            return
        if tiers:
            for chunk in chunks(sorted(set(ids))):
                assign_tiers(chunk)
        scoring.refresh_scores(ids)
        for chunk in chunks(sorted(set(ids))):
            auto_tags.apply(customer_ids=chunk)


# The promotion windows the last whole-shop order pass counted promotion orders by.
PROMO_KEY = 'stats.promo_windows'


def _promo_windows() -> list:
    from .scoring.rules import LoyaltyRules
    return [list(w) for w in settings.load(LoyaltyRules).promo_windows]


def _refresh_orders(ids: list[int] | None) -> None:
    # A sale with no payment time (a shop's own sheet) counts from when it was made.
    from .scoring.rules import LoyaltyRules
    from .scoring.sql import promo_count_sql
    bought = fn.COALESCE(Order.paid_at, Order.created_at)
    promo = SQL('COALESCE(SUM({}), 0)'.format(
        promo_count_sql(settings.load(LoyaltyRules), 'COALESCE(paid_at, created_at)')))
    if ids is None:
        settings.put(PROMO_KEY, _promo_windows())
    q = (Order.select(Order.customer.alias('cid'), fn.COUNT(Order.id).alias('n'),
                      fn.SUM(Order.amount).alias('s'), fn.MIN(bought).alias('f'),
                      fn.MAX(bought).alias('l'), promo.alias('p'))
         .where(Order.completed == True))  # noqa: E712 (peewee expression)
    if ids is not None:
        q = q.where(Order.customer.in_(ids))
    agg = q.group_by(Order.customer).alias('agg')
    changed = ((Customer.order_count != agg.c.n) | (Customer.total_spent != agg.c.s)
               | Customer.first_order_at.is_null() | (Customer.first_order_at != agg.c.f)
               | Customer.last_order_at.is_null() | (Customer.last_order_at != agg.c.l)
               | (Customer.promo_orders != agg.c.p))
    (Customer.update(order_count=agg.c.n, total_spent=agg.c.s,
                     first_order_at=agg.c.f, last_order_at=agg.c.l, promo_orders=agg.c.p)
     .from_(agg).where((Customer.id == agg.c.cid) & changed).execute())
    buyers = Order.select(Order.customer).where(Order.completed == True)  # noqa: E712
    lost = ((Customer.order_count != 0) | Customer.last_order_at.is_null(False)
            | (Customer.total_spent != 0) | (Customer.promo_orders != 0))
    q = Customer.update(order_count=0, total_spent=0, first_order_at=None, last_order_at=None,
                        promo_orders=0)
    if ids is not None:
        q = q.where(Customer.id.in_(ids))
        buyers = buyers.where(Order.customer.in_(ids))
    q.where(lost & Customer.id.not_in(buyers)).execute()


def _refresh_points(ids: list[int] | None) -> None:
    if ids is not None:
        # Per customer through the (customer, created_at) ledger index: cheap for a chunk.
        _points_where(f"id IN ({', '.join('?' * len(ids))})", list(ids))
        return
    q = PointsEntry.select(PointsEntry.customer.alias('cid'),
                           fn.SUM(PointsEntry.points).alias('p'))
    agg = q.group_by(PointsEntry.customer).alias('agg')
    (Customer.update(points=agg.c.p).from_(agg)
     .where((Customer.id == agg.c.cid) & (Customer.points != agg.c.p)).execute())
    holders = PointsEntry.select(PointsEntry.customer)
    (Customer.update(points=0).where(Customer.points != 0)
     .where(Customer.id.not_in(holders)).execute())


def _points_where(where: str, params: list) -> None:
    total = ('COALESCE((SELECT SUM(e.points) FROM points_entry AS e '
             'WHERE e.customer_id = customer.id), 0)')
    db.execute_sql(f'UPDATE customer SET points = {total} WHERE {where} AND points != {total}',
                   params)


def assign_tiers(ids: list[int] | None, batch_id: int | None = None) -> None:
    """Set each unlocked customer's tier from the rules, recording every move."""
    tiers.assign(ids, batch_id)
