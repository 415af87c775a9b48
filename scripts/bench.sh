#!/usr/bin/env bash
# Whole-process benchmarks of tsc on synthetic records trees and on this
# repository's records; prints the markdown that docs/performance.md holds.
#
# Usage: ./scripts/bench.sh
#   BENCH_SIZES="S M"  ./scripts/bench.sh   # skip L (12,000 meetings)
#   BENCH_QUICK=1      ./scripts/bench.sh   # 3 runs each, no check-jsonschema
#
# What it does:
#   1. installs hyperfine and GNU time (apt-get) if missing;
#   2. builds tsc and the synth and parse_floor examples in release mode;
#   3. generates S = 120, M = 1,200 and L = 12,000 meetings (seed 1) into
#      target/bench-data/{S,M,L}, unless already there from the same
#      generator source;
#   4. times with hyperfine (warm-up, then median of the runs):
#      `tsc validate`, `tsc actions --open`, `tsc report` (when the binary
#      has it), all with --no-cache, and the parse floor
#      (examples/parse_floor.rs: one thread reading and parsing the same
#      files into untyped values);
#   5. measures peak memory (maximum resident set size) with /usr/bin/time -v;
#   5b. times the parse cache (issue 13), side by side on each tree: the
#      cache floor (examples/hash_floor.rs: walk, read and hash every file),
#      a cold `validate` writing the cache, warm `validate` from the
#      per-file cache (memo removed before each run), warm `validate`
#      answered by the whole-run memo, `validate` after 2 files were
#      edited, and warm `actions --open` and `report`; and peak memory of
#      cold and warm runs; on M also `validate --staged` in a git copy
#      (target/bench-data/M-staged) with 2 files edited and staged before
#      each run, cold and warm; then on M the same measures again
#      round-robin (scripts/interleave.py: every round runs each once, so
#      a ratio compares runs seconds apart, not minutes). The cache lives
#      in target/bench-results/cache;
#   6. on M, times check-jsonschema (PyPI, in target/pytools as for
#      scripts/test.sh) over every record file against `tsc schema --out-dir`
#      output, one schema per record kind;
#   7. on M, times `tsc diff` between two commits of a git repository one
#      meeting apart (target/bench-data/M-git), against one load of a
#      revision (examples/git_load.rs);
#   8. prints the machine, the tables and the exact commands. Raw results
#      (hyperfine JSON, time -v logs, the table) go to target/bench-results/.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=target/bench-data
RESULTS=target/bench-results
# The same virtualenv and check-jsonschema version as scripts/test.sh.
PYTOOLS=${CARGO_TARGET_DIR:-target}/pytools
CHECK_JSONSCHEMA_VERSION=0.39.0
SEED=1
SIZES=${BENCH_SIZES:-S M L}
mkdir -p "$DATA" "$RESULTS"
rm -f "$RESULTS"/*.json "$RESULTS"/*.time "$RESULTS"/notes.txt "$RESULTS"/commands.txt
uptime >"$RESULTS/load-before.txt"

note() { echo "bench: $*" >&2; echo "$*" >>"$RESULTS/notes.txt"; }

apt_install() {
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get install -y -qq "$@" >/dev/null 2>&1 ||
        { $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq "$@" >/dev/null; }
}

command -v hyperfine >/dev/null || { echo "bench: installing hyperfine" >&2; apt_install hyperfine; }
[ -x /usr/bin/time ] || { echo "bench: installing GNU time" >&2; apt_install time; }

echo "bench: building (release)" >&2
cargo build --release --quiet --bin tsc --example synth --example parse_floor --example git_load --example hash_floor
TSC=target/release/tsc
SYNTH=target/release/examples/synth
FLOOR=target/release/examples/parse_floor
GIT_LOAD=target/release/examples/git_load
HASH_FLOOR=target/release/examples/hash_floor

has_command() { "$TSC" "$1" --help >/dev/null 2>&1; }

meetings_of() {
    case $1 in S) echo 120 ;; M) echo 1200 ;; L) echo 12000 ;; *) echo "bench: unknown size $1" >&2; exit 2 ;; esac
}

# The stamp ties a generated tree to the generator's source, size and seed.
stamp_of() {
    { sha256sum examples/synth/generate.rs | cut -d' ' -f1; echo "$1 $SEED"; } | sha256sum | cut -d' ' -f1
}

for size in $SIZES; do
    n=$(meetings_of "$size")
    dir=$DATA/$size
    stamp=$(stamp_of "$n")
    if [ ! -d "$dir" ] || [ "$(cat "$DATA/$size.stamp" 2>/dev/null)" != "$stamp" ]; then
        echo "bench: generating $size ($n meetings)" >&2
        rm -rf "$dir" "$dir.partial"
        "$SYNTH" --meetings "$n" --out "$dir.partial" --seed "$SEED" >&2
        mv "$dir.partial" "$dir"
        echo "$stamp" >"$DATA/$size.stamp"
    fi
done

# hyperfine NAME [options] COMMAND: results in $RESULTS/NAME.json.
bench() {
    local name=$1
    shift
    echo "hyperfine -N $*" >>"$RESULTS/commands.txt"
    hyperfine -N --style none --export-json "$RESULTS/$name.json" "$@" >&2
}

# peak NAME COMMAND...: maximum resident set size in $RESULTS/NAME.time.
peak() {
    local name=$1
    shift
    echo "/usr/bin/time -v $*" >>"$RESULTS/commands.txt"
    /usr/bin/time -v "$@" >/dev/null 2>"$RESULTS/$name.time" || true
}

runs_for() {
    if [ -n "${BENCH_QUICK:-}" ]; then echo "--warmup 1 --runs 3"
    elif [ "$1" = L ]; then echo "--warmup 1 --runs 5"
    else echo "--warmup 3 --min-runs 10"; fi
}

have_report=false
has_command report && have_report=true
# Builds with the parse cache take --no-cache; the runs above measure
# parsing, so they use it.
have_cache=false
NO_CACHE=""
if "$TSC" --no-cache validate --help >/dev/null 2>&1; then
    have_cache=true
    NO_CACHE="--no-cache"
fi
$have_report || note "tsc report: not timed, this tsc has no \`report\` command"

for size in $SIZES; do
    dir=$DATA/$size
    # shellcheck disable=SC2046
    set -- $(runs_for "$size")
    "$TSC" $NO_CACHE validate --records "$dir" >/dev/null ||
        { echo "bench: tsc validate finds errors in $dir; fix the generator first" >&2; exit 1; }
    bench "validate-$size" "$@" "$TSC $NO_CACHE validate --records $dir"
    bench "actions-$size" "$@" "$TSC $NO_CACHE actions --open --records $dir"
    $have_report && bench "report-$size" "$@" "$TSC $NO_CACHE report --records $dir"
    bench "floor-$size" "$@" "$FLOOR $dir"
    # shellcheck disable=SC2086
    peak "validate-$size" "$TSC" $NO_CACHE validate --records "$dir"
    peak "floor-$size" "$FLOOR" "$dir"
done

# tsc diff on two revisions of M one meeting apart: a git repository whose
# first commit is M without its last meeting and the actions raised there,
# and whose second commit adds them. Compared with one load of a revision
# of M (examples/git_load.rs: what diff does for each side, and nothing
# else): the target is diff ≤ 2 loads + 10 %.
if [[ " $SIZES " == *" M "* ]] && has_command diff; then
    repo=$DATA/M-git
    stamp="$(stamp_of 1200) git"
    if [ ! -d "$repo/.git" ] || [ "$(cat "$DATA/M-git.stamp" 2>/dev/null)" != "$stamp" ]; then
        echo "bench: making the git repository $repo" >&2
        rm -rf "$repo" && mkdir -p "$repo"
        cp -r "$DATA/M" "$repo/records"
        last=$(find "$repo/records/meetings" -name '*.yaml' | sort -V | tail -1)
        id=$(basename "$last" .yaml)
        g() { git -C "$repo" -c user.name=bench -c user.email=bench@example.org "$@"; }
        g init -q && g add records
        # The first commit leaves out the last meeting and its actions.
        { echo "$last"; grep -rl --include='*.yaml' "^meeting: $id\$" "$repo/records/actions"; } |
            sed "s|^$repo/||" | xargs git -C "$repo" rm -q --cached --
        g commit -q -m "M without $id"
        g add records && g commit -q -m "$id"
        echo "$stamp" >"$DATA/M-git.stamp"
    fi
    # shellcheck disable=SC2046
    bench diff-M $(runs_for M) "$TSC diff HEAD~1 HEAD --records $repo/records --format json"
    # shellcheck disable=SC2046
    bench git-load-M $(runs_for M) "$GIT_LOAD $repo/records HEAD"
    "$TSC" diff HEAD~1 HEAD --records "$repo/records" >"$RESULTS/diff-M.txt"
fi

# shellcheck disable=SC2086
bench validate-real $([ -n "${BENCH_QUICK:-}" ] && echo "--warmup 1 --runs 5" || echo "--warmup 10 --min-runs 50") "$TSC $NO_CACHE validate --records records"
# shellcheck disable=SC2086
peak validate-real "$TSC" $NO_CACHE validate --records records

# The parse cache, side by side with the --no-cache runs above.
if $have_cache; then
    CACHE=$RESULTS/cache
    for size in $SIZES; do
        dir=$DATA/$size
        c=$CACHE/$size
        # shellcheck disable=SC2046
        set -- $(runs_for "$size")
        # Prepare commands, as scripts so that hyperfine -N runs them.
        printf '#!/bin/sh\nrm -rf %s\n' "$c" >"$RESULTS/clear-cache-$size.sh"
        printf '#!/bin/sh\nrm -f %s/*/validate.memo\n' "$c" >"$RESULTS/clear-memo-$size.sh"
        # Two meeting files edited before each run (a comment line added,
        # then taken away again): the pre-commit case.
        edited=$(find "$dir/meetings" -name '*.yaml' | sort | sed -n '1p;$p' | tr '\n' ' ')
        {
            echo "#!/bin/sh"
            echo "for f in $edited; do"
            echo "  if [ \"\$(tail -n 1 \"\$f\")\" = '# bench edit' ]; then sed -i '\$d' \"\$f\"; else echo '# bench edit' >>\"\$f\"; fi"
            echo "done"
        } >"$RESULTS/edit-two-$size.sh"
        chmod +x "$RESULTS"/clear-cache-"$size".sh "$RESULTS"/clear-memo-"$size".sh "$RESULTS"/edit-two-"$size".sh
        run="$TSC --cache-dir $c"
        bench "hash-floor-$size" "$@" "$HASH_FLOOR $dir"
        bench "cache-cold-$size" "$@" --prepare "$RESULTS/clear-cache-$size.sh" "$run validate --records $dir"
        $run validate --records "$dir" >/dev/null
        bench "cache-warm-$size" "$@" --prepare "$RESULTS/clear-memo-$size.sh" "$run validate --records $dir"
        bench "cache-memo-$size" "$@" "$run validate --records $dir"
        bench "cache-edit2-$size" "$@" --prepare "$RESULTS/edit-two-$size.sh" "$run validate --records $dir"
        # Leave the tree as generated.
        for f in $edited; do
            if [ "$(tail -n 1 "$f")" = '# bench edit' ]; then sed -i '$d' "$f"; fi
        done
        $run validate --records "$dir" >/dev/null
        bench "cache-actions-$size" "$@" "$run actions --open --records $dir"
        $have_report && bench "cache-report-$size" "$@" "$run report --records $dir"
        "$RESULTS/clear-cache-$size.sh"
        peak "cache-cold-$size" $run validate --records "$dir"
        "$RESULTS/clear-memo-$size.sh"
        peak "cache-warm-$size" $run validate --records "$dir"
        # The pre-commit hook: `validate --staged` in a git copy of the
        # tree (committed once), with 2 meeting files edited and staged
        # before each run; cold (--no-cache) and through a cache the work
        # tree's runs filled.
        if [ "$size" = M ]; then
            srepo=$DATA/M-staged
            sstamp="$(stamp_of 1200) staged"
            if [ ! -d "$srepo/.git" ] || [ "$(cat "$DATA/M-staged.stamp" 2>/dev/null)" != "$sstamp" ]; then
                echo "bench: making the git repository $srepo" >&2
                rm -rf "$srepo" && mkdir -p "$srepo"
                cp -r "$dir" "$srepo/records"
                git -C "$srepo" init -q
                git -C "$srepo" add records
                git -C "$srepo" -c user.name=bench -c user.email=bench@example.org commit -q -m M
                echo "$sstamp" >"$DATA/M-staged.stamp"
            fi
            staged=$(find "$srepo/records/meetings" -name '*.yaml' | sort | sed -n '1p;$p' | tr '\n' ' ')
            {
                echo "#!/bin/sh"
                echo "for f in $staged; do"
                echo "  if [ \"\$(tail -n 1 \"\$f\")\" = '# bench edit' ]; then sed -i '\$d' \"\$f\"; else echo '# bench edit' >>\"\$f\"; fi"
                echo "done"
                echo "git -C $srepo add -- records/meetings"
            } >"$RESULTS/stage-two-M.sh"
            chmod +x "$RESULTS/stage-two-M.sh"
            $run validate --records "$srepo/records" >/dev/null
            bench "staged-cold-M" "$@" --prepare "$RESULTS/stage-two-M.sh" "$TSC --no-cache validate --staged --records $srepo/records"
            bench "staged-warm-M" "$@" --prepare "$RESULTS/stage-two-M.sh" "$run validate --staged --records $srepo/records"
            # Leave the repository as committed.
            git -C "$srepo" reset -q
            git -C "$srepo" checkout -q -- records
        fi
        # The same measures again, round-robin (scripts/interleave.py):
        # each round runs every one of them once, so their ratios compare
        # runs seconds apart instead of minutes apart.
        if [ "$size" = M ]; then
            rounds=$([ -n "${BENCH_QUICK:-}" ] && echo 3 || echo 15)
            echo "scripts/interleave.py --rounds $rounds (the measures of the parse cache on M)" >>"$RESULTS/commands.txt"
            $run validate --records "$dir" >/dev/null
            python3 scripts/interleave.py --rounds "$rounds" --out "$RESULTS/interleave-M.json" \
                "hash-floor=" "$HASH_FLOOR $dir" \
                "no-cache=" "$TSC $NO_CACHE validate --records $dir" \
                "cold=$RESULTS/clear-cache-$size.sh" "$run validate --records $dir" \
                "warm=$RESULTS/clear-memo-$size.sh" "$run validate --records $dir" \
                "memo=" "$run validate --records $dir" \
                "edit2=$RESULTS/edit-two-$size.sh" "$run validate --records $dir" \
                "actions-no-cache=" "$TSC $NO_CACHE actions --open --records $dir" \
                "actions-warm=" "$run actions --open --records $dir" \
                "report-no-cache=" "$TSC $NO_CACHE report --records $dir" \
                "report-warm=" "$run report --records $dir" >&2
            for f in $edited; do
                if [ "$(tail -n 1 "$f")" = '# bench edit' ]; then sed -i '$d' "$f"; fi
            done
        fi
    done
