"""How many readers the static edition serves from a plain web server on this machine.

Builds the site, serves it on loopback with nginx (a minimal config written to a
temporary prefix) and with `python -m http.server`, and loads it with ApacheBench
(`ab`, from Debian's apache2-utils, installed with apt-get if missing). Prints a
table: requests per second, median and 99th-percentile time, failures, and the
map pages per second that the transfer rate allows.

    python bench/bench_static.py [--seconds 5] [--levels 1,50,200,1000]

Figures are noisy while anything else runs on the machine; ab runs on the same
two cores as the server, so they are a floor for what the server can do.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from content.load import load_content  # noqa: E402
from geo.site.build import export_site  # noqa: E402
from tests.browser.driver import free_port  # noqa: E402

OUT = REPO / "bench" / "out"
# What a reader's browser fetches to show the map page.
MAP_PAGE = ["index.html", "vendor/leaflet-1.9.3/leaflet.js", "vendor/leaflet-1.9.3/leaflet.css",
            "assets/site.css", "assets/site.js", "favicon.png"]

NGINX_CONF = """
worker_processes {workers};
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
worker_rlimit_nofile 16384;
events {{ worker_connections 8192; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 30;
    # Serve the .gz copies made beside each text file, as a CDN serves its cached compressed copy.
    gzip_static on;
    gzip_http_version 1.0;  # ab speaks HTTP/1.0
    open_file_cache max=1000 inactive=60s;
    client_body_temp_path {prefix}/tmp;
    proxy_temp_path {prefix}/tmp;
    fastcgi_temp_path {prefix}/tmp;
    uwsgi_temp_path {prefix}/tmp;
    scgi_temp_path {prefix}/tmp;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location / {{ try_files $uri $uri/ =404; }}
    }}
}}
"""


def ensure_ab() -> str:
    """Return the path of ab, installing apache2-utils with apt-get if it is missing."""
    found = shutil.which("ab")
    if found:
        return found
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print("ab is missing: installing apache2-utils with apt-get", file=sys.stderr)
    subprocess.run(sudo + ["apt-get", "install", "-y", "--no-install-recommends", "apache2-utils"], check=False)
    if not shutil.which("ab"):
        subprocess.run(sudo + ["apt-get", "update"], check=False)
        subprocess.run(sudo + ["apt-get", "install", "-y", "--no-install-recommends", "apache2-utils"], check=True)
    return shutil.which("ab") or sys.exit("could not install ab (apache2-utils)")


def precompress(site: Path) -> None:
    """Write a .gz copy beside every text file, for nginx's gzip_static."""
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css", ".js", ".json", ".geojson", ".bib"):
            with open(path, "rb") as src, gzip.GzipFile(path.with_name(path.name + ".gz"), "wb", mtime=0) as dst:
                shutil.copyfileobj(src, dst)


def wait_up(url: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


@dataclass
class Result:
    server: str
    path: str
    concurrency: int
    rps: float
    p50_ms: float
    p99_ms: float
    failed: int
    complete: int
    kb_per_s: float


def run_ab(ab: str, url: str, concurrency: int, seconds: float, compressed: bool) -> dict[str, float]:
    """Run ab for `seconds` at a concurrency; return its figures."""
    cmd = [ab, "-q", "-r", "-s", "30", "-t", str(seconds), "-n", "5000000", "-c", str(concurrency)]
    if compressed:
        cmd += ["-H", "Accept-Encoding: gzip, deflate"]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, timeout=seconds + 90).stdout

    def num(pattern: str, default: float = 0.0) -> float:
        m = re.search(pattern, out)
        return float(m.group(1)) if m else default

    return {
        "rps": num(r"Requests per second:\s+([\d.]+)"),
        "p50": num(r"\n\s+50%\s+(\d+)"),
        "p99": num(r"\n\s+99%\s+(\d+)"),
        "failed": num(r"Failed requests:\s+(\d+)") + num(r"Non-2xx responses:\s+(\d+)"),
        "complete": num(r"Complete requests:\s+(\d+)"),
        "kbps": num(r"Transfer rate:\s+([\d.]+)"),
    }


