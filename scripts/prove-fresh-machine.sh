#!/usr/bin/env bash
# Proves the README's test command on a fresh Debian 12: makes a minimal root with
# `debootstrap --variant=minbase bookworm` (once; Debian package debootstrap), clones this
# repository's HEAD into it and runs `bash scripts/test.sh` there as root, then
# check-install-list on that build when ../shared/tools has it. Nothing of the host goes in but the
# clone, the DNS settings and the extra CA certificates in /usr/local/share/ca-certificates (a
# network that reaches the registries through a TLS proxy needs them; a plain machine has none).
#   sudo bash scripts/prove-fresh-machine.sh [root-dir]     (default /var/tmp/as-fresh-root)
# Exit status: that of scripts/test.sh (then of the install-list check). docs/reliability.md.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
R="${1:-/var/tmp/as-fresh-root}"
if [ ! -x "$R/bin/bash" ]; then
  command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
  debootstrap --variant=minbase bookworm "$R" http://deb.debian.org/debian || exit 1
fi
cp /etc/resolv.conf "$R/etc/resolv.conf"
mkdir -p "$R/usr/local/share/ca-certificates"
cp /usr/local/share/ca-certificates/*.crt "$R/usr/local/share/ca-certificates/" 2>/dev/null || true
# /sys with its submounts (--rbind), as a booted machine has it: slurmd needs /sys/fs/cgroup, and
# a plain bind left it empty (the Slurm case failed in the root and nowhere else).
for m in proc sys dev dev/pts; do
  mkdir -p "$R/$m"
  mountpoint -q "$R/$m" && continue
  case "$m" in
    proc) mount -t proc proc "$R/proc" ;;
    sys) mount --rbind /sys "$R/sys" && mount --make-rslave "$R/sys" ;;
    *) mount --bind "/$m" "$R/$m" ;;
  esac
done
trap 'for m in dev/pts dev sys proc; do umount -R "$R/$m" 2>/dev/null; done' EXIT
rm -rf "$R/root/as"; mkdir -p "$R/root/as"
git clone -q "$repo" "$R/root/as/main" || exit 1
[ -d "$repo/../shared" ] && cp -r "$repo/../shared" "$R/root/as/shared"
in_root() {
  chroot "$R" /usr/bin/env -i HOME=/root LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/bash -c "cd /root/as/main && $1"
}
start=$(date +%s)
in_root "bash scripts/test.sh"; rc=$?
echo "prove-fresh-machine: scripts/test.sh exit $rc after $(( $(date +%s) - start )) s in $R"
[ $rc -eq 0 ] || exit $rc
if [ -f "$R/root/as/shared/tools/check-install-list" ]; then
  in_root "bash ../shared/tools/check-install-list build scripts/install-deps.sh"; rc=$?
fi
exit $rc
