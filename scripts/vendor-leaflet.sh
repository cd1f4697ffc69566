#!/usr/bin/env bash
# Re-vendor Leaflet from the npm registry into static/vendor/ (the files are committed;
# the app never fetches them from a CDN). Usage: scripts/vendor-leaflet.sh [VERSION]
set -euo pipefail
version="${1:-1.9.3}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "leaflet@${version}" >/dev/null && tar xzf "leaflet-${version}.tgz")
dest="$repo/static/vendor/leaflet-${version}"
rm -rf "$dest" && mkdir -p "$dest"
cp -r "$work/package/dist/leaflet.js" "$work/package/dist/leaflet.css" "$work/package/dist/images" \
      "$work/package/LICENSE" "$dest/"
echo "vendored Leaflet ${version} into ${dest#$repo/}"
