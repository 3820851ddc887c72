"""Qt's own texts (standard buttons, file dialogs, context menus) in the program's language.

PySide6 ships no `qtbase_sl.qm`: the legacy `qt_sl.qm` translates file dialogs and context menus
but not the standard buttons (OK, Cancel, Yes, Save...). Those are answered from our own gettext
catalogue by `GettextQtTranslator`, so the lead translates them once with every other string.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from sociolab_desktop.i18n import N_, Translator

# Source texts exactly as Qt asks for them, per translation context. "&Open" and "Don't Save"
# are asked by other Qt versions and platform themes; they cost nothing when unused.
QT_STANDARD_TEXTS: dict[str, frozenset[str]] = {
    "QPlatformTheme": frozenset(
        (
            N_("OK"),
            N_("Save"),
            N_("Save All"),
            N_("Open"),
            N_("&Open"),
            N_("&Yes"),
            N_("Yes to &All"),
            N_("&No"),
            N_("N&o to All"),
            N_("Abort"),
            N_("Retry"),
            N_("Ignore"),
            N_("Close"),
            N_("Cancel"),
            N_("Discard"),
            N_("Don't Save"),
            N_("Help"),
            N_("Apply"),
            N_("Reset"),
            N_("Restore Defaults"),
        )
    ),
    # The GNOME platform theme asks for its own texts, with mnemonics.
    "QGnomeTheme": frozenset(
        (N_("&OK"), N_("&Save"), N_("&Cancel"), N_("&Close"), N_("Close without Saving"))
    ),
    "QMessageBox": frozenset((N_("Show Details..."), N_("Hide Details..."))),
}

QT_CATALOGUES = {"sl": "qt_sl"}


class GettextQtTranslator(QTranslator):
    """Answers Qt's standard texts from our catalogue; everything else falls through to Qt."""

    def __init__(self, tr: Translator) -> None:
        super().__init__()
        self._tr = tr

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 (Qt API)
        # None (a null QString) lets the next translator answer; "" would stop Qt's search.
        if source_text not in QT_STANDARD_TEXTS.get(context, ()):
            return None
        translated = self._tr.gettext(source_text)
        # Untranslated: let qt_sl.qm (or Qt's own English) answer.
        return translated if translated != source_text else None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt API)
        return False


class QtTranslators:
    """The pair of Qt translators for one language; `install` swaps them for another language.

    Installing or removing a translator makes Qt send LanguageChange to every widget, so standard
    buttons of open dialogs follow immediately.
    """

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []

    def install(self, tr: Translator) -> None:
        self.remove()
        catalogue = QT_CATALOGUES.get(tr.language)
        if catalogue:
            qt_file = QTranslator()
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_file.load(catalogue, folder):
                self._app.installTranslator(qt_file)
                self._installed.append(qt_file)
        # Installed last, so Qt asks it first.
        ours = GettextQtTranslator(tr)
        self._app.installTranslator(ours)
        self._installed.append(ours)

    def remove(self) -> None:
        while self._installed:
            self._app.removeTranslator(self._installed.pop())