def main(argv: list[str] | None = None) -> int:
    """Build, serve, load and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per measurement (default 5)")
    parser.add_argument("--levels", default="1,50,200,1000", help="concurrent connections (readers) to try")
    parser.add_argument("--paths", default="index.html,embed.html,vendor/leaflet-1.9.3/leaflet.js")
    args = parser.parse_args(argv)
    levels = [int(x) for x in args.levels.split(",")]
    paths = args.paths.split(",")
    ab = ensure_ab()

    OUT.mkdir(parents=True, exist_ok=True)
    site = OUT / "static-site"
    start = time.perf_counter()
    root = os.environ.get("FOUR_ISLANDS_CONTENT")  # another content root, as for the app
    files = export_site(load_content(Path(root)) if root else load_content(), site)
    build_s = time.perf_counter() - start
    site.chmod(0o755)
    precompress(site)
    page_bytes = sum(files[p] for p in MAP_PAGE)
    print(f"site: {len(files)} files, {sum(files.values()) / 1e6:.1f} MB, built in {build_s:.1f} s; "
          f"a reader of the map page fetches {len(MAP_PAGE)} files, {page_bytes / 1e3:,.0f} KB uncompressed")

    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="fi-nginx-") as prefix:
        os.chmod(prefix, 0o755)
        (Path(prefix) / "tmp").mkdir()
        port = free_port()
        conf = Path(prefix) / "nginx.conf"
        conf.write_text(NGINX_CONF.format(workers=os.cpu_count() or 2, prefix=prefix, port=port, root=site))
        servers = {
            "nginx (gzip_static)": (subprocess.Popen(["nginx", "-c", str(conf), "-p", prefix], stderr=subprocess.PIPE), port, True),
        }
        py_port = free_port()
        servers["python http.server"] = (subprocess.Popen(
            [sys.executable, "-m", "http.server", str(py_port), "--bind", "127.0.0.1", "--directory", str(site)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), py_port, False)
        try:
            for name, (proc, p, compressed) in servers.items():
                wait_up(f"http://127.0.0.1:{p}/index.html")
                for path in paths:
                    for c in levels:
                        r = run_ab(ab, f"http://127.0.0.1:{p}/{path}", c, args.seconds, compressed)
                        results.append(Result(name, path, c, r["rps"], r["p50"], r["p99"], int(r["failed"]),
                                              int(r["complete"]), r["kbps"]))
                        print(f"  {name:18} {path:34} c={c:<5} {r['rps']:>9,.0f} req/s  p50 {r['p50']:>5.0f} ms  "
                              f"p99 {r['p99']:>6.0f} ms  failed {int(r['failed'])}", flush=True)
        finally:
            for proc, _, _ in servers.values():
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()

    print()
    print(f"| server | file | readers at once | requests/s | median | p99 | failed |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r.server} | {r.path} | {r.concurrency} | {r.rps:,.0f} | {r.p50_ms:.0f} ms | {r.p99_ms:.0f} ms | "
              f"{r.failed} of {r.complete:,} |")
    print()
    for name in dict.fromkeys(r.server for r in results):
        index = [r for r in results if r.server == name and r.path == "index.html" and r.failed == 0]
        if index:
            best = max(index, key=lambda r: r.rps)
            print(f"{name}: up to {best.rps:,.0f} map pages (index.html) per second, at {best.concurrency} "
                  f"connections at once; {max(r.concurrency for r in index)} readers at once served with no failure "
                  f"(p99 {max(index, key=lambda r: r.concurrency).p99_ms:.0f} ms).")
    print("Measured on loopback with the load tool on the same cores; noisy while other work runs.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
