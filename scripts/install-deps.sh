#!/usr/bin/env bash
# Installs the system packages flowc needs to build and test, when they are missing.
set -euo pipefail
need=()
pkg-config --exists yaml-0.1 2>/dev/null || need+=(libyaml-dev)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "${need[@]}"
fi
