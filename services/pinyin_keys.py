"""Search keys for a customer: text, full pinyin and initials, lower-cased.

Readings are looked up per character and cached: names are read character
by character anyway, and a phrase lookup costs ~50 us a name, too slow for
100,000-row imports.
"""
from __future__ import annotations

from functools import lru_cache

# Characters whose surname reading differs from the common one.
SURNAME_READINGS = {
    '单': 'shan', '曾': 'zeng', '解': 'xie', '区': 'ou', '仇': 'qiu', '朴': 'piao',
    '查': 'zha', '盖': 'ge', '乐': 'yue', '翟': 'zhai', '缪': 'miao', '尉': 'yu',
    '覃': 'qin', '秘': 'bi', '召': 'shao', '繁': 'po', '员': 'yun', '种': 'chong',
}


@lru_cache(maxsize=65536)
def _reading(ch: str) -> str:
    if not '\u3400' <= ch <= '\u9fff':
        return ch
    from pypinyin import Style, lazy_pinyin
    return lazy_pinyin(ch, style=Style.NORMAL)[0]


@lru_cache(maxsize=131072)
def pinyin_variants(name: str) -> tuple[str, str]:
    """Full pinyin and initials; both readings of a surname when they differ."""
    if not name:
        return '', ''
    syllables = [_reading(ch) for ch in name]
    full = ''.join(syllables)
    initials = ''.join(s[0] for s in syllables if s and s != ' ')
    alt = SURNAME_READINGS.get(name[0])
    if alt and alt != syllables[0]:
        full += ' ' + alt + ''.join(syllables[1:])
        initials += ' ' + alt[0] + initials[1:]
    return full.lower(), initials.lower()


def search_text(nick: str, name: str, phone: str = '', phone2: str = '',
                wechat: str = '') -> str:
    full, initials = pinyin_variants(name)
    # Phones may be stored as '138-1234-5678'; owners search by the digits alone.
    compact = [c for c in (_compact_phone(phone), _compact_phone(phone2))
               if c not in (phone, phone2)]
    parts = (nick, name, phone, phone2, wechat, full, initials, *compact)
    return ' '.join(p for p in parts if p).lower()


def _compact_phone(phone: str) -> str:
    return phone.replace(' ', '').replace('-', '')


def normalise_query(text: str) -> str:
    return ' '.join(text.split()).lower()
