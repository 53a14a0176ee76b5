"""A real, throwaway PostgreSQL server on loopback for the store tests: `initdb` in a
scratch folder, `pg_ctl start` on a free port, one fresh database per test.

PostgreSQL refuses to run as root, so under root the server runs as the `postgres`
user (Debian's `postgresql` package creates it and installs the binaries under
/usr/lib/postgresql/<version>/bin).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

MISSING = (
    "PostgreSQL server binaries not found (looked for initdb and pg_ctl in $SITROOM_PG_BIN, "
    "/usr/lib/postgresql/*/bin and PATH): install the Debian package `postgresql` "
    "(apt-get install -y postgresql)"
)


START_ATTEMPTS = 3


class ServerError(RuntimeError):
    """The test server could not be set up."""


def find_bin() -> Path:
    """The folder holding initdb and pg_ctl (newest installed version first)."""
    candidates = [os.environ.get("SITROOM_PG_BIN", "")]
    found = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += sorted(found, key=lambda p: int(Path(p).parent.name or 0), reverse=True)
    initdb = shutil.which("initdb")
    candidates.append(str(Path(initdb).parent) if initdb else "")
    for folder in filter(None, candidates):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    raise ServerError(MISSING)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A running server; `database()` gives the URL of a new empty database."""

    root: Path
    bin: Path
    port: int
    as_user: list[str]
    _names: itertools.count[int] = field(default_factory=itertools.count)

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, dbname: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def database(self, prefix: str = "t") -> str:
        name = f"{prefix}{next(self._names)}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def run(self, *args: str) -> None:
        done = subprocess.run(
            [*self.as_user, *args], capture_output=True, text=True, timeout=120, check=False
        )
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise ServerError(f"{' '.join(args)} failed: {done.stderr.strip()}\n{tail}")

    def stop(self) -> None:
        try:
            self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start() -> Server:
    """initdb + pg_ctl start on 127.0.0.1 (sockets in the scratch folder only)."""
    folder = find_bin()
    root = Path(tempfile.mkdtemp(prefix="sitroom-pg-"))
    try:
        server = Server(root, folder, free_port(), _as_postgres(root))
        server.run(
            str(folder / "initdb"), "-D", str(server.data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        for attempt in range(START_ATTEMPTS):  # another process may take the port first
            try:
                _start_on(server)
                return server
            except ServerError:
                if attempt == START_ATTEMPTS - 1:
                    raise
                server.port = free_port()
        raise ServerError("unreachable")
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise


def _as_postgres(root: Path) -> list[str]:
    """The command prefix that runs the server binaries as `postgres` when we are root
    (the scratch folder is handed over to that user)."""
    if os.geteuid() != 0:
        return []
    try:
        user = pwd.getpwnam("postgres")
    except KeyError as exc:
        raise ServerError("running as root needs a `postgres` user: " + MISSING) from exc
    os.chown(root, user.pw_uid, user.pw_gid)
    return ["runuser", "-u", "postgres", "--"]


def _start_on(server: Server) -> None:
    options = (
        f"-k {server.root} -h 127.0.0.1 -p {server.port} -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off"
    )
    server.run(
        str(server.bin / "pg_ctl"), "-D", str(server.data), "-l", str(server.root / "server.log"),
        "-w", "-t", "60", "-o", options, "start",
    )  # fmt: skip
