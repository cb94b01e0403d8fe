"""Personal data shown only as needed: masked phones and addresses, and the app password.

One masking rule for every list and export:
- mask_phone: 13812345678 -> 138****1234 (the form the platforms use); a landline keeps
  its first 3 and last 4 digits; a number already masked stays as it is.
- mask_address: the province, city and the next few characters, then ***
  (浙江省杭州市西湖区文三路 100 号 -> 浙江省杭州市西湖区***); digits never survive.
The database keeps the real values, so search still finds a buyer by the full number.

A member sheet exported masked and imported again must not overwrite the real
number: keeps_stored() says when an incoming masked value means "as it is".

The password (optional) guards opening the app and unmasking. Only a salted
scrypt hash is stored (Setting PASSWORD_KEY), never the password itself.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
from dataclasses import dataclass

from . import settings
from .errors import ValidationError

MASK_CHARS = frozenset('*#xX＊')
_SEPARATORS = str.maketrans('', '', ' -()（）\u3000')
_MOBILE = re.compile(r'1[3-9]\d{9}')
# The end of a province / city name near the start of an address.
_REGION_END = re.compile(r'(?:省|自治区|特别行政区|市|自治州|州|盟|地区)')
_REGION_SPAN = 14          # where the province and city names can end at the latest
ADDRESS_KEEP = 3           # characters kept after the city, e.g. the district 西湖区
PASSWORD_KEY = 'privacy.password'
MIN_PASSWORD, MAX_PASSWORD = 4, 64
# scrypt at 16 MiB and ~50 ms: slow enough for guessing, quick enough for a login.
_SCRYPT = dict(n=2 ** 14, r=8, p=1)


# --- masking ----------------------------------------------------------------------

_MASK_RUN = re.compile('[' + re.escape(''.join(sorted(MASK_CHARS))) + ']{2,}')


def is_masked(text: str | None) -> bool:
    """A run of two or more mask characters (138****1234). A lone x or # is an
    extension mark (0571-88886666x8), not a mask: such numbers are still masked for show."""
    return bool(text) and _MASK_RUN.search(text) is not None


def phone_digits(text: str | None) -> str:
    """Bare digits of a written number: separators and a +86 / 0086 / 86 prefix dropped
    ('' when anything else than digits is left, e.g. a masked number)."""
    s = (text or '').strip().translate(_SEPARATORS)
    for prefix in ('+86', '0086', '86'):
        if s.startswith(prefix) and len(s) == len(prefix) + 11:
            s = s[len(prefix):]
            break
    return s if s.isdigit() else ''


def full_mobile(text: str | None) -> str:
    """The 11-digit mainland mobile a text holds, or '' (masked, landline, junk)."""
    digits = phone_digits(text)
    return digits if _MOBILE.fullmatch(digits) else ''


def mask_phone(text: str | None) -> str:
    text = (text or '').strip()
    if not text or is_masked(text):
        return text
    digits = phone_digits(text) or ''.join(ch for ch in text if ch.isdigit())
    if len(digits) >= 8:
        return f'{digits[:3]}****{digits[-4:]}'
    if len(digits) >= 3:
        return '*' * (len(digits) - 2) + digits[-2:]
    return '*' * len(digits) if digits else text


def mask_address(address: str | None) -> str:
    """Province + city + ADDRESS_KEEP characters, then ***; '' stays ''."""
    s = ''.join((address or '').split())
    if not s or is_masked_address(s):
        return s
    end = 0
    for m in _REGION_END.finditer(s[:_REGION_SPAN]):
        end = m.end()
    kept = s[:end + ADDRESS_KEEP]
    kept = ''.join('*' if ch.isdigit() else ch for ch in kept)
    return kept + '***'


def is_masked_address(text: str | None) -> bool:
    return bool(text) and ('***' in text or '＊＊＊' in text)


_NUMBER_RUN = re.compile(r'\d[\d \-]{5,}\d')


def mask_numbers_in(text: str | None) -> str:
    """Free text (WeChat id, note) with every phone-like run of 7+ digits masked: a WeChat
    id is often the mobile number itself, and notes carry second numbers."""
    def one(m: re.Match) -> str:
        run = m.group()
        return mask_phone(run) if sum(c.isdigit() for c in run) >= 7 else run
    return _NUMBER_RUN.sub(one, text or '')


def keeps_stored(stored: str | None, incoming: str | None, field: str = 'phone') -> bool:
    """True when an imported value is a masked form and the shop holds a real one: the
    masked text means "keep it as it is", never "replace the number" (or address, or the
    WeChat id or note with their numbers masked)."""
    if field in ('wechat', 'note'):
        return bool(stored) and incoming != stored and incoming == mask_numbers_in(stored)
    masked = is_masked_address if field == 'address' else is_masked
    return masked(incoming) and bool(stored) and not masked(stored)


# --- what the owner chose ---------------------------------------------------------

@dataclass
class PrivacySettings:
    """Lists always show phones and addresses masked; exports by default too. Turning
    that default off is guarded by the password when one is set."""
    KEY = 'privacy.settings'
    mask_exports: bool = True           # an export's 导出完整手机号 box starts unticked

    def validate(self) -> None:
        if not isinstance(self.mask_exports, bool):
            raise ValidationError('mask_exports', '打码设置只能是开或关。')


def load_settings() -> PrivacySettings:
    return settings.load(PrivacySettings)


def save_settings(s: PrivacySettings) -> None:
    settings.save(s)


# --- password ---------------------------------------------------------------------

def hash_password(password: str, salt: bytes | None = None) -> dict:
    """A storable record: scrypt parameters, salt and hash (hex), never the password."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(password.encode('utf-8'), salt=salt, dklen=32, **_SCRYPT)
    return {'algo': 'scrypt', **_SCRYPT, 'salt': salt.hex(), 'hash': digest.hex()}


