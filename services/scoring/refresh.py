"""Recompute RFM scores, segments, lifecycle stages, loyalty types and CLV.

A full run scores every live customer with one UPDATE that writes only rows
whose values change, and stores the thresholds and CLV prior it used. A run
for a few ids (after an import or an edit) scores just those with the stored
thresholds, so an import of ten orders does not rescore a million buyers. The
app runs a full pass once a day and whenever the rules change (is_stale).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import date

from models import db

from .. import settings
from ..chunking import chunks
from . import sql
from .clv import fit_prior
from .cuts import Cuts, compute_cuts
from .rules import ClvRules, LifecycleRules, LoyaltyRules, RfmRules

STATE_KEY = 'scoring.state'


@dataclass
class Rules:
    rfm: RfmRules
    lifecycle: LifecycleRules
    loyalty: LoyaltyRules
    clv: ClvRules

    def fingerprint(self) -> str:
        text = json.dumps([asdict(r) for r in (self.rfm, self.lifecycle, self.loyalty, self.clv)],
                          sort_keys=True)
        return hashlib.sha1(text.encode()).hexdigest()[:16]


def load_rules() -> Rules:
    return Rules(settings.load(RfmRules), settings.load(LifecycleRules),
                 settings.load(LoyaltyRules), settings.load(ClvRules))


@dataclass
class State:
    as_of: date
    fingerprint: str
    cuts: Cuts
    prior: dict


def load_state() -> State | None:
    raw = settings.get(STATE_KEY)
    try:
        return State(date.fromisoformat(raw['as_of']), raw['fingerprint'],
                     Cuts(**raw['cuts']), dict(raw['prior']))
    except (TypeError, KeyError, ValueError):
        return None


def is_stale(today: date | None = None) -> bool:
    state = load_state()
    return (state is None or state.as_of != (today or date.today())
            or state.fingerprint != load_rules().fingerprint())


def refresh_scores(ids: list[int] | None = None, as_of: date | None = None,
                   rules: Rules | None = None) -> None:
    """Score `ids` with the stored thresholds, or everyone with fresh ones (None)."""
    rules = rules or load_rules()
    state = load_state()
    if ids is None or state is None:
        as_of = as_of or date.today()
        cuts = compute_cuts(rules.rfm, as_of)
        state = State(as_of, rules.fingerprint(), cuts, fit_prior(cuts.buyers))
        if ids is None or state.cuts.buyers:
            settings.put(STATE_KEY, {'as_of': as_of.isoformat(),
                                     'fingerprint': state.fingerprint,
                                     'cuts': state.cuts.as_dict(), 'prior': state.prior})
    with db.atomic():
        if ids is None:
            _update(rules, state, as_of or state.as_of, None)
        else:
            for chunk in chunks(sorted(set(ids))):
                _update(rules, state, as_of or date.today(), chunk)


def expressions(rules: Rules, state: State, as_of: date) -> dict[str, str]:
    c = state.cuts
    life = sql.lifecycle_sql(rules.lifecycle, as_of)
    return {
        'rfm': sql.rfm_text_sql(c),
        'segment': sql.segment_sql(c, rules.rfm),
        'lifecycle': life,
        'loyalty': sql.loyalty_sql(c, rules.loyalty),
        'clv': sql.clv_sql(rules.clv, state.prior, life),
    }


def _update(rules: Rules, state: State, as_of: date, ids: list[int] | None) -> None:
    # COALESCE: a sale without any date (a hand-made sheet) cannot be scored.
    exprs = {col: f'CASE WHEN order_count > 0 THEN COALESCE({e}, {_empty(col)}) '
                  f'ELSE {_empty(col)} END'
             for col, e in expressions(rules, state, as_of).items()}
    # Only rows whose values change are written; a daily pass mostly reads.
    changed = ' OR '.join(f'{col} IS NOT ({e})' for col, e in exprs.items())
    assign = ', '.join(f'{col} = {e}' for col, e in exprs.items())
    if ids is None:
        # A plain scan: through the (deleted_at, ...) indexes each row is a random read.
        db.execute_sql(f'UPDATE customer NOT INDEXED SET {assign} '
                       f'WHERE deleted_at IS NULL AND ({changed})')
    else:
        db.execute_sql(f"UPDATE customer SET {assign} WHERE id IN ({', '.join('?' * len(ids))}) "
                       f'AND deleted_at IS NULL AND ({changed})', list(ids))


def _empty(col: str) -> str:
    return '0' if col == 'clv' else "''"

