#!/usr/bin/env bash
# Debian packages the test suite needs: Chromium for browser tests, a CJK font and poppler for PDFs,
# the Android build tools for real APK fixtures, gettext for message extraction checks.
set -euo pipefail

declare -A need=(
  [chromium]=/usr/bin/chromium
  [fonts-wqy-microhei]=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
  [poppler-utils]=/usr/bin/pdftotext
  [aapt]=/usr/bin/aapt
  [zipalign]=/usr/bin/zipalign
  [apksigner]=/usr/bin/apksigner
  [libsmali-java]=/usr/share/java/smali.jar
  [dexdump]=/usr/bin/dexdump
  [android-framework-res]=/usr/share/android-framework-res/framework-res.apk
  [default-jdk-headless]=/usr/bin/keytool
  [gettext]=/usr/bin/xgettext
)
missing=()
for pkg in "${!need[@]}"; do
  [ -e "${need[$pkg]}" ] || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
