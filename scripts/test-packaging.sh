#!/usr/bin/env bash
# Tests civitas the way its users get it, each check in a temporary folder:
#   1. installed static library + find_package consumers (tests/package/find-package, and
#      tests/package/methods-only: civitas::methods alone, without Boost)
#   2. installed shared libraries + the same consumers, and the installed program
#   3. add_subdirectory consumer (tests/package/add-subdirectory)
#   4. `pip install .` into a fresh virtual environment: import, bundled framework, console script
#      (with WHEEL set, that wheel is installed instead of building one: `make test` passes the one
#      its Python tests built from the same source)
# Prints PASS or FAIL per check, then "N passed, M failed"; exits non-zero on any failure.
# Usage: scripts/test-packaging.sh [static] [shared] [subdirectory] [python]   (default: all)
#   PYTHON       interpreter for the fresh virtual environment (default python3)
#   JOBS         build jobs (default 2)
#   KEEP_WORK=1  keep the temporary folder (its path is printed)
#   WHEEL        a wheel of civitas to install in check 4 instead of building one from the source
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-python3}
JOBS=${JOBS:-2}
export CMAKE_BUILD_PARALLEL_LEVEL=$JOBS

work=$(mktemp -d "${TMPDIR:-/tmp}/civitas-packaging.XXXXXX")
if [[ ${KEEP_WORK:-0} == 1 ]]; then
    echo "test-packaging: working in $work"
else
    trap 'rm -rf "$work"' EXIT
fi

passed=0
failed=0

# check NAME COMMAND...: runs COMMAND with its output in a log; prints the log's end on failure.
check() {
    local name=$1
    shift
    local log="$work/${name//[^A-Za-z0-9]/-}.log"
    echo "test-packaging: $name ..."
    if "$@" >"$log" 2>&1; then
        echo "PASS: $name"
        passed=$((passed + 1))
    else
        echo "FAIL: $name (the end of its log follows)"
        tail -n 40 "$log" | sed 's/^/    /'
        failed=$((failed + 1))
    fi
}

# Builds civitas with the given options and installs it into PREFIX.
install_civitas() {
    local build=$1 prefix=$2
    shift 2
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix" \
        -DCIVITAS_BUILD_TESTS=OFF -DCIVITAS_BUILD_BENCHMARKS=OFF -DCIVITAS_BUILD_PYTHON=OFF "$@" &&
        cmake --build "$build" -j "$JOBS" &&
        cmake --install "$build"
}

