"""The deploy/ files: nginx config rendered and accepted by nginx, compose and Dockerfile sane."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import yaml

from deploy import serve_scaled

DEPLOY = Path(serve_scaled.__file__).parent


def test_rendered_config_is_accepted_by_nginx(tmp_path):
    conf = tmp_path / "nginx.conf"
    conf.write_text(serve_scaled.render_config(["127.0.0.1:9001", "127.0.0.1:9002"], "127.0.0.1:9000", str(tmp_path)))
    text = conf.read_text()
    assert not re.search(r"@[A-Z_]+@", text)  # every placeholder filled
    assert text.count("max_fails=1 fail_timeout=10s") == 4  # the pool, and each worker's own upstream
    assert "upstream w2 {" in text and "proxy_read_timeout 1d" in text
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    result = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "e.log")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_compose_config_is_the_rendered_template():
    assert (DEPLOY / "nginx.compose.conf").read_text() == serve_scaled.compose_config()


def test_compose_runs_replicas_behind_nginx_with_health_checks():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    apps = {name: svc for name, svc in services.items() if name.startswith("app")}
    addresses = {f"{svc['networks']['atlas']['ipv4_address']}:8501" for svc in apps.values()}
    assert addresses == set(serve_scaled.COMPOSE_REPLICAS) and len(apps) >= 2
    for svc in apps.values():
        assert svc["build"]["dockerfile"] == "deploy/Dockerfile"
        assert "/_stcore/health" in " ".join(svc["healthcheck"]["test"])
    nginx = services["nginx"]
    assert all(nginx["depends_on"][name]["condition"] == "service_healthy" for name in apps)
    assert any(v.startswith("./nginx.compose.conf:") for v in nginx["volumes"])


def test_dockerfile_runs_as_a_user_with_a_healthcheck():
    lines = [ln.split()[0] for ln in (DEPLOY / "Dockerfile").read_text().splitlines() if ln and ln[0].isupper()]
    assert lines[0] == "FROM" and "USER" in lines and "HEALTHCHECK" in lines
    assert lines.index("USER") < lines.index("CMD")
