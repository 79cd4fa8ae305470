#!/usr/bin/env bash
# Regenerates public/samples/sample-badge.jpg: the photo lesson 5 scans when the
# reader asks ("Scan the sample photo"). One real face and readable text:
# NASA's public-domain portrait of Eileen Collins (scikit-image's astronaut.jpg,
# from ../shared/fixtures/vision/), beside a visitor badge we draw, with a
# fictional name and e-mail address. No metadata: the lesson is about the pixels.
# Needs ImageMagick 6+ (convert) and Debian's fonts-dejavu-core.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${SHARED_DIR:-../shared}/fixtures/vision/astronaut.jpg
out=public/samples/sample-badge.jpg
bold=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
regular=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

# 960×540: the portrait on the left (512 px), the badge on a plain desk on the right.
# Text sizes: the name 44 px and the address 26 px high, so the OCR reads them at
# this size (the scan's e2e badge reads a 32 px name on a 1800 px photo).
convert -size 960x540 xc:'#d9d4c7' \
  "$src" -geometry +0+14 -composite \
  '(' -size 400x250 xc:white -fill '#1d4e89' -draw 'rectangle 0,0 400,56' \
      -font "$bold" -pointsize 26 -fill white -annotate +20+38 'VISITEUR' \
      -font "$bold" -pointsize 44 -fill black -annotate +20+124 'Jeanne Roux' \
      -font "$regular" -pointsize 26 -annotate +20+190 'jeanne.roux@example.fr' \
      -bordercolor '#1d4e89' -border 4 ')' \
  -geometry +536+140 -composite \
  -strip -sampling-factor 4:2:0 -quality 82 "$out"
echo "wrote $out ($(stat -c %s "$out") bytes)"
