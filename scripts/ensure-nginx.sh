#!/usr/bin/env bash
# Install Debian's nginx if it is missing (make serve-scaled and the fault tests put it
# in front of the app's workers). Only the binary is used: the package's own service,
# if the system starts one, is left alone; serve-scaled runs its own nginx.
set -euo pipefail
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] && exit 0
echo "Installing Debian package: nginx"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx >/dev/null
