"""The user guide window (F1): a table of contents beside the guide, in the program's language.

The guide is hand-written HTML per language in `resources/help/<language>/guide.html`, found
through paths.resources_dir() like the fonts, so it works from a checkout, after `pip install .`
and in the PyInstaller bundle. Its sections are its `<h2 id="…">` headings; the ids are the same in
both languages, so switching the language keeps the section in view.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QKeySequence, QPalette, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.i18n import Translator
from sociolab_desktop.paths import DataPaths, resources_dir
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

GUIDE_FILE = "guide.html"
DEFAULT_SIZE = (960, 640)  # beside the main window on 1366×768, or over it
CONTENTS_WIDTH = 270
TEXT_MARGIN = 4  # between an entry's text and the edge of its highlight
WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ANCHOR_ROLE = Qt.ItemDataRole.UserRole
# Where F1 opens the guide: at the section for the window staff are in, or for the main window's
# area (other windows and the Organisations area open it where it was).
SECTION_FOR_WINDOW = {
    "personWindow": "register",
    "followUpsDialog": "find",
    "lackingConsentDialog": "find",
    "eventWindow": "sheets",
    "checkInWindow": "checkin",
    "supportOverviewWindow": "mentoring",
    "recordsDialog": "reports",
}
SECTION_FOR_AREA = {
    "clients": "register",
    "mentoring": "mentoring",
    "events": "checkin",
    "reports": "reports",
    "sync": "sync",
}


def guide_path(language: str) -> Path:
    return resources_dir() / "help" / language / GUIDE_FILE


def guide_html(language: str, paths: DataPaths, tr: Translator) -> str:
    """The guide with this PC's data and backup folders filled in; a message if it is missing."""
    path = guide_path(language)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        log.warning("User guide not readable (%s)", type(error).__name__)
        message = tr.gettext("The user guide was not found at {path}. Install the program again.")
        return f"<p>{html.escape(message.format(path=str(path)))}</p>"
    for token, folder in (("%DATA_FOLDER%", paths.root), ("%BACKUPS_FOLDER%", paths.backups)):
        text = text.replace(token, f"<code>{html.escape(str(folder))}</code>")
    return text


def section_for(area: str | None) -> str | None:
    """The section about what is on screen: the active window's, or the main window's area; None
    (stay where the guide is) for other windows, the guide itself included."""
    active = QApplication.activeWindow()
    if active is not None and active.objectName() != "mainWindow":
        return SECTION_FOR_WINDOW.get(active.objectName())
    return SECTION_FOR_AREA.get(area or "")


