"""Campaign results: who came back after each stage, what they spent, against the control group.

For a stage on day D and a window of N days, a buyer converted when they have a
completed order bought (paid, or made when an order has no pay time) on day D
through day D+N-1. Orders before the stage, after the window, or not completed
(refunded, closed, unpaid) do not count; a buyer counts once however many orders
they placed, and revenue is the sum of those orders. The whole-campaign line runs
from the first stage's day through the last stage's window.

Targets are every live buyer the campaign picked (intention to treat: also those
an SMS could not reach), the control group every live buyer it held out; the two
are drawn at random from the same audience, so the difference in conversion is
what the messages did (uplift, in percentage points). All counting is one SQL
aggregate per line over the covering order index.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from peewee import JOIN, Select, fn

from models import Customer, Order
from models.campaign import CampaignMember

from .store import get_campaign


@dataclass
class GroupResult:
    members: int = 0
    buyers: int = 0                 # converted buyers
    orders: int = 0
    revenue: int = 0                # fen

    @property
    def rate(self) -> float | None:
        return self.buyers / self.members if self.members else None

    @property
    def revenue_per_member(self) -> float | None:
        return self.revenue / self.members if self.members else None


@dataclass
class StageResult:
    stage_id: int | None            # None: the whole campaign
    name: str
    first_day: date
    last_day: date                  # inclusive
    target: GroupResult
    control: GroupResult | None     # None without a control group
    finished: bool                  # the window is over, the numbers are final

    @property
    def uplift(self) -> float | None:
        """Target minus control conversion, in percentage points."""
        if self.control is None or self.target.rate is None or self.control.rate is None:
            return None
        return (self.target.rate - self.control.rate) * 100

    @property
    def extra_revenue(self) -> int | None:
        """Revenue beyond what the targets would have spent at the control group's rate."""
        t, c = self.target, self.control
        if c is None or not t.members or not c.members:
            return None
        return round(t.revenue - c.revenue * t.members / c.members)


def _bought_in(start: datetime, end: datetime):
    return (((Order.paid_at >= start) & (Order.paid_at < end))
            | (Order.paid_at.is_null() & (Order.created_at >= start) & (Order.created_at < end)))


def _window_orders(campaign_id: int, start: datetime, end: datetime):
    """(cid, oid, amount) of the members' completed orders bought in [start, end).

    Two parts rather than one OR: orders with a pay time are found in the covering
    (customer, completed, paid_at, amount) index without reading the table; only the
    rare ones without (a shop's own sheet) are read by their creation time."""
    members = CampaignMember.select(CampaignMember.customer).where(
        CampaignMember.campaign == campaign_id)

    def part(*conds):
        return Order.select(Order.customer.alias('cid'), Order.id.alias('oid'),
                            Order.amount.alias('amount')).where(
            Order.customer.in_(members), Order.completed == True, *conds)  # noqa: E712
    paid = part(Order.paid_at >= start, Order.paid_at < end)
    unpaid = part(Order.paid_at.is_null(), Order.created_at >= start, Order.created_at < end)
    return (paid + unpaid).alias('w')


def group_results(campaign_id: int, first_day: date, days: int) -> dict[bool, GroupResult]:
    """in_control -> GroupResult for orders bought on first_day .. first_day + days - 1."""
    start = datetime.combine(first_day, datetime.min.time())
    end = start + timedelta(days=days)
    w = _window_orders(campaign_id, start, end)
    per_buyer = (Select([w], [w.c.cid, fn.COUNT(w.c.oid).alias('n'),
                              fn.SUM(w.c.amount).alias('revenue')])
                 .group_by(w.c.cid).alias('x'))
    q = (CampaignMember.select(CampaignMember.in_control, fn.COUNT(CampaignMember.id),
                               fn.COUNT(per_buyer.c.cid), fn.COALESCE(fn.SUM(per_buyer.c.n), 0),
                               fn.COALESCE(fn.SUM(per_buyer.c.revenue), 0))
         .join(Customer, on=(Customer.id == CampaignMember.customer))
         .switch(CampaignMember)
         .join(per_buyer, JOIN.LEFT_OUTER, on=(per_buyer.c.cid == CampaignMember.customer))
         .where(CampaignMember.campaign == campaign_id, Customer.deleted_at.is_null())
         .group_by(CampaignMember.in_control))
    out = {False: GroupResult(), True: GroupResult()}
    for in_control, members_n, buyers, orders, revenue in q.tuples():
        out[bool(in_control)] = GroupResult(members_n, buyers, int(orders), int(revenue))
    return out


def campaign_results(campaign_id: int, today: date | None = None,
                     window_days: int | None = None) -> list[StageResult]:
    """One line per stage, then the whole campaign when it has several stages."""
    today = today or date.today()
    c = get_campaign(campaign_id)
    days = window_days or c.window_days
    has_control = c.control_percent > 0
    lines = []
    spans = [(s.id, s.name, s.date, days) for s in c.stages]
    if len(c.stages) > 1:
        first, last = c.stages[0].date, max(s.date for s in c.stages)
        spans.append((None, '整个活动', first, (last - first).days + days))
    for sid, name, first_day, length in spans:
        groups = group_results(c.id, first_day, length)
        last_day = first_day + timedelta(days=length - 1)
        lines.append(StageResult(sid, name, first_day, last_day, groups[False],
                                 groups[True] if has_control else None, last_day < today))
    return lines


@dataclass
class ReturnedBuyer:
    customer_id: int
    nick: str
    name: str
    in_control: bool
    first_bought: datetime | None
    orders: int
    revenue: int                    # fen


def returned_buyers(campaign_id: int, first_day: date, days: int,
                    limit: int = 1000) -> list[ReturnedBuyer]:
    """The converted buyers of one window, biggest spenders first."""
    start = datetime.combine(first_day, datetime.min.time())
    end = start + timedelta(days=days)
    bought = fn.MIN(fn.COALESCE(Order.paid_at, Order.created_at))
    q = (Order.select(Order.customer, Customer.nick, Customer.name, CampaignMember.in_control,
                      bought, fn.COUNT(Order.id), fn.SUM(Order.amount))
         .join(CampaignMember, on=((CampaignMember.customer == Order.customer)
                                   & (CampaignMember.campaign == campaign_id)))
         .switch(Order)
         .join(Customer, on=(Customer.id == Order.customer))
         .where(Order.completed == True, _bought_in(start, end),  # noqa: E712
                Customer.deleted_at.is_null())
         .group_by(Order.customer, Customer.nick, Customer.name, CampaignMember.in_control)
         .order_by(fn.SUM(Order.amount).desc(), Order.customer)
         .limit(limit))
    out = []
    for cid, nick, name, in_control, first, n, revenue in q.tuples():
        if isinstance(first, str):
            first = datetime.fromisoformat(first)
        out.append(ReturnedBuyer(cid, nick, name, bool(in_control), first, n, int(revenue)))
    return out
