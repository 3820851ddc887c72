"""One window per record: find the one already open and bring it to the front."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def front_window(parent: QWidget | None, window_class: type[W], shows: Callable[[W], bool]) -> W | None:
    """The visible `window_class` window under `parent` that `shows` the record, raised and
    activated; None when there is none (the caller then opens a new one)."""
    if parent is None:
        return None
    for window in parent.findChildren(window_class):
        if shows(window) and window.isVisible():
            window.raise_()
            window.activateWindow()
            return window
    return None
