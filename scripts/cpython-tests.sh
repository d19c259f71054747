#!/usr/bin/env bash
# Runs CPython 3.14's own test modules (the oracle's `Lib/test`) under Taipan and under the
# oracle, and prints, per module, how many test cases pass under each: a measuring tool, not CI.
#
#   scripts/cpython-tests.sh [MODULE...]      (default: the builtin-type modules below)
#
# Environment:
#   TAIPAN        the Taipan binary (default target/debug/taipan)
#   CPYTHON       the oracle (default shared/tools/cpython3.14 beside the checkout, else
#                 cpython3.14 on PATH)
#   TIMEOUT       seconds per module and interpreter (default 300)
#   SCRATCH       work dir outside the repo (default ${TMPDIR:-/tmp}/taipan-cpython-tests): the
#                 copied `test` package, the logs (SCRATCH/logs/{taipan,cpython}/MODULE.log)
#                 and the oracle's cached results
#   EXTRA_PATH    a directory put first on Taipan's sys.path (e.g. temporary stub modules)
#   FRESH=1       re-run the oracle instead of using its cached results
#
# Taipan finds the pure-Python stdlib as usual (.stdlib/Lib); only the `test` package comes from
# the oracle, copied to SCRATCH/lib/test so that nothing else of the oracle's Lib is seen.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
TAIPAN=${TAIPAN:-target/debug/taipan}
if [ -z "${CPYTHON:-}" ]; then
    CPYTHON=cpython3.14
    for d in ../shared/tools ../../shared/tools /work/shared/tools; do
        if [ -x "$d/cpython3.14" ]; then CPYTHON=$(cd "$d" && pwd)/cpython3.14; break; fi
    done
fi
TIMEOUT=${TIMEOUT:-300}
SCRATCH=${SCRATCH:-${TMPDIR:-/tmp}/taipan-cpython-tests}
DRIVER=$ROOT/scripts/cpython_tests_driver.py
case $TAIPAN in /*) ;; *) TAIPAN=$ROOT/$TAIPAN ;; esac

[ -x "$TAIPAN" ] || { echo "no Taipan binary at $TAIPAN (cargo build -p taipan)" >&2; exit 2; }
mkdir -p "$SCRATCH/lib" "$SCRATCH/logs/taipan" "$SCRATCH/logs/cpython" "$SCRATCH/cpython-results"
if [ ! -d "$SCRATCH/lib/test" ]; then
    STDLIB=$("$CPYTHON" -c 'import sysconfig; print(sysconfig.get_path("stdlib"))') || exit 2
    cp -r "$STDLIB/test" "$SCRATCH/lib/test" || exit 2
fi

if [ $# -gt 0 ]; then
    MODULES=("$@")
else
    MODULES=(test_bool test_int test_long test_float test_complex test_list test_tuple
        test_dict test_set test_str test_bytes test_unicode_identifiers test_string test_format
        test_fstring test_range test_slice test_enumerate test_iter test_sort test_augassign
        test_binop test_compare test_richcmp test_operator test_builtin test_types test_class
        test_descr test_scope test_generators test_with test_contextlib test_exceptions
        test_grammar test_itertools test_functools test_collections test_memoryview test_math
        test_textwrap test_json test_re test_enum test_array test_ordered_dict test_dataclasses
        test_copy test_struct test_deque test_defaultdict test_userdict test_userlist
        test_userstring test_dictviews test_listcomps test_raise test_property test_super
        test_exception_group test_isinstance test_funcattrs test_fractions test_pprint test_abc
        test_genericalias test_base64 test_structseq test_heapq test_bisect test_difflib)
fi

# run INTERP LOGFILE MODULE: prints "run passed failed skipped status"
run_one() {
    local interp=$1 log=$2 mod=$3 extra=() line rc
    if [ "$interp" = "$TAIPAN" ] && [ -n "${EXTRA_PATH:-}" ]; then extra=("--path=$EXTRA_PATH"); fi
    (cd "$SCRATCH" && timeout -k 10 "$TIMEOUT" "$interp" "$DRIVER" "$SCRATCH/lib" "test.$mod" \
        ${extra[@]+"${extra[@]}"} >"$log.out" 2>"$log")
    rc=$?
    line=$(grep '^CPT-RESULT ' "$log.out" | tail -1)
    cat "$log.out" >>"$log"; rm -f "$log.out"
    if [ -n "$line" ]; then
        set -- $line
        echo "${3#run=} ${4#passed=} ${5#failed=} ${6#skipped=} ok"
    elif [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
        echo "0 0 0 0 timeout"
    else
        echo "0 0 0 0 crash($rc)"
    fi
}

printf '%-28s %28s   %24s   %s\n' "module" "Taipan run/pass/fail/skip" "CPython run/pass/fail/skip" "passed T/C"
tp=0; cp_=0
for m in "${MODULES[@]}"; do
    m=${m#test.}
    cache=$SCRATCH/cpython-results/$m
    if [ -z "${FRESH:-}" ] && [ -s "$cache" ]; then c=$(cat "$cache")
    else c=$(run_one "$CPYTHON" "$SCRATCH/logs/cpython/$m.log" "$m"); echo "$c" >"$cache"; fi
    t=$(run_one "$TAIPAN" "$SCRATCH/logs/taipan/$m.log" "$m")
    read -r trun tpass tfail tskip tst <<<"$t"
    read -r crun cpass cfail cskip cst <<<"$c"
    [ "$tst" = ok ] || { trun=-; tfail="$tst"; }
    printf '%-28s %28s   %24s   %s\n' "$m" "$trun/$tpass/$tfail/$tskip" "$crun/$cpass/$cfail/$cskip" "$tpass/$cpass"
    tp=$((tp + tpass)); cp_=$((cp_ + cpass))
done
printf '%-28s %28s   %24s   %s\n' "TOTAL" "" "" "$tp/$cp_"
