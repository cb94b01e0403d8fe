"""Member tiers as plain data for screens and sheets."""
from __future__ import annotations

from dataclasses import dataclass

from models import Tier


@dataclass
class TierInfo:
    id: int
    name: str
    rank: int
    min_spent: int
    min_orders: int
    discount: int
    color: str


def list_tiers() -> list[TierInfo]:
    return [TierInfo(t.id, t.name, t.rank, t.min_spent, t.min_orders, t.discount, t.color)
            for t in Tier.select().order_by(Tier.rank)]


def tier_names() -> dict[int, str]:
    return {t.id: t.name for t in Tier.select(Tier.id, Tier.name)}
