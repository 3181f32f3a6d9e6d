#!/usr/bin/env bash
# Renders the application icon from icon.svg (and icon-small.svg for 16 to 32 pixels) into what each platform
# needs: icon-<size>.png (Linux launchers, the window), icon.ico (Windows), icon.icns (macOS).
# Needs rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert and python3. Run it after changing an SVG and
# commit the results: the build only reads them.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32; do
  rsvg-convert -w $size -h $size icon-small.svg -o icon-$size.png
done
for size in 48 64 128 256 512 1024; do
  rsvg-convert -w $size -h $size icon.svg -o icon-$size.png
done
convert icon-16.png icon-24.png icon-32.png icon-48.png icon-64.png icon-256.png icon.ico
# ICNS: a header and one PNG per entry (types from Apple's icns format: icp4 16, icp5 32, icp6 64, ic07 128,
# ic08 256, ic09 512, ic10 1024 (512@2x), ic11 32 (16@2x), ic12 64 (32@2x), ic13 256 (128@2x), ic14 512 (256@2x))
python3 - <<'PY'
import struct
entries = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
           ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512)]
body = b""
for kind, size in entries:
    png = open(f"icon-{size}.png", "rb").read()
    body += kind.encode("ascii") + struct.pack(">I", len(png) + 8) + png
open("icon.icns", "wb").write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY
rm icon-1024.png
ls -l icon-*.png icon.ico icon.icns
