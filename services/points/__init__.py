"""The points ledger: earning from orders, bonuses, redemptions, adjustments, expiry.

The balance is always the sum of a customer's entries; Customer.points caches it and
every write here stores it in the same transaction. Every entry has a reason and a
source ('order:<platform>:<no>', 'coupon', 'gift', 'manual', 'signin:<day>',
'birthday:<year>', 'survey', 'expiry').
"""
from .expiry import Expired, expire
from .ledger import (BONUS_REASONS, REDEEM_SOURCES, HistoryLine, adjust, balance, bonus,
                     history, redeem, store_balances)
from .orders import sync_order_points
from .rules import BONUS_KINDS, MAX_POINTS, PointsRules, load_rules

__all__ = ['BONUS_KINDS', 'BONUS_REASONS', 'MAX_POINTS', 'REDEEM_SOURCES', 'Expired',
           'HistoryLine', 'PointsRules', 'adjust', 'balance', 'bonus', 'expire', 'history',
           'load_rules', 'redeem', 'store_balances', 'sync_order_points']
