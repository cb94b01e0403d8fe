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
from datetime import date, timedelta

from models import db
from models.dialect import not_indexed, postgres

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
                   rules: Rules | None = None, batch_id: int | None = None,
                   date_only: bool = False) -> None:
    """Score `ids` with the stored thresholds, or everyone with fresh ones (None).

    date_only: the caller knows no customer's orders changed since the last pass
    (the daily upkeep). Then, when only the date moved (same rules, thresholds and
    prior), just the buyers whose stage or R score can have changed are rescored:
    those whose last order lies on a day a threshold crossed, and the 新客."""
    rules = rules or load_rules()
    old = load_state()
    state = old
    if batch_id is not None:
        ids = []                       # scored below by batch, with the stored thresholds
    if ids is None or old is None:
        as_of = as_of or date.today()
        cuts = compute_cuts(rules.rfm, as_of)
        prior = old.prior if _same_buyers(old, cuts) else fit_prior(cuts.buyers)
        state = State(as_of, rules.fingerprint(), cuts, prior)
        if ids is None or state.cuts.buyers:
            settings.put(STATE_KEY, {'as_of': as_of.isoformat(),
                                     'fingerprint': state.fingerprint,
                                     'cuts': state.cuts.as_dict(), 'prior': state.prior})
    with db.atomic():
        if batch_id is not None:
            _update(rules, state, as_of or date.today(), 'batch_id = ?', [batch_id])
        elif ids is not None:
            for chunk in chunks(sorted(set(ids))):
                _update(rules, state, as_of or date.today(), 'id IN ({})'.format(
                    ', '.join('?' * len(chunk))), chunk)
        elif date_only and old is not None and _only_the_date_moved(old, state):
            for where, params in _crossed(rules, old, state):
                _update(rules, state, as_of, where, params)
        else:
            _update(rules, state, as_of, None, [])


def _same_buyers(old: State | None, cuts) -> bool:
    """The CLV prior is a shop-wide average: refit when buyers changed by over 1%."""
    return (old is not None and old.cuts.buyers > 0
            and abs(cuts.buyers - old.cuts.buyers) <= old.cuts.buyers // 100)


def _only_the_date_moved(old: State, new: State) -> bool:
    moved = (new.as_of - old.as_of).days
    same_cuts = (old.cuts.f, old.cuts.m) == (new.cuts.f, new.cuts.m) and (
        old.cuts.mode == 'fixed' or old.cuts.r == new.cuts.r)
    return (0 <= moved <= 31 and old.fingerprint == new.fingerprint and same_cuts
            and old.prior == new.prior and old.cuts.buyers == new.cuts.buyers)


def _crossed(rules: Rules, old: State, new: State) -> list[tuple[str, list]]:
    """Index ranges of last_order_at that a moving threshold passed over, and the 新客."""
    days = [rules.lifecycle.active_days, rules.lifecycle.sleeping_days]
    ranges = [((old.as_of - timedelta(days=d)).isoformat(),
               (new.as_of - timedelta(days=d)).isoformat()) for d in days]
    if new.cuts.mode == 'fixed':
        ranges += list(zip(old.cuts.r, new.cuts.r))
    out = [("lifecycle = 'new'", [])]
    out += [('last_order_at >= ? AND last_order_at < ?', [a, b]) for a, b in ranges if a < b]
    return out


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


def _update(rules: Rules, state: State, as_of: date, where: str | None,
            params: list) -> None:
    # COALESCE: a sale without any date (a hand-made sheet) cannot be scored.
    exprs = {col: f'CASE WHEN order_count > 0 THEN COALESCE({e}, {_empty(col)}) '
                  f'ELSE {_empty(col)} END'
             for col, e in expressions(rules, state, as_of).items()}
    # Only rows whose values change are written; a daily pass mostly reads.
    differs = 'IS DISTINCT FROM' if postgres() else 'IS NOT'
    changed = ' OR '.join(f'{col} {differs} ({e})' for col, e in exprs.items())
    assign = ', '.join(f'{col} = {e}' for col, e in exprs.items())
    if where is None:
        # A plain scan: through the (deleted_at, ...) indexes each row is a random read.
        db.execute_sql(f'UPDATE {not_indexed("customer")} SET {assign} '
                       f'WHERE deleted_at IS NULL AND ({changed})')
    else:
        db.execute_sql(f'UPDATE customer SET {assign} WHERE {where} '
                       f'AND deleted_at IS NULL AND ({changed})', params)


def _empty(col: str) -> str:
    return '0' if col == 'clv' else "''"

