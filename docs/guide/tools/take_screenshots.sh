#!/usr/bin/env bash
# Retakes the user guide's pictures (docs/guide/{vi,en}/images/*.png) from the sample
# province, in each UI language, the way a user sees the window: SafeMap runs under Xvfb on a
# 1600x1000 screen, xdotool clicks and types, ImageMagick's `import` takes the screen and
# `convert` crops it to the panel each page explains.
#
#   bash docs/guide/tools/take_screenshots.sh [build/ci/app/safemap]
#
# Needs xvfb, xdotool and imagemagick (a developer's tools, not a build dependency). The
# coordinates below are those of a first start (no saved window layout) on that screen:
# after a change to the window's layout, look at the full screenshots it leaves in $work
# and adjust them.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bin=$(realpath "${1:-build/ci/app/safemap}")
for tool in Xvfb xdotool import convert; do
  command -v "$tool" >/dev/null || { echo "take_screenshots: $tool is missing" >&2; exit 1; }
done
work=$(mktemp -d)
echo "take_screenshots: working in $work"

project=$work/sample.gpkg
"$bin" import "$project" data/sites/zones.geojson >/dev/null
"$bin" import "$project" data/sites/factories.csv >/dev/null
"$bin" import-assessments "$project" data/assessments/danh_gia_2021-06.csv >/dev/null 2>&1
"$bin" import-inspections "$project" data/inspections/kiem_tra_2021-06.csv >/dev/null

display=:$((80 + RANDOM % 10))
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; fi
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY=$display
sleep 1

shot() { sleep "${2:-1.5}"; import -window root "$work/$1.png"; }
crop() {  # crop NAME SRC GEOMETRY [WIDTH]: a panel, scaled down to WIDTH if given
  local out=$dest/$1.png
  if [ -n "${4:-}" ]; then
    convert "$work/$2.png" -crop "$3" +repage -resize "$4x" -strip "$out"
  else
    convert "$work/$2.png" -crop "$3" +repage -strip "$out"
  fi
}

for language in vi en; do
  dest=docs/guide/$language/images
  mkdir -p "$dest" "$work/$language/SafeMap"
  printf '[ui]\nlanguage=%s\n' "$language" >"$work/$language/SafeMap/SafeMap.conf"
  # The left docks are as wide as their widest label (the map starts after them); the
  # lists' second tab starts after the first one's label.
  if [ "$language" = vi ]; then
    left=378 inspect_tab=212 cordon_title="Khoanh vùng quanh ca bệnh"
  else
    left=352 inspect_tab=151 cordon_title="Cordon around a case"
  fi

  XDG_CONFIG_HOME=$work/$language "$bin" "$project" >"$work/app-$language.log" 2>&1 &
  app=$!
  sleep 6
  xdotool mousemove 800 400
  xdotool key ctrl+shift+f                      # the whole province
  shot "$language-overview" 3
  xdotool mousemove 95 736 click 1              # the Filter tab
  shot "$language-filter"
  xdotool mousemove $inspect_tab 912 click 1    # the Due for inspection tab
  shot "$language-inspect"
  xdotool mousemove 40 912 click 1              # back to To suspend
  xdotool mousemove 230 848 click 1             # its first row: the record, the map goes there
  shot "$language-record" 3
  xdotool mousemove 800 400 key ctrl+shift+c    # cordon around that facility
  sleep 2
  cordon=$(xdotool search --sync --onlyvisible --name "$cordon_title" | head -1)
  xdotool windowmove "$cordon" 1085 330          # off the map, over the record
  xdotool mousemove 1289 453 click 1            # Compute
  sleep 2
  xdotool mousemove 700 400 click --repeat 2 5  # zoom out twice (wheel), without a click
  shot "$language-cordon" 3
  xdotool mousemove 1200 500 key Escape
  xdotool mousemove 700 939 click 1             # the status bar: the window is active again
  xdotool mousemove 700 400 key ctrl+k          # the criteria sets
  shot "$language-criteria" 2
  xdotool key Escape
  xdotool mousemove 32 736 click 1              # back to the Legend tab
  xdotool mousemove 150 300 key F1              # the guide, over the legend
  shot "$language-help" 3
  kill "$app"
  app=

  crop overview "$language-overview" 1520x950+0+0 900
  crop legend "$language-overview" "${left}x612+0+148"
  crop filter "$language-filter" "${left}x612+0+148"
  crop lists "$language-inspect" 1520x168+0+758 960
  crop site-record "$language-record" 439x695+1081+55
  crop cordon "$language-cordon" "$((1450 - left - 5))x695+$((left + 5))+55" 960
  crop criteria "$language-criteria" 900x600+300+135
done
echo "take_screenshots: pictures written to docs/guide/{vi,en}/images; full screens in $work"
trap - EXIT
cleanup
