"""Property: whatever three to five offices do offline, whatever order their bundles arrive in
(late, hidden for a while, torn, with stray copies beside them), with clocks up to a day apart,
after a full exchange every office holds the same data; that data is what the writes imply
(per field the write with the highest version, then merges and erasures); and every edit that was
overwritten by someone who had not seen it is listed as a conflict.

The reference model and the helpers are in convergence_model.py.
"""

from __future__ import annotations

import datetime as dt
import functools
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test

from convergence_model import (
    History,
    Site,
    World,
    dump,
    live_duplicates,
    make_template,
    record_key,
    retired_by_merge,
    version_dump,
)
from sociolab_desktop.core.domain.keys import attendance_key, registration_key
from sociolab_desktop.core.services.person_operations import erase_person, merge_persons
from sociolab_desktop.core.store.models import (
    Attendance,
    Event,
    EventSession,
    Organisation,
    Person,
    Registration,
)
from sociolab_desktop.core.store.replicated import ERASED_PERSON_COLUMNS
from sociolab_desktop.core.sync.apply import Applier
from sociolab_desktop.core.sync.conflicts import KEEP_WINNER, TAKE_OTHER, resolve_conflict
from sociolab_desktop.errors import UserError

MINUTE, HOUR, DAY = 60_000, 3_600_000, 86_400_000
START_MS = 1_795_000_000_000  # November 2026
MAX_SITES = 5
# A full pass is every office syncing once. Two passes bring every edit made at a counter to
# every office. What offices write while applying (a conflict found, the second record of a pair
# retired after a merge) travels in their next round, and may be found again by the next office:
# the exchange goes quiet within a few passes more.
MAX_FINAL_PASSES = 8

NAMES = st.sampled_from(["Ana", "Čeh", "Šuštar", "Žagar", "Ćosić", "Đurđević", "Kovač", "Nuša", "Žiga", "Mojca"])
PHONES = st.sampled_from(["041 111 222", "02 620 00 00", "+386 31 555 666", None])
EMAILS = st.sampled_from(["ana@example.si", "ziga.zagar@example.si", "info@zadruga.si", None])
NOTES = st.sampled_from(["Prišla na svetovanje.", "Želi delavnico o zadrugah.", "Đurđa: pokliče nazaj", "", None])
TOWNS = st.sampled_from(["Maribor", "Ptuj", "Ormož", "Slovenska Bistrica", "Lenart v Slovenskih goricah", None])
TITLES = st.sampled_from(["Delavnica o socialnem podjetništvu", "Sejem zadrug", "Usposabljanje: poslovni načrt"])
ORGANISATIONS = st.sampled_from(["Zadruga Čebelica", "Socialno podjetje Šola žlic", "Zavod Đurđa", "Kooperativa Ćup"])
OFFSETS = st.sampled_from([0, 0, 5_000, -5_000, 11 * MINUTE, -11 * MINUTE, HOUR, -HOUR, DAY, -DAY])
SITE = st.integers(0, MAX_SITES - 1)
PICK = st.integers(0, 5)  # small, so that offices often touch the same records

MODELS = {"person": Person, "organisation": Organisation, "event": Event, "event_session": EventSession,
          "registration": Registration, "attendance": Attendance}
EDITS = [
    ("person", "first_name", NAMES), ("person", "last_name", NAMES), ("person", "phone", PHONES),
    ("person", "email", EMAILS), ("person", "notes", NOTES), ("person", "post_town", TOWNS),
    ("organisation", "name", ORGANISATIONS), ("organisation", "phone", PHONES), ("organisation", "notes", NOTES),
    ("event", "title_sl", TITLES), ("event", "venue", TOWNS), ("event", "capacity", st.sampled_from([None, 20, 35])),
    ("event_session", "venue", TOWNS), ("event_session", "hours", st.sampled_from([1.5, 3, 4.25])),
    ("registration", "status", st.sampled_from(["registered", "cancelled", "attended"])),
    ("attendance", "is_walk_in", st.booleans()),
]
# What staff may still touch: erased persons are refused by the services; merged ones are hidden.
LIVE = {"person": "deleted_at IS NULL AND merged_into_id IS NULL AND erased_at IS NULL"}
EDITABLE = {"person": "erased_at IS NULL"}


