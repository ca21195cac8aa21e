#!/usr/bin/env bash
# Installs what Mainstay's tests need on a fresh Debian machine that has the .NET SDK:
# PostgreSQL (a throwaway server is started by scripts/test.sh), GLPK (glpsol, the planner's
# reference solver in the tests) and Chromium (the web app's browser tests). Safe to run again.
set -euo pipefail
need=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
command -v glpsol >/dev/null 2>&1 || need+=(glpk-utils)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if ((${#need[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  # Debian starts a cluster on install; the tests use their own, so stop it to free resources.
  $SUDO service postgresql stop >/dev/null 2>&1 || true
fi
dotnet restore Mainstay.slnx --verbosity quiet
