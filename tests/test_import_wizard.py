"""The import wizard and 导入导出 page, driven as the owner would: choose a file, read
the preview and problems, fix the mapping, import, undo."""
import csv

import pytest
from PySide6.QtWidgets import QMessageBox

from models import Customer, Order
from services.importing import batches, service
from ui.pages.files_page import FilesPage

TAOBAO_HEADERS = ['订单编号', '买家会员名', '买家实际支付金额', '订单状态', '订单创建时间',
                  '订单付款时间 ', '收货人姓名', '收货地址 ', '联系手机', '宝贝总数量']


def taobao_csv(path, rows, encoding='gbk'):
    with open(path, 'w', newline='', encoding=encoding) as f:
        w = csv.writer(f)
        w.writerow(TAOBAO_HEADERS)
        w.writerows(rows)
    return str(path)


def good_rows(n=3):
    return [[f'="19300000000000000{i:02d}"', f'tb_buyer{i % 2}', f'{100 + i}.00元', '交易成功',
             '2024-01-02 03:04:05', '2024/1/2 3:05', '张伟', '浙江省 杭州市 西湖区 文三路1号',
             "'13800001234", '1'] for i in range(n)]


@pytest.fixture(autouse=True)
def quiet_boxes(monkeypatch):
    said = []
    for name in ('information', 'warning', 'critical'):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: said.append((_n, a[2])))
    monkeypatch.setattr(QMessageBox, 'question', lambda *a, **k: QMessageBox.Yes)
    return said


@pytest.fixture
def page(qtbot, database):
    p = FilesPage()
    qtbot.addWidget(p)
    return p


def open_wizard(qtbot, page, path):
    page.import_file(path)
    dialog = page._dialog            # a child of the page; it deletes itself when closed
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    return dialog


def test_import_a_taobao_csv_then_undo(qtbot, page, tmp_path, quiet_boxes):
    rows = good_rows() + [['="1930000000000000099"', 'tb_bad', '一百块', '交易成功', '',
                           '', '', '', '', '']]
    dialog = open_wizard(qtbot, page, taobao_csv(tmp_path / '订单报表.csv', rows))
    assert '淘宝订单报表' in dialog.title.text()
    assert dialog.sample.rowCount() == 3
    assert dialog.problems.count() == 1 and '第5行' in dialog.problems.item(0).text()
    assert dialog.import_button.text() == '导入没问题的 3 条'
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        dialog.import_button.click()
    assert Order.select().count() == 3 and Customer.select().count() == 2
    assert page.batches.rowCount() == 1 and page.batches.item(0, 4).text() == '3'
    page.batches.selectRow(0)
    assert page.problems_button.isEnabled()
    page.undo_selected()
    qtbot.waitUntil(page.isEnabled, timeout=5000)
    assert Order.select().count() == 0
    assert '已撤销' in page.batches.item(0, 8).text()
    assert not page.undo_button.isEnabled()


def test_reimport_says_it_was_imported_before(qtbot, page, tmp_path):
    path = taobao_csv(tmp_path / 'a.csv', good_rows())
    service.import_file(path)
    dialog = open_wizard(qtbot, page, path)
    assert '导入过' in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=5000) as blocker:
        dialog.import_button.click()
    assert blocker.args[0].added == 0 and blocker.args[0].skipped == 3


def test_refused_file_says_one_sentence(qtbot, page, tmp_path, quiet_boxes):
    bad = tmp_path / '图片.xlsx'
    bad.write_bytes(b'\x89PNG\r\n\x1a\n' + b'\0' * 100)
    page.import_file(str(bad))
    qtbot.waitUntil(lambda: any(kind == 'warning' for kind, _ in quiet_boxes), timeout=5000)
    message = next(m for kind, m in quiet_boxes if kind == 'warning')
    assert '图片.xlsx' in message and 'Traceback' not in message
    assert batches.list_batches() == []


def test_generic_sheet_mapping_is_fixed_and_remembered(qtbot, page, tmp_path):
    path = tmp_path / '客户登记.csv'
    with open(path, 'w', newline='', encoding='utf-8-sig') as f:
        w = csv.writer(f)
        w.writerow(['流水', '客人', '花了', '电话'])
        w.writerow(['A001', '王阿姨', '58', '13700001111'])
        w.writerow(['A002', '李叔', '120.5', '13700002222'])
    dialog = open_wizard(qtbot, page, str(path))
    assert dialog.preview.kind == 'generic' and not dialog.mapping_box.isHidden()
    assert dialog.preview.parsed is None and not dialog.import_button.isEnabled()
    combos = dialog._combos
    combos['order_no'].setCurrentIndex(combos['order_no'].findData('流水'))
    combos['nick'].setCurrentIndex(combos['nick'].findData('客人'))
    combos['amount'].setCurrentIndex(combos['amount'].findData('花了'))
    combos['phone'].setCurrentIndex(combos['phone'].findData('电话'))
    dialog.platform.setCurrentIndex(dialog.platform.findData('store'))
    dialog.apply_mapping()
    # The preview lands first, then the dialog enables the button: wait for both.
    qtbot.waitUntil(lambda: dialog.preview.parsed is not None
                    and dialog.import_button.isEnabled(), timeout=5000)
    assert dialog.sample.rowCount() == 2
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        dialog.import_button.click()
    assert Order.get(Order.order_no == 'A002').amount == 120_50
    assert Customer.get(Customer.nick == '王阿姨').platform == 'store'
    # The next file with the same headers is understood at once.
    again = service.preview_file(str(path))
    assert again.parsed is not None and again.mapping['nick'] == '客人'


def test_member_sheet_preview_names_columns_in_words(qtbot, page, tmp_path, make_customer):
    from services import exporting
    make_customer('tb_a', name='张伟', birth_kind='lunar', birth_month=8, birth_day=30)
    path = tmp_path / '会员表.xlsx'
    exporting.export_members(str(path))
    dialog = open_wizard(qtbot, page, str(path))
    assert '会员表' in dialog.title.text()
    shown = dialog.sample.item(0, 2).text()
    assert '生日' in shown and '姓名' in shown
    assert not any(word in shown for word in ('birth_', 'extra', 'platform'))


def test_blank_status_in_a_status_column_is_not_a_sale(database, tmp_path):
    rows = good_rows(2)
    rows[1][3] = ''
    preview = service.preview_file(taobao_csv(tmp_path / 'a.csv', rows))
    assert [r.status for r in preview.parsed.records] == ['completed', 'paid']
    assert any('状态为空' in n for n in preview.parsed.notes)


def test_member_sheet_without_the_nick_column_is_refused(database, tmp_path):
    from services.errors import UserError
    path = tmp_path / 'members.csv'
    path.write_text('姓名,手机\n张伟,13800001111\n', encoding='utf-8-sig')
    with pytest.raises(UserError, match='买家会员名'):
        service.preview_file(str(path), 'members')
    assert batches.list_batches() == []


def test_our_own_order_export_is_not_imported_twice(database, tmp_path):
    from services import exporting
    from services.errors import UserError
    service.import_file(taobao_csv(tmp_path / 'a.csv', good_rows()))
    out = tmp_path / '订单表.xlsx'
    exporting.export_orders(str(out))
    with pytest.raises(UserError, match='本软件导出的订单表'):
        service.preview_file(str(out))
    assert Order.select().count() == 3
