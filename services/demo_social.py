"""The demo shop's WeChat/QQ groups and referrals, so the 社群 page has something to show.

Members come from the better buyers (groups are where a shop keeps its regulars),
join dates fall in the year before `end`, and a few buyers brought friends.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta

from models import Customer

from . import groups, referrals
from .errors import UserError

# name, kind, app, members, note
GROUPS = (
    ('VIP老客1群', 'VIP群', groups.WECHAT, 120, '新品先发，老客专享价'),
    ('宝妈福利群', '福利群', groups.WECHAT, 180, '每周五晚8点发券'),
    ('晒单返现群', '晒单群', groups.WECHAT, 60, '晒图好评返2元'),
    ('淘客优惠券群', '淘客群', groups.QQ, 200, ''),
    ('售后服务群', '售后群', groups.WECHAT, 40, ''),
)


def seed_groups(rng: random.Random, end: datetime) -> dict:
    """Create the demo groups and referrals; returns how many of each (referral_points:
    the points entries the rewards wrote)."""
    today = end.date()
    joined = dict(Customer.select(Customer.id, Customer.created_at)
                  .where(Customer.deleted_at.is_null())
                  .order_by(Customer.total_spent.desc(), Customer.id).limit(600).tuples())
    ids = list(joined)

    def since(*cids):
        """A day after every one of cids became a customer, up to today."""
        first = max(_day(joined[c]) for c in cids)
        return first + timedelta(days=rng.randint(0, max((today - first).days, 0)))
    if len(ids) < 60:
        return {'groups': 0, 'group_members': 0, 'referrals': 0, 'referral_points': 0}
    members = 0
    for name, kind, app, size, note in GROUPS:
        gid = groups.create_group(groups.GroupFields(name, kind, app, note))
        chosen = rng.sample(ids, min(size, len(ids)))
        for cid in chosen:
            members += groups.add_members(gid, [cid], joined_at=since(cid))
        groups.set_role(gid, chosen[:1], groups.OWNER)
        groups.set_role(gid, chosen[1:3], groups.ADMIN)
    made = rewarded = 0
    top, rest = ids[:len(ids) // 6], ids[len(ids) // 6:]     # better buyers bring friends
    for referrer in rng.sample(top, min(12, len(top))):
        for friend in rng.sample(rest, min(rng.randint(1, 3), len(rest))):
            reward = rng.choice(('points', 'points', 'cash', 'none'))
            try:
                referrals.record_referral(
                    referrer, friend, at=since(referrer, friend),
                    reward=reward, points=200 if reward == 'points' else 0,
                    cash=1000 if reward == 'cash' else 0,
                    note='微信红包' if reward == 'cash' else '', credited_at=end)
                made += 1
                rewarded += reward == 'points'
            except UserError:       # already brought by another buyer: skip
                continue
    return {'groups': len(GROUPS), 'group_members': members, 'referrals': made,
            'referral_points': rewarded}



def _day(value):
    # The raw column may come back as text on SQLite.
    return (datetime.fromisoformat(value) if isinstance(value, str) else value).date()
