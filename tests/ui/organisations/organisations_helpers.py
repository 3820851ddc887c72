"""Numbers and small helpers shared by the Organisations area's tests."""

from __future__ import annotations

REGISTRATION = "5933102"  # valid check digit (python-stdnum); stored as 5933102000
OTHER_REGISTRATION = "6543219"
TAX = "10000003"
OTHER_TAX = "10000011"


def settle(page, total: int):
    """A condition for qtbot.waitUntil: the list shows `total` matches and waits for nothing."""
    return lambda: page.model.total == total and page.model.idle


def count_text(tr, n: int) -> str:
    return tr.ngettext("{count} organisation", "{count} organisations", n).format(count=tr.format_number(n))


def show(qtbot, widget, size=(1100, 640)):
    """Shown and active: shortcuts and focus need an active window."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: widget.isActiveWindow())
    return widget
