#!/usr/bin/env bash
# Issue 23's table: every shape, cold and warm deck cache, then recall check and recall stats.
# Decks: cargo run --release --example gen_deck -- target/bench-decks/SHAPE ITEMS TOPICS (DECKS= to use others).
set -u
cd "$(dirname "$0")/../.."
D=${DECKS:-target/bench-decks}
B=target/release/recall
mkdir -p /tmp/empty-data
export XDG_STATE_HOME=/tmp/recall-measure-state
out=${OUT:-target/measure-shapes.txt}
: > $out
for s in 10k-8 10k-52 10k-1 100k-8 100k-52; do
  echo "### $s $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)" >> $out
  python3 benches/support/measure_flows.py $B /tmp/empty-data --content $D/$s --runs 5 --flows start --cache cold >> $out 2>&1
  python3 benches/support/measure_flows.py $B /tmp/empty-data --content $D/$s --runs 5 --flows start,grade,quiz,move --cache warm >> $out 2>&1
  python3 benches/support/measure_flows.py $B /tmp/empty-data --content $D/$s --runs 1 --flows idle --idle 5 --settle 25 --cache cold >> $out 2>&1
  python3 benches/support/measure_flows.py $B /tmp/empty-data --content $D/$s --runs 1 --flows idle --idle 5 --settle 25 --cache warm >> $out 2>&1
done
echo "### check $(date +%T)" >> $out
for s in 100k-8 100k-52 10k-1; do
  python3 benches/support/measure_process.py 3 $B check --content $D/$s >> $out 2>&1
done
echo "### stats $(date +%T)" >> $out
[ -d /tmp/stats-data ] || cargo run --release --example gen_log -- /tmp/stats-data 100000
python3 benches/support/measure_process.py 10 $B --data-dir /tmp/stats-data stats >> $out 2>&1
echo "### end $(date +%T)" >> $out
