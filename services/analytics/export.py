"""The dashboard's numbers out to one xlsx (or CSV) sheet, one figure a row.

A long table (section, item, measure, unit, this period, previous, change) rather
than a sheet per chart: it goes through the safe single-sheet writer (atomic, text
never evaluated), and a pivot table in Excel rebuilds any chart from it.
"""
from __future__ import annotations

from ..exporting import check_suffix
from ..files.writers import write_table
from .results import Dashboard

HEADERS = ['板块', '项目', '指标', '单位', '本期', '上期', '变化(%)']
KINDS = ['text', 'text', 'text', 'text', 'float', 'float', 'float']

KPI_NAMES = {'buyers': ('购买顾客', '人'), 'new_buyers': ('新客', '人'),
             'returning_buyers': ('老客', '人'), 'repeat_buyers': ('复购顾客', '人'),
             'repurchase_rate': ('复购率', '%'), 'churn_rate': ('流失率', '%'),
             'revenue': ('成交额', '元'), 'orders': ('成交订单', '单'), 'aov': ('客单价', '元')}
STAGE_NAMES = {'none': '未购买', 'new': '新客', 'active': '活跃', 'sleeping': '沉睡',
               'lost': '流失'}
ROLE_NAMES = {'star': '明星', 'cash_cow': '金牛', 'question': '问题', 'dog': '瘦狗'}
WEEKDAYS = ('周一', '周二', '周三', '周四', '周五', '周六', '周日')
SECTION_NAMES = {'tiers': '会员金字塔', 'segments': 'RFM分群', 'trend': '月度趋势',
                 'heat': '购买时段', 'stages': '生命周期', 'flow': '生命周期流转',
                 'products': '商品复购', 'product_roles': '商品角色'}


def _yuan(fen: int) -> float:
    return round(fen / 100, 2)


def _pct(x: float | None) -> float | None:
    return None if x is None else round(x * 100, 2)


def _change(now, before) -> float | None:
    return _pct((now - before) / before) if before else None


def rows(dash: Dashboard, filter_text: str = '') -> list[list]:
    out = [['说明', '本期', dash.period.label(), '', None, None, None],
           ['说明', '上期', dash.previous.label(), '', None, None, None],
           ['说明', '筛选', filter_text or '全部会员', '', None, None, None]]
    for key, k in dash.kpis.items():
        name, unit = KPI_NAMES[key]
        if k.kind == 'money':
            out.append(['概览', name, '金额', unit, _yuan(k.value), _yuan(k.previous),
                        _change(k.value, k.previous)])
        elif k.kind == 'rate':
            # A rate's change is in percentage points, not percent.
            out.append(['概览', name, '比率', unit, _pct(k.value), _pct(k.previous), None])
        else:
            out.append(['概览', name, '人数' if unit == '人' else '单数', unit, k.value,
                        k.previous, _change(k.value, k.previous)])
    for m in dash.months:
        month = m.month.strftime('%Y-%m')
        out += [['月度趋势', month, '新客', '人', m.new, None, None],
                ['月度趋势', month, '老客', '人', m.returning, None, None],
                ['月度趋势', month, '成交额', '元', _yuan(m.revenue), None, None],
                ['月度趋势', month, '成交订单', '单', m.orders, None, None]]
    for t in dash.tiers:
        name = t.name or '无等级'
        out += [['会员金字塔', name, '会员数', '人', t.members, None, None],
                ['会员金字塔', name, '活跃会员', '人', t.active, t.active_previous,
                 _change(t.active, t.active_previous)]]
    for s in dash.segments:
        name = s.name or '未评分'
        out += [['RFM分群', name, '会员数', '人', s.members, None, None],
                ['RFM分群', name, '本期购买', '人', s.buyers, None, None],
                ['RFM分群', name, '本期成交额', '元', _yuan(s.revenue), None, None],
                ['RFM分群', name, '成交额占比', '%', _pct(s.share), None, None]]
    for wd, hours in enumerate(dash.heat):
        for hour, n in enumerate(hours):
            if n:
                out.append(['购买时段', f'{WEEKDAYS[wd]} {hour:02d}时', '成交订单', '单', n,
                            None, None])
    for stage, n in dash.stages.items():
        out.append(['生命周期', STAGE_NAMES[stage], '会员数', '人', n, None, None])
    for c in dash.flow:
        out.append(['生命周期流转', f'{STAGE_NAMES[c.source]}→{STAGE_NAMES[c.target]}',
                    '人数', '人', c.customers, None, None])
    for p in dash.products:
        out += [['商品', p.title, '购买顾客', '人', p.buyers, None, None],
                ['商品', p.title, '复购顾客', '人', p.repeat_buyers, None, None],
                ['商品', p.title, '销售额', '元', _yuan(p.revenue), _yuan(p.revenue_previous),
                 _pct(p.growth)],
                ['商品', p.title, f'角色：{ROLE_NAMES.get(p.role, "")}', '%', _pct(p.share),
                 None, None]]
    for key, text in dash.definitions.items():
        name = KPI_NAMES[key][0] if key in KPI_NAMES else SECTION_NAMES.get(key, key)
        out.append(['口径', name, text, '', None, None, None])
    return out


def export_dashboard(path, dash: Dashboard, filter_text: str = '') -> int:
    """Write the numbers of `dash` (atomic: a failed write leaves no file). Returns rows."""
    check_suffix(path)
    return write_table(path, HEADERS, rows(dash, filter_text), KINDS, sheet_name='分析')
