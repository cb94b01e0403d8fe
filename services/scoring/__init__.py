"""RFM scores and segments, lifecycle, loyalty and lifetime value (no Qt)."""
from .refresh import Rules, is_stale, load_rules, load_state, refresh_scores
from .rules import (FIXED, LIFECYCLES, LOYALTIES, QUANTILE, SEGMENT_ORDER, SEGMENTS, ClvRules,
                    LifecycleRules, LoyaltyRules, RfmRules)

__all__ = ['Rules', 'is_stale', 'load_rules', 'load_state', 'refresh_scores', 'FIXED',
           'LIFECYCLES', 'LOYALTIES', 'QUANTILE', 'SEGMENT_ORDER', 'SEGMENTS', 'ClvRules',
           'LifecycleRules', 'LoyaltyRules', 'RfmRules']
