"""Quality marks and platform credit levels as codes, Chinese names and sheet text.

No database and no Qt: the member sheet reads and writes these too.

Credit is the platform's buyer credit (Taobao 买家信用): 1-5 心, then 1-5 钻, 1-5 冠
(皇冠), 1-5 金冠. Codes are the kind and the level, e.g. 'heart3' (3心) or
'goldcrown1' (1金冠); they sort by CREDIT_LEVELS, lowest first.
"""
from __future__ import annotations

import re

from models.care import BAD, GOOD, NORMAL, QUALITIES

QUALITY_NAMES = {GOOD: '优质', NORMAL: '一般', BAD: '劣质'}
_QUALITY_READ = {**{v: k for k, v in QUALITY_NAMES.items()}, **{k: k for k in QUALITIES},
                 '优质客户': GOOD, '一般客户': NORMAL, '劣质客户': BAD, '优': GOOD,
                 '中': NORMAL, '普通': NORMAL, '劣': BAD, '差': BAD}

CREDIT_KINDS = (('heart', '心'), ('diamond', '钻'), ('crown', '冠'), ('goldcrown', '金冠'))
CREDIT_LEVELS = tuple(f'{kind}{n}' for kind, _ in CREDIT_KINDS for n in range(1, 6))
_KIND_NAMES = dict(CREDIT_KINDS)
_KIND_READ = {'心': 'heart', '颗心': 'heart', '红心': 'heart', '钻': 'diamond',
              '颗钻': 'diamond', '钻石': 'diamond', '个钻': 'diamond', '冠': 'crown',
              '皇冠': 'crown', '蓝冠': 'crown', '个冠': 'crown', '金冠': 'goldcrown',
              '金皇冠': 'goldcrown', '个金冠': 'goldcrown'}
_NUMERALS = {'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5}
_CREDIT_TEXT = re.compile(r'([1-5一二两三四五])\s*(\S+)')
_CREDIT_CODE = re.compile(r'(heart|diamond|crown|goldcrown)([1-5])')


def quality_name(code: str) -> str:
    return QUALITY_NAMES.get(code, code)


def parse_quality(text: str) -> str:
    """'' (no mark), 'good', 'normal' or 'bad' from sheet text; ValueError otherwise."""
    s = (text or '').strip()
    if not s:
        return ''
    code = _QUALITY_READ.get(s) or _QUALITY_READ.get(s.lower())
    if code is None:
        raise ValueError(f'客户质量只能是优质、一般、劣质或留空，这里是“{s}”')
    return code


def credit_name(code: str) -> str:
    """'heart3' -> '3心', 'goldcrown1' -> '1金冠', '' -> ''."""
    m = _CREDIT_CODE.fullmatch(code or '')
    return f'{m.group(2)}{_KIND_NAMES[m.group(1)]}' if m else (code or '')


def credit_rank(code: str) -> int:
    """1 (1心) .. 20 (5金冠); 0 for no level."""
    return CREDIT_LEVELS.index(code) + 1 if code in CREDIT_LEVELS else 0


def credits_from(lowest: str) -> list[str]:
    """The levels at or above `lowest`, e.g. 'crown1' -> 1冠 .. 5金冠."""
    if lowest not in CREDIT_LEVELS:
        raise ValueError(f'未知的买家信用等级：{lowest}')
    return list(CREDIT_LEVELS[CREDIT_LEVELS.index(lowest):])


def parse_credit(text: str) -> str:
    """A credit code from '3心', '三颗心', '2皇冠', '1金冠', 'diamond4' ...; '' for empty.
    ValueError with the owner's reason otherwise."""
    s = ''.join((text or '').split())
    if not s:
        return ''
    if _CREDIT_CODE.fullmatch(s.lower()):
        return s.lower()
    m = _CREDIT_TEXT.fullmatch(s)
    kind = _KIND_READ.get(m.group(2)) if m else None
    if kind is None:
        raise ValueError(f'买家信用看不懂：“{s}”，应写成 1-5 加 心/钻/冠/金冠，如 3心、2钻、1金冠')
    n = m.group(1)
    return f'{kind}{_NUMERALS.get(n) or int(n)}'
