"""WeChat/QQ group rosters: groups and their kinds, members with roles and join dates,
and roster sheets in and out. Callable from any one thread at a time.

Parts: kinds (the editable list of group kinds, a setting), chat_groups (the groups),
members (who is in which group), roster_sheet (xlsx/CSV export and import).
"""
from models.group import ADMIN, APPS, MEMBER, OWNER, QQ, ROLES, WECHAT

from .chat_groups import (APP_NAMES, GroupFields, GroupInfo, create_group, delete_group,
                          find_group, get_group, list_groups, update_group)
from .kinds import (DEFAULT_KINDS, GroupKinds, add_kind, delete_kind, list_kinds, move_kind,
                    rename_kind)
from .members import (ROLE_NAMES, CustomerGroup, MemberLine, add_members, fold_into,
                      groups_of, list_members, member_ids, remove_members, set_role,
                      update_member)
from .roster_sheet import HEADERS as ROSTER_HEADERS, RosterImport, export_roster, import_roster

__all__ = ['ADMIN', 'APPS', 'APP_NAMES', 'DEFAULT_KINDS', 'MEMBER', 'OWNER', 'QQ', 'ROLES',
           'ROLE_NAMES', 'ROSTER_HEADERS', 'WECHAT', 'CustomerGroup', 'GroupFields',
           'GroupInfo', 'GroupKinds', 'MemberLine', 'RosterImport', 'add_kind', 'add_members',
           'create_group', 'delete_group', 'delete_kind', 'export_roster', 'find_group',
           'fold_into', 'get_group', 'groups_of', 'import_roster', 'list_groups', 'list_kinds',
           'list_members', 'member_ids', 'move_kind', 'remove_members', 'rename_kind',
           'set_role', 'update_group', 'update_member']