else
    note "parse cache: not timed, this tsc has no --no-cache option"
fi

# check-jsonschema on M against `tsc schema` output: every record file of
# the tree, each kind against its own schema (`tsc schema --out-dir`). It
# checks fields and values only; `tsc validate` also resolves references.
if [ -n "${BENCH_QUICK:-}" ]; then
    note "check-jsonschema: not timed (BENCH_QUICK)"
elif [[ " $SIZES " == *" M "* ]]; then
    if has_command schema; then
        if [ ! -x "$PYTOOLS/bin/check-jsonschema" ]; then
            echo "bench: installing check-jsonschema into $PYTOOLS" >&2
            python3 -m venv "$PYTOOLS"
            "$PYTOOLS/bin/pip" install -q --disable-pip-version-check "check-jsonschema==$CHECK_JSONSCHEMA_VERSION"
        fi
        schemas=$RESULTS/schemas
        rm -rf "$schemas"
        "$TSC" schema --out-dir "$schemas" >/dev/null
        echo "$TSC schema --out-dir $schemas" >>"$RESULTS/commands.txt"
        script=$RESULTS/check-jsonschema-M.sh
        {
            echo "#!/bin/sh"
            echo "# check-jsonschema over every record file of M, one schema per kind."
            echo "set -e"
            for folder in meetings actions modifications; do
                kind=${folder%s}
                echo "find $DATA/M/$folder -name '*.yaml' -print0 | xargs -0 $PYTOOLS/bin/check-jsonschema --schemafile $schemas/$kind.schema.json >/dev/null"
            done
            for kind in people organisations principles settings; do
                file=$kind.yaml
                [ "$kind" = settings ] && file=tsc.yaml
                [ -f "$DATA/M/$file" ] &&
                    echo "$PYTOOLS/bin/check-jsonschema --schemafile $schemas/$kind.schema.json $DATA/M/$file >/dev/null"
            done
        } >"$script"
        chmod +x "$script"
        cat "$script" >>"$RESULTS/commands.txt"
        bench check-jsonschema-M --warmup 0 --runs 3 "$script"
    else
        note "check-jsonschema: not timed, this tsc has no \`schema\` command"
    fi