def verify_password(record: dict | None, password: str) -> bool:
    if not isinstance(record, dict) or record.get('algo') != 'scrypt':
        return False
    try:
        salt = bytes.fromhex(record['salt'])
        expected = bytes.fromhex(record['hash'])
        digest = hashlib.scrypt((password or '').encode('utf-8'), salt=salt,
                                dklen=len(expected), n=int(record['n']), r=int(record['r']),
                                p=int(record['p']))
    except (KeyError, TypeError, ValueError):
        return False
    return hmac.compare_digest(digest, expected)


def has_password() -> bool:
    return isinstance(settings.get(PASSWORD_KEY), dict)


def check_password(password: str) -> bool:
    """True when no password is set or `password` is it."""
    record = settings.get(PASSWORD_KEY)
    return record is None or verify_password(record, password)


def _check_old(old: str | None) -> None:
    if has_password() and not check_password(old or ''):
        raise ValidationError('old_password', '原密码不对。')


def set_password(new: str, old: str | None = None) -> None:
    """Set or change the password; changing needs the old one."""
    _check_old(old)
    new = new or ''
    if not MIN_PASSWORD <= len(new) <= MAX_PASSWORD:
        raise ValidationError('password', f'密码长度须在 {MIN_PASSWORD} 到 {MAX_PASSWORD} 个字符之间。')
    if new != new.strip():
        raise ValidationError('password', '密码的开头和结尾不能是空格。')
    settings.put(PASSWORD_KEY, hash_password(new))


def remove_password(old: str) -> None:
    _check_old(old)
    forget_password()


def forget_password() -> bool:
    """Drop the password without the old one: the command line's reset-password, for
    an owner who forgot it. The password keeps lists and exports from casual eyes at a
    shared PC; it does not encrypt the file, and whoever can run commands here can read
    it anyway. Returns whether there was one."""
    from models import Setting, db
    with db.atomic():
        return Setting.delete().where(Setting.key == PASSWORD_KEY).execute() > 0
