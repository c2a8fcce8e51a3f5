#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (built by the `asan-ubsan` preset with the tests,
# clang under ASan and UBSan; `make fuzz` builds and runs this) and summarises each run. Fails when a target finds something or cannot run.
#
#   scripts/fuzz.sh [target...]           every target of tests/fuzz/targets.txt when none is named
#
#   FUZZ_SECONDS     seconds per target (default 600)
#   FUZZ_JOBS        targets run at once (default 2)
#   FUZZ_KEEP_GOING  1: keep fuzzing after a finding (libFuzzer's fork mode), to collect several
#   FUZZ_AVOID_KNOWN 0: do not step around the known bugs of tests/fuzz/known-failures.txt (default 1:
#                    the targets skip what would only find them again; see avoid_known())
#   FUZZ_MERGE       1: instead of fuzzing, replace tests/fuzz/corpus/<target> by a smallest set of
#                    it and of what the runs found (build/fuzz/corpus/<target>), inputs of up to
#                    FUZZ_MERGE_MAX_BYTES (default 8192) each, that covers the same code edges
#
# Each target reads the committed corpus (tests/fuzz/corpus/<target>), the regression inputs
# (tests/fuzz/regressions/<target>, less those in known-failures.txt) and its dictionary
# (tests/fuzz/dict/<target>.dict); new inputs go to build/fuzz/corpus/<target>, findings to
# build/fuzz/findings/<target>/, the log to build/fuzz/logs/<target>.log.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fuzz=$root/tests/fuzz
programs=$root/build/asan/tests/fuzz
build=$root/build/fuzz
seconds=${FUZZ_SECONDS:-600}
jobs=${FUZZ_JOBS:-2}
keep_going=${FUZZ_KEEP_GOING:-0}
merge=${FUZZ_MERGE:-0}
merge_max_bytes=${FUZZ_MERGE_MAX_BYTES:-8192}

say() { printf 'fuzz: %s\n' "$*"; }

