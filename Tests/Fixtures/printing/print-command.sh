#!/bin/sh
# Print command for ippeveprinter (`-c`): runs once per job as `print-command.sh SPOOLFILE`.
# It plays the printer's hardware. Its stderr lines `STATE: +reason` / `STATE: -reason` talk back to
# ippeveprinter; a non-zero exit aborts the job. Faults come from files in $FAULT_DIR
# (inherited from ippeveprinter's environment):
#   jam         STATE: +media-jam, exit 1: the job is aborted and the jam stays reported until a
#               later job starts with the file removed (the technician cleared it)
#   paper-out   STATE: +media-empty,media-needed while the file exists, then the job completes
#   cover-open  STATE: +cover-open while the file exists, then the job completes
#   fail        exit 3: the job is aborted
#   slow        sleep for the number of seconds the file holds, then complete
#   toner-low   STATE: +toner-low, the job completes and the reason stays
# Waits end after 60 s so a forgotten fault never leaves a process behind.
set -u
faults="${FAULT_DIR:-/nonexistent}"

wait_while() {
    n=0
    while [ -e "$faults/$1" ] && [ $n -lt 1200 ]; do sleep 0.05; n=$((n + 1)); done
}

if [ -e "$faults/jam" ]; then
    echo "STATE: +media-jam" >&2
    echo "ERROR: paper jam" >&2
    exit 1
fi
echo "STATE: -media-jam" >&2
if [ -e "$faults/fail" ]; then
    echo "ERROR: engine failure" >&2
    exit 3
fi
if [ -e "$faults/paper-out" ]; then
    echo "STATE: +media-empty,media-needed" >&2
    wait_while paper-out
    echo "STATE: -media-empty,media-needed" >&2
fi
if [ -e "$faults/cover-open" ]; then
    echo "STATE: +cover-open" >&2
    wait_while cover-open
    echo "STATE: -cover-open" >&2
fi
if [ -e "$faults/toner-low" ]; then
    echo "STATE: +toner-low" >&2
fi
if [ -e "$faults/slow" ]; then
    sleep "$(cat "$faults/slow")"
fi
# The printed output: the page count pdfinfo would see is not needed, only that the file was read.
wc -c < "$1" > /dev/null
exit 0
