"""Resources. One warehouse setting feeds DuckDB and dbt; each run builds a private copy of the
warehouse under a lock and publishes it with an atomic rename, so readers never see half a build."""
from __future__ import annotations

import fcntl
import importlib.metadata
import os
import shutil
import sys
import time
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

import dagster as dg
import duckdb
from dagster_dbt import DbtCliResource
from dagster_duckdb import DuckDBResource
from packaging import version
from pydantic import PrivateAttr

from ..dbt_child import PARENT_PID_ENV
from ..settings import duckdb_memory_limit, warehouse_path
from ..warehouse_file import WarehouseFileError, check_warehouse_file
from .project import dbt_project

DBT_EXECUTABLE = str(Path(sys.executable).with_name("diplomacy-dbt"))  # dbt that dies with the run (dbt_child.py)


class RefreshLocked(dg.Failure):
    """Another refresh holds the warehouse."""


class Warehouse(dg.ConfigurableResource):
    """The warehouse a run writes: `database` is a private copy of the live file while the run lasts.

    Setting up takes an exclusive lock (`<file>.lock`; the OS drops it if the process dies) and copies
    the live file to `<file>.build`; `publish()` checkpoints the copy and renames it over the live
    file. Readers keep the file they opened; the next query sees the new one. A killed run leaves the
    live file untouched.
    """

    path: str
    wait_seconds: float = 0.0

    _lock_file: object = PrivateAttr(default=None)
    _build: Path | None = PrivateAttr(default=None)

    @property
    def live(self) -> Path:
        return Path(self.path)

    @property
    def database(self) -> str:
        if self._build is None:
            raise RuntimeError("the warehouse resource is not set up")
        return str(self._build)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self.live.parent.mkdir(parents=True, exist_ok=True)
        lock = open(self.live.with_name(self.live.name + ".lock"), "a+")
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    lock.close()
                    raise RefreshLocked(f"another refresh is running on {self.live}; try again when it has finished")
                time.sleep(0.5)
        try:
            check_warehouse_file(self.live)
        except WarehouseFileError as exc:
            lock.close()
            raise dg.Failure(str(exc)) from exc
        self._lock_file = lock
        self._build = self._private_build_path()
        if self.live.exists():
            shutil.copyfile(self.live, self._build)

    def _private_build_path(self) -> Path:
        """`<file>.build`: one fixed path, so dbt's profile stays the same and partial parsing works.
        Files left by a killed run are removed; if a process of that run still holds the file open
        (DuckDB's lock), this run builds at `<file>.build-<pid>` instead."""
        for stale in self.live.parent.glob(self.live.name + ".build-*"):
            stale.unlink(missing_ok=True)  # left by a run that was killed
        fixed = self.live.with_name(self.live.name + ".build")
        if fixed.exists():
            try:
                duckdb.connect(str(fixed)).close()
            except duckdb.Error as exc:
                if "lock" in str(exc).lower():
                    return self.live.with_name(f"{self.live.name}.build-{os.getpid()}")
        for leftover in (fixed, Path(str(fixed) + ".wal")):
            leftover.unlink(missing_ok=True)
        return fixed

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._build is not None:
            for leftover in (self._build, Path(str(self._build) + ".wal")):
                leftover.unlink(missing_ok=True)
        if self._lock_file is not None:
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)
            self._lock_file.close()

    @property
    def readable(self) -> str:
        """The file a step reads now: this run's copy until it is published, then the live file."""
        return str(self._build) if self._build is not None else str(self.live)

    def duckdb(self) -> DuckDBResource:
        """Dagster's DuckDB resource on this run's copy."""
        return DuckDBResource(database=self.database, connection_config={"memory_limit": duckdb_memory_limit()})

    @contextmanager
    def dbt_environment(self):
        """While dbt runs: profiles.yml's DIPLOMACY_WAREHOUSE is this run's copy, and dbt knows its parent."""
        overrides = {"DIPLOMACY_WAREHOUSE": self.database, PARENT_PID_ENV: str(os.getpid())}
        previous = {name: os.environ.get(name) for name in overrides}
        os.environ.update(overrides)
        try:
            yield
        finally:
            for name, value in previous.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value

    def publish(self) -> None:
        """Make this run's copy the live warehouse, atomically."""
        with duckdb.connect(self.database) as conn:
            conn.execute("checkpoint")
        os.replace(self.database, self.live)
        self._build = None


class DbtCli(DbtCliResource):
    """dbt as the refresh runs it, without two start-up costs of every run (seconds each): the
    version is that of the installed dbt-core (dagster-dbt would run `dbt --version`), and no dbt
    adapter is opened in this process (dagster-dbt uses it only to fetch column metadata)."""

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(importlib.metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):
        return None


def build_resources(wait_seconds: float = 0.0) -> dict:
    """Resources bound to the warehouse path configured now (`DIPLOMACY_WAREHOUSE` or the default)."""
    return {
        "warehouse": Warehouse(path=str(warehouse_path()), wait_seconds=wait_seconds),
        "dbt": DbtCli(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE),
    }
