#!/usr/bin/env bash
# Installs what the judge's sandbox needs. Idempotent; run as root (the CI runner and `.ci/run` call it).
#   - bubblewrap (Debian package): the namespace sandbox.
#   - gcc (with static libc) to build the judge's small C supervisor; the language toolchains themselves
#     (gcc, g++, python3, openjdk-17, node) are checked by each language's self-test, and installed here if missing.
#   - a dedicated unprivileged user: the judge drops to it before starting bwrap, because bwrap started as
#     root keeps every capability inside its user namespace (../shared/research/sandbox-lab.md §1).
set -euo pipefail

SANDBOX_USER="${LOGICODE_SANDBOX_USER:-logicode-sandbox}"

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-sandbox: must run as root" >&2
  exit 1
fi

need=()
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
command -v gcc >/dev/null 2>&1 || need+=(gcc libc6-dev)
command -v g++ >/dev/null 2>&1 || need+=(g++)
[ -x /usr/bin/python3 ] || need+=(python3)
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)

if [ "${#need[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  # Only refresh the package lists when a package is not known yet (apt-get update is slow).
  if ! apt-get install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1; then
    apt-get update
    apt-get install -y --no-install-recommends "${need[@]}"
  fi
fi

if ! getent passwd "$SANDBOX_USER" >/dev/null; then
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$SANDBOX_USER"
fi

# bwrap needs unprivileged user namespaces (it is not setuid on Debian).
if [ -r /proc/sys/user/max_user_namespaces ] && [ "$(cat /proc/sys/user/max_user_namespaces)" = "0" ]; then
  echo "setup-sandbox: user namespaces are disabled (user.max_user_namespaces=0); the judge will refuse to start" >&2
fi
if [ -r /proc/sys/kernel/unprivileged_userns_clone ] && [ "$(cat /proc/sys/kernel/unprivileged_userns_clone)" = "0" ]; then
  sysctl -w kernel.unprivileged_userns_clone=1 >/dev/null || true
fi

# Ubuntu 23.10+ lets AppArmor deny unprivileged user namespaces; bwrap then fails with "Permission denied".
if [ -r /proc/sys/kernel/apparmor_restrict_unprivileged_userns ] && [ "$(cat /proc/sys/kernel/apparmor_restrict_unprivileged_userns)" = "1" ]; then
  echo "setup-sandbox: AppArmor restricts unprivileged user namespaces: add an AppArmor profile for /usr/bin/bwrap" \
    "(or set kernel.apparmor_restrict_unprivileged_userns=0) or the judge will refuse to start" >&2
fi

echo "setup-sandbox: bwrap $(bwrap --version | awk '{print $2}'), user $SANDBOX_USER uid $(id -u "$SANDBOX_USER")"
