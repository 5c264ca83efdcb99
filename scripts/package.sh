#!/usr/bin/env bash
# Builds the Debian package of BK-SDM Studio and checks it on this machine: `cpack -G DEB` in the
# build folder, the package's desktop entry and AppStream metainfo validated, the package installed
# (dpkg -i, then apt-get -f install for what it depends on), and the installed programs run from
# /usr/bin: `bksdm --version`, `bksdm inspect` and `bksdm tokenize` on a fixture model (tokenizing
# loads the sentencepiece module from its installed place, /usr/lib/bksdm), and the installed app
# starts (offscreen, --help).
# Usage: scripts/package.sh [BUILD_DIR]   (default build/, configured and built here as needed)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
fixture=tests/fixtures/models/bk-sdm-v2-tiny-mini
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

step() { printf '\n== %s\n' "$*"; }

# cpack's dependency list needs dpkg-shlibdeps and file; the checks need appstreamcli and
# desktop-file-validate.
missing=()
for tool in dpkg-shlibdeps:dpkg-dev file:file appstreamcli:appstream desktop-file-validate:desktop-file-utils; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

step "building the package"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBKSDM_BUILD_APP=ON
cmake --build "$build"
rm -f "$build"/bksdm-studio_*.deb
(cd "$build" && cpack -G DEB)
debs=("$build"/bksdm-studio_*.deb)
deb=${debs[0]}
dpkg-deb --info "$deb"
# Loaded at run time, so no library check below would notice them missing from a new user's machine.
for needed in qt6-translations-l10n libqt6svg6 libopenblas0-openmp; do
  dpkg-deb -f "$deb" Depends | grep -qw "$needed" || { echo "the package does not depend on $needed" >&2; exit 1; }
done

step "checking its files"
staged=$(mktemp -d)
trap 'rm -rf "$staged"' EXIT
dpkg-deb -x "$deb" "$staged"
dpkg-deb --contents "$deb" | awk '{print $NF}'
module=$(cd "$staged" && find usr/lib -path '*/bksdm/libbksdm_spm.so')
[ -n "$module" ] || { echo "the sentencepiece module is missing from the package" >&2; exit 1; }
for file in usr/bin/bksdm usr/bin/bksdm-studio "$module" usr/share/applications/bksdm-studio.desktop \
            usr/share/icons/hicolor/scalable/apps/bksdm-studio.svg \
            usr/share/icons/hicolor/{48x48,128x128,256x256}/apps/bksdm-studio.png; do
  [ -e "$staged/$file" ] || { echo "missing from the package: /$file" >&2; exit 1; }
done
metainfo=("$staged"/usr/share/metainfo/*.metainfo.xml)
appstreamcli validate --no-net "${metainfo[@]}"
desktop-file-validate "$staged"/usr/share/applications/bksdm-studio.desktop

step "installing it"
if ! $sudo dpkg -i "$deb"; then
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -f install -y -qq
fi
dpkg-query -W -f='${Status} ${Version}\n' bksdm-studio | grep -q '^install ok installed' || {
  echo "bksdm-studio did not install" >&2
  exit 1
}
unresolved=$(ldd /usr/bin/bksdm /usr/bin/bksdm-studio "/$module" | grep 'not found' || true)
[ -z "$unresolved" ] || { echo "unresolved libraries: $unresolved" >&2; exit 1; }

step "running the installed bksdm"
unset BKSDM_SPM_MODULE
/usr/bin/bksdm --version
/usr/bin/bksdm inspect "$fixture"
tokens=$(/usr/bin/bksdm tokenize --model "$fixture" --text "a photo of an astronaut")
echo "$tokens"
grep -q 49406 <<<"$tokens" || { echo "bksdm tokenize gave no start token" >&2; exit 1; }
QT_QPA_PLATFORM=offscreen /usr/bin/bksdm-studio --help >/dev/null
step "the package works: $deb"
