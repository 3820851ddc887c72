"""Document logos (administrators): the images printed in every document's header, in order,
with a preview and their height."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.branding_settings import (
    display_name,
    import_logo,
    logo_path,
    remove_unused_logos,
)
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.paths import DataPaths
from sociolab_desktop.settings import LOGO_HEIGHT_RANGE_MM
from sociolab_desktop.ui.document_header_preview import DocumentHeaderPreview
from sociolab_desktop.ui.labels import section_heading
from sociolab_desktop.ui.messages import InlineError, settings_not_saved
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

PREVIEW_PX = 120  # images are kept this high for the list and the preview, not at full size
ICON_SIZE = QSize(150, 48)
ALREADY_LISTED = N_("{name} is already in the list.")
PREVIEW_TITLE = N_("Title of the document")


@dataclass(frozen=True)
class LogoEntry:
    setting: str  # as Settings.document_logos names it
    image: QImage  # scaled down for showing; null when the file is missing or unreadable
    width_px: int = 0
    height_px: int = 0

    @property
    def readable(self) -> bool:
        return not self.image.isNull()


def _entry(paths: DataPaths, setting: str) -> LogoEntry:
    """In a worker (QImage, unlike QPixmap, may be made off the GUI thread)."""
    image = QImage(str(logo_path(paths, setting)))
    if image.isNull():
        return LogoEntry(setting, QImage())
    width, height = image.width(), image.height()
    if height > PREVIEW_PX:
        image = image.scaledToHeight(PREVIEW_PX, Qt.TransformationMode.SmoothTransformation)
    return LogoEntry(setting, image, width, height)


def load_entries(paths: DataPaths, settings: list[str]) -> list[LogoEntry]:
    return [_entry(paths, setting) for setting in settings]


def import_files(paths: DataPaths, sources: list[str]) -> list[LogoEntry | UserError]:
    """Each chosen file checked and copied into the data folder, or the reason it was refused."""
    results: list[LogoEntry | UserError] = []
    for source in sources:
        try:
            results.append(_entry(paths, import_logo(paths, source).setting))
        except UserError as error:
            results.append(error)
    return results


def _icon(image: QImage) -> QIcon:
    """The image on a canvas of ICON_SIZE, so that every row's text starts at the same place."""
    canvas = QPixmap(ICON_SIZE)
    canvas.fill(Qt.GlobalColor.transparent)
    scaled = QPixmap.fromImage(image).scaled(ICON_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation)
    painter = QPainter(canvas)
    painter.drawPixmap(0, (ICON_SIZE.height() - scaled.height()) // 2, scaled)
    painter.end()
    return QIcon(canvas)


class DocumentSettingsDialog(QDialog):
    saved = Signal()

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentSettingsDialog")
        self.ctx = ctx
        self.can_edit = ctx.is_admin()
        self.entries: list[LogoEntry] = []
        self.loaded = False
        self.importing = False

        self.note = QLabel(objectName="logosNote", wordWrap=True)
        self.logo_list = QListWidget(objectName="logoList")
        self.logo_list.setIconSize(ICON_SIZE)
        self.logo_list.setSpacing(2)
        self.logo_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.logo_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list_label = QLabel(objectName="logoListLabel", buddy=self.logo_list)
        self.add_button = QPushButton(objectName="addLogoButton")
        self.remove_button = QPushButton(objectName="removeLogoButton")
        self.up_button = QPushButton(objectName="moveLogoUpButton")
        self.down_button = QPushButton(objectName="moveLogoDownButton")
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
        # Keys where staff expect them: Delete removes, Ctrl+Up / Ctrl+Down reorder, Ctrl+O adds.
        self.shortcuts = []
        for keys, action in ((QKeySequence.StandardKey.Delete, self.remove_selected),
                             ("Ctrl+Up", lambda: self.move_selected(-1)),
                             ("Ctrl+Down", lambda: self.move_selected(1))):
            shortcut = QShortcut(QKeySequence(keys), self.logo_list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(action)
            self.shortcuts.append(shortcut)
        add_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self)
        add_shortcut.activated.connect(self.choose_files)
        self.shortcuts.append(add_shortcut)

        self.height_spin = QSpinBox(objectName="logoHeight")
        low, high = LOGO_HEIGHT_RANGE_MM
        self.height_spin.setRange(round(low), round(high))
        self.height_spin.setValue(round(ctx.settings.logo_height_mm))
        self.height_spin.valueChanged.connect(lambda _value: self._show_preview())
        self.height_label = QLabel(objectName="logoHeightLabel", buddy=self.height_spin)
        self.preview_heading = section_heading("logoPreviewHeading")
        self.preview = DocumentHeaderPreview()
        self.error = InlineError()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        self.setTabOrder(self.logo_list, self.add_button)
        for before, after in ((self.add_button, self.remove_button), (self.remove_button, self.up_button),
                              (self.up_button, self.down_button), (self.down_button, self.height_spin),
                              (self.height_spin, self.buttons)):
            self.setTabOrder(before, after)
        self.resize(760, 560)
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        self._update_buttons()
        paths, settings = ctx.paths, list(ctx.settings.document_logos)
        ctx.operations.run(lambda: load_entries(paths, settings), on_success=self._on_loaded, owner=self)

    def _build_layout(self) -> None:
        side = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addStretch(1)
        logos = QHBoxLayout()
        logos.addWidget(self.logo_list, 1)
        logos.addLayout(side)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.height_label, self.height_spin)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.list_label)
        layout.addLayout(logos, 1)
        layout.addLayout(form)
        layout.addWidget(self.preview_heading)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # --- the list --------------------------------------------------------------------------

    def _on_loaded(self, entries: list[LogoEntry]) -> None:
        self.entries = entries
        self.loaded = True
        self._show_entries(0 if entries else -1)

    def _show_entries(self, current: int) -> None:
        tr = self.ctx.tr
        self.logo_list.clear()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for entry in self.entries:
            name = display_name(entry.setting)
            if entry.readable:
                text = tr.gettext("{name}\n{width} × {height} pixels").format(
                    name=name, width=entry.width_px, height=entry.height_px)
                icon = _icon(entry.image)
            else:
                text = tr.gettext("{name}\nThe file is missing or damaged: remove it and add the logo again.").format(
                    name=name)
                icon = warning
            item = QListWidgetItem(icon, text)
            item.setToolTip(str(logo_path(self.ctx.paths, entry.setting)))
            self.logo_list.addItem(item)
        self.logo_list.setCurrentRow(current)
        self._update_buttons()
        self._show_preview()

    def _update_buttons(self) -> None:
        row, count = self.logo_list.currentRow(), len(self.entries)
        editable = self.can_edit and self.loaded
        self.add_button.setEnabled(editable and not self.importing)
        self.remove_button.setEnabled(editable and row >= 0)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < count - 1)
        self.height_spin.setEnabled(editable)
        self.save_button.setEnabled(editable and not self.importing)

    def _show_preview(self) -> None:
        images = [entry.image for entry in self.entries if entry.readable]
        self.preview.show_header(images, self.height_spin.value(), self.ctx.tr.gettext(PREVIEW_TITLE))

    def choose_files(self) -> None:
        if not self.add_button.isEnabled():
            return
        _ = self.ctx.tr.gettext
        files, _filter = QFileDialog.getOpenFileNames(
            self, _("Choose logo images"), str(Path.home()),
            ";;".join((_("PNG or JPEG images") + " (*.png *.jpg *.jpeg *.PNG *.JPG *.JPEG)",
                       _("All files") + " (*)")))
        if files:
            self.add_files(files)

    def add_files(self, files: list[str]) -> None:
        """Check and copy the files off the GUI thread; the readable ones join the end of the list."""
        self.error.clear_error()
        self.importing = True
        self._update_buttons()
        paths = self.ctx.paths
        self.ctx.operations.run(lambda: import_files(paths, list(files)), on_success=self._on_imported,
                                on_failure=self._on_import_failed, owner=self)

    def _on_imported(self, results: list[LogoEntry | UserError]) -> None:
        self.importing = False
        tr = self.ctx.tr
        messages = []
        listed = {entry.setting for entry in self.entries}
        for result in results:
            if isinstance(result, UserError):
                messages.append(result.render(tr))
            elif result.setting in listed:
                messages.append(tr.gettext(ALREADY_LISTED).format(name=display_name(result.setting)))
            else:
                self.entries.append(result)
                listed.add(result.setting)
        log.info("Logos chosen: %d added, %d refused", len(results) - len(messages), len(messages))
        self._show_entries(len(self.entries) - 1 if self.entries else -1)
        self.error.show_text("\n".join(messages))

    def _on_import_failed(self, error: BaseException) -> None:
        self.importing = False
        self._update_buttons()
        self.ctx.operations.report_error(error)

    def remove_selected(self) -> None:
        row = self.logo_list.currentRow()
        if self.remove_button.isEnabled() and 0 <= row < len(self.entries):
            del self.entries[row]
            self._show_entries(min(row, len(self.entries) - 1))

    def move_selected(self, step: int) -> None:
        row = self.logo_list.currentRow()
        target = row + step
        if self.can_edit and self.loaded and 0 <= row < len(self.entries) and 0 <= target < len(self.entries):
            self.entries[row], self.entries[target] = self.entries[target], self.entries[row]
            self._show_entries(target)

    # --- saving ----------------------------------------------------------------------------

    def accept(self) -> None:
        if not self.save_button.isEnabled():
            return
        settings = self.ctx.settings
        settings.document_logos = [entry.setting for entry in self.entries]
        settings.logo_height_mm = float(self.height_spin.value())
        try:
            self.ctx.save_settings()
        except OSError as error:
            self.error.show_error(settings_not_saved(error), self.ctx.tr)
            return
        remove_unused_logos(self.ctx.paths, settings)
        self.saved.emit()
        super().accept()

    # --- words -----------------------------------------------------------------------------

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Document logos"))
        if self.can_edit:
            self.note.setText(_(
                "These logos are printed at the top of every document (consent forms, attendance lists, "
                "certificates), left to right in this order. Use the files the lead partner supplies, such as "
                "the EU emblem and the programme logos, as PNG or JPEG images. A copy of each file is kept in "
                "the data folder."
            ))
        else:
            self.note.setText(_("Only administrators can change the logos printed on documents."))
        self.list_label.setText(_("&Logos, left to right:"))
        self.add_button.setText(_("&Add…"))
        self.remove_button.setText(_("&Remove"))
        self.up_button.setText(_("Move &up"))
        self.down_button.setText(_("Move &down"))
        self.height_label.setText(_("Logo &height:"))
        self.height_spin.setSuffix(" mm")
        self.preview_heading.setText(_("Preview of a document's header"))
        self.save_button.setText(_("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        if self.loaded:
            self._show_entries(self.logo_list.currentRow())
