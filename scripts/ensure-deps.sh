#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/deps/*.txt that are not installed yet, and says which.
# Usage: scripts/ensure-deps.sh [AREA ...]   (no area: every list)
set -euo pipefail
cd "$(dirname "$0")/deps"
lists=("$@")
[ ${#lists[@]} -eq 0 ] && lists=($(ls *.txt | sed 's/\.txt$//'))
wanted=()
for list in "${lists[@]}"; do
  while read -r package _; do
    [ -z "$package" ] || [ "${package#\#}" != "$package" ] && continue
    wanted+=("$package")
  done < "$list.txt"
done
missing=()
for package in $(printf '%s\n' "${wanted[@]}" | sort -u); do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#wanted[@]} Debian packages present"
  exit 0
fi
echo "deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "deps: installed ${#missing[@]} package(s)"
