#!/usr/bin/env bash
# Installs what flowc needs to build and test on a fresh Debian machine, when it is missing:
# libyaml-dev (the YAML parser flowc links), libmimalloc-dev (the allocator flowc links),
# tzdata (time zones), graphviz (`flowc graph` tests render DOT), chromium (the `flowc report
# --format html` browser test renders the page headless), python3 with pytest, jsonschema and
# PyYAML (schema and MIME tests), aiosmtpd and openssl (the SMTP tests run a real SMTP server
# with a self-signed certificate).
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need=()
pkg-config --exists yaml-0.1 2>/dev/null || need+=(libyaml-dev pkg-config)
dpkg -s libmimalloc-dev >/dev/null 2>&1 || need+=(libmimalloc-dev)
[ -e /usr/share/zoneinfo/Europe/Berlin ] || need+=(tzdata)
command -v python3 >/dev/null || need+=(python3 python3-pip)
command -v dot >/dev/null || need+=(graphviz)
command -v chromium >/dev/null || need+=(chromium)
command -v openssl >/dev/null || need+=(openssl)
if [ ${#need[@]} -gt 0 ]; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need[@]}" >/dev/null
fi

missing_py=()
python3 -c "import pytest" 2>/dev/null || missing_py+=(pytest)
python3 -c "import jsonschema" 2>/dev/null || missing_py+=(jsonschema)
python3 -c "import yaml" 2>/dev/null || missing_py+=(PyYAML)
python3 -c "import aiosmtpd" 2>/dev/null || missing_py+=(aiosmtpd)
if [ ${#missing_py[@]} -gt 0 ]; then
  python3 -m pip install -q "${missing_py[@]}" 2>/dev/null \
    || python3 -m pip install -q --break-system-packages "${missing_py[@]}"
fi
