"""The Qt binding itself: PySide6 6.12.0 lost a reference to True on every signal emit and
aborted long sessions ("Fatal Python error: bool_dealloc"); pyproject keeps us off it."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal()


def test_emitting_signals_does_not_leak_references_to_true(qapp):
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(1000):
        emitter.happened.emit()
    # Other code may take or drop a reference or two meanwhile; the bug lost one per emit.
    assert abs(sys.getrefcount(True) - before) < 10
