"""Errors whose message is meant for the shop owner."""


class UserError(Exception):
    """Something the owner can fix; str(e) is a complete sentence."""


class ValidationError(UserError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


BUSY = '数据库正忙（后台正在导入或重新计算），请稍等几秒再试一次。'
DAMAGED = '数据库文件已损坏，请在 设置 → 数据与备份 里恢复最近的备份。'


def friendly(exc: BaseException) -> str | None:
    """The sentence to show for an error that is not a bug, or None for a bug."""
    if isinstance(exc, UserError):
        return str(exc)
    # SQLite's busy timeout ran out behind a long background write: retrying works.
    if type(exc).__name__ == 'OperationalError' and 'locked' in str(exc):
        return BUSY
    text = str(exc)
    if 'malformed' in text or 'file is not a database' in text:
        return DAMAGED
    return None