# Builds and runs a find_package consumer against PREFIX; checks that it found that one.
# Usage: find_package_consumer BUILD PREFIX [PROJECT [PROGRAM [CMAKE ARGUMENTS...]]]
# (default: tests/package/find-package and its program `consumer`).
find_package_consumer() {
    local build=$1 prefix=$2 project=${3:-find-package} program=${4:-consumer}
    shift $(($# < 4 ? $# : 4))
    cmake -S "$root/tests/package/$project" -B "$build" -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
        -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF "$@" | tee "$build.configure.log" &&
        grep -q "civitas .* from $prefix/" "$build.configure.log" &&
        cmake --build "$build" -j "$JOBS" &&
        "$build/$program"
}

# The installed program, when it was built, validates the bundled frameworks in PREFIX (with the
# round schemes they name), and finds them when the prefix is moved.
installed_program() {
    local prefix=$1
    local program="$prefix/bin/civitas"
    local frameworks=("$prefix"/share/civitas/frameworks/*.json)
    [[ -x $program ]] || { echo "no $program"; return 1; }
    [[ -e ${frameworks[0]} ]] || { echo "no frameworks in $prefix/share/civitas/frameworks"; return 1; }
    local framework
    for framework in "${frameworks[@]}"; do
        echo "+ civitas validate $framework"
        "$program" validate "$framework" || return 1
    done
    # Relocatable: moved to another prefix, the program still finds its bundled data there.
    local moved="$prefix-moved" status=0 listing
    mv "$prefix" "$moved" || return 1
    echo "+ (moved to $moved) civitas list"
    listing=$(env -u CIVITAS_DATA_DIR "$moved/bin/civitas" list) || status=1
    echo "$listing"
    grep -q "^lanzhou-illustrative" <<<"$listing" || { echo "the moved program lists no bundled frameworks"; status=1; }
    grep -q "^civilized-city-2018" <<<"$listing" || { echo "the moved program lists no bundled round schemes"; status=1; }
    mv "$moved" "$prefix" || return 1
    return $status
}

# The consumer of civitas::methods alone, against PREFIX, with Boost out of reach.
methods_consumer() {
    find_package_consumer "$1" "$2" methods-only methods_consumer -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON
}

static_install() {
    install_civitas "$work/static-build" "$work/static-prefix" -DBUILD_SHARED_LIBS=OFF &&
        find_package_consumer "$work/static-consumer" "$work/static-prefix"
}

shared_install() {
    install_civitas "$work/shared-build" "$work/shared-prefix" -DBUILD_SHARED_LIBS=ON &&
        ls "$work/shared-prefix/lib"*/libcivitas{,_core,_methods}.so.* &&
        find_package_consumer "$work/shared-consumer" "$work/shared-prefix"
}

add_subdirectory_consumer() {
    local build="$work/subdirectory-consumer"
    cmake -S "$root/tests/package/add-subdirectory" -B "$build" -DCMAKE_BUILD_TYPE=Release \
        -DCIVITAS_SOURCE_DIR="$root" &&
        cmake --build "$build" -j "$JOBS" &&
        "$build/consumer"
}

# The build requirements named in pyproject.toml, for a build without isolation.
build_requirements() {
    "$PYTHON" - "$root/pyproject.toml" <<'PY'
import sys
try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    print("scikit-build-core\npybind11")
    sys.exit()
with open(sys.argv[1], "rb") as f:
    print("\n".join(tomllib.load(f)["build-system"]["requires"]))
PY
}

python_package() {
    local venv="$work/venv"
    local requirements
    requirements=$(build_requirements) || return 1
    if [[ -n ${WHEEL:-} ]]; then
        echo "+ pip install $WHEEL"
        "$PYTHON" -m venv "$venv" &&
            "$venv/bin/python" -m pip install --disable-pip-version-check "$WHEEL" ||
            return 1
    else
        "$PYTHON" -m venv "$venv" &&
            "$venv/bin/python" -m pip install --disable-pip-version-check -q $requirements &&
            "$venv/bin/python" -m pip install --disable-pip-version-check --no-build-isolation \
                --config-settings=build-dir="$work/python-build" "$root" ||
            return 1
    fi
    # Run outside the source tree so that only the installed package can be imported.
    (cd "$work" && env -u CIVITAS_DATA_DIR CIVITAS_ROOT="$root" "$venv/bin/python" - <<'PY'
import os

import civitas

print("civitas", civitas.__version__, "from", os.path.dirname(civitas.__file__))
package = os.path.dirname(civitas.__file__)
assert not package.startswith(os.environ["CIVITAS_ROOT"]), "imported from the source tree"
# The bundled data came with the wheel (the library also knows the source tree's data/).
path = str(civitas.bundled_framework_path("lanzhou-illustrative"))
assert path.startswith(package), f"{path} is not in the installed package"
framework = civitas.load_bundled_framework("lanzhou-illustrative")
ids = list(framework.indicator_ids)
assert ids, "the framework has no indicators"
evaluation = framework.evaluate({})
print(framework.id, len(ids), "indicators; total with no data:", evaluation.total)
assert evaluation.met == 0
assert evaluation.total is None or 0 <= evaluation.total <= framework.scale
# The round schemes came too, and a framework that names one finds it there.
path = str(civitas.bundled_round_scheme_path("civilized-city-2018"))
assert path.startswith(package), f"{path} is not in the installed package"
scheme = civitas.load_bundled_framework("civilized-city-annual-2018").spec.round_scheme
assert scheme == civitas.load_bundled_round_scheme("civilized-city-2018"), scheme
# The compiled core scores as the C++ consumer does.
small = civitas.parse_framework(
    '{"id":"t","name":"t","reliability":"illustrative","indicators":'
    '[{"id":"a","pass":1},{"id":"b","direction":"lower","pass":2}]}')
evaluation = small.evaluate({"a": 1.0, "b": 3.0})
print("small framework: total", evaluation.total, "met", evaluation.met)
assert evaluation.total is not None and abs(evaluation.total - 50) < 1e-9 and evaluation.met == 1
PY
    ) || return 1
    local path
    path=$(cd "$work" && "$venv/bin/python" -c \
        'import civitas; print(civitas.bundled_framework_path("lanzhou-illustrative"))') || return 1
    echo "+ civitas validate $path"
    (cd "$work" && "$venv/bin/civitas" validate "$path")
}
# Arguments name the checks to run; none runs them all.
all_checks="static shared subdirectory python"
for name in "$@"; do
    [[ " $all_checks " == *" $name "* ]] || { echo "unknown check '$name' (known: $all_checks)" >&2; exit 2; }
done
selection=" ${*:-$all_checks} "
wants() { [[ $selection == *" $1 "* ]]; }

if wants static; then
    check "find_package, static library" static_install
    check "find_package of the methods alone, static" methods_consumer "$work/static-methods" "$work/static-prefix"
    check "installed program, static build" installed_program "$work/static-prefix"
fi
if wants shared; then
    check "find_package, shared library" shared_install
    check "find_package of the methods alone, shared" methods_consumer "$work/shared-methods" "$work/shared-prefix"
    check "installed program, shared build" installed_program "$work/shared-prefix"
fi
if wants subdirectory; then
    check "add_subdirectory" add_subdirectory_consumer
fi
if wants python; then
    check "pip install into a fresh virtual environment" python_package
fi

echo "$passed passed, $failed failed"
((failed == 0))
