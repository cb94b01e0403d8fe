"""The product list: what the shop sells and how long one unit lasts (the repurchase cycle)."""
from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from models import OrderLine, Product, db
from models.dialect import contains

from .errors import UserError, ValidationError

MAX_CYCLE_DAYS = 3650


@dataclass
class ProductInfo:
    id: int
    code: str
    title: str
    category: str
    price: int                  # fen
    cycle_days: int | None      # days one unit lasts; None = no cycle
    lines: int = 0              # order lines that sold it


def list_products(search: str = '') -> list[ProductInfo]:
    """Every product, best sellers first; `search` matches title, code or category."""
    sold = dict(OrderLine.select(OrderLine.product, fn.COUNT(OrderLine.id))
                .where(OrderLine.product.is_null(False)).group_by(OrderLine.product).tuples())
    q = Product.select(Product.id, Product.code, Product.title, Product.category,
                       Product.price, Product.cycle_days)
    text = search.strip()
    if text:
        q = q.where(contains(Product.title, text) | contains(Product.code, text)
                    | contains(Product.category, text))
    out = [ProductInfo(p.id, p.code, p.title, p.category, p.price, p.cycle_days,
                       sold.get(p.id, 0)) for p in q]
    out.sort(key=lambda p: (-p.lines, p.title))
    return out


def check_cycle(days) -> int | None:
    if days in (None, '', 0):
        return None
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_CYCLE_DAYS:
        raise ValidationError('cycle_days', f'消耗周期须在 1 到 {MAX_CYCLE_DAYS} 天之间（不设周期请留空）。')
    return days


def set_cycle_days(product_id: int, days: int | None) -> None:
    set_cycles({product_id: days})


def set_cycles(changes: dict[int, int | None]) -> int:
    """Set several products' cycles in one transaction (0 or None clears one).
    Returns how many products changed."""
    cleaned = {pid: check_cycle(d) for pid, d in changes.items()}
    n = 0
    with db.atomic():
        for pid, days in cleaned.items():
            changed = Product.update(cycle_days=days).where(Product.id == pid).execute()
            if not changed:
                raise UserError('商品不存在或已被删除')
            n += changed
        if n:
            from .reminders import repurchase_store
            repurchase_store.mark_stale()   # every buyer of these products is due anew
    return n