class WrappedHeadings(QStyledItemDelegate):
    """Contents entries wrapped at the list's width, measured and drawn in the same rectangle (Qt's
    own wrapping measures without the text margins it draws with: an entry then showed "… ob vhodu
    na …" over an empty second line)."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def text_rect(self, rect: QRect) -> QRect:
        return rect.adjusted(TEXT_MARGIN, TEXT_MARGIN, -TEXT_MARGIN, -TEXT_MARGIN)

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        width = self.view.viewport().width() - 2 * self.view.spacing()
        text = self.text_rect(QRect(0, 0, width, 100_000))
        needed = option.fontMetrics.boundingRect(text, int(WRAP), index.data() or "")
        return QSize(width, needed.height() + 2 * TEXT_MARGIN)

    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)  # background, highlight
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(item.palette.color(role))
        painter.drawText(self.text_rect(item.rect), int(WRAP), text)
        painter.restore()


class HelpWindow(QWidget):
    """Non-modal and without a parent: a dialog open in the main window does not block reading."""

    def __init__(self, ctx: ShellContext) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.ctx = ctx
        self.language = ""
        self.sections: list[tuple[str, str]] = []  # (anchor, heading) in the guide's order
        self._quiet = False  # set while the program itself scrolls or marks a section

        self.contents = QListWidget(objectName="helpContents")
        self.contents.setWordWrap(True)
        # Long headings wrap to the list's width instead of scrolling sideways.
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.contents.setSpacing(1)
        self.contents.setItemDelegate(WrappedHeadings(self.contents))
        self.contents.currentItemChanged.connect(self._on_contents_item_changed)
        self.browser = QTextBrowser(objectName="helpText")
        self.browser.setOpenExternalLinks(True)
        self.browser.verticalScrollBar().valueChanged.connect(self._follow_scrolling)
        self.find_edit = QLineEdit(objectName="helpFind")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.returnPressed.connect(self.find_next)
        self.close_button = QPushButton(objectName="helpClose")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_find)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([CONTENTS_WIDTH, DEFAULT_SIZE[0] - CONTENTS_WIDTH])
        bottom = QHBoxLayout()
        bottom.addWidget(self.find_edit, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 10)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        available = self.screen().availableGeometry().size()
        self.resize(min(DEFAULT_SIZE[0], available.width()), min(DEFAULT_SIZE[1], available.height()))
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)

    # --- the guide -------------------------------------------------------------------------

    def load(self, language: str) -> None:
        """Show the guide in `language`, at the section that was in view (if it has one)."""
        keep = self.current_section()
        self._quiet = True
        try:
            self.browser.setHtml(guide_html(language, self.ctx.paths, self.ctx.tr))
            self.language = language
            self.sections = [(anchor, block.text().strip()) for anchor, block in self._headings()]
            self.contents.clear()
            for anchor, heading in self.sections:
                item = QListWidgetItem(heading)
                item.setData(ANCHOR_ROLE, anchor)
                self.contents.addItem(item)
        finally:
            self._quiet = False
        if keep:
            self.show_section(keep)

    def _headings(self):
        """(id, block) of every second-level heading with an id, in the document's order."""
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 2:
                fragments = block.begin()
                while not fragments.atEnd():
                    names = fragments.fragment().charFormat().anchorNames()
                    if names:
                        yield names[0], block
                        break
                    fragments += 1
            block = block.next()

    def show_section(self, anchor: str) -> None:
        self._quiet = True
        try:
            self.browser.scrollToAnchor(anchor)
            self._select_in_contents(anchor)
        finally:
            self._quiet = False

    def current_section(self) -> str | None:
        item = self.contents.currentItem()
        return item.data(ANCHOR_ROLE) if item is not None else None

    def present(self, section: str | None = None) -> None:
        """Show the window in front, at `section` if one is given."""
        if self.language != self.ctx.tr.language:
            self.load(self.ctx.tr.language)
        self.show()
        if section:
            self.show_section(section)
        self.raise_()
        self.activateWindow()

    def _on_contents_item_changed(self, item: QListWidgetItem | None, _previous) -> None:
        if item is not None and not self._quiet:
            self.show_section(item.data(ANCHOR_ROLE))

    def _follow_scrolling(self, _value: int) -> None:
        """Mark in the contents the last section whose heading is at or above the top of the view
        (the last sections never reach the top: the one chosen in the contents stays marked)."""
        if self._quiet:
            return
        top = self.browser.verticalScrollBar().value()
        layout = self.browser.document().documentLayout()
        current = None
        for anchor, block in self._headings():
            if layout.blockBoundingRect(block).top() > top + 4:
                break
            current = anchor
        if current and current != self.current_section():
            self._select_in_contents(current)

    def _select_in_contents(self, anchor: str) -> None:
        for row in range(self.contents.count()):
            if self.contents.item(row).data(ANCHOR_ROLE) == anchor:
                quiet, self._quiet = self._quiet, True
                self.contents.setCurrentRow(row)
                self._quiet = quiet
                return

    # --- finding ---------------------------------------------------------------------------

    def _focus_find(self) -> None:
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    def find_next(self) -> bool:
        """The next place the typed words appear, from the top again after the last one."""
        text = self.find_edit.text().strip()
        if not text:
            return False
        if self.browser.find(text):
            return True
        cursor = self.browser.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        if self.browser.find(text):
            return True
        QApplication.beep()  # not in the guide at all
        return False

    # --- language --------------------------------------------------------------------------

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("User guide"))
        self.find_edit.setPlaceholderText(_("Find in the guide (Ctrl+F)"))
        self.close_button.setText(_("Close"))
        if self.language != tr.language:
            self.load(tr.language)
