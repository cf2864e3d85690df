"""The embedded ArcadeDB server: its own process, bound to 127.0.0.1, spoken to over Bolt.

Run files live in the data folder: `password` (0600, generated once), `server.json` (pid and
ports of the running server), `server.log` (the server's output) and `arcadedb/` (the data).
`python -m graph.embedded DATA_DIR` is the server process itself; `start`, `stop` and `status`
manage it from any other process.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

from graph.errors import AlreadyRunning, EmbeddedServerError, GraphUnavailable, PortInUse

log = logging.getLogger(__name__)

DATABASE = "kg"
USER = "root"
HOST = "127.0.0.1"
MIN_FREE_BYTES = 100 * 1024 * 1024
_MARKER = "graph.embedded"
# Servers started by this process, kept so they are reaped on stop rather than left as zombies.
_children: dict[int, subprocess.Popen[bytes]] = {}


@dataclass(frozen=True)
class ServerInfo:
    """Where a running embedded server answers."""

    pid: int
    bolt_port: int
    http_port: int
    data_dir: Path

    @property
    def uri(self) -> str:
        return f"bolt://{HOST}:{self.bolt_port}"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def password_file(data_dir: Path) -> Path:
    return data_dir / "password"


def state_file(data_dir: Path) -> Path:
    return data_dir / "server.json"


def log_file(data_dir: Path) -> Path:
    return data_dir / "server.log"


def read_password(data_dir: Path) -> str:
    """The generated root password, created (0600) on first use."""
    path = password_file(data_dir)
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(24))
    return path.read_text(encoding="utf-8").strip()


def _pid_alive(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return False
    return _MARKER in cmdline


def running(data_dir: Path) -> ServerInfo | None:
    """The running server of this data folder, or None; a stale state file is removed."""
    path = state_file(data_dir)
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        info = ServerInfo(
            int(state["pid"]), int(state["bolt_port"]), int(state["http_port"]), data_dir
        )
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, OSError):
        log.warning("removing unreadable server state file %s", path)
        path.unlink(missing_ok=True)
        return None
    if not _pid_alive(info.pid):
        log.warning("removing stale server state file %s (pid %d is gone)", path, info.pid)
        path.unlink(missing_ok=True)
        return None
    return info


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError:
            return False
    return True


def check_java_files(root: Path | None = None) -> None:
    """Raises EmbeddedServerError unless the bundled Java runtime and jars are in place."""
    if root is None:
        try:
            import arcadedb_embedded
        except ImportError as e:
            raise EmbeddedServerError(
                "the arcadedb-embedded package is not installed: run `make setup`"
            ) from e
        root = Path(arcadedb_embedded.__file__).parent
    for part in ("jre", "jars"):
        if not (root / part).is_dir() or not any((root / part).iterdir()):
            raise EmbeddedServerError(
                f"the ArcadeDB Java files are missing ({root / part}): reinstall with "
                "`pip install --force-reinstall arcadedb-embedded`"
            )


def _log_tail(data_dir: Path, lines: int = 5) -> str:
    try:
        text = log_file(data_dir).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    tail = [ln for ln in text.splitlines() if ln.strip()][-lines:]
    return " | ".join(tail)


def wait_for_bolt(
    uri: str, password: str, timeout: float, proc: subprocess.Popen[bytes] | None = None
) -> None:
    """Returns once Bolt answers a query; raises GraphUnavailable after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise GraphUnavailable(f"the embedded server exited with code {proc.returncode}")
        try:
            with (
                GraphDatabase.driver(uri, auth=(USER, password)) as driver,
                driver.session(database=DATABASE) as session,
            ):
                session.run("RETURN 1 AS ok").consume()
            return
        except (ServiceUnavailable, OSError, AuthError) as e:
            last = e
        except Neo4jError as e:  # Bolt may answer before the `kg` database exists
            last = e
        time.sleep(0.5)
    raise GraphUnavailable(f"Bolt did not answer at {uri} within {timeout:.0f} s ({last})")


