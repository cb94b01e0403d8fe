"""Add or edit one customer's profile, with validation messages beside the form."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox,
                               QVBoxLayout, QWidget)

from services import customers
from services.custom_fields import FieldInfo
from services.customer_profile import CustomerProfile
from services.errors import UserError, ValidationError

from ..labels import gender_name, platform_codes, platform_name


class CustomerDialog(QDialog):
    """Saves through services.customers; `customer_id` is set after a save."""

    def __init__(self, parent=None, profile: CustomerProfile | None = None,
                 customer_id: int | None = None, fields: list[FieldInfo] = ()):
        super().__init__(parent)
        self.customer_id = customer_id
        self._fields = list(fields)
        self.setWindowTitle(self.tr('编辑顾客') if customer_id else self.tr('新建顾客'))
        self._build()
        self._load(profile or CustomerProfile())

    # --- layout -------------------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.platform = QComboBox()
        for code in platform_codes():
            self.platform.addItem(platform_name(code), code)
        self.nick = QLineEdit()
        self.nick.setPlaceholderText(self.tr('买家在平台上的会员名，必填'))
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr('如 13800001234，可带 * 号打码'))
        self.phone2 = QLineEdit()
        self.wechat = QLineEdit()
        self.gender = QComboBox()
        for code in ('', 'F', 'M'):
            self.gender.addItem(gender_name(code), code)
        form.addRow(self.tr('平台'), self.platform)
        form.addRow(self.tr('买家会员名'), self.nick)
        form.addRow(self.tr('姓名'), self.name)
        form.addRow(self.tr('手机'), self.phone)
        form.addRow(self.tr('备用电话'), self.phone2)
        form.addRow(self.tr('微信'), self.wechat)
        form.addRow(self.tr('性别'), self.gender)
        form.addRow(self.tr('生日'), self._birthday_row())
        self.province = QLineEdit()
        self.city = QLineEdit()
        region = QHBoxLayout()
        region.addWidget(self.province)
        region.addWidget(self.city)
        self.province.setPlaceholderText(self.tr('省'))
        self.city.setPlaceholderText(self.tr('市'))
        form.addRow(self.tr('地区'), region)
        self.address = QLineEdit()
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr('如 老客介绍、抖音直播、门店'))
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        form.addRow(self.tr('地址'), self.address)
        form.addRow(self.tr('来源'), self.source)
        form.addRow(self.tr('备注'), self.note)
        self.extra_edits: dict[str, QWidget] = {}
        for f in self._fields:
            edit = QComboBox() if f.kind == 'choice' else QLineEdit()
            if isinstance(edit, QComboBox):
                edit.setEditable(True)
                edit.addItems([''] + f.choices)
            self.extra_edits[f.name] = edit
            form.addRow(f.name, edit)
        self.error = QLabel()
        self.error.setObjectName('formError')
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _birthday_row(self) -> QHBoxLayout:
        self.birth_kind = QComboBox()
        self.birth_kind.addItem(self.tr('不填'), '')
        self.birth_kind.addItem(self.tr('公历'), 'solar')
        self.birth_kind.addItem(self.tr('农历'), 'lunar')
        self.birth_year = QSpinBox()
        self.birth_year.setRange(0, date.today().year)
        self.birth_year.setSpecialValueText(self.tr('年份不详'))
        self.birth_month = QSpinBox()
        self.birth_month.setRange(1, 12)
        self.birth_month.setSuffix(self.tr('月'))
        self.birth_day = QSpinBox()
        self.birth_day.setRange(1, 31)
        self.birth_day.setSuffix(self.tr('日'))
        self.birth_leap = QCheckBox(self.tr('闰月'))
        self.birth_kind.currentIndexChanged.connect(self._birth_kind_changed)
        row = QHBoxLayout()
        for w in (self.birth_kind, self.birth_year, self.birth_month, self.birth_day,
                  self.birth_leap):
            row.addWidget(w)
        return row

    def _birth_kind_changed(self) -> None:
        kind = self.birth_kind.currentData()
        for w in (self.birth_year, self.birth_month, self.birth_day):
            w.setEnabled(bool(kind))
        self.birth_leap.setEnabled(kind == 'lunar')
        self.birth_day.setMaximum(30 if kind == 'lunar' else 31)

    # --- data -----------------------------------------------------------------------
    def _load(self, p: CustomerProfile) -> None:
        self.platform.setCurrentIndex(max(0, self.platform.findData(p.platform)))
        for name in ('nick', 'name', 'phone', 'phone2', 'wechat', 'province', 'city',
                     'address', 'source'):
            getattr(self, name).setText(getattr(p, name))
        self.note.setPlainText(p.note)
        self.gender.setCurrentIndex(max(0, self.gender.findData(p.gender)))
        self.birth_kind.setCurrentIndex(max(0, self.birth_kind.findData(p.birth_kind)))
        self.birth_year.setValue(p.birth_year or 0)
        self.birth_month.setValue(p.birth_month or 1)
        self.birth_day.setValue(p.birth_day or 1)
        self.birth_leap.setChecked(bool(p.birth_leap))
        self._birth_kind_changed()
        for name, edit in self.extra_edits.items():
            value = str(p.extra.get(name, ''))
            if isinstance(edit, QComboBox):
                edit.setCurrentText(value)
            else:
                edit.setText(value)
        self._extra_kept = {k: v for k, v in p.extra.items() if k not in self.extra_edits}

    def profile(self) -> CustomerProfile:
        kind = self.birth_kind.currentData()
        extra = dict(self._extra_kept)
        for name, edit in self.extra_edits.items():
            extra[name] = (edit.currentText() if isinstance(edit, QComboBox)
                           else edit.text()).strip()
        return CustomerProfile(
            platform=self.platform.currentData(), nick=self.nick.text(), name=self.name.text(),
            phone=self.phone.text(), phone2=self.phone2.text(), wechat=self.wechat.text(),
            gender=self.gender.currentData(), birth_kind=kind,
            birth_year=self.birth_year.value() or None if kind else None,
            birth_month=self.birth_month.value() if kind else None,
            birth_day=self.birth_day.value() if kind else None,
            birth_leap=self.birth_leap.isChecked() and kind == 'lunar',
            province=self.province.text(), city=self.city.text(), address=self.address.text(),
            source=self.source.text(), note=self.note.toPlainText(), extra=extra)

    def save(self) -> None:
        try:
            if self.customer_id:
                customers.update_customer(self.customer_id, self.profile())
            else:
                self.customer_id = customers.create_customer(self.profile())
        except ValidationError as e:
            widget = self.birth_month if e.field == 'birthday' else getattr(self, e.field, None)
            self._show_error(str(e), widget)
            return
        except UserError as e:
            self._show_error(str(e), None)
            return
        self.accept()

    def _show_error(self, message: str, widget: QWidget | None) -> None:
        self.error.setText(message)
        self.error.show()
        if isinstance(widget, QWidget):
            widget.setFocus(Qt.OtherFocusReason)
