"""Group rosters out to xlsx/CSV and back in.

Columns: 群名, 买家会员名, 平台, 姓名, 手机, 角色, 入群日期, 备注. The sheet the app
writes is a sheet it reads back (edit it in Excel, import, done).

Import rules:
- A buyer is found by 平台 + 买家会员名, never by phone (phones are often masked).
  Without a 平台 the nick must belong to one live buyer only.
- A row goes to the group its 群名 names, or, when that cell is empty or the column is
  missing, to the group chosen for the import. Unknown groups and unknown buyers are
  row problems (row number and reason) unless the owner asked to create them.
- 角色, 备注 are set when their column is there (an empty 角色 is 成员); 入群日期 when
  the cell has a date (a new member without one joined today).
- The good rows are written in one transaction; importing the same sheet twice
  changes nothing the second time. Members missing from the sheet are not removed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from models import Customer, db
from models.group import MEMBER, OWNER, ROLES, ChatGroup, GroupMember

from ..chunking import chunks
from ..errors import UserError
from ..files import cells
from ..files.member_sheet import PLATFORM_NAMES, parse_platform
from ..files.table_reader import read_table
from ..files.writers import plain_text, unneutralise, write_table
from ..importing.records import Problem
from ..tasks import IsCancelled, Progress, check
from .chat_groups import GroupFields, create_group
from .members import ROLE_NAMES, ROLE_ORDER

HEADERS = ['群名', '买家会员名', '平台', '姓名', '手机', '角色', '入群日期', '备注']
KINDS = ['text', 'text', 'text', 'text', 'text', 'text', 'date', 'text']
_ROLE_READ = {**{v: k for k, v in ROLE_NAMES.items()}, **{k: k for k in ROLES},
              '普通成员': MEMBER, '群成员': MEMBER, '管理': 'admin', '群管理': 'admin',
              '群管理员': 'admin'}
NEW_BUYER_SOURCE = '群名册导入'


# --- export ---------------------------------------------------------------------------

def export_roster(path, group_ids: list[int] | None = None, progress: Progress | None = None,
                  cancelled: IsCancelled | None = None, masked: bool = False) -> int:
    """Write the rosters of `group_ids` (None: every group), live customers only, group by
    group; phones as 138****1234 when masked. Returns the rows written."""
    from ..privacy import mask_phone
    q = (GroupMember.select(ChatGroup.name, Customer.nick, Customer.platform, Customer.name,
                            Customer.phone, GroupMember.role, GroupMember.joined_at,
                            GroupMember.note)
         .join(ChatGroup).switch(GroupMember).join(Customer)
         .where(Customer.deleted_at.is_null()))
    if group_ids is not None:
        q = q.where(GroupMember.group.in_(group_ids))
    rows = list(q.tuples())
    rows.sort(key=lambda r: (r[0], ROLE_ORDER.get(r[5], 3), r[6] or date.min, r[1]))
    out = ([g, nick, PLATFORM_NAMES.get(platform, platform), name,
            mask_phone(phone) if masked else phone,
            ROLE_NAMES.get(role, role), joined, note]
           for g, nick, platform, name, phone, role, joined, note in rows)
    return write_table(path, HEADERS, out, KINDS, sheet_name='群名册', progress=progress,
                       cancelled=cancelled, total=len(rows))


# --- import ---------------------------------------------------------------------------

@dataclass
class RosterImport:
    file: str
    rows_read: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    buyers_created: int = 0
    groups_created: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Row:
    number: int
    group: str                     # '' = the group chosen for the import
    nick: str
    platform: str                  # '' = not given
    name: str
    phone: str
    role: str | None               # None: column absent
    joined_at: date | None
    note: str | None               # None: column absent


def _cell(v, csv_quoted: bool) -> str:
    if v is None:
        return ''
    if v.__class__ is str:
        return (unneutralise(v) if csv_quoted else v).strip()
    if v.__class__ is datetime and not (v.hour or v.minute or v.second):
        return v.strftime('%Y-%m-%d')
    return plain_text(v).strip()


def import_roster(path, default_group_id: int | None = None, *, create_groups: bool = False,
                  create_buyers: bool = False, progress: Progress | None = None,
                  cancelled: IsCancelled | None = None) -> RosterImport:
    table = read_table(path, progress=progress, cancelled=cancelled)
    label = str(path).replace('\\', '/').rsplit('/', 1)[-1]
    result = RosterImport(file=label)
    rows = _parse(table, label, default_group_id, result)
    with db.atomic():
        groups = _resolve_groups(rows, default_group_id, create_groups, result)
        # Rows without a group stop here: no buyer is created for a row that goes nowhere.
        rows = [r for r in rows if r.group in groups]
        buyers = _resolve_buyers(rows, create_buyers, result)
        check(cancelled)
        _write(rows, groups, buyers, result, cancelled)
    result.problems.sort(key=lambda p: p.row)
    return result


def _parse(table, label: str, default_group_id, result: RosterImport) -> list[_Row]:
    col = {h: table.column(h) for h in HEADERS}
    if col['买家会员名'] is None:
        raise UserError(f'「{label}」缺少「买家会员名」列：名册按平台和买家会员名找顾客，'
                        '不按手机号。')
    if col['群名'] is None and default_group_id is None:
        raise UserError(f'「{label}」没有「群名」列，请先选择要导入到哪个群。')
    known = {h for h in HEADERS if col[h] is not None}
    ignored = [raw for h, raw in zip(table.headers, table.raw_headers) if h and h not in known]
    if ignored:
        result.notes.append(f'这些列不属于群名册，已忽略：{"、".join(ignored)}')
    csv_quoted = label.lower().endswith('.csv')
    out: list[_Row] = []
    for values, number in zip(table.rows, table.row_numbers):
        def get(h):
            i = col[h]
            return None if i is None else values[i]
        text = {h: _cell(get(h), csv_quoted) for h in HEADERS if h != '入群日期'}
        if not any(text.values()) and cells.blank(get('入群日期')):
            continue
        result.rows_read += 1
        bad = len(result.problems)

        def problem(column: str, message: str) -> None:
            result.problems.append(Problem(label, number, column, message))
        platform = ''
        if text['平台']:
            try:
                platform = parse_platform(text['平台'], '')
            except ValueError as e:
                problem('平台', str(e))
        role = None
        if col['角色'] is not None:
            role = _ROLE_READ.get(text['角色'].lower() if text['角色'] else MEMBER)
            if role is None:
                problem('角色', f'角色只能是群主、管理员或成员，这里是“{text["角色"]}”')
        joined = None
        if col['入群日期'] is not None:
            try:
                when = cells.when(get('入群日期'))
            except ValueError as e:
                problem('入群日期', str(e))
            else:
                joined = when.date() if when else None
                if joined and joined > date.today():
                    problem('入群日期', f'入群日期晚于今天：{joined.isoformat()}')
        if not text['买家会员名']:
            problem('买家会员名', '买家会员名为空（名册只按平台和买家会员名找顾客，不按手机号）')
        if not text['群名'] and default_group_id is None:
            problem('群名', '群名为空，也没有选择要导入到哪个群')
        if len(result.problems) == bad:
            out.append(_Row(number, text['群名'], text['买家会员名'], platform, text['姓名'],
                            text['手机'], role, joined,
                            text['备注'] if col['备注'] is not None else None))
    return out


def _resolve_groups(rows: list[_Row], default_group_id, create: bool,
                    result: RosterImport) -> dict[str, int]:
    """Group name ('' for the chosen group) -> id; rows of unknown groups become problems."""
    names = sorted({r.group for r in rows if r.group})
    found = {}
    for chunk in chunks(names):
        found.update({g.name: g.id for g in ChatGroup.select(ChatGroup.id, ChatGroup.name)
                      .where(ChatGroup.name.in_(chunk))})
    if default_group_id is not None:
        if not ChatGroup.select().where(ChatGroup.id == default_group_id).exists():
            raise UserError('要导入的群已不存在。')
        found[''] = default_group_id
    refused: dict[str, str] = {}
    for name in names:
        if name not in found and create:
            try:
                found[name] = create_group(GroupFields(name))
            except UserError as e:
                refused[name] = f'无法新建群“{name}”：{e}'
                continue
            result.groups_created.append(name)
    for r in rows:
        if r.group not in found:
            result.problems.append(Problem(result.file, r.number, '群名', refused.get(
                r.group, f'没有名为“{r.group}”的群（可选择自动新建群）')))
    return found


def _resolve_buyers(rows: list[_Row], create: bool, result: RosterImport) -> dict[int, int]:
    """Row number -> customer id; rows whose buyer is unknown, binned or ambiguous
    become problems (or new buyers when asked)."""
    from ..customer_profile import CustomerProfile
    from ..customers import create_customer
    nicks = sorted({r.nick for r in rows})
    by_nick: dict[str, list[tuple[int, str, bool]]] = {}
    for chunk in chunks(nicks):
        for cid, nick, platform, deleted in (
                Customer.select(Customer.id, Customer.nick, Customer.platform,
                                Customer.deleted_at).where(Customer.nick.in_(chunk)).tuples()):
            by_nick.setdefault(nick, []).append((cid, platform, deleted is not None))
    out: dict[int, int] = {}
    made: dict[tuple[str, str], int] = {}
    for r in rows:
        matches = [m for m in by_nick.get(r.nick, []) if not r.platform or m[1] == r.platform]
        live = [m for m in matches if not m[2]]
        where = f'{PLATFORM_NAMES.get(r.platform, r.platform)} ' if r.platform else ''
        if len(live) == 1:
            out[r.number] = live[0][0]
            continue
        if len(live) > 1:
            message = (f'多个平台都有买家会员名“{r.nick}”，请在「平台」列写明是哪个平台')
        elif matches:
            message = f'顾客“{r.nick}”在回收站里，恢复后才能入群'
        elif create:
            key = (r.platform or 'taobao', r.nick)
            if key not in made:
                try:
                    made[key] = create_customer(CustomerProfile(
                        platform=key[0], nick=r.nick, name=r.name, phone=r.phone,
                        source=NEW_BUYER_SOURCE))
                except UserError as e:
                    result.problems.append(Problem(result.file, r.number, '买家会员名', str(e)))
                    continue
                result.buyers_created += 1
            out[r.number] = made[key]
            continue
        else:
            message = (f'找不到{where}买家会员名为“{r.nick}”的顾客'
                       '（名册不按手机号找人；可先导入会员表，或选择自动新建顾客）')
        result.problems.append(Problem(result.file, r.number, '买家会员名', message))
    return out


def _write(rows: list[_Row], groups: dict[str, int], buyers: dict[int, int],
           result: RosterImport, cancelled) -> None:
    today = date.today()
    todo = [(r, groups[r.group], buyers[r.number]) for r in rows
            if r.group in groups and r.number in buyers]
    group_ids = sorted({g for _, g, _ in todo})
    existing: dict[tuple[int, int], GroupMember] = {}
    for chunk in chunks(group_ids):
        for m in GroupMember.select().where(GroupMember.group.in_(chunk)):
            existing[(m.group_id, m.customer_id)] = m
    seen: dict[tuple[int, int], int] = {}
    owner_row: dict[int, int] = {}
    for i, (r, gid, cid) in enumerate(todo):
        if i % 500 == 0:
            check(cancelled)
        key = (gid, cid)
        if key in seen:
            result.problems.append(Problem(result.file, r.number, '买家会员名',
                                           f'与第{seen[key]}行是同一个群里的同一位顾客'))
            continue
        if r.role == OWNER and gid in owner_row:
            result.problems.append(Problem(result.file, r.number, '角色',
                                           f'一个群只能有一位群主，第{owner_row[gid]}行已是群主'))
            continue
        seen[key] = r.number
        if r.role == OWNER:
            owner_row[gid] = r.number
            for (g, c), other in existing.items():
                if g == gid and c != cid and other.role == OWNER:
                    # The group is handed over: the old 群主 stays on as a 成员.
                    other.role = MEMBER
                    GroupMember.update(role=MEMBER).where(GroupMember.id == other.id).execute()
                    result.updated += 1
        m = existing.get(key)
        if m is None:
            existing[key] = GroupMember.create(group=gid, customer=cid,
                                               joined_at=r.joined_at or today,
                                               role=r.role or MEMBER, note=r.note or '')
            result.added += 1
            continue
        changes = {}
        if r.role is not None and r.role != m.role:
            changes['role'] = r.role
        if r.joined_at is not None and r.joined_at != m.joined_at:
            changes['joined_at'] = r.joined_at
        if r.note is not None and r.note != m.note:
            changes['note'] = r.note
        if changes:
            GroupMember.update(**changes).where(GroupMember.id == m.id).execute()
            for k, v in changes.items():
                setattr(m, k, v)
            result.updated += 1
        else:
            result.unchanged += 1
