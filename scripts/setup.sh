#!/usr/bin/env bash
# Installs the Debian 12 packages BK-SDM Studio needs and builds it (Release) into build/.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build ccache g++ pkg-config
  libtorch-dev libopenblas0-openmp nlohmann-json3-dev libsentencepiece-dev zlib1g-dev libpng-dev libjpeg-dev libwebp-dev libssl-dev libicu-dev libcli11-dev libfreetype-dev libfontconfig-dev
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev qcoro-qt6-dev
  qt6-translations-l10n fontconfig
  libgtest-dev xvfb xauth
  dpkg-dev file appstream desktop-file-utils
)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}"

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build
