"""The 会员 page: search, filter, the member table, batch actions, the detail panel."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel,
                               QMessageBox, QPushButton, QSplitter, QStackedWidget, QTableView,
                               QVBoxLayout, QWidget)

from services import custom_fields, customers, member_query, tags, tiers
from services.errors import UserError
from services.member_query import MemberFilter

from ..dialogs.contact_dialog import ContactDialog
from ..dialogs.customer_dialog import CustomerDialog
from ..widgets.customer_detail import CustomerDetailPanel
from ..widgets.filter_bar import FilterBar
from ..tasks import BackgroundTask
from ..widgets.member_table_model import COLUMNS, MemberTableModel
from ..widgets.welcome_panel import WelcomePanel
from .member_actions import MemberActions


class MembersPage(MemberActions, QWidget):
    """Emits `changed` after any edit so other pages can refresh."""
    changed = Signal()
    import_requested = Signal()
    WARM_UP_MS = 800

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = MemberTableModel(member_query, self)
        self._build()
        self._actions()
        self.reload_lookups()
        self.model.set_filter(MemberFilter())
        # A restored header re-sorts (a model reset), so select the first row after it.
        self._restore_state()
        self._after_reset()
        # Ready the search workers once the window is up, not while it paints.
        QTimer.singleShot(self.WARM_UP_MS, member_query.warm_up)

    # --- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        self.filters = FilterBar()
        self.filters.changed.connect(self._filters_changed)
        self.new_button = QPushButton(self.tr('新建顾客'))
        self.edit_button = QPushButton(self.tr('编辑'))
        self.tag_button = QPushButton(self.tr('打标签'))
        self.merge_button = QPushButton(self.tr('合并重复'))
        self.delete_button = QPushButton(self.tr('删除'))
        self.export_button = QPushButton(self.tr('导出'))
        self.export_button.setToolTip(self.tr('把当前筛选出的会员导出为 Excel 或 CSV'))
        self.export_button.clicked.connect(self.export_filtered)
        self.tags_button = QPushButton(self.tr('标签管理'))
        self.tier_changes_button = QPushButton(self.tr('等级变动'))
        self.tier_changes_button.setToolTip(self.tr('谁升级了、谁降级了，为什么'))
        self.tier_changes_button.clicked.connect(self.show_tier_changes)
        self.fields_button = QPushButton(self.tr('自定义字段'))
        self.tags_button.clicked.connect(self.manage_tags)
        self.fields_button.clicked.connect(self.manage_fields)
        self.bin_button = QPushButton(self.tr('回收站'))
        self.bin_button.setCheckable(True)
        self.restore_button = QPushButton(self.tr('恢复'))
        self.purge_button = QPushButton(self.tr('彻底删除'))
        self.new_button.clicked.connect(self.new_customer)
        self.edit_button.clicked.connect(self.edit_current)
        self.tag_button.clicked.connect(self.tag_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.bin_button.toggled.connect(self._bin_toggled)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        bar = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.tag_button, self.merge_button,
                  self.delete_button, self.export_button):
            bar.addWidget(b)
        bar.addStretch()
        for b in (self.restore_button, self.purge_button, self.tier_changes_button,
                  self.tags_button, self.fields_button, self.bin_button):
            bar.addWidget(b)

        self.table = QTableView()
        self.table.setObjectName('memberTable')
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(
            [c[0] for c in COLUMNS].index('last_order_at'), Qt.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setSectionsMovable(True)
        for i, column in enumerate(COLUMNS):
            self.table.setColumnWidth(i, column[3])
        self.table.doubleClicked.connect(lambda _: self.edit_current())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        bar.insertWidget(3, self._join_group_button())      # after 打标签

        self.detail = CustomerDetailPanel()
        self.detail.edit_requested.connect(self.edit_customer)
        self.detail.contact_requested.connect(self.add_contact)
        # A tier set by hand on the 评分 tab shows in the table at once.
        self.detail.score.changed.connect(lambda _id: self._changed())
        self.detail.points_changed.connect(lambda _id: self._changed())
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 380])

        self.status = QLabel()
        self.status.setObjectName('memberStatus')
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.filters)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        self.welcome = WelcomePanel()
        self.welcome.demo_requested.connect(self.load_demo)
        self.welcome.new_requested.connect(self.new_customer)
        self.welcome.import_requested.connect(self.import_requested)
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.welcome)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def _actions(self) -> None:
        for keys, slot in ((QKeySequence.Find, self.focus_search),
                           (QKeySequence.New, self.new_customer),
                           (QKeySequence(Qt.Key_F2), self.edit_current),
                           (QKeySequence(Qt.CTRL | Qt.Key_T), self.tag_selected),
                           (QKeySequence.Delete, self.delete_selected),
                           (QKeySequence(Qt.Key_Escape), self.filters.reset)):
            action = QAction(self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # --- state ---------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = QSettings()
        header = s.value('members/header')
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        split = s.value('members/splitter')
        if split is not None:
            self.splitter.restoreState(split)

    def save_state(self) -> None:
        s = QSettings()
        s.setValue('members/header', self.table.horizontalHeader().saveState())
        s.setValue('members/splitter', self.splitter.saveState())

    def reload_lookups(self) -> None:
        names = tiers.tier_names()
        self.model.set_tiers(names)
        self.detail.set_tiers(names)
        self.filters.set_tiers(tiers.list_tiers())
        self.filters.set_tags(tags.list_tags())

    def refresh(self) -> None:
        """Reload rows after data changed elsewhere; filters and sort stay."""
        current = self.detail.customer_id()
        self.model.refresh()
        # Rows moved, so the old selection means nothing: clear it and keep showing
        # the customer the owner was working on; actions then act on nothing by accident.
        self._after_reset(select_first=current is None)
        if current:
            self._show_customer(current)
        self._selection_changed()

    # --- filtering --------------------------------------------------------------------------
    def _filters_changed(self, values: dict) -> None:
        f = self.model.current_filter().with_(**values)
        self.model.set_filter(f)
        self._after_reset()

    def _bin_toggled(self, on: bool) -> None:
        self.model.set_filter(self.model.current_filter().with_(deleted=on))
        self._after_reset()

    def _after_reset(self, select_first: bool = True) -> None:
        f = self.model.current_filter()
        empty_shop = (self.model.rowCount() == 0 and f == MemberFilter(sort=f.sort,
                                                                       descending=f.descending)
                      and member_query.count(MemberFilter(deleted=True)) == 0)
        self.stack.setCurrentWidget(self.welcome if empty_shop else self.stack.widget(0))
        in_bin = f.deleted
        for b in (self.new_button, self.edit_button, self.tag_button, self.merge_button,
                  self.delete_button):
            b.setVisible(not in_bin)
        self.restore_button.setVisible(in_bin)
        self.purge_button.setVisible(in_bin)
        if self.model.rowCount() and select_first:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        else:
            self.table.selectionModel().clear()
            self.detail.show_detail(None)
        self._selection_changed()

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    # --- selection -----------------------------------------------------------------------------
    def selected_count(self) -> int:
        return sum(r.height() for r in self.table.selectionModel().selection())

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows; a select-all asks SQL instead of paging everything in."""
        count = self.selected_count()
        ranges = self.table.selectionModel().selection()
        if count > self.model.PAGE_SIZE * 10:
            # Paging thousands of rows through the model builds their display text too;
            # the filter's id list (0.4 s at 1M) is cheaper, cut to the selected ranges.
            every = member_query.ids(self.model.current_filter())
            if count == len(every):
                return every
            return [i for r in ranges for i in every[r.top():r.bottom() + 1]]
        ids = []
        for r in ranges:
            for row in range(r.top(), r.bottom() + 1):
                rid = self.model.row_id(row)
                if rid is not None:
                    ids.append(rid)
        return ids

    def _selection_changed(self, *_) -> None:
        n = self.selected_count()
        total = self.model.rowCount()
        in_bin = self.model.current_filter().deleted
        text = (self.tr('回收站中 {0} 位顾客') if in_bin else self.tr('共 {0} 位会员')).format(
            f'{total:,}')
        if n:
            text += self.tr(' · 已选 {0} 位').format(f'{n:,}')
        self.status.setText(text)
        self.edit_button.setEnabled(self.detail.customer_id() is not None)
        self.merge_button.setEnabled(n >= 2)
        for b in (self.tag_button, self.delete_button, self.restore_button, self.purge_button):
            b.setEnabled(n > 0)

    def _current_changed(self, current, _previous) -> None:
        rid = self.model.row_id(current.row()) if current.isValid() else None
        self._show_customer(rid)

    def _show_customer(self, customer_id: int | None) -> None:
        if customer_id is None:
            self.detail.show_detail(None)
            return
        try:
            detail = customers.get_customer(customer_id)
        except UserError:
            detail = None
        # A customer just binned (or restored) no longer belongs to the list on screen.
        if detail is not None and (detail.deleted_at is not None) != self.model.current_filter().deleted:
            detail = None
        self.detail.show_detail(detail)

    # --- actions ---------------------------------------------------------------------------------
    def _changed(self) -> None:
        self.reload_lookups()
        self.refresh()
        self.changed.emit()

    def load_demo(self) -> None:
        from services.demo import build_demo_shop
        self._task = BackgroundTask(
            lambda progress, cancelled: build_demo_shop(progress=progress, cancelled=cancelled),
            self, self.tr('正在生成演示店铺…'))
        self._task.finished.connect(lambda _: self._changed())
        self._task.failed.connect(
            lambda message: QMessageBox.warning(self, self.tr('演示店铺'), message))
        self._task.start()

    def export_filtered(self) -> None:
        from PySide6.QtWidgets import QFileDialog
        from .files_page import run_export, sheet_filter
        path, _ = QFileDialog.getSaveFileName(self, self.tr('导出筛选结果'),
                                              self.tr('会员表.xlsx'), sheet_filter())
        if path:
            run_export(self, 'members', path, self.model.current_filter())

    def manage_tags(self) -> None:
        from ..dialogs.tag_manager import TagManagerDialog
        TagManagerDialog(self).exec()
        self._changed()

    def show_tier_changes(self) -> None:
        from ..dialogs.tier_changes_dialog import TierChangesDialog
        dialog = TierChangesDialog(self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.customer_chosen.connect(self._show_customer)
        dialog.show()

    def manage_fields(self) -> None:
        from ..dialogs.custom_fields_dialog import CustomFieldsDialog
        CustomFieldsDialog(self).exec()
        self._changed()

    def new_customer(self) -> None:
        dialog = CustomerDialog(self, fields=custom_fields.list_fields())
        if dialog.exec():
            self._changed()
            self._show_customer(dialog.customer_id)

    def edit_current(self) -> None:
        rid = self.detail.customer_id()
        if rid is not None and not self.model.current_filter().deleted:
            self.edit_customer(rid)

    def edit_customer(self, customer_id: int) -> None:
        from ..dialogs.password_dialog import confirm_unmask
        if not confirm_unmask(self):        # the form shows the full number and address
            return
        try:
            detail = customers.get_customer(customer_id)
        except UserError as e:
            QMessageBox.warning(self, self.tr('编辑顾客'), str(e))
            return
        dialog = CustomerDialog(self, detail.profile, customer_id, custom_fields.list_fields())
        if dialog.exec():
            self._changed()

    def add_contact(self, customer_id: int) -> None:
        if ContactDialog(customer_id, self).exec():
            self._show_customer(customer_id)
