"""Care and consent (schema v3): survey answers, quality marks, opt-outs.

MODELS lists this module's tables in creation order; models/__init__ adds them to
ALL_MODELS and the v3 migration creates them.
"""
MODELS: tuple = ()