declare -A max_len dict
all=()
while read -r name length dictionary; do
    [[ -z $name || $name == \#* ]] && continue
    all+=("$name")
    max_len[$name]=$length
    dict[$name]=$dictionary
done <"$fuzz/targets.txt"
targets=("$@")
((${#targets[@]} > 0)) || targets=("${all[@]}")
for name in "${targets[@]}"; do
    [[ -n ${max_len[$name]:-} ]] || { say "unknown target '$name'; targets: ${all[*]}" >&2; exit 2; }
    [[ -x $programs/civitas_fuzz_$name ]] || { say "build/asan/tests/fuzz/civitas_fuzz_$name is missing: run make fuzz" >&2; exit 2; }
done

# Known failures are left out of the seeds: libFuzzer stops at the first input that fails.
known=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^[[:space:]]*$/d' "$fuzz/known-failures.txt")

export CIVITAS_DATA_DIR=$root/data
export CIVITAS_FUZZ_AVOID_KNOWN=${FUZZ_AVOID_KNOWN:-1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# Runs one target; its exit status is libFuzzer's.
run_one() {
    local name=$1
    local program=$programs/civitas_fuzz_$name
    local seeds=$build/seeds/$name corpus=$build/corpus/$name findings=$build/findings/$name
    local log=$build/logs/$name.log
    rm -rf "$seeds" "$findings"  # findings are this run's: keep one by copying it to regressions/
    mkdir -p "$seeds" "$corpus" "$findings" "$build/logs"
    if [[ -d $fuzz/regressions/$name ]]; then
        for input in "$fuzz/regressions/$name"/*; do
            [[ -f $input ]] || continue
            grep -qxF "$name/$(basename "$input")" <<<"$known" || cp "$input" "$seeds/"
        done
    fi
    local options=(-max_len="${max_len[$name]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
                   -artifact_prefix="$findings/")
    [[ ${dict[$name]} != - ]] && options+=(-dict="$fuzz/dict/${dict[$name]}")
    if ((merge)); then
        # Candidates: the committed corpus and what the runs found, up to FUZZ_MERGE_MAX_BYTES
        # each; kept: a smallest set covering the same edges (set cover, counters off), so the
        # committed corpus stays small.
        local candidates=$build/merge-candidates/$name merged=$build/merged/$name
        rm -rf "$candidates" "$merged"
        mkdir -p "$candidates" "$merged"
        find "$fuzz/corpus/$name" "$corpus" -type f -size -"$((merge_max_bytes + 1))"c -exec cp {} "$candidates/" \;
        "$program" "${options[@]}" -set_cover_merge=1 -use_counters=0 "$merged" "$candidates" >"$log" 2>&1 || return $?
        rm -rf "${fuzz:?}/corpus/$name"
        mv "$merged" "$fuzz/corpus/$name"
        return 0
    fi
    options+=(-max_total_time="$seconds")
    ((keep_going)) && options+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    (cd "$build" && "$program" "${options[@]}" "$corpus" "$fuzz/corpus/$name" "$seeds") >"$log" 2>&1
}

# Two (FUZZ_JOBS) at a time; each status kept in build/fuzz/logs/<target>.status.
pids=()
for name in "${targets[@]}"; do
    while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
    say "$( ((merge)) && echo merging || echo "fuzzing ${seconds} s:") $name"
    ( status=0; run_one "$name" || status=$?; echo "$status" >"$build/logs/$name.status" ) &
    pids+=($!)
done
wait "${pids[@]}" || true

# The summary: libFuzzer's last status line and final statistics, and what was found.
failed=0
printf '\n%-18s %10s %8s %7s %7s %8s %9s %8s  %s\n' target executions exec/s cov ft corpus "corpus kB" "rss MB" findings
for name in "${targets[@]}"; do
    log=$build/logs/$name.log
    status=$(cat "$build/logs/$name.status" 2>/dev/null || echo 1)
    if ((merge)); then
        count=$(find "$fuzz/corpus/$name" -type f | wc -l)
        size=$(du -sk --apparent-size "$fuzz/corpus/$name" | cut -f1)
        printf '%-18s merged: %s files, %s kB (status %s)\n' "$name" "$count" "$size" "$status"
        ((status == 0)) || failed=1
        continue
    fi
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    field() { grep -oE "$1:? *[0-9]+" <<<"$last" | grep -oE "[0-9]+$" || echo -; }
    executions=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
    per_second=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
    rss=$(grep -oE 'stat::peak_rss_mb: *[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
    if ((keep_going)); then  # fork mode prints no final statistics: take its last status line
        executions=${executions:-$(grep -oE '^#[0-9]+' <<<"$last" | tr -d '#' || echo -)}
        per_second=${per_second:-$(field exec/s)}
    fi
    corpus_files=$(find "$build/corpus/$name" "$fuzz/corpus/$name" -type f -printf '%f\n' 2>/dev/null | sort -u | wc -l)
    corpus_kb=$(du -skc "$build/corpus/$name" "$fuzz/corpus/$name" 2>/dev/null | tail -n 1 | cut -f1)
    findings=$(find "$build/findings/$name" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) | wc -l)
    printf '%-18s %10s %8s %7s %7s %8s %9s %8s  %s\n' "$name" "${executions:--}" "${per_second:--}" "$(field cov)" "$(field ft)" \
        "$corpus_files" "$corpus_kb" "${rss:--}" "$findings$( ((status != 0 && !keep_going)) && echo " (exit $status)")"
    if ((findings > 0 || (status != 0 && !keep_going))); then failed=1; fi
done
if ((failed)); then
    say "FAILED: see build/fuzz/logs/<target>.log and build/fuzz/findings/<target>/"
    say "replay one input: build/asan/tests/fuzz/civitas_fuzz_<target> <input>"
    exit 1
fi
say "no findings"
