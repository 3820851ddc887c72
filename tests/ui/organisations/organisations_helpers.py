"""Numbers and small helpers shared by the Organisations area's tests."""

from __future__ import annotations

from ui_helpers import list_settled, show_active

REGISTRATION = "5933102"  # valid check digit (python-stdnum); stored as 5933102000
OTHER_REGISTRATION = "6543219"
TAX = "10000003"
OTHER_TAX = "10000011"
settle = list_settled  # a condition for qtbot.waitUntil: the page's list settled on a count


def count_text(tr, n: int) -> str:
    return tr.ngettext("{count} organisation", "{count} organisations", n).format(count=tr.format_number(n))


def show(qtbot, widget, size=(1100, 640)):
    return show_active(qtbot, widget, size)
