"""The PostgreSQL side of a shop on a server (several PCs, one database).

Services write their hand-tuned SQL once, in SQLite's parameter style (`?`, `:name`);
this database turns it into psycopg2's style on the way out, so the same text runs on
both. SQL that differs between the two in more than parameters goes through
models.dialect.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from peewee import InterfaceError, OperationalError, PostgresqlDatabase

# String literals, quoted names and comments pass through with their % doubled; outside them `?`
# and `:name` become placeholders, peewee's own `%s` stays, and a lone % is escaped.
_TOKENS = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|/\*.*?\*/|\?|%s|%"""
                     r"""|(?<![:\w]):([A-Za-z_]\w*)""", re.S)


def to_pyformat(sql: str, named: bool = False) -> str:
    def repl(m: re.Match) -> str:
        text = m.group(0)
        if text[0] in '\'"' or text[:2] in ('--', '/*'):
            return text.replace('%', '%%')
        if text == '?':
            return '%s'
        if text == '%s':
            return text
        if text == '%':
            return '%%'
        return f'%({m.group(1)})s' if named else text
    return _TOKENS.sub(repl, sql)


class ShopPostgresqlDatabase(PostgresqlDatabase):
    """A server restart or a dropped Wi-Fi link kills the connection. Outside a transaction
    the next statement reconnects, instead of failing until the app restarts: always when
    the driver knew the link was gone before sending, and for reads only when the link
    broke mid-statement (a write may have committed before the reply was lost)."""
    _GONE_BEFORE = ('connection already closed',)
    _GONE_DURING = ('server closed the connection', 'terminating connection',
                    'could not receive data from server')

    def execute_sql(self, sql, params=None, *args, **kwargs):
        named = isinstance(params, Mapping)
        if '?' in sql or '%' in sql or "'" in sql or (named and ':' in sql):
            sql = to_pyformat(sql, named)
        try:
            return super().execute_sql(sql, params, *args, **kwargs)
        except (InterfaceError, OperationalError) as e:
            if self.in_transaction() or not self._reconnectable(e, sql):
                raise
            if not self.is_closed():
                self.close()
            self.connect()
            return super().execute_sql(sql, params, *args, **kwargs)

    def _reconnectable(self, e: Exception, sql: str) -> bool:
        text = str(e).lower()
        if any(f in text for f in self._GONE_BEFORE):
            return True
        read = sql.lstrip()[:6].upper() in ('SELECT', 'SHOW')
        return read and any(f in text for f in self._GONE_DURING)


def friendly_error(exc: Exception, where: str) -> str:
    """One sentence for the owner about a server that cannot be used (`where`: host/db)."""
    text = str(exc)
    low = text.lower()
    if 'password authentication failed' in low or 'no password supplied' in low:
        return f'无法登录数据库服务器 {where}：用户名或密码不对。'
    if 'does not exist' in low and 'database' in low:
        return (f'服务器上还没有这个数据库（{where}）：请先在服务器上创建它'
                '（说明书“多台电脑共用一个店铺”一节）。')
    if 'pg_hba.conf' in low:
        return (f'数据库服务器 {where} 不允许这台电脑连接：请在服务器的 pg_hba.conf 里'
                '允许店里的局域网。')
    if ('could not connect' in low or 'connection refused' in low or 'timeout' in low
            or 'could not translate host name' in low or 'no route to host' in low):
        return (f'连不上数据库服务器 {where}：请确认服务器已开机、PostgreSQL 在运行，'
                '地址和端口正确，并且防火墙允许连接。')
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return f"无法使用数据库服务器 {where}：{first}"
