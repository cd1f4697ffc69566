"""Serve Four Islands from k Streamlit workers behind nginx on one machine.

    python deploy/serve_scaled.py --workers 2 --port 8501

Starts k app processes on loopback, waits for each one's /_stcore/health, writes
the nginx config (deploy/nginx.conf.template) into a run directory, runs nginx in
the foreground of this process group on --port, restarts a worker that exits, and
stops everything on Ctrl-C or SIGTERM. Prints the URL and the workers' PIDs, and
keeps them in RUN_DIR/workers.json for scripts and tests. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).with_name("nginx.conf.template")
SERVER_OPTIONS = "max_fails=1 fail_timeout=10s"
RESTART_DELAY = 1.0


def render_config(servers: list[str], listen: str, run_dir: str,
                  access_log: str | None = None, error_log: str | None = None) -> str:
    """Return the nginx config for these upstream servers ("ip:port" each, worker w1, w2, ...)."""
    names = [f"w{i}" for i in range(1, len(servers) + 1)]
    pinned = []
    for name, server in zip(names, servers):
        backups = "".join(f"\n        server {other} backup;" for other in servers if other != server)
        pinned.append(f"    upstream {name} {{\n        server {server} {SERVER_OPTIONS};{backups}\n"
                      f"        keepalive 8;\n    }}")
    values = {
        "@SERVERS@": "\n".join(f"        server {s} {SERVER_OPTIONS};" for s in servers),
        "@PIN_MAP@": "\n".join(f"        {name} {name};" for name in names),
        "@NAME_MAP@": "\n".join(f'        "~(^|, ){re.escape(s)}$" {name};' for name, s in zip(names, servers)),
        "@PINNED@": "\n".join(pinned),
        "@LISTEN@": listen, "@RUN_DIR@": run_dir,
        "@ACCESS_LOG@": access_log or f"{run_dir}/access.log",
        "@ERROR_LOG@": error_log or f"{run_dir}/error.log",
    }
    text = TEMPLATE.read_text()
    for key, value in values.items():
        text = text.replace(key, value)
    return text


COMPOSE_REPLICAS = ["172.28.0.11:8501", "172.28.0.12:8501"]


def compose_config() -> str:
    """Return the nginx config of deploy/compose.yaml: its app replicas at their fixed addresses."""
    return render_config(COMPOSE_REPLICAS, "8080", "/tmp", "/dev/stdout", "/dev/stderr")


def free_port() -> int:
    """Return a TCP port on loopback that is free now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(port: int, timeout: float = 1.0) -> bool:
    """Return whether the worker on this port answers its health check."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=timeout) as r:
            return r.status == 200
    except OSError:
        return False


def ensure_nginx() -> str:
    """Return nginx's path, installing Debian's package first if it is missing."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if found:
        return found
    subprocess.run(["bash", str(REPO / "scripts" / "ensure-nginx.sh")], check=True)
    return shutil.which("nginx") or "/usr/sbin/nginx"


