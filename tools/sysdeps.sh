#!/usr/bin/env bash
# Check that the system libraries Qt needs are present; install them when run as root,
# otherwise print the exact command. Usage: tools/sysdeps.sh VENV_PYTHON [offscreen|all]
# "offscreen" checks what tests need; "all" adds the X11 (xcb) plugin that a desktop needs.
set -euo pipefail
py=${1:?venv python}
scope=${2:-all}
qt=$("$py" -c 'import os, PySide6; print(os.path.join(os.path.dirname(PySide6.__file__), "Qt"))')

files=("$qt/plugins/platforms/libqoffscreen.so" "$qt/lib/libQt6Gui.so.6" "$qt/lib/libQt6Pdf.so.6")
if [ "$scope" = all ]; then
  files+=("$qt/plugins/platforms/libqxcb.so" "$qt/lib/libQt6XcbQpa.so.6")
fi

# soname -> Debian/Ubuntu package
declare -A pkg=(
  [libxcb-icccm.so.4]=libxcb-icccm4 [libxcb-keysyms.so.1]=libxcb-keysyms1
  [libxcb-cursor.so.0]=libxcb-cursor0 [libxcb-image.so.0]=libxcb-image0
  [libxcb-render-util.so.0]=libxcb-render-util0 [libxcb-xkb.so.1]=libxcb-xkb1
  [libxcb-shape.so.0]=libxcb-shape0 [libxcb-randr.so.0]=libxcb-randr0
  [libxcb-xfixes.so.0]=libxcb-xfixes0 [libxcb-sync.so.1]=libxcb-sync1
  [libxcb-shm.so.0]=libxcb-shm0 [libxcb-render.so.0]=libxcb-render0
  [libxcb-xinput.so.0]=libxcb-xinput0 [libxcb-glx.so.0]=libxcb-glx0
  [libxcb-util.so.1]=libxcb-util1 [libxcb.so.1]=libxcb1 [libX11-xcb.so.1]=libx11-xcb1
  [libX11.so.6]=libx11-6 [libSM.so.6]=libsm6 [libICE.so.6]=libice6
  [libxkbcommon.so.0]=libxkbcommon0 [libxkbcommon-x11.so.0]=libxkbcommon-x11-0
  [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1 [libOpenGL.so.0]=libopengl0 [libGLX.so.0]=libglx0
  [libfontconfig.so.1]=libfontconfig1 [libfreetype.so.6]=libfreetype6
  [libdbus-1.so.3]=libdbus-1-3 [libglib-2.0.so.0]=libglib2.0-0 [libgthread-2.0.so.0]=libglib2.0-0
)

missing=()
for f in "${files[@]}"; do
  [ -e "$f" ] || continue
  while read -r lib; do missing+=("$lib"); done < <(ldd "$f" 2>/dev/null | awk '/not found/ {print $1}')
done
# Qt >= 6.5 loads xcb-cursor at run time for the X11 plugin; ldd does not always show it.
if [ "$scope" = all ] && ! ldconfig -p 2>/dev/null | grep -q 'libxcb-cursor.so.0'; then
  missing+=(libxcb-cursor.so.0)
fi
# Fonts: without any font Qt draws nothing readable.
if ! ldconfig -p 2>/dev/null | grep -q 'libfontconfig.so.1'; then missing+=(libfontconfig.so.1); fi

[ ${#missing[@]} -eq 0 ] && exit 0
pkgs=$(for m in "${missing[@]}"; do echo "${pkg[$m]:-UNKNOWN:$m}"; done | sort -u | tr '\n' ' ')
if echo "$pkgs" | grep -q UNKNOWN; then
  echo "Qt needs system libraries that are missing: ${missing[*]}" >&2
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system libraries for Qt: $pkgs"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends $(echo "$pkgs" | tr ' ' '\n' | grep -v UNKNOWN) >/dev/null
  # fonts-dejavu-core keeps the UI readable on a bare machine
  fc-list >/dev/null 2>&1 && [ -n "$(fc-list 2>/dev/null)" ] || apt-get install -y -qq --no-install-recommends fonts-dejavu-core >/dev/null
else
  echo "Qt needs system libraries that are missing. Install them with:" >&2
  echo "  sudo apt-get install $pkgs" >&2
  echo "(on Fedora: sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms libxkbcommon-x11)" >&2
  exit 1
fi
