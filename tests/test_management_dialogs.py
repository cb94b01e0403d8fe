"""Tag manager and custom-field dialogs, driven with qtbot."""
from PySide6.QtWidgets import QInputDialog, QMessageBox

from services import custom_fields, tags
from ui.dialogs.custom_fields_dialog import CustomFieldsDialog
from ui.dialogs.tag_manager import TagManagerDialog


def test_tag_manager_add_rename_delete(qtbot, database, make_customer, monkeypatch):
    cid = make_customer('a')
    tid = tags.create_tag('老客')
    tags.tag_customers([cid], tid)
    d = TagManagerDialog()
    qtbot.addWidget(d)
    assert d.table.rowCount() == 1 and d.table.item(0, 2).text() == '1'
    answers = iter([('晒单群', True)])
    monkeypatch.setattr(QInputDialog, 'getText', lambda *a, **k: next(answers))
    d.add()
    assert [t.name for t in tags.list_tags()] == ['晒单群', '老客']
    d.table.selectRow(1)
    answers = iter([('回头客', True), ('客户特征', True)])
    d.rename()
    assert {(t.name, t.group) for t in tags.list_tags()} == {('晒单群', ''), ('回头客', '客户特征')}
    monkeypatch.setattr(QMessageBox, 'question', lambda *a, **k: QMessageBox.Yes)
    d.table.selectRow([t.name for t in d._tags].index('回头客'))
    d.delete()
    assert [t.name for t in tags.list_tags()] == ['晒单群']


def test_tag_manager_reports_duplicates(qtbot, database, monkeypatch):
    tags.create_tag('VIP群')
    d = TagManagerDialog()
    qtbot.addWidget(d)
    warned = []
    monkeypatch.setattr(QInputDialog, 'getText', lambda *a, **k: ('VIP群', True))
    monkeypatch.setattr(QMessageBox, 'warning', lambda *a, **k: warned.append(a[2]))
    d.add()
    assert warned and 'VIP群' in warned[0]


def test_custom_fields_add_and_remove(qtbot, database, monkeypatch):
    d = CustomFieldsDialog()
    qtbot.addWidget(d)
    d.name.setText('肤质')
    d.kind.setCurrentIndex(d.kind.findData('choice'))
    d.choices.setText('干性，油性, 混合性')
    d.add()
    fields = custom_fields.list_fields()
    assert [(f.name, f.kind, f.choices) for f in fields] == [('肤质', 'choice',
                                                              ['干性', '油性', '混合性'])]
    assert d.list.count() == 1 and d.name.text() == ''
    warned = []
    monkeypatch.setattr(QMessageBox, 'warning', lambda *a, **k: warned.append(a[2]))
    d.add()                                   # empty name
    assert warned
    d.list.setCurrentRow(0)
    d.remove()
    assert custom_fields.list_fields() == [] and d.list.count() == 0
