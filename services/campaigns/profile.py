"""The shop profile messages use: shop name, SMS signature and the opt-out text."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import ValidationError

DEFAULT_OPT_OUT = '拒收请回复R'
# Chinese SMS gateways register signatures of 2-12 characters (some allow up to 16).
SIGNATURE_MIN, SIGNATURE_MAX = 2, 16
BRACKETS = '【】[]'


def bare_signature(text: str) -> str:
    """'【小鹿母婴】' and '小鹿母婴' are the same signature; stored without brackets."""
    return (text or '').strip().strip(BRACKETS + ' ').strip()


@dataclass
class ShopProfile:
    """shop_name fills {店铺名}; signature is stored bare and sent as 【signature】;
    opt_out is appended to SMS templates that ask for it."""
    KEY = 'shop.profile'
    shop_name: str = ''
    signature: str = ''
    opt_out: str = DEFAULT_OPT_OUT

    def cleaned(self) -> 'ShopProfile':
        p = ShopProfile((self.shop_name or '').strip(), bare_signature(self.signature),
                        (self.opt_out or '').strip())
        p.validate()
        return p

    def validate(self) -> None:
        for name in ('shop_name', 'signature', 'opt_out'):
            if not isinstance(getattr(self, name), str):
                raise ValidationError(name, '店铺资料应是文字。')
        if len(self.shop_name) > 32:
            raise ValidationError('shop_name', '店铺名最多 32 个字。')
        sig = self.signature
        if sig and not SIGNATURE_MIN <= len(sig) <= SIGNATURE_MAX:
            raise ValidationError('signature', f'短信签名须为 {SIGNATURE_MIN} 到 '
                                               f'{SIGNATURE_MAX} 个字，例如 小鹿母婴。')
        if any(ch in sig for ch in BRACKETS):
            raise ValidationError('signature', '短信签名里不能有【】或 [ ] 括号，只写店名即可。')
        if len(self.opt_out) > 20:
            raise ValidationError('opt_out', '退订提示最多 20 个字，例如 拒收请回复R。')

    def signature_text(self) -> str:
        return f'【{self.signature}】' if self.signature else ''


def load_profile() -> ShopProfile:
    from .. import settings
    return settings.load(ShopProfile)


def save_profile(profile: ShopProfile) -> ShopProfile:
    """Store a cleaned copy (raises ValidationError naming the field); returns it."""
    from .. import settings
    p = profile.cleaned()
    settings.save(p)
    return p
