"""The owner's points rules: earning ratio, start date, expiry and bonus defaults."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..errors import ValidationError

MAX_POINTS = 1_000_000          # one entry; beyond this is a typo, not a gift
BONUS_KINDS = ('signin', 'birthday', 'survey', 'manual')


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass
class PointsRules:
    """per_yuan points for each yuan of a completed order, floored per order (0 = orders
    earn nothing); only orders paid on or after earn_since earn ('' = all), so a shop
    importing years of history can start its programme today; points expire expiry_days
    after they were credited, oldest first (0 = never)."""
    KEY = 'points.rules'
    per_yuan: float = 1
    earn_since: str = ''
    expiry_days: int = 0
    signin_points: int = 5
    birthday_points: int = 100
    survey_points: int = 50

    def validate(self) -> None:
        ratio = self.per_yuan
        if not isinstance(ratio, (int, float)) or isinstance(ratio, bool) or not 0 <= ratio <= 100:
            raise ValidationError('per_yuan', '每元积分须在 0 到 100 之间。')
        if abs(ratio * 1000 - round(ratio * 1000)) > 1e-6:
            raise ValidationError('per_yuan', '每元积分最多三位小数，如 0.5 或 1.25。')
        if self.earn_since != '' and self.since() is None:
            raise ValidationError('earn_since', '积分起算日期应写成 YYYY-MM-DD，或留空表示全部订单。')
        if not _is_int(self.expiry_days) or not 0 <= self.expiry_days <= 3650:
            raise ValidationError('expiry_days', '积分有效期须在 0 到 3650 天之间（0 表示永不过期）。')
        for name, label in (('signin_points', '签到'), ('birthday_points', '生日'),
                            ('survey_points', '问卷')):
            value = getattr(self, name)
            if not _is_int(value) or not 0 <= value <= MAX_POINTS:
                raise ValidationError(name, f'{label}积分须是 0 到 {MAX_POINTS:,} 之间的整数。')

    def milli(self) -> int:
        """Thousandths of a point per yuan: integer SQL floors the same on every database."""
        return round(self.per_yuan * 1000)

    def since(self) -> datetime | None:
        if not isinstance(self.earn_since, str) or not self.earn_since:
            return None
        try:
            return datetime.combine(date.fromisoformat(self.earn_since), datetime.min.time())
        except ValueError:
            return None

    def earned_for(self, amount_fen: int) -> int:
        """What one completed order earns, as sync_order_points computes it in SQL."""
        return max(0, amount_fen) * self.milli() // 100_000

    def bonus_default(self, kind: str) -> int | None:
        return {'signin': self.signin_points, 'birthday': self.birthday_points,
                'survey': self.survey_points}.get(kind)


def load_rules() -> PointsRules:
    from .. import settings
    return settings.load(PointsRules)
