#!/usr/bin/env bash
# Runs the README's two commands on a clean Debian 12, as a new user's machine would: a minimal root
# made by debootstrap from the Debian mirror this machine's apt uses, a clean clone of HEAD copied
# in, then ./scripts/setup.sh and ./scripts/test.sh inside it (chroot with /proc, /sys and /dev
# mounted; Qt offscreen). A package that was once installed here by hand cannot hide a missing
# install step there. Not part of CI: it needs root and takes about half an hour.
# Usage: sudo scripts/fresh-check.sh [ROOT_DIR]   (default: a new folder under /var/tmp, removed
# when the check passes and kept for a look when it fails)
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "fresh-check.sh needs root (debootstrap, chroot, mounts)" >&2; exit 2; }

# The first Debian mirror of this machine's apt sources, deb822 (.sources) or one-line (.list).
debian_mirror() {
  local file
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    awk -v RS= '/(^|\n)Suites:[^\n]* bookworm( |\n|$)/ && match($0, /(^|\n)URIs: *[^ \n]+/) {
      uri = substr($0, RSTART, RLENGTH); sub(/.*URIs: */, "", uri); print uri; exit }' "$file"
  done
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] || continue
    sed -E 's/\[[^]]*\] *//' "$file" | awk '$1 == "deb" && $3 == "bookworm" {print $2; exit}'
  done
}

mirror=$(debian_mirror | head -n1)
[ -n "$mirror" ] || { echo "no Debian bookworm mirror in this machine's apt sources" >&2; exit 2; }
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap

root=${1:-$(mktemp -d /var/tmp/bksdm-fresh.XXXXXX)}
mounted=()
unmount_all() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
}
trap unmount_all EXIT
phase_start=$SECONDS
phase() { printf '\n== %s (%d s so far)\n' "$*" $((SECONDS - phase_start)); }

phase "debootstrap bookworm (minbase) from $mirror into $root"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 ||
  { tail -n 20 "$root.debootstrap.log" >&2; exit 1; }
# The same sources as this machine (security and updates included), and its name resolution.
rm -f "$root"/etc/apt/sources.list
for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
  [ -f "$file" ] && grep -q bookworm "$file" && install -D -m 0644 "$file" "$root$file"
done
cp -L /etc/resolv.conf "$root/etc/resolv.conf"

phase "a clean clone of $(git rev-parse --short HEAD)"
git clone -q --no-local "$PWD" "$root/src/bksdm-studio"

for dir in proc sys dev dev/pts; do
  mount --bind "/$dir" "$root/$dir"
  mounted+=("$root/$dir")
done

phase "the README's two commands"
chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen CI=true \
  bash -c 'cd /src/bksdm-studio && ./scripts/setup.sh && ./scripts/test.sh' 2>&1 | tee "$root.log"
status=${PIPESTATUS[0]}
phase "finished with status $status; the log is $root.log"
unmount_all
mounted=()
if [ "$status" -eq 0 ]; then
  rm -rf --one-file-system "$root"
  echo "fresh-check: PASS in $((SECONDS - phase_start)) s"
else
  echo "fresh-check: FAIL (status $status); the root is kept in $root" >&2
fi
exit "$status"
