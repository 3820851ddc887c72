"""The user guide: F1 opens it in the program's language, its contents jump to a section, it follows
a language switch, and every button or menu it names is one the program really shows."""

from __future__ import annotations

import fnmatch
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from sociolab_desktop.i18n import SUPPORTED_LANGUAGES, Translator
from sociolab_desktop.paths import resources_dir, translations_dir
from sociolab_desktop.ui import help_window
from sociolab_desktop.ui.help_window import (
    SECTION_FOR_AREA,
    SECTION_FOR_WINDOW,
    HelpWindow,
    guide_path,
)
from sociolab_desktop.ui.main_menus import LANGUAGE_NAMES
from sociolab_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = ["register", "find", "mentoring", "checkin", "sheets", "import", "sync", "reports", "keys", "data"]
# What the guide must name (as the program shows it in each language), so a task it describes
# cannot lose its menu or button without the guide being corrected.
DESCRIBED = [
    "New person", "Record consent…", "Print consent form…", "Follow-ups due", "New session…",
    "Print record…", "Copy last session", "Door check-in", "New walk-in…", "Undo the last check-in",
    "Print attendance sheet…", "Empty sheet (e.g. for a fair): no names, only numbered rows", "Blank rows:",
    "Attach signed sheet…", "Certificates…", "Issue and save PDF…", "&File",
    "&Import persons or organisations…", "Import only the valid rows", "Check the file again", "S&ync now",
    "&Change…", "&Keep this value", "&Use the other value", "Export to Excel…", "PDF report…", "&Export…",
    "A person in a training programme:", "&Help", "&About SocioLab Desk",
]