def start(
    data_dir: Path,
    bolt_port: int,
    http_port: int,
    timeout: float = 120.0,
    min_free_bytes: int = MIN_FREE_BYTES,
) -> ServerInfo:
    """Starts the server in its own process and returns once Bolt answers."""
    data_dir = data_dir.resolve()
    info = running(data_dir)
    if info is not None:
        raise AlreadyRunning(
            f"the embedded database is already running (pid {info.pid}) at {info.uri}"
        )
    check_java_files()
    data_dir.mkdir(parents=True, exist_ok=True)
    owner_only(data_dir)
    free = shutil.disk_usage(data_dir).free
    if free < min_free_bytes:
        raise EmbeddedServerError(
            f"only {free // (1024 * 1024)} MB free on the disk of {data_dir}: free some space "
            f"(at least {min_free_bytes // (1024 * 1024)} MB) or set KG_DATA_DIR elsewhere"
        )
    for name, port in (("Bolt", bolt_port), ("HTTP", http_port)):
        if not _port_free(port):
            env = "KG_BOLT_PORT" if name == "Bolt" else "KG_HTTP_PORT"
            raise PortInUse(
                f"port {port} ({name}) on {HOST} is in use by another process: "
                f"stop it or set {env} to a free port"
            )
    password = read_password(data_dir)
    with log_file(data_dir).open("ab") as out:
        proc = subprocess.Popen(  # noqa: S603  (our own interpreter and module, no shell)
            [sys.executable, "-m", _MARKER, str(data_dir), str(bolt_port), str(http_port)],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=data_dir,
            start_new_session=True,
            env={**os.environ, "KG_SERVER_PASSWORD": password},
        )
    _children[proc.pid] = proc
    info = ServerInfo(proc.pid, bolt_port, http_port, data_dir)
    state_file(data_dir).write_text(
        json.dumps({"pid": proc.pid, "bolt_port": bolt_port, "http_port": http_port}),
        encoding="utf-8",
    )
    try:
        wait_for_bolt(info.uri, password, timeout, proc)
    except GraphUnavailable as e:
        _terminate(proc.pid, grace=10)
        state_file(data_dir).unlink(missing_ok=True)
        raise EmbeddedServerError(
            f"the embedded database did not start: {e}. Server log ({log_file(data_dir)}): "
            f"{_log_tail(data_dir)}"
        ) from e
    return info


def _terminate(pid: int, grace: float) -> None:
    child = _children.pop(pid, None)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if child is not None and child.poll() is not None:
            break
        if child is None and not _pid_alive(pid):
            break
        time.sleep(0.2)
    else:
        log.warning(
            "the embedded server (pid %d) ignored SIGTERM for %.0f s; killing it", pid, grace
        )
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    if child is not None:
        child.wait()


def stop(data_dir: Path, grace: float = 60.0) -> ServerInfo | None:
    """Stops the running server cleanly; returns what was stopped, or None if nothing ran."""
    data_dir = data_dir.resolve()
    info = running(data_dir)
    if info is None:
        return None
    _terminate(info.pid, grace)
    state_file(data_dir).unlink(missing_ok=True)
    return info


def owner_only(data_dir: Path) -> None:
    """Takes group and other permissions off the data folder and everything in it."""
    for path in (data_dir, *data_dir.rglob("*")):
        mode = path.lstat().st_mode
        if mode & 0o077 and not path.is_symlink():
            path.chmod(mode & 0o700)


def data_size(data_dir: Path) -> int:
    """Bytes the database takes on disk."""
    root = data_dir / "arcadedb"
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) if root.exists() else 0


def serve_forever(data_dir: Path, bolt_port: int, http_port: int, password: str) -> None:
    """The server process: start ArcadeDB with Bolt, make the database, stop cleanly on SIGTERM."""
    import arcadedb_embedded as arcadedb

    os.umask(0o077)  # the database's files are for this user only
    server = arcadedb.create_server(
        root_path=str(data_dir / "arcadedb"),
        root_password=password,
        config={
            "host": HOST,
            "mode": "production",
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": bolt_port,
            "bolt_host": HOST,
            "http_port": http_port,
        },
    )
    server.start()
    stopping = False

    def _stop(signum: int, frame: object) -> None:
        nonlocal stopping
        if stopping:
            return
        stopping = True
        print(f"signal {signum}: stopping the embedded database", flush=True)
        server.stop()
        print("stopped", flush=True)
        os._exit(0)

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    if not (data_dir / "arcadedb" / "databases" / DATABASE).exists():
        server.create_database(DATABASE)
    print(f"ready: bolt://{HOST}:{bolt_port}", flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    serve_forever(
        Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), os.environ.pop("KG_SERVER_PASSWORD")
    )
