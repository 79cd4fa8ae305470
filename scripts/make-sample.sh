#!/usr/bin/env bash
# Regenerates public/samples/sample-lyon.jpg: the "try the sample photo" picture.
# A drawn landscape (no real person or place in the pixels) carrying the metadata
# a phone photo typically holds, so every inspector card has something to show:
# GPS in Lyon with altitude and direction, time with a +02:00 offset, a phone's
# make/model/software/serial, artist and copyright, an XMP edit history, IPTC
# keywords and city, an ICC profile, and an IFD1 thumbnail made BEFORE the crop
# (16:9 while the photo is 4:3) to demonstrate the pre-crop thumbnail leak.
# Needs ImageMagick 6+ (convert) and exiftool 12+.
set -euo pipefail
cd "$(dirname "$0")/.."
out=public/samples/sample-lyon.jpg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. The uncropped 16:9 scene: evening sky, sun, two ranges of hills, a river.
convert -size 1600x900 gradient:'#f6c27a-#5b7fb8' -rotate 180 \
  -fill '#ffe9a8' -draw 'circle 1130,430 1130,370' \
  -fill '#7d6b8f' -draw 'polygon 0,560 220,430 420,520 640,400 900,540 1120,420 1360,520 1600,440 1600,900 0,900' \
  -fill '#41624f' -draw 'polygon 0,680 300,560 520,640 760,580 1000,660 1280,590 1600,680 1600,900 0,900' \
  -fill '#6f9fc4' -draw 'polygon 0,820 500,760 900,790 1300,750 1600,780 1600,900 0,900' \
  -fill '#2f4a3c' -draw 'polygon 140,700 160,600 180,700' -draw 'polygon 1380,690 1400,590 1420,690' \
  -blur 0x1.2 "$tmp/scene.png"

# 2. The thumbnail shows the whole scene (what the phone saw), 160x90.
convert "$tmp/scene.png" -resize 160x90 -strip -quality 80 "$tmp/thumb.jpg"

# 3. The photo as shared: cropped to 4:3 (the right quarter of the scene cut off).
convert "$tmp/scene.png" -crop 1200x900+0+0 +repage -strip -quality 82 "$tmp/photo.jpg"

# 4. Metadata. exiftool writes EXIF (IFD0, ExifIFD, GPS, IFD1), XMP and IPTC.
icc=/usr/share/color/icc/ghostscript/srgb.icc
icc_args=()
if [ -f "$icc" ]; then icc_args=("-ICC_Profile<=$icc"); fi
exiftool -q -overwrite_original \
  -IFD0:Make=Apple -IFD0:Model='iPhone 14' -IFD0:Software='17.4.1' -IFD0:Orientation#=1 \
  -IFD0:ModifyDate='2025:04:05 18:03:44' \
  -IFD0:Artist='Camille Martin' -IFD0:Copyright='© 2025 Camille Martin' \
  -IFD0:ImageDescription='Balcon, Croix-Rousse' \
  -ExifIFD:DateTimeOriginal='2025:04:05 14:32:10' -ExifIFD:CreateDate='2025:04:05 14:32:10' \
  -ExifIFD:OffsetTimeOriginal='+02:00' -ExifIFD:OffsetTime='+02:00' -ExifIFD:SubSecTimeOriginal=417 \
  -ExifIFD:LensMake=Apple -ExifIFD:LensModel='iPhone 14 back dual wide camera 5.7mm f/1.5' \
  -ExifIFD:FNumber=1.5 -ExifIFD:ExposureTime=1/120 -ExifIFD:ISO=64 -ExifIFD:FocalLength=5.7 \
  -ExifIFD:SerialNumber='F2LXK9A1Q7HD' -ExifIFD:ImageUniqueID='6E1B0D5C2A9F4E3B8C7D1A2B3C4D5E6F' \
  -ExifIFD:ExifImageWidth=1200 -ExifIFD:ExifImageHeight=900 \
  -GPS:GPSVersionID='2 3 0 0' -GPS:GPSLatitude=45.7640 -GPS:GPSLatitudeRef=N \
  -GPS:GPSLongitude=4.8357 -GPS:GPSLongitudeRef=E -GPS:GPSAltitude=173.4 -GPS:GPSAltitudeRef=0 \
  -GPS:GPSImgDirection=287.4 -GPS:GPSImgDirectionRef=T -GPS:GPSHPositioningError=4.7 \
  -GPS:GPSDateStamp='2025:04:05' -GPS:GPSTimeStamp='12:32:09' \
  '-ThumbnailImage<='"$tmp/thumb.jpg" \
  -XMP-dc:Creator='Camille Martin' -XMP-dc:Rights='© 2025 Camille Martin' \
  -XMP-dc:Subject=Lyon -XMP-dc:Subject=balcon -XMP-dc:Subject='coucher de soleil' \
  -XMP-photoshop:City=Lyon -XMP-photoshop:Country=France \
  -XMP-xmp:CreatorTool='Adobe Lightroom Mobile 9.2' \
  -XMP-xmpMM:History='{Action=created,When=2025:04:05 14:32:10+02:00,SoftwareAgent=iOS 17.4.1}' \
  -XMP-xmpMM:History='{Action=edited,When=2025:04:05 18:01:12+02:00,SoftwareAgent=Adobe Lightroom Mobile 9.2,Changed=/metadata}' \
  -XMP-xmpMM:History='{Action=cropped,When=2025:04:05 18:03:44+02:00,SoftwareAgent=Adobe Lightroom Mobile 9.2,Changed=/}' \
  -IPTC:Keywords=Lyon -IPTC:Keywords=balcon -IPTC:Keywords='coucher de soleil' \
  -IPTC:City=Lyon -IPTC:Country-PrimaryLocationName=France -IPTC:By-line='Camille Martin' \
  -IPTC:CopyrightNotice='© 2025 Camille Martin' \
  "${icc_args[@]}" \
  "$tmp/photo.jpg"

mkdir -p "$(dirname "$out")"
cp "$tmp/photo.jpg" "$out"
echo "wrote $out ($(stat -c %s "$out") bytes)"