class _GuideReader(HTMLParser):
    """The texts quoted as program texts (<b class="ui">) and the sections (<h2 id>) of a guide."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self.sections: list[str] = []
        self._in_name = False
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        if tag == "h2" and attributes.get("id"):
            self.sections.append(attributes["id"])
        if tag == "b" and attributes.get("class") == "ui":
            self._in_name, self._text = True, []

    def handle_endtag(self, tag) -> None:
        if tag == "b" and self._in_name:
            self._in_name = False
            self.names.append(" ".join("".join(self._text).split()))

    def handle_data(self, data) -> None:
        if self._in_name:
            self._text.append(data)


def read_guide(language: str) -> _GuideReader:
    reader = _GuideReader()
    reader.feed(guide_path(language).read_text(encoding="utf-8"))
    return reader


def shown(text: str) -> str:
    """A message as it appears on screen and in the guide: no accelerator, no label colon."""
    return text.replace("&", "").removesuffix(":")


def program_texts(language: str) -> set[str]:
    """Every text the program can show in `language`: the catalogue's translations (Slovenian) or
    its message ids (English), plus the language names the Language menu shows as they are."""
    with (translations_dir() / language / "LC_MESSAGES" / "sociolab.po").open("rb") as handle:
        catalog = read_po(handle, locale=language)
    texts = {name for _code, name in LANGUAGE_NAMES}
    for message in catalog:
        if not message.id:
            continue
        source = message.id if language == "en" else message.string
        for text in [source] if isinstance(source, str) else source:
            if text:
                texts.add(shown(text))
    return texts


@pytest.fixture
def window(ctx, qtbot) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def press_f1(qtbot, main: MainWindow, widget: QWidget | None = None) -> HelpWindow:
    """F1 in `widget` (the main window unless another window is given): the guide it opens."""
    qtbot.keyClick(widget or main, Qt.Key.Key_F1)
    guide = main.help_window
    assert guide is not None
    qtbot.addWidget(guide)
    qtbot.waitExposed(guide)
    return guide


def heading_top(guide: HelpWindow, anchor: str) -> float:
    layout = guide.browser.document().documentLayout()
    return next(layout.blockBoundingRect(block).top() for name, block in guide._headings() if name == anchor)


def test_f1_opens_the_guide_in_slovenian_by_default(window, ctx, qtbot):
    assert ctx.tr.language == "sl"  # a new data folder speaks Slovenian
    guide = press_f1(qtbot, window)
    assert guide.isVisible()
    assert guide.language == "sl"
    assert "SocioLab Desk – navodila za uporabo" in guide.browser.toPlainText()
    headings = [guide.contents.item(row).text() for row in range(guide.contents.count())]
    assert headings[0] == "1. Vpis stranke in njenega soglasja"
    assert [anchor for anchor, _heading in guide.sections] == SECTIONS
    assert guide.windowTitle() == ctx.tr.gettext("User guide")


def test_f1_opens_the_section_of_the_area_on_screen(window, qtbot):
    window.show_area("sync")
    guide = press_f1(qtbot, window)
    assert guide.current_section() == "sync"
    assert guide.browser.verticalScrollBar().value() == pytest.approx(heading_top(guide, "sync"), abs=2)


def test_f1_in_the_door_check_in_window_opens_the_check_in_section(window, qtbot):
    door = QWidget(objectName="checkInWindow")  # the check-in window as F1 sees it: its name
    qtbot.addWidget(door)
    door.show()
    door.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is door)
    guide = press_f1(qtbot, window, door)
    assert guide.current_section() == "checkin"


def test_the_contents_jump_to_the_chosen_section(window, qtbot):
    guide = window.open_user_guide()
    qtbot.addWidget(guide)
    qtbot.waitExposed(guide)
    row = SECTIONS.index("import")
    item = guide.contents.item(row)
    qtbot.mouseClick(guide.contents.viewport(), Qt.MouseButton.LeftButton,
                     pos=guide.contents.visualItemRect(item).center())
    top = heading_top(guide, "import")
    assert top > 0
    assert guide.browser.verticalScrollBar().value() == pytest.approx(top, abs=2)
    assert guide.current_section() == "import"


def test_scrolling_the_guide_marks_its_section_in_the_contents(window, qtbot):
    guide = window.open_user_guide()
    qtbot.addWidget(guide)
    qtbot.waitExposed(guide)
    guide.browser.verticalScrollBar().setValue(int(heading_top(guide, "mentoring")) + 10)
    assert guide.current_section() == "mentoring"


def test_switching_the_language_shows_the_english_guide_at_the_same_section(window, qtbot):
    guide = window.open_user_guide()
    qtbot.addWidget(guide)
    qtbot.waitExposed(guide)
    guide.show_section("sheets")
    window.menus.language_actions["en"].trigger()
    assert guide.language == "en"
    assert "SocioLab Desk – user guide" in guide.browser.toPlainText()
    assert guide.contents.item(0).text() == "1. Register a client and their consent"
    assert guide.current_section() == "sheets"
    assert guide.browser.verticalScrollBar().value() == pytest.approx(heading_top(guide, "sheets"), abs=2)
    assert guide.windowTitle() == "User guide"
    window.menus.language_actions["sl"].trigger()
    assert guide.contents.item(0).text() == "1. Vpis stranke in njenega soglasja"


def _inked(image, rect) -> bool:
    """Whether anything dark (text) is drawn in `rect` of `image`."""
    return any(image.pixelColor(x, y).lightness() < 128
               for y in range(rect.top(), rect.bottom() + 1) for x in range(rect.left(), rect.right() + 1))


# Widths where Qt's own wrapping (measured wider than drawn) left entries with an empty last line.
@pytest.mark.parametrize("contents_width", [help_window.CONTENTS_WIDTH, 155, 173, 206, 224, 284])
def test_every_contents_entry_shows_its_whole_heading_wrapped_to_the_list(window, qtbot, contents_width):
    guide = window.open_user_guide()
    qtbot.addWidget(guide)
    qtbot.waitExposed(guide)
    guide.contents.setCurrentRow(-1)  # nothing highlighted: the text is dark on light everywhere
    splitter = guide.contents.parentWidget()
    splitter.setSizes([contents_width, guide.width() - contents_width])
    qtbot.waitUntil(lambda: guide.contents.width() <= contents_width + 2)
    guide.contents.doItemsLayout()
    image = guide.contents.viewport().grab().toImage()
    metrics = guide.contents.fontMetrics()
    assert not guide.contents.horizontalScrollBar().isVisible()
    wrapped = 0
    for row in range(guide.contents.count()):
        item = guide.contents.item(row)
        rect = guide.contents.visualItemRect(item)
        assert rect.right() <= guide.contents.viewport().width()
        needed = metrics.boundingRect(rect.adjusted(4, 0, -4, 0), int(help_window.WRAP), item.text())
        assert rect.height() >= needed.height(), item.text()
        # Its last line is drawn, not left empty under an elided first line ("… ob vhodu na …").
        line = metrics.lineSpacing()
        assert _inked(image, rect.adjusted(0, rect.height() - line - 2, 0, -2)), item.text()
        wrapped += needed.height() > 1.5 * line
    assert wrapped >= (3 if contents_width < 200 else 1)


def test_the_guide_names_this_pcs_data_and_backup_folders(window, workspace, qtbot):
    guide = window.open_user_guide()
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    assert str(workspace.paths.root) in text
    assert str(workspace.paths.backups) in text
    assert "%DATA_FOLDER%" not in text


def test_find_moves_to_the_next_place_and_starts_again_at_the_top(window, qtbot):
    guide = window.open_user_guide()
    qtbot.addWidget(guide)
    qtbot.keyClicks(guide.find_edit, "Ctrl+P")
    qtbot.keyClick(guide.find_edit, Qt.Key.Key_Return)
    first = guide.browser.textCursor().position()
    assert guide.browser.textCursor().selectedText() == "Ctrl+P"
    qtbot.keyClick(guide.find_edit, Qt.Key.Key_Return)
    assert guide.browser.textCursor().position() > first
    for _ in range(guide.browser.toPlainText().count("Ctrl+P") - 1):
        guide.find_next()
    assert guide.browser.textCursor().position() == first  # round again from the top


def test_the_guide_is_not_blocked_by_a_dialog_and_closes_with_the_main_window(window, qtbot):
    guide = window.open_user_guide()
    qtbot.addWidget(guide)
    assert guide.parent() is None  # a window-modal form in the main window leaves it readable
    window.close()
    assert not guide.isVisible()


def test_a_missing_guide_says_where_it_was_looked_for(ctx, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(help_window, "resources_dir", lambda: tmp_path)
    guide = HelpWindow(ctx)
    qtbot.addWidget(guide)
    assert str(tmp_path / "help" / "sl" / "guide.html") in guide.browser.toPlainText()
    assert guide.contents.count() == 0


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_guide_exists_with_every_section(language):
    assert guide_path(language).is_file()
    assert read_guide(language).sections == SECTIONS
    assert set(SECTION_FOR_WINDOW.values()) | set(SECTION_FOR_AREA.values()) <= set(SECTIONS)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_name_the_guide_quotes_is_a_text_the_program_shows(language):
    names = read_guide(language).names
    assert len(names) > 100
    unknown = sorted(set(names) - program_texts(language))
    assert unknown == [], f"renamed or untranslated in the program, correct {guide_path(language)}"


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_guide_names_the_menus_and_buttons_of_the_tasks_it_describes(language):
    tr = Translator(language)
    names = set(read_guide(language).names)
    missing = [message for message in DESCRIBED if shown(tr.gettext(message)) not in names]
    assert missing == []


def test_guides_are_installed_by_pip_install():
    """`pip install .` puts them where paths.resources_dir() looks: <prefix>/share/sociolab-desktop."""
    data_files = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["data-files"]
    for language in SUPPORTED_LANGUAGES:
        source = guide_path(language).relative_to(resources_dir().parent).as_posix()
        targets = [target for target, patterns in data_files.items()
                   if any(fnmatch.fnmatch(source, pattern) for pattern in patterns)]
        assert targets == [f"share/sociolab-desktop/resources/help/{language}"]