def step(method):
    """Marks the run as broken while a step runs, so the end checks do not hide its failure."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        self.finished = False
        method(self, *args, **kwargs)
        self.finished = True

    return wrapper


class Offices(RuleBasedStateMachine):
    template: Path
    base: Path
    running: "Offices"

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(dir=self.base))
        self.share = self.folder / "share"
        self.hidden = self.folder / "hidden"
        self.share.mkdir()
        self.hidden.mkdir()
        self.world = World(START_MS)
        self.sites: list[Site] = []
        self.history = History()
        self.keys = 0
        self.finished = True
        Offices.running = self

    # -- helpers ------------------------------------------------------------------------------
    def _site(self, index: int) -> Site:
        return self.sites[index % len(self.sites)]

    def _key(self) -> str:
        self.keys += 1
        return record_key(self.keys)

    def _now(self, site: Site) -> dt.datetime:
        return dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=self.world.now_ms + site.offset_ms)

    def _pick(self, site: Site, table: str, pick: int, where: str | None = None) -> str | None:
        condition = where or "deleted_at IS NULL"
        ids = [row[0] for row in site.query(f'SELECT id FROM "{table}" WHERE {condition} ORDER BY id')]
        return ids[pick % len(ids)] if ids else None

    def _local(self, site: Site, change, by_rule=lambda field: False) -> None:
        mark = History.mark(site.query)
        try:
            change()
        except UserError:
            pass  # refused, as the service would refuse it at the counter; nothing was written
        self.history.record_writes(site.site_id, site.query, mark, by_rule)

    def _round(self, site: Site):
        """One sync round; what it brings is recorded bundle by bundle (see observe_applying)."""
        result = site.sync()
        assert result.share_unavailable is None
        assert not result.duplicate_identity
        return result

    def _bundle_files(self, site: Site) -> list[Path]:
        return sorted(path for path in (self.share / "sociolab-sync" / "sites").glob("*/*/*.bundle")
                      if path.parent.parent.name != site.site_id and " " not in path.name)

    # -- rules --------------------------------------------------------------------------------
    @initialize(count=st.integers(3, MAX_SITES), offsets=st.lists(OFFSETS, min_size=MAX_SITES, max_size=MAX_SITES),
                ids=st.lists(st.uuids(version=4), min_size=MAX_SITES, max_size=MAX_SITES, unique=True),
                conflict=st.booleans())
    @step
    def set_up(self, count, offsets, ids, conflict):
        for index in range(count):
            site = Site(self.folder, f"Točka {index}", str(ids[index]), self.share, self.template, self.world,
                        offsets[index])
            self.history.record_writes(site.site_id, site.query, "")
            self.sites.append(site)
        # Records every office knows before they go their own ways: what they then do to them
        # concurrently is what the merge must sort out.
        self.create_person.__wrapped__(self, 0, "Ana", "Čeh", "041 111 222", None)
        self.create_person.__wrapped__(self, 0, "Ana", "Ceh", None, "ana@example.si")
        self.create_organisation.__wrapped__(self, 0, "Zadruga Čebelica")
        self.create_event_with_session.__wrapped__(self, 0, "Sejem zadrug", 3)
        for _ in range(2):
            for index in range(count):
                self.sync.__wrapped__(self, index)
        if conflict:  # and, in half the runs, a conflict to review from the start
            person = self._pick(self.sites[0], "person", 0)
            for index, phone in ((0, "02 111 11 11"), (1, "02 222 22 22")):
                self._local(self.sites[index], lambda index=index, phone=phone: self._set(
                    self.sites[index], Person, person, "phone", phone))
            for index in (0, 1, 0):
                self.sync.__wrapped__(self, index)

    def _set(self, site: Site, model, key: str, column: str, value) -> None:
        with site.write() as session:
            setattr(session.get(model, key), column, value)

    @rule(s=SITE, first=NAMES, last=NAMES, phone=PHONES, email=EMAILS)
    @step
    def create_person(self, s, first, last, phone, email):
        site, key = self._site(s), self._key()

        def change():
            with site.write() as session:
                session.add(Person(id=key, first_name=first, last_name=last, phone=phone, email=email))

        self._local(site, change)

    @rule(s=SITE, name=ORGANISATIONS)
    @step
    def create_organisation(self, s, name):
        site, key = self._site(s), self._key()

        def change():
            with site.write() as session:
                session.add(Organisation(id=key, name=name, legal_form="cooperative"))

        self._local(site, change)

    @rule(s=SITE, title=TITLES, hours=st.sampled_from([2, 3.5]))
    @step
    def create_event_with_session(self, s, title, hours):
        site, event_key, session_key = self._site(s), self._key(), self._key()
        day = self._now(site).date()

        def change():
            with site.write() as session:
                session.add(Event(id=event_key, event_type="workshop", title_sl=title))
                session.add(EventSession(id=session_key, event_id=event_key, session_date=day,
                                         starts_at=dt.time(9), ends_at=dt.time(12), hours=hours))

        self._local(site, change)

    @rule(s=SITE, edit=st.integers(0, len(EDITS) - 1), pick=PICK, data=st.data())
    @step
    def edit_field(self, s, edit, pick, data):
        site = self._site(s)
        table, column, values = EDITS[edit]
        value = data.draw(values, label="value")
        target = self._pick(site, table, pick, EDITABLE.get(table, "1"))
        if target is not None:
            self._local(site, lambda: self._set(site, MODELS[table], target, column, value))

    @rule(s=SITE, table=st.sampled_from(sorted(MODELS)), pick=PICK)
    @step
    def soft_delete(self, s, table, pick):
        site = self._site(s)
        target = self._pick(site, table, pick, LIVE.get(table))
        if target is not None:
            self._local(site, lambda: self._set(site, MODELS[table], target, "deleted_at", self._now(site)))

    @rule(s=SITE, first=PICK, second=PICK, take=st.sets(st.sampled_from(["phone", "email", "first_name", "notes"])))
    @step
    def merge_two_persons(self, s, first, second, take):
        site = self._site(s)
        survivor, loser = self._pick(site, "person", first, LIVE["person"]), self._pick(site, "person", second, LIVE["person"])
        if survivor is None or survivor == loser:
            return
        self._local(site, lambda: merge_persons(site.ws.store, site.ws.actor, survivor, loser, dict.fromkeys(take, True)),
                    retired_by_merge)

    @rule(s=SITE, pick=PICK)
    @step
    def erase_a_person(self, s, pick):
        site = self._site(s)
        target = self._pick(site, "person", pick, EDITABLE["person"])
        if target is None:
            return
        today = self._now(site).date()
        self._local(site, lambda: erase_person(site.ws.store, site.ws.actor, target, today))

    @rule(s=SITE, person=PICK, session_pick=PICK)
    @step
    def register_and_check_in(self, s, person, session_pick):
        """Two sites doing this for one pair make the same keys, so they end with one record."""
        site = self._site(s)
        person_id = self._pick(site, "person", person, LIVE["person"])
        session_id = self._pick(site, "event_session", session_pick)
        if person_id is None or session_id is None:
            return
        event_id = site.query("SELECT event_id FROM event_session WHERE id = ?", (session_id,))[0][0]
        registration_id, attendance_id = registration_key(event_id, person_id), attendance_key(session_id, person_id)
        now = self._now(site)

        def change():
            with site.write() as session:
                if session.get(Registration, registration_id) is None:
                    session.add(Registration(id=registration_id, event_id=event_id, person_id=person_id,
                                             status="registered", registered_on=now.date(),
                                             code=registration_id[:8].upper()))
                if session.get(Attendance, attendance_id) is None:
                    session.add(Attendance(id=attendance_id, event_session_id=session_id, person_id=person_id,
                                           checked_in_at=now.replace(microsecond=0)))

        self._local(site, change)

    @rule(s=SITE, pick=PICK, take_other=st.booleans())
    @step
    def resolve_a_conflict(self, s, pick, take_other):
        site = self._site(s)
        conflict = self._pick(site, "sync_conflict", pick, "resolved_at IS NULL AND deleted_at IS NULL")
        if conflict is None:
            return
        choice = TAKE_OTHER if take_other else KEEP_WINNER
        self._local(site, lambda: resolve_conflict(site.ws.store.engine, conflict, choice, site.ws.settings.current_staff_id))

    @rule(s=SITE)
    @step
    def sync(self, s):
        self._round(self._site(s))

    @rule(s=SITE, data=st.data())
    @step
    def sync_while_the_share_misbehaves(self, s, data):
        """Some folders and files are not there yet (late, out of order), one is still being
        copied (torn), and a cloud client leaves a copy under a stray name."""
        site = self._site(s)
        files = self._bundle_files(site)
        others = sorted({path.parent.parent for path in files})
        hide_files = data.draw(st.sets(st.sampled_from(files), max_size=3), label="hide files") if files else set()
        hide_sites = data.draw(st.sets(st.sampled_from(others), max_size=2), label="hide sites") if others else set()
        torn = [f for f in files if f not in hide_files and f.parent.parent not in hide_sites]
        tear = data.draw(st.sets(st.sampled_from(torn), max_size=1), label="tear") if torn else set()
        stray = data.draw(st.sampled_from(files), label="stray copy") if files and data.draw(st.booleans()) else None
        moved: list[tuple[Path, Path]] = []
        kept: dict[Path, bytes] = {}
        try:
            for index, path in enumerate(sorted(hide_files)):
                moved.append((path, self.hidden / f"file-{index}"))
            for index, folder in enumerate(sorted(hide_sites)):
                moved.append((folder, self.hidden / f"site-{index}"))
            for original, away in moved:
                original.rename(away)
            for path in tear:
                kept[path] = path.read_bytes()
                path.write_bytes(kept[path][: len(kept[path]) // 2])
            if stray is not None and stray.exists():
                copy = stray.with_name(f"{stray.stem} (Ptuj's conflicted copy).bundle")
                if not copy.exists():
                    shutil.copyfile(stray, copy)
            before = applied(site)
            self._round(site)
            torn_keys = {(p.parent.parent.name, int(p.parent.name), int(p.stem)) for p in tear}
            assert not (torn_keys - before) & applied(site), "a torn bundle was applied"
        finally:
            for path, data_bytes in kept.items():
                path.write_bytes(data_bytes)
            for original, away in reversed(moved):
                away.rename(original)

    @rule(s=SITE, offset=OFFSETS)
    @step
    def clock_is_set(self, s, offset):
        self._site(s).offset_ms = offset

    @rule(ms=st.sampled_from([1, 7, 1_000, MINUTE, 11 * MINUTE, HOUR]))
    @step
    def time_passes(self, ms):
        self.world.now_ms += ms

    @rule(s=SITE)
    @step
    def program_restarts(self, s):
        site = self._site(s)
        site.close()
        site.open()

    # -- the end ------------------------------------------------------------------------------
    def teardown(self) -> None:
        try:
            if self.finished and self.sites:
                self._check_the_end()
        finally:
            for site in self.sites:
                site.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def _pass(self) -> bool:
        """Every office syncs once; True if anything was published or applied."""
        busy = False
        for site in self.sites:
            result = self._round(site)
            busy |= bool(result.published and result.published.bundles) or result.applied.bundles > 0
        return busy

    def _check_the_end(self) -> None:
        passes = 1
        while self._pass():
            passes += 1
            assert passes <= MAX_FINAL_PASSES, f"still exchanging after {MAX_FINAL_PASSES} passes"
        for site in self.sites:
            assert site.query("SELECT path, reason FROM sync_held") == [], site.name
            assert site.query("PRAGMA foreign_key_check") == [], site.name
        dumps = [dump(site) for site in self.sites]
        for site, other in zip(self.sites[1:], dumps[1:]):
            assert_same(dumps[0], other, f"{self.sites[0].name} vs {site.name}", self.history)
        versions = [version_dump(site) for site in self.sites]
        for site, other in zip(self.sites[1:], versions[1:]):
            differing = sorted(k for k in set(versions[0]) | set(other) if versions[0].get(k) != other.get(k))
            assert not differing, f"field versions differ at {site.name}: {differing[:5]}"
        expected = self.history.expected()
        actual = {table: rows for table, rows in dumps[0].items() if table != "sync_conflict"}
        assert_same(expected, actual, "model vs offices", self.history)
        assert not live_duplicates(dumps[0]), live_duplicates(dumps[0])
        conflicts = list(dumps[0]["sync_conflict"].values())
        lost, blind_spot = self.history.unreported_losses(conflicts, expected)
        assert not lost, "\n".join(lost[:5])
        if blind_spot:  # counted, not failed: see unreported_losses and the report of this test
            event("edit lost without a conflict in the merge's known blind spot")
        alarms = self.history.false_alarms(conflicts)
        assert not alarms, "\n".join(alarms[:5])
        erased = {row["person_id"] for row in dumps[0]["person_erasure"].values()}
        kept_data = [c for c in conflicts if c["table_name"] == "person" and c["row_id"] in erased
                     and c["column_name"] in ERASED_PERSON_COLUMNS + ("first_name", "last_name")
                     and (c["winner_value"] not in (None, "null", '""') or c["loser_value"] not in (None, "null", '""'))]
        assert not kept_data, f"erased personal data kept in conflicts: {[c['column_name'] for c in kept_data]}"


def assert_same(expected: dict, actual: dict, what: str, history: History) -> None:
    for table in sorted(set(expected) | set(actual)):
        left, right = expected.get(table, {}), actual.get(table, {})
        assert sorted(left) == sorted(right), f"{what}: rows of {table} differ: {sorted(set(left) ^ set(right))[:3]}"
        for row_id in sorted(left):
            for column in sorted(set(left[row_id]) | set(right[row_id])):
                a, b = left[row_id].get(column), right[row_id].get(column)
                assert a == b, f"{what}: {table}.{column} of {row_id}: {a!r} != {b!r}\n" + history.describe(
                    (table, row_id, column))


SETTINGS = settings(max_examples=50, stateful_step_count=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def applied(site: Site) -> set[tuple[str, int, int]]:
    return set(site.query("SELECT site_id, epoch, seq FROM sync_applied"))


def observe_applying(original):
    """Applier._apply, telling the running machine's history what each bundle brought and what
    applying it wrote (a merge's second record of a pair is retired there, as an edit of this PC's)."""

    def apply(applier, ref, header, entries):
        history = Offices.running.history

        def query(sql, params=()):
            return applier.connection.execute(sql, params).fetchall()

        history.receive(applier.site_id, entries)
        mark = History.mark(query)
        original(applier, ref, header, entries)
        history.record_writes(applier.site_id, query, mark, retired_by_merge)

    return apply


def test_offices_converge_to_what_their_writes_imply(tmp_path_factory, monkeypatch):
    Offices.template = make_template(tmp_path_factory.mktemp("template"))
    Offices.base = tmp_path_factory.mktemp("runs")
    monkeypatch.setattr(Applier, "_apply", observe_applying(Applier._apply))
    run_state_machine_as_test(Offices, settings=SETTINGS)
