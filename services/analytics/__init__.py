"""The analytics dashboard: KPIs against the previous period, monthly trend, tier
pyramid, RFM segments, weekday x hour heat map, lifecycle flow and product roles,
with the customers behind every figure, and the numbers out to xlsx.

Only completed orders of live customers count. Every figure is a SQL aggregate;
Python adds up a few hundred grouped rows at most. No Qt here.

Parts: periods (Period, presets), results (the dataclasses), sqlparts (shared SQL),
reader (connections, two lanes, cancel), buyers (per-customer pass), timeline
(orders by the hour), products (product roles), drill (drill-downs), export (xlsx).
"""
from __future__ import annotations

from .dashboard import compute, definitions
from .drill import DrillResult, member_rows, members as drill_members, sort_ids
from .export import export_dashboard
from .periods import PRESETS, Period, preset, trend_months
from .results import (ROLES, STAGES, Dashboard, Drill, Filters, FlowCell, Kpi, MonthPoint,
                      ProductRow, SegmentRow, TierRow)

__all__ = ['PRESETS', 'ROLES', 'STAGES', 'Dashboard', 'Drill', 'DrillResult', 'Filters',
           'FlowCell', 'Kpi', 'MonthPoint', 'Period', 'ProductRow', 'SegmentRow', 'TierRow',
           'compute', 'definitions', 'drill_members', 'export_dashboard', 'member_rows',
           'preset', 'sort_ids', 'trend_months']
