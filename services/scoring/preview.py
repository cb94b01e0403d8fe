"""What proposed rules would do, before the owner saves them: counts, nothing written."""
from __future__ import annotations

from datetime import date

from models import db
from models.dialect import not_indexed

from .clv import fit_prior
from .cuts import compute_cuts
from .refresh import Rules, State, expressions, load_rules


def preview(rules: Rules | None = None, as_of: date | None = None) -> dict:
    """{'segment': {name: (now, after)}, 'lifecycle': ..., 'loyalty': ..., 'moved': {col: n}}."""
    rules = rules or load_rules()
    as_of = as_of or date.today()
    for r in (rules.rfm, rules.lifecycle, rules.loyalty, rules.clv):
        r.validate()
    cuts = compute_cuts(rules.rfm, as_of)
    state = State(as_of, rules.fingerprint(), cuts, fit_prior(cuts.buyers))
    ex = expressions(rules, state, as_of)
    out: dict = {'moved': {}}
    for col in ('segment', 'lifecycle', 'loyalty'):
        rows = db.execute_sql(
            f'SELECT {col}, COALESCE({ex[col]}, \'\'), COUNT(*) FROM {not_indexed("customer")} '
            'WHERE deleted_at IS NULL AND order_count > 0 GROUP BY 1, 2').fetchall()
        counts: dict[str, list[int]] = {}
        moved = 0
        for now_value, new_value, n in rows:
            counts.setdefault(now_value, [0, 0])[0] += n
            counts.setdefault(new_value, [0, 0])[1] += n
            if now_value != new_value:
                moved += n
        out[col] = {k: tuple(v) for k, v in counts.items() if k}
        out['moved'][col] = moved
    return out
