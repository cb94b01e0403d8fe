"""Automatic tags: tags whose members a rule decides, kept apart from hand-made ones.

A rule is JSON on the tag: {"kind": ..., "value": ...}. Applying a rule is two
set-based statements per tag (add who now matches, remove who no longer does),
run after every refresh for the customers it touched.
"""
from __future__ import annotations

import json

from peewee import IntegrityError

from models import Tag, Tier, db, now

from .errors import UserError, ValidationError
from .scoring.rules import LIFECYCLES, LOYALTIES, SEGMENT_ORDER, LoyaltyRules
from .scoring.sql import promo_sql

KINDS = ('segment', 'tier', 'lifecycle', 'loyalty', 'spent_at_least', 'orders_at_least',
         'bought_in')

# Suggestions the tag manager offers: name, rule.
EXAMPLES = (
    ('高消费', {'kind': 'spent_at_least', 'value': 2000}),
    ('双11买家', {'kind': 'bought_in', 'value': ['11-01', '11-12']}),
    ('沉睡顾客', {'kind': 'lifecycle', 'value': 'sleeping'}),
    ('重要价值客户', {'kind': 'segment', 'value': '重要价值客户'}),
)


def validate_rule(rule: dict) -> dict:
    kind, value = rule.get('kind'), rule.get('value')
    ok = {
        'segment': lambda v: v in SEGMENT_ORDER,
        'tier': lambda v: isinstance(v, str) and Tier.select().where(Tier.name == v).exists(),
        'lifecycle': lambda v: v in LIFECYCLES,
        'loyalty': lambda v: v in LOYALTIES,
        'spent_at_least': lambda v: isinstance(v, (int, float)) and v > 0,
        'orders_at_least': lambda v: isinstance(v, int) and v > 0,
        'bought_in': lambda v: _window_ok(v),
    }.get(kind)
    if ok is None or not ok(value):
        raise ValidationError('rule', f'无法理解的标签规则：{json.dumps(rule, ensure_ascii=False)}')
    return {'kind': kind, 'value': value}


def _window_ok(value) -> bool:
    try:
        LoyaltyRules(promo_windows=[list(value)]).validate()
    except (UserError, TypeError):
        return False
    return True


def _condition(rule: dict) -> tuple[str, list]:
    """A condition on customer row `c` that the rule's members meet."""
    kind, value = rule['kind'], rule['value']
    if kind in ('segment', 'lifecycle', 'loyalty'):
        return f'c.{kind} = ?', [value]
    if kind == 'tier':
        return 'c.tier_id = (SELECT id FROM tier WHERE name = ?)', [value]
    if kind == 'spent_at_least':
        return 'c.total_spent >= ?', [round(value * 100)]
    if kind == 'orders_at_least':
        return 'c.order_count >= ?', [value]
    # A sale without a payment time counts from when it was made, as everywhere else.
    window = promo_sql(LoyaltyRules(promo_windows=[list(value)]),
                       'COALESCE(o.paid_at, o.created_at)')
    # The covering order index answers this per customer without touching orders.
    return (f'EXISTS (SELECT 1 FROM "order" AS o WHERE o.customer_id = c.id '
            f'AND o.completed = TRUE AND {window})', [])


def create_rule(name: str, rule: dict, color: str = '#8e6bd8', group: str = '自动') -> int:
    rule = validate_rule(rule)
    name = name.strip()
    if not name or len(name) > 32:
        raise ValidationError('name', '标签名须为 1 到 32 个字')
    try:
        with db.atomic():
            tag_id = Tag.insert(name=name, color=color, group=group, auto=True,
                                rule=json.dumps(rule, ensure_ascii=False)).execute()
            apply([tag_id])
    except IntegrityError:
        raise ValidationError('name', f'已有名为“{name}”的标签') from None
    return tag_id


def update_rule(tag_id: int, rule: dict) -> None:
    rule = validate_rule(rule)
    with db.atomic():
        Tag.update(rule=json.dumps(rule, ensure_ascii=False), auto=True).where(
            Tag.id == tag_id).execute()
        apply([tag_id])


def rule_of(tag_id: int) -> dict | None:
    tag = Tag.get_or_none(Tag.id == tag_id)
    if tag is None or not tag.auto or not tag.rule:
        return None
    try:
        return json.loads(tag.rule)
    except ValueError:
        return None


def apply(tag_ids: list[int] | None = None, customer_ids: list[int] | None = None,
          batch_id: int | None = None) -> None:
    """Make every automatic tag's members match its rule: for `customer_ids`, the
    customers an import batch added, or everyone."""
    q = Tag.select().where(Tag.auto == True)  # noqa: E712 (peewee expression)
    if tag_ids is not None:
        q = q.where(Tag.id.in_(tag_ids))
    scope, scope_params = '', []
    if customer_ids is not None:
        if not customer_ids:
            return
        scope = f" AND c.id IN ({', '.join('?' * len(customer_ids))})"
        scope_params = list(customer_ids)
    elif batch_id is not None:
        scope, scope_params = ' AND c.batch_id = ?', [batch_id]
    with db.atomic():
        for tag in q:
            try:
                cond, params = _condition(validate_rule(json.loads(tag.rule or '{}')))
            except (ValueError, UserError):
                # A rule that no longer makes sense (its tier was renamed or removed)
                # picks no one: its old members must not keep the tag.
                cond, params = 'FALSE', []
            within = (f' AND customer_id IN (SELECT c.id FROM customer AS c WHERE TRUE{scope})'
                      if scope else '')
            db.execute_sql(
                f'DELETE FROM customer_tag WHERE tag_id = ?{within} AND NOT EXISTS ('
                'SELECT 1 FROM customer AS c WHERE c.id = customer_tag.customer_id '
                f'AND c.deleted_at IS NULL AND {cond})',
                [tag.id] + scope_params + params)
            db.execute_sql(
                'INSERT INTO customer_tag (customer_id, tag_id, added_at) '
                f'SELECT c.id, ?, ? FROM customer AS c WHERE c.deleted_at IS NULL{scope} '
                f'AND {cond} ON CONFLICT DO NOTHING', [tag.id, now()] + scope_params + params)
