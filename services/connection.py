"""Where this PC's shop lives: the local data file, or a PostgreSQL server shared by
several PCs (设置 → 数据库连接, or `--db URL`).

The choice is a per-PC preference (services.ui_prefs), read before any shop opens. A
server is described by its parts, so the owner never types a URL; the URL is built here
with the password quoted, and never shown with its password.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from models.database import display_target, is_server_url

from .errors import UserError

__all__ = ['ServerCheck', 'ServerSettings', 'check_server', 'current_shop', 'display_target',
           'is_server_url', 'parse_server_url']

DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 5


@dataclass
class ServerSettings:
    host: str = ''
    port: int = DEFAULT_PORT
    database: str = 'zhanggui'
    user: str = ''
    password: str = ''

    def validate(self) -> None:
        if not self.host.strip():
            raise UserError('请填写数据库服务器的地址（如 192.168.1.10）。')
        if not (re.fullmatch(r'[A-Za-z0-9.\-]+', self.host.strip()) or _ipv6(self.host)):
            raise UserError(f'服务器地址“{self.host}”不对：只能是 IP 地址或主机名。')
        if not 1 <= int(self.port) <= 65535:
            raise UserError('端口须在 1 到 65535 之间（PostgreSQL 默认 5432）。')
        if not re.fullmatch(r'[A-Za-z_][A-Za-z0-9_$\-]*', self.database.strip()):
            raise UserError('数据库名只能用英文字母、数字和下划线，并以字母开头。')
        if not self.user.strip():
            raise UserError('请填写登录数据库的用户名。')

    def url(self) -> str:
        self.validate()
        auth = quote(self.user.strip(), safe='')
        if self.password:
            auth += ':' + quote(self.password, safe='')
        host = self.host.strip()
        if _ipv6(host):
            host = '[' + host.strip('[]') + ']'
        return f'postgresql://{auth}@{host}:{int(self.port)}/{self.database.strip()}'


def _ipv6(host: str) -> bool:
    import ipaddress
    try:
        return isinstance(ipaddress.ip_address(host.strip().strip('[]')), ipaddress.IPv6Address)
    except ValueError:
        return False


def parse_server_url(url: str) -> ServerSettings:
    """The parts of a postgresql:// URL (for the settings form); UserError if it is not one."""
    if not is_server_url(url):
        raise UserError('数据库服务器地址要以 postgresql:// 开头。')
    try:
        parts = urlsplit(url)
        port = parts.port or DEFAULT_PORT
    except ValueError as e:
        raise UserError(f'数据库服务器地址写得不对：{e}') from e
    return ServerSettings(host=parts.hostname or '', port=port,
                          database=unquote(parts.path.lstrip('/')) or 'zhanggui',
                          user=unquote(parts.username or ''),
                          password=unquote(parts.password or ''))


@dataclass(frozen=True)
class ServerCheck:
    """What a server database holds. `kind` and `facts` let the UI speak its own language;
    `message` is the Chinese sentence (command line, logs, and the error kind's text)."""
    ok: bool                       # the app can open this database as a shop
    empty: bool                    # no tables yet (a new shop, or a move's target)
    kind: str                      # empty, shop, foreign, encoding, no_create or error
    facts: dict
    message: str


_SENTENCES = {
    'encoding': '连接成功，但数据库编码是 {encoding}，存不下中文：请按说明书用 UTF8 编码重新创建'
                '数据库。',
    'no_create': '连接成功，但用户 {user} 不能在 {where} 里建表：请在服务器上把数据库的所有者设为'
                 '这个用户。',
    'empty': '连接成功（PostgreSQL {version}）。数据库是空的：可以把本机的店铺搬上去，或者直接开'
             '一个新店铺。',
    'foreign': '连接成功，但 {where} 里是别的程序的数据，请换一个新建的空数据库。',
    'shop': '连接成功（PostgreSQL {version}）：这是掌柜会员通的店铺，结构版本 {schema}，'
            '{customers:,} 位顾客。',
}


def _found(kind: str, **facts) -> ServerCheck:
    ok = kind in ('empty', 'shop')
    return ServerCheck(ok, kind in ('empty', 'no_create'), kind, facts,
                       _SENTENCES[kind].format(**facts))


def check_server(settings: ServerSettings) -> ServerCheck:
    """Connect once and say what is there, without creating or changing anything."""
    from models.database import make_database
    from models.postgres import friendly_error
    url = settings.url()
    where = f'{settings.host.strip()}/{settings.database.strip()}'
    server = make_database(url)
    try:
        server.connect()
        version = server.execute_sql('SHOW server_version').fetchone()[0].split()[0]
        encoding = server.execute_sql('SHOW server_encoding').fetchone()[0]
        if encoding.upper().replace('-', '') != 'UTF8':
            return _found('encoding', encoding=encoding)
        tables = set(server.get_tables())
        if not tables and not server.execute_sql(
                "SELECT has_schema_privilege('public', 'CREATE')").fetchone()[0]:
            return _found('no_create', user=settings.user, where=where)
        if not tables:
            return _found('empty', version=version)
        if not {'schema_version', 'customer'} <= tables:
            return _found('foreign', where=where)
        schema = server.execute_sql('SELECT MAX(version) FROM schema_version').fetchone()[0]
        customers = server.execute_sql(
            'SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL').fetchone()[0]
        return _found('shop', version=version, schema=schema, customers=customers)
    except Exception as e:        # noqa: BLE001 -- whatever the driver says becomes one sentence
        return ServerCheck(False, False, 'error', {}, friendly_error(e, where))
    finally:
        if not server.is_closed():
            server.close()


def current_shop() -> str:
    """The open shop's location as the screen shows it (a server without its password)."""
    from models.database import opened_target
    return display_target(opened_target())
