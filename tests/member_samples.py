"""Awkward members for the member-sheet round trip (shared by tests and the fixture).

tests/fixtures/member_sheet_libreoffice.xlsx is these members exported by the app
and re-saved by LibreOffice 7.4 (`soffice --headless --convert-to xlsx`); rebuild it
with `python tests/member_samples.py` if the samples change.
"""
from __future__ import annotations

from datetime import datetime

from services.customer_profile import CustomerProfile

# '备注' collides with a standard column: the sheet calls it 备注（自定义）.
CUSTOM_FIELDS = ['肤质', '宝宝生日', '备注']

SAMPLES: list[tuple[CustomerProfile, list[str]]] = [
    (CustomerProfile(
        platform='taobao', nick='=HYPERLINK("http://evil.example","点我")', name='+张三',
        phone='+8613812345678', wechat='@wx_zhang', gender='M', birth_kind='lunar',
        birth_year=1984, birth_month=4, birth_day=5, birth_leap=True, province='浙江省',
        city='杭州市', address='=1+1 路 8 号', note='-5 折客户\n第二行\n\t第三行有制表符',
        extra={'肤质': '=cmd|\' /C calc\'!A0', '宝宝生日': '2023-05-06', '备注': '@自定义'}),
     ['=SUM(A1)', '回头客']),
    (CustomerProfile(
        platform='pdd', nick='拼多多用户😀', phone='138****1234', gender='F',
        birth_kind='lunar', birth_month=6, birth_day=30, birth_leap=True,
        note='表情😀🎉', extra={'肤质': '敏感性'}),
     ['宝妈', '敏感肌']),
    (CustomerProfile(
        platform='store', nick='0012345', name="'=x", phone='0571-88886666',
        wechat="'quoted", gender='M', birth_kind='solar', birth_month=2, birth_day=29,
        city='上海市', address='南京路 1 号\n2 楼'),
     []),
    (CustomerProfile(
        platform='douyin', nick='1234567890123456789', phone='13800000000', gender='',
        birth_kind='solar', birth_year=1990, birth_month=12, birth_day=31,
        province='内蒙古自治区', city='呼和浩特市', extra={'宝宝生日': '2022-01-01'}),
     ['大客户']),
    (CustomerProfile(platform='tmall', nick='-负号开头', name='李四', birth_kind='lunar',
                     birth_month=12, birth_day=1, province='西藏自治区'),
     ['学生']),
    (CustomerProfile(platform='other', nick='plain'), []),
]


def expected_values(p: CustomerProfile, custom_fields=CUSTOM_FIELDS) -> dict:
    """What parse_member_rows must give back for a full member sheet row."""
    return {
        'nick': p.nick, 'platform': p.platform, 'name': p.name, 'phone': p.phone,
        'wechat': p.wechat, 'gender': p.gender, 'birth_kind': p.birth_kind,
        'birth_year': p.birth_year, 'birth_month': p.birth_month, 'birth_day': p.birth_day,
        'birth_leap': p.birth_leap, 'province': p.province, 'city': p.city,
        'address': p.address, 'note': p.note,
        'extra': {name: p.extra.get(name, '') for name in custom_fields},
    }


def make_shop() -> list[int]:
    """The samples in the bound database, plus a deleted buyer and a rule-made tag."""
    from models import COMPLETED, CustomerTag, Order, Tag
    from services import customer_stats
    from services.custom_fields import add_field
    from services.customers import create_customer, delete_customers
    from services.tags import get_or_create_tag, tag_customers
    for name in CUSTOM_FIELDS:
        add_field(name)
    ids = []
    for profile, tags in SAMPLES:
        cid = create_customer(profile)
        for t in tags:
            tag_customers([cid], get_or_create_tag(t))
        ids.append(cid)
    for n, (cid, amount, paid) in enumerate([
            (ids[0], 12345, datetime(2024, 1, 2, 3, 4, 5)),
            (ids[0], 100, datetime(2024, 6, 30, 23, 59, 59)),
            (ids[3], 99999999, datetime(2023, 12, 31, 0, 0, 0))]):
        Order.create(platform='taobao', order_no=f'19300000000000000{n:02d}', customer=cid,
                     status=COMPLETED, completed=True, amount=amount, paid_at=paid)
    customer_stats.refresh(ids)
    auto = Tag.create(name='沉睡客户', auto=True)
    CustomerTag.create(customer=ids[0], tag=auto)
    gone = create_customer(CustomerProfile(nick='已删除的买家'))
    delete_customers([gone])
    return ids


if __name__ == '__main__':       # rebuild the LibreOffice fixture
    import shutil
    import subprocess
    import sys
    import tempfile
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    from models.database import close_database, open_database
    from services.exporting import export_members
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        open_database(tmp / 'shop.db')
        make_shop()
        export_members(tmp / 'member_sheet_libreoffice.xlsx')
        close_database()
        (tmp / 'out').mkdir()
        subprocess.run(['soffice', f'-env:UserInstallation=file://{tmp}/profile', '--headless',
                        '--convert-to', 'xlsx', '--outdir', str(tmp / 'out'),
                        str(tmp / 'member_sheet_libreoffice.xlsx')], check=True, timeout=180)
        dest = root / 'tests' / 'fixtures' / 'member_sheet_libreoffice.xlsx'
        dest.parent.mkdir(exist_ok=True)
        shutil.copyfile(tmp / 'out' / 'member_sheet_libreoffice.xlsx', dest)
        print('wrote', dest)
