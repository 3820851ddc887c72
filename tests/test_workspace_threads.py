"""The GUI opens the data folder in a worker thread and uses and closes it on the GUI thread."""

from __future__ import annotations

import threading

import pytest

from sociolab_desktop.core.services import sites, staff
from sociolab_desktop.errors import UserError
from sociolab_desktop.workspace import open_workspace, sync_status


def _in_a_thread(function):
    box: dict[str, object] = {}

    def run():
        try:
            box["value"] = function()
        except BaseException as exc:  # noqa: BLE001
            box["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    if "error" in box:
        raise box["error"]
    return box["value"]


def test_workspace_opened_in_a_worker_is_written_and_closed_on_another_thread(data_dir):
    workspace = _in_a_thread(lambda: open_workspace(data_dir))
    # The pool's connection was made in the worker; SQLAlchemy 2 lets file databases cross threads.
    site = sites.create_site(workspace.store, workspace.settings.site_id, "Informacijska točka Ormož", "sl")
    workspace.settings.site_name = site.name
    member = staff.add_staff(workspace.store, workspace.actor, "Špela Čeh", is_admin=True)
    assert [m.id for m in staff.list_staff(workspace.store)] == [member.id]
    assert sync_status(workspace).changes_waiting > 0  # the capture triggers ran here too
    workspace.close()
    # The instance lock went with it, although another thread took it: the folder opens again.
    open_workspace(data_dir).close()


def test_a_second_open_from_another_thread_is_still_refused(data_dir):
    workspace = open_workspace(data_dir)
    try:
        with pytest.raises(UserError, match="already running"):
            _in_a_thread(lambda: open_workspace(data_dir))
    finally:
        workspace.close()
