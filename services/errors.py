"""Errors whose message is meant for the shop owner."""


class UserError(Exception):
    """Something the owner can fix; str(e) is a complete sentence."""


class ValidationError(UserError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


BUSY = '数据库正忙（后台正在导入或重新计算），请稍等几秒再试一次。'
DAMAGED = '数据库文件已损坏，请在 设置 → 数据与备份 里恢复最近的备份。'
SERVER_LOST = '和数据库服务器的连接断了（服务器重启或网络中断），刚才的操作没有完成，请再试一次。'


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
    # A shop on a server: the link dropped (server restarted, Wi-Fi). The next try
    # reconnects (models.postgres), so the owner only has to repeat the action.
    low = text.lower()
    if type(exc).__name__ in ('OperationalError', 'InterfaceError') and any(
            f in low for f in ('server closed the connection', 'terminating connection',
                               'could not receive data from server', 'connection already closed',
                               'could not connect')):
        return SERVER_LOST
    return None