@dataclass
class Worker:
    """One Streamlit process on a loopback port."""

    port: int
    log: Path
    proc: subprocess.Popen | None = None
    restarts: int = 0
    started: float = 0.0
    delay: float = RESTART_DELAY

    def start(self) -> None:
        """Start the app on this worker's port."""
        cmd = [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.port", str(self.port), "--server.address", "127.0.0.1",
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
        self.started = time.monotonic()

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the worker: SIGTERM, then SIGKILL if it lingers."""
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Stop(Exception):
    """Raised by the signal handler to leave the supervisor loop."""


class ScaledServer:
    """k workers and nginx, started, supervised and stopped together."""

    def __init__(self, workers: int, port: int, host: str, run_dir: Path, restart: bool = True):
        self.port, self.host, self.run_dir, self.restart = port, host, run_dir, restart
        self.workers = [Worker(free_port(), run_dir / f"worker-{i}.log") for i in range(workers)]
        self.nginx: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{'127.0.0.1' if self.host in ('0.0.0.0', '') else self.host}:{self.port}"

    def write_state(self) -> None:
        """Record the URL and each worker's port and PID in RUN_DIR/workers.json."""
        state = {"url": self.url, "nginx_pid": self.nginx.pid if self.nginx else None,
                 "workers": [{"name": f"w{i}", "port": w.port, "pid": w.pid, "restarts": w.restarts}
                             for i, w in enumerate(self.workers, 1)]}
        tmp = self.run_dir / "workers.json.tmp"
        tmp.write_text(json.dumps(state, indent=1))
        tmp.replace(self.run_dir / "workers.json")

    def start(self, timeout: float = 120.0) -> None:
        """Start the workers, wait for their health, then start nginx in front of them."""
        nginx = ensure_nginx()
        for w in self.workers:
            w.start()
        deadline = time.monotonic() + timeout
        waiting = list(self.workers)
        while waiting:
            for w in list(waiting):
                if w.proc.poll() is not None:
                    raise RuntimeError(f"worker on port {w.port} exited; see {w.log}")
                if healthy(w.port):
                    waiting.remove(w)
            if time.monotonic() > deadline:
                raise RuntimeError(f"workers not healthy in {timeout:.0f} s: {[w.port for w in waiting]}")
            time.sleep(0.2)
        conf = self.run_dir / "nginx.conf"
        listen = f"{self.host}:{self.port}" if self.host else str(self.port)
        conf.write_text(render_config([f"127.0.0.1:{w.port}" for w in self.workers], listen, str(self.run_dir)))
        self.nginx = subprocess.Popen(
            [nginx, "-p", str(self.run_dir), "-c", str(conf), "-e", str(self.run_dir / "error.log"),
             "-g", "daemon off;"])
        while not self._answers():
            if self.nginx.poll() is not None:
                raise RuntimeError(f"nginx exited; see {self.run_dir / 'error.log'}")
            if time.monotonic() > deadline:
                raise RuntimeError("nginx did not answer in time")
            time.sleep(0.1)
        self.write_state()

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stcore/health", timeout=1) as r:
                return r.status == 200
        except OSError:
            return False

    def supervise(self) -> None:
        """Restart any worker that exits, until stopped; stop if nginx itself exits."""
        while True:
            if self.nginx.poll() is not None:
                raise RuntimeError(f"nginx exited with {self.nginx.returncode}")
            for w in self.workers:
                if self.restart and w.proc.poll() is not None:
                    print(f"worker on port {w.port} (pid {w.pid}) exited with {w.proc.returncode}; restarting",
                          flush=True)
                    # A worker that dies soon after starting waits longer each time (crash loop).
                    quick = time.monotonic() - w.started < 30
                    w.delay = min(30.0, w.delay * 2) if quick else RESTART_DELAY
                    time.sleep(w.delay)
                    w.restarts += 1
                    w.start()
                    self.write_state()
                    print(f"worker on port {w.port} restarted as pid {w.pid}", flush=True)
            time.sleep(0.5)

    def stop(self) -> None:
        """Stop nginx (graceful quit) and every worker."""
        if self.nginx and self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGQUIT)
            try:
                self.nginx.wait(10)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
                self.nginx.wait()
        for w in self.workers:
            w.stop()


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, serve until Ctrl-C or SIGTERM, then clean up."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="app processes (default: cores)")
    parser.add_argument("--port", type=int, default=8501, help="port nginx listens on (default 8501)")
    parser.add_argument("--host", default="", help="address nginx listens on (default: all)")
    parser.add_argument("--run-dir", type=Path, help="where config, logs and workers.json go (default: a temp dir)")
    parser.add_argument("--no-restart", action="store_true", help="do not restart a worker that exits")
    parser.add_argument("--print-compose-config", action="store_true",
                        help="print the nginx config compose.yaml uses, and exit")
    args = parser.parse_args(argv)
    if args.print_compose_config:
        print(compose_config(), end="")
        return 0
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    run_dir = args.run_dir or Path(tempfile.mkdtemp(prefix="four-islands-serve-"))
    run_dir.mkdir(parents=True, exist_ok=True)

    def on_signal(signum, _frame):
        raise Stop(signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    server = ScaledServer(args.workers, args.port, args.host, run_dir, restart=not args.no_restart)
    try:
        server.start()
        print(f"Four Islands at {server.url}/ through nginx (pid {server.nginx.pid}), run dir {run_dir}", flush=True)
        for w in server.workers:
            print(f"  worker w{server.workers.index(w) + 1} at 127.0.0.1:{w.port}, pid {w.pid}", flush=True)
        server.supervise()
    except Stop as why:
        print(f"{why}: stopping nginx and {len(server.workers)} workers", flush=True)
    except RuntimeError as err:
        print(f"serve-scaled: {err}", file=sys.stderr, flush=True)
        return 1
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
