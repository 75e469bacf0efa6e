#!/usr/bin/env bash
# Install the system tools the tests need (listed in scripts/test-tools.txt),
# from Debian's packages, only when missing: safe to run again and again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
missing=()
while read -r command package; do
  case "$command" in ''|'#'*) continue ;; esac
  command -v "$command" >/dev/null 2>&1 || missing+=("$package")
done < "$here/test-tools.txt"
[ ${#missing[@]} -eq 0 ] && exit 0

echo "docmend: installing test tools: ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "docmend: need root (or sudo) to install: ${missing[*]}" >&2; exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "docmend: no apt-get here; install these packages yourself: ${missing[*]}" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
