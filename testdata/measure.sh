#!/bin/sh
# testdata/measure.sh [SIZE...]: whole-process figures of `untether audit`,
# the ones the README's performance section quotes. For each size it
# generates the synthetic estate (`demo --size N --seed 3`) and the
# fault-tree one (`demo --shape fault-tree --size N`), then runs
# `untether audit FILE -o FILE.txt` RUNS times (default 5) after one
# warm-up, first on the quiet machine, then with LOAD busy processes
# beside it (default 2: a load average near 3-4 on two cores, as a shared CI
# runner sees). SHAPES picks the estates (default "synthetic fault-tree").
# It prints the median wall clock, the CPU seconds (user + system) and the
# peak resident memory of each, with GNU time.
#
# Run it from the repository root; it builds the binary and writes the
# estates and reports under a temporary directory it removes. A 1M estate
# is a 1.06 GB file: `sh testdata/measure.sh 100000 1000000` needs 2.5 GB of
# disk and about four minutes.
set -eu
export UNTETHER_PROGRESS=off # figures only
sizes=${*:-100000}
runs=${RUNS:-5}
load=${LOAD:-2}
shapes=${SHAPES:-synthetic fault-tree}
dir=$(mktemp -d)
burners=""
stop_burners() {
	for p in $burners; do kill "$p" 2>/dev/null || true; done
	burners=""
}
trap 'stop_burners; rm -rf "$dir"' EXIT
go build -o "$dir/untether" ./cmd/untether

# one NAME FILE: RUNS timed audits of FILE, the median of each figure.
one() {
	"$dir/untether" audit "$2" -o "$dir/out.txt" # warm-up: the file in the page cache
	i=0
	: >"$dir/times"
	while [ "$i" -lt "$runs" ]; do
		/usr/bin/time -f '%e %U %S %M' -a -o "$dir/times" "$dir/untether" audit "$2" -o "$dir/out.txt"
		i=$((i + 1))
	done
	# median of wall, of cpu (user + sys) and of peak (KB), each sorted on its own
	med() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
	wall=$(awk '{print $1}' "$dir/times" | med)
	cpu=$(awk '{print $2 + $3}' "$dir/times" | med)
	peak=$(awk '{print $4}' "$dir/times" | med)
	printf '%-18s %-7s wall %6.2f s  cpu %6.2f s  peak %5.0f MB  (load %s)\n' \
		"$1" "$3" "$wall" "$cpu" "$((peak / 1024))" "$(cut -d' ' -f1 /proc/loadavg)"
}

for n in $sizes; do
	for shape in $shapes; do
		case $shape in
		synthetic) "$dir/untether" demo --size "$n" --seed 3 -o "$dir/$shape-$n.json" ;;
		*) "$dir/untether" demo --shape "$shape" --size "$n" -o "$dir/$shape-$n.json" ;;
		esac
	done
done
for n in $sizes; do
	for shape in $shapes; do
		one "$shape-$n" "$dir/$shape-$n.json" quiet
		j=0
		while [ "$j" -lt "$load" ]; do
			sh -c 'while :; do :; done' &
			burners="$burners $!"
			j=$((j + 1))
		done
		sleep 5 # let the load average rise
		one "$shape-$n" "$dir/$shape-$n.json" "loaded"
		stop_burners
		sleep 2
	done
done