fi

uptime >"$RESULTS/load-after.txt"

# The tables.
python3 - "$RESULTS" "$DATA" "$SIZES" <<'PY' | tee "$RESULTS/table.md"
import json, os, platform, re, statistics, subprocess, sys

results, data, sizes = sys.argv[1], sys.argv[2], sys.argv[3].split()

def median(name):
    path = os.path.join(results, name + ".json")
    if not os.path.exists(path):
        return None
    return json.load(open(path))["results"][0]["median"]

def peak_kb(name):
    path = os.path.join(results, name + ".time")
    if not os.path.exists(path):
        return None
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(path).read())
    return int(m.group(1)) if m else None

def tree(root):
    files = size = 0
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith(".yaml"):
                files += 1
                size += os.path.getsize(os.path.join(d, n))
    return files, size

def ms(t):
    return "–" if t is None else (f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s")

def cpu_time(name):
    path = os.path.join(results, name + ".json")
    if not os.path.exists(path):
        return None
    r = json.load(open(path))["results"][0]
    return r["user"] + r["system"]

def load(when):
    path = os.path.join(results, f"load-{when}.txt")
    m = re.search(r"load average: (.*)", open(path).read()) if os.path.exists(path) else None
    return m.group(1).strip() if m else "?"

def mb(b):
    return f"{b / 1e6:.1f} MB"

def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"

cpu = sh("lscpu | sed -n 's/^Model name: *//p' | head -1") or platform.processor()
mem = sh("awk '/MemTotal/ {printf \"%.1f GiB\", $2/1048576}' /proc/meminfo")
print("### Machine\n")
print(f"- CPU: {cpu}, {os.cpu_count()} cores (`nproc`: {sh('nproc')})")
print(f"- memory: {mem}; {platform.system()} {platform.release()}")
print(f"- {sh('rustc --version')}; {sh('hyperfine --version')}")
print(f"- load average (1, 5, 15 min) before: {load('before')}; after: {load('after')}. Other work on the "
      "machine inflates wall times; the CPU column (user + system, mean) is less sensitive to it.")
print(f"- tsc at commit {sh('git rev-parse --short HEAD')}{' (with uncommitted changes)' if sh('git status --porcelain') else ''}")
print()
print("### Whole process, median (hyperfine)\n")
print("| tree | meetings | YAML files | YAML size | `tsc validate` | CPU, validate | `tsc actions --open` | `tsc report` | parse floor (1 thread) | CPU, floor | validate ÷ floor | peak RSS, validate | peak RSS ÷ YAML size |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
meetings = {"S": 120, "M": 1200, "L": 12000}
sizes_bytes = {}
for s in sizes:
    files, size = tree(os.path.join(data, s))
    sizes_bytes[s] = size
    v, f = median(f"validate-{s}"), median(f"floor-{s}")
    rss = peak_kb(f"validate-{s}")
    ratio = f"{v / f:.2f}" if v and f else "–"
    rss_ratio = f"{rss * 1024 / size:.2f}" if rss else "–"
    print(f"| {s} | {meetings[s]:,} | {files:,} | {mb(size)} | {ms(v)} | {ms(cpu_time(f'validate-{s}'))} | "
          f"{ms(median(f'actions-{s}'))} | {ms(median(f'report-{s}'))} | {ms(f)} | {ms(cpu_time(f'floor-{s}'))} | "
          f"{ratio} | {mb(rss * 1024) if rss else '–'} | {rss_ratio} |")
files, size = tree("records")
rv, rrss = median("validate-real"), peak_kb("validate-real")
print(f"| real `records/` | 1 | {files} | {size / 1e3:.1f} kB | {ms(rv)} | {ms(cpu_time('validate-real'))} | – | – | – | – | – | "
      f"{mb(rrss * 1024) if rrss else '–'} | – |")
print()

cj = median("check-jsonschema-M")
vm, fm, vl = median("validate-M"), median("floor-M"), median("validate-L")
rss_l = peak_kb("validate-L")
def verdict(ok):
    return "–" if ok is None else ("met" if ok else "**not met**")
rows = [
    ("M: `tsc validate` ≤ 150 ms", ms(vm), verdict(None if vm is None else vm <= 0.150)),
    ("M: `tsc validate` ≤ 0.75 × parse floor", f"{vm / fm:.2f} × ({ms(fm)} floor)" if vm and fm else "–",
     verdict(None if not (vm and fm) else vm <= 0.75 * fm)),
    ("L: `tsc validate` ≤ 1.5 s", ms(vl), verdict(None if vl is None else vl <= 1.5)),
    ("L ÷ M time ≤ 11", f"{vl / vm:.1f}" if vl and vm else "–", verdict(None if not (vl and vm) else vl / vm <= 11)),
    ("L: peak memory ≤ 3 × YAML size", f"{rss_l * 1024 / sizes_bytes['L']:.2f} × ({mb(rss_l * 1024)} for {mb(sizes_bytes['L'])})" if rss_l and "L" in sizes_bytes else "–",
     verdict(None if not (rss_l and "L" in sizes_bytes) else rss_l * 1024 <= 3 * sizes_bytes["L"])),
    ("real records: `tsc validate` ≤ 5 ms", ms(rv), verdict(None if rv is None else rv <= 0.005)),
    ("M: ≥ 50 × faster than check-jsonschema", f"{cj / vm:.0f} × ({ms(cj)})" if cj and vm else "not measured",
     verdict(None if not (cj and vm) else cj / vm >= 50)),
]
dm, gm = median("diff-M"), median("git-load-M")
if dm and gm:
    dc, gc = cpu_time("diff-M"), cpu_time("git-load-M")
    print("### `tsc diff` on M, two revisions one meeting apart (issue 15)\n")
    print("| `tsc diff HEAD~1 HEAD` | one load of a revision (`git_load`) | diff ÷ (2 × load), wall | CPU, diff ÷ (2 × load) | target ≤ 1.10 (wall) |")
    print("|---:|---:|---:|---:|---|")
    print(f"| {ms(dm)} | {ms(gm)} | {dm / (2 * gm):.2f} | {dc / (2 * gc):.2f} | {verdict(dm <= 1.10 * 2 * gm)} |")
    print()
print("### Targets (issue 6)\n")
print("| target | measured | |")
print("|---|---|---|")
for r in rows:
    print(f"| {r[0]} | {r[1]} | {r[2]} |")
print()
# The parse cache (issue 13): each measure against its --no-cache run, by
# wall time (median) and by CPU time (user + system, mean).
def ratio(a, b, f=median):
    x, y = f(a), f(b)
    return None if x is None or not y else x / y

def show(r, target):
    if r is None:
        return "–", "–"
    return f"{r:.3f} ×", ("met" if r <= target else "**not met**")

if any(median(f"cache-warm-{s}") for s in sizes):
    print("### Parse cache (issue 13)\n")
    print("| tree | floor: walk + read + hash | `--no-cache` validate | cold, writing the cache | warm, per-file cache | warm, memo | 2 files edited | `--staged`, 2 files staged: cold / warm | `actions --open` cold / warm | `report` cold / warm | peak RSS cold / warm |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in sizes:
        if median(f"cache-warm-{s}") is None:
            continue
        rss = lambda n: mb(peak_kb(n) * 1024) if peak_kb(n) else "–"
        print(f"| {s} | {ms(median(f'hash-floor-{s}'))} | {ms(median(f'validate-{s}'))} | {ms(median(f'cache-cold-{s}'))} | "
              f"{ms(median(f'cache-warm-{s}'))} | {ms(median(f'cache-memo-{s}'))} | {ms(median(f'cache-edit2-{s}'))} | "
              f"{ms(median(f'staged-cold-{s}'))} / {ms(median(f'staged-warm-{s}'))} | "
              f"{ms(median(f'actions-{s}'))} / {ms(median(f'cache-actions-{s}'))} | {ms(median(f'report-{s}'))} / {ms(median(f'cache-report-{s}'))} | "
              f"{rss(f'cache-cold-{s}')} / {rss(f'cache-warm-{s}')} |")
    print()
    print("| target (M) | wall (median) | | CPU (user + system) | |")
    print("|---|---:|---|---:|---|")
    def row(label, a, b, target):
        w, wv = show(ratio(a, b), target)
        c, cv = show(ratio(a, b, cpu_time), target)
        print(f"| {label} | {w} | {wv} | {c} | {cv} |")
    row("warm `validate`, per-file cache ≤ 0.10 × cold", "cache-warm-M", "validate-M", 0.10)
    row("warm `validate`, memo ≤ 0.05 × cold", "cache-memo-M", "validate-M", 0.05)
    row("warm `validate`, memo ≤ 2 × walk + read + hash", "cache-memo-M", "hash-floor-M", 2.0)
    row("2 files edited, then `validate` ≤ 0.15 × cold", "cache-edit2-M", "validate-M", 0.15)
    row("cold `validate` writing the cache ≤ 1.05 × `--no-cache`", "cache-cold-M", "validate-M", 1.05)
    row("warm `actions --open` ≤ 0.15 × cold", "cache-actions-M", "actions-M", 0.15)
    row("warm `report` ≤ 0.15 × cold", "cache-report-M", "report-M", 0.15)
    if median("staged-warm-M") is not None:
        row("pre-commit: 2 files staged, `validate --staged` ≤ 0.15 × its `--no-cache` run", "staged-warm-M", "staged-cold-M", 0.15)
        row("pre-commit: 2 files staged, `validate --staged` ≤ 0.15 × cold `validate`", "staged-warm-M", "validate-M", 0.15)
    if "L" in sizes_bytes:
        for when in ("cold", "warm"):
            k = peak_kb(f"cache-{when}-L")
            r = k * 1024 / sizes_bytes["L"] if k else None
            print(f"| peak RSS on L, {when} ≤ 2 × YAML | {'–' if r is None else f'{r:.2f} ×'} | {verdict(None if r is None else r <= 2)} | | |")
        for label, name in (("cold", "cache-cold"), ("warm", "cache-warm")):
            w = ratio(f"{name}-L", f"{name}-M")
            c = ratio(f"{name}-L", f"{name}-M", cpu_time)
            print(f"| L / M, {label} ≤ 10.5 | {'–' if w is None else f'{w:.1f}'} | {verdict(None if w is None else w <= 10.5)} "
                  f"| {'–' if c is None else f'{c:.1f}'} | {verdict(None if c is None else c <= 10.5)} |")
    else:
        print("| peak RSS on L, L / M | not measured (L not in BENCH_SIZES) | | | |")
    print()
    il_path = os.path.join(results, "interleave-M.json")
    if os.path.exists(il_path):
        il = json.load(open(il_path))
        rounds = len(il["warm"]["wall"])
        def med(name, what):
            return statistics.median(il[name][what])
        def per_round(a, b, what):
            return statistics.median(x / y for x, y in zip(il[a][what], il[b][what]))
        print(f"### Parse cache on M, round-robin ({rounds} rounds, scripts/interleave.py)\n")
        print("Each round runs every measure once, in this order; the ratio is the median of the "
              "rounds' own ratios, so both sides of it ran seconds apart.\n")
        print("| measure | wall (median) | CPU (median) |")
        print("|---|---:|---:|")
        for name in il:
            print(f"| {name} | {ms(med(name, 'wall'))} | {ms(med(name, 'cpu'))} |")
        print()
        print("| target (M) | wall | | CPU | |")
        print("|---|---:|---|---:|---|")
        for label, a, b, target in (
            ("warm `validate`, per-file cache ≤ 0.10 × cold", "warm", "no-cache", 0.10),
            ("warm `validate`, memo ≤ 0.05 × cold", "memo", "no-cache", 0.05),
            ("warm `validate`, memo ≤ 2 × walk + read + hash", "memo", "hash-floor", 2.0),
            ("2 files edited, then `validate` ≤ 0.15 × cold", "edit2", "no-cache", 0.15),
            ("cold `validate` writing the cache ≤ 1.05 × `--no-cache`", "cold", "no-cache", 1.05),
            ("warm `actions --open` ≤ 0.15 × cold", "actions-warm", "actions-no-cache", 0.15),
            ("warm `report` ≤ 0.15 × cold", "report-warm", "report-no-cache", 0.15),
        ):
            w, wv = show(per_round(a, b, "wall"), target)
            c, cv = show(per_round(a, b, "cpu"), target)
            print(f"| {label} | {w} | {wv} | {c} | {cv} |")
        print()

notes = os.path.join(results, "notes.txt")
if os.path.exists(notes):
    print("### Not measured\n")
    for line in open(notes):
        print(f"- {line.strip()}")
    print()
print("### Commands\n")
print("```")
print(open(os.path.join(results, "commands.txt")).read().rstrip())
print("```")
PY
