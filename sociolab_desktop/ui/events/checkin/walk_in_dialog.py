"""Quick-add a walk-in at the door and check them in in one step; a possible duplicate is offered
as "this is them" so the person already recorded is checked in instead of a copy."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.services import persons
from sociolab_desktop.core.services.events import checkin as ci
from sociolab_desktop.core.services.events.registrations import QuickPerson
from sociolab_desktop.core.services.person_search import (
    DUPLICATE_REASON_LABELS,
    DuplicateCandidate,
)
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.forms.field_marks import FieldMarks
from sociolab_desktop.ui.labels import section_heading
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.persons.municipality_picker import (
    MunicipalityPicker,
    municipality_choices,
)
from sociolab_desktop.ui.shell_context import ShellContext

# Every write of the door runs in this queue, in the order staff made them (a scan, a walk-in, an undo).
DOOR_SERIAL = "door-check-in"
FIELDS = (("first_name", N_("First name:")), ("last_name", N_("Last name:")), ("email", N_("E-mail:")),
          ("phone", N_("Phone:")), ("municipality_code", N_("Municipality:")))
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DOOR_FONT_SCALE = 1.15


def split_typed_name(typed: str) -> tuple[str, str]:
    """What was typed in the search field as (first name, last name): "janez novak" gives
    ("Janez", "Novak"); one word is taken as the last name."""
    words = typed.split()
    if typed == typed.lower():
        words = [word[:1].upper() + word[1:] for word in words]
    if len(words) < 2:
        return "", " ".join(words)
    return words[0], " ".join(words[1:])


class WalkInDialog(QDialog):
    """Shown with `open()`. Emits `checked_in(receipt)` and closes; a refusal of the check-in
    itself (already checked in) is handed to the window with `refused(error)`."""

    checked_in = Signal(object)
    refused = Signal(object)

    def __init__(self, ctx: ShellContext, session_id: str, typed: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("walkInDialog")
        self.ctx = ctx
        self.session_id = session_id
        self.candidates: list[DuplicateCandidate] = []
        self.busy = False

        self.heading = section_heading("walkInHeading")
        self.intro = QLabel(objectName="walkInIntro", wordWrap=True)
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.general = InlineError()
        self.marks = FieldMarks(self.general)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for name, _label in FIELDS:
            widget = MunicipalityPicker() if name == "municipality_code" else QLineEdit(objectName=name)
            widget.setMinimumWidth(320)
            self.fields[name], self.labels[name] = widget, QLabel()
            editor = widget.lineEdit() if name == "municipality_code" else widget
            editor.textEdited.connect(self._hide_candidates)
            form.addRow(self.labels[name], self.marks.field(name, widget))
        first, last = split_typed_name(typed)
        self.fields["first_name"].setText(first)
        self.fields["last_name"].setText(last)

        self.duplicates = QWidget(objectName="walkInDuplicates")
        self.duplicates_intro = QLabel(wordWrap=True)
        self.duplicates_intro.setStyleSheet("color: #6b4600; font-weight: bold;")
        self.candidate_list = QListWidget(objectName="walkInCandidates")
        self.candidate_list.itemDoubleClicked.connect(lambda _item: self._on_this_is_them())
        self.this_is_them = QPushButton(objectName="thisIsThemButton")
        self.someone_else = QPushButton(objectName="someoneElseButton")
        for button in (self.this_is_them, self.someone_else):
            button.setAutoDefault(False)  # Enter adds the walk-in until the duplicates are shown
        self.this_is_them.clicked.connect(self._on_this_is_them)
        self.someone_else.clicked.connect(self._on_someone_else)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.this_is_them)
        choice_row.addWidget(self.someone_else)
        choice_row.addStretch(1)
        duplicates_layout = QVBoxLayout(self.duplicates)
        duplicates_layout.setContentsMargins(0, 0, 0, 0)
        duplicates_layout.addWidget(self.duplicates_intro)
        duplicates_layout.addWidget(self.candidate_list)
        duplicates_layout.addLayout(choice_row)
        self.duplicates.hide()

        self.buttons = QDialogButtonBox(self)  # in the dialog before setDefault, or the dialog picks its own
        self.add_button = QPushButton(objectName="addWalkInButton")
        self.cancel_button = QPushButton(objectName="cancelWalkInButton")
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self._on_add)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.duplicates, 1)
        layout.addStretch(0)
        layout.addWidget(self.buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        # A little larger than the office dialogs: typed standing, with the queue waiting.
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * DOOR_FONT_SCALE)
        self.setFont(font)

        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        self.resize(max(600, self.sizeHint().width()), self.sizeHint().height())
        ctx.operations.run(municipality_choices, on_success=self._on_choices, owner=self)
        (self.fields["last_name"] if first else self.fields["first_name"]).setFocus()

    # --- reading and writing ------------------------------------------------------------------

    def quick_person(self) -> QuickPerson:
        municipality, _abroad = self.fields["municipality_code"].value()
        return QuickPerson(first_name=self.fields["first_name"].text(), last_name=self.fields["last_name"].text(),
                           email=self.fields["email"].text() or None, phone=self.fields["phone"].text() or None,
                           municipality_code=municipality or None)

    def _on_add(self) -> None:
        self._submit(new_person=self.quick_person(), allow_duplicates=False)

    def _on_someone_else(self) -> None:
        self._submit(new_person=self.quick_person(), allow_duplicates=True)

    def _on_this_is_them(self) -> None:
        item = self.candidate_list.currentItem()
        if item is not None:
            self._submit(person_id=item.data(PERSON_ID_ROLE))

    def _submit(self, **what) -> None:
        if self.busy:
            return
        self.marks.clear()
        self._set_busy(True)
        store, actor, session_id = self.ctx.workspace.store, self.ctx.workspace.actor, self.session_id
        today = dt.date.today()

        def work():
            return ci.check_in_walk_in(store, actor, session_id, today=today, **what)

        self.ctx.operations.run(work, on_success=self._on_done, on_failure=self._on_failed, owner=self,
                                serial=DOOR_SERIAL)

    def _on_done(self, receipt: ci.CheckInReceipt) -> None:
        self._set_busy(False)
        self.checked_in.emit(receipt)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, persons.PossibleDuplicate):
            self._show_candidates(error.candidates)
        elif isinstance(error, ci.CheckInRefused):
            self.refused.emit(error)
            self.reject()
        elif isinstance(error, UserError):
            self.marks.show(error, self.ctx.tr)
        else:
            self.ctx.operations.report_error(error)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.add_button, self.this_is_them, self.someone_else):
            button.setEnabled(not busy)

    def _show_candidates(self, candidates: list[DuplicateCandidate]) -> None:
        self.candidates = list(candidates)
        self.candidate_list.clear()
        for candidate in self.candidates:
            item = QListWidgetItem()
            item.setData(PERSON_ID_ROLE, candidate.id)
            self.candidate_list.addItem(item)
        self.candidate_list.setCurrentRow(0)
        self.duplicates.show()
        self.add_button.hide()  # "Someone else" takes its place while the likeness is on screen
        self.this_is_them.setDefault(True)  # Enter: the person already recorded, the safe choice
        self.retranslate(self.ctx.tr)
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        self.candidate_list.setFocus()

    def _hide_candidates(self, *_args) -> None:
        """Edited after the likeness was shown: the fields are checked again on Add."""
        if self.duplicates.isVisible():
            self.duplicates.hide()
            self.add_button.show()
            self.add_button.setDefault(True)

    def _on_choices(self, choices) -> None:
        self.fields["municipality_code"].set_choices(choices, self.ctx.tr)

    # --- language -----------------------------------------------------------------------------

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Walk-in"))
        self.heading.setText(_("Add a walk-in and check them in"))
        self.intro.setText(_("The name is enough now; the rest of the record can be completed later in the "
                             "clients' list (the person is flagged incomplete)."))
        for name, label in FIELDS:
            self.labels[name].setText(_(label))
        self.fields["municipality_code"].retranslate(tr)
        self.add_button.setText(_("Add and check in"))
        self.cancel_button.setText(_("Cancel"))
        self.this_is_them.setText(_("This is them: check in"))
        self.someone_else.setText(_("Someone else: add a new person"))
        self.duplicates_intro.setText(tr.ngettext(
            "This person may already be recorded. If it is them, check in the existing record (Enter).",
            "These persons may be the one at the door. If it is one of them, choose them and check in (Enter).",
            len(self.candidates)))
        for row, candidate in enumerate(self.candidates):
            self.candidate_list.item(row).setText(self._candidate_text(tr, candidate))

    def _candidate_text(self, tr: Translator, candidate: DuplicateCandidate) -> str:
        facts = [f"{candidate.first_name} {candidate.last_name}"]
        if candidate.birth_date:
            facts.append(tr.format_date(candidate.birth_date, "numeric"))
        facts += [value for value in (candidate.municipality_name, candidate.email, candidate.phone) if value]
        reasons = ", ".join(tr.gettext(DUPLICATE_REASON_LABELS[reason]) for reason in candidate.reasons)
        return tr.gettext("{person} ({reasons})").format(person=" · ".join(facts), reasons=reasons)
