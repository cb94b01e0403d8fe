"""RFM scores and segments, lifecycle, loyalty and lifetime value (no Qt)."""
from .explain import LIFECYCLE_NAMES, LOYALTY_NAMES, Explanation, explain
from .preview import preview
from .refresh import Rules, is_stale, load_rules, load_state, refresh_scores
from .rules import (FIXED, LIFECYCLES, LOYALTIES, QUANTILE, SEGMENT_ORDER, SEGMENTS, ClvRules,
                    LifecycleRules, LoyaltyRules, RfmRules)

__all__ = ['LIFECYCLE_NAMES', 'LOYALTY_NAMES', 'Explanation', 'explain', 'preview', 'Rules', 'is_stale', 'load_rules', 'load_state', 'refresh_scores', 'FIXED',
           'LIFECYCLES', 'LOYALTIES', 'QUANTILE', 'SEGMENT_ORDER', 'SEGMENTS', 'ClvRules',
           'LifecycleRules', 'LoyaltyRules', 'RfmRules']
