#!/usr/bin/env bash
# Checks the ABI of the C API against the committed one, so that a release cannot drop or change
# a function, a constant or the soname silently. The ABI is, sorted:
#   soname      the shared library's (readelf)
#   symbol      each defined dynamic symbol with its version (readelf): the functions, and nothing else
#   constant    each #define of civitas.h (the status codes), as the preprocessor sees it
#   prototype   each function's prototype as the C compiler reads it (gcc -aux-info: types only)
# Usage: scripts/check-abi.sh LIBRARY HEADER ABI_FILE [--update]
#   --update    write the current ABI to ABI_FILE instead (a new function is added this way; a
#               removed or changed one also needs a new ABI version: capi/CMakeLists.txt)
#   CC          the C compiler (default cc; gcc when it lacks -aux-info)
set -euo pipefail
export LC_ALL=C  # one sort order everywhere

(($# >= 3)) || { echo "usage: $0 LIBRARY HEADER ABI_FILE [--update]" >&2; exit 2; }
library=$1 header=$2 abi_file=$3 update=${4:-}
include=$(cd "$(dirname "$header")/.." && pwd)

compiler=${CC:-cc}
if ! "$compiler" -Werror -aux-info /dev/null -fsyntax-only -x c /dev/null 2>/dev/null; then
    compiler=gcc  # clang has no -aux-info
fi

current_abi() {
    readelf -d "$library" | sed -n 's/.*(SONAME).*\[\(.*\)\]/soname \1/p'
    # Every defined symbol (Ndx not UND) but the version nodes themselves (ABS), whatever its type.
    readelf --dyn-syms -W "$library" | awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" && $7 != "ABS" && $8 != "" { print "symbol " $8 }' | sort
    "$compiler" -dM -E -x c "$header" -I "$include" | awk '$2 ~ /^CIVITAS_(OK|E_)/ { print "constant " $2 " " $3 }' | sort
    "$compiler" -aux-info /dev/stdout -fsyntax-only -x c "$header" -I "$include" |
        sed -n 's|^/\* [^*]*\*/ \(.*civitas_.*\)$|prototype \1|p' | sort
}

abi=$(current_abi)
[[ $abi == *"symbol civitas_"* && $abi == *"prototype "* ]] || { echo "no ABI read from $library and $header" >&2; exit 1; }
# Every function the header declares is exported, and nothing else is.
declared=$(sed -n 's/^prototype .*[ *]\(civitas_[a-z_]*\) (.*/\1/p' <<<"$abi" | sort)
exported=$(sed -n 's/^symbol \(civitas_[a-z_]*\)@.*/\1/p' <<<"$abi" | sort)
if [[ $declared != "$exported" ]]; then
    diff -u <(echo "$declared") <(echo "$exported") >&2 || true
    echo "$(basename "$header") declares (-) and $library exports (+) different functions" >&2
    exit 1
fi
if [[ $update == --update ]]; then
    {
        echo "# The ABI of the C API (include/civitas/civitas.h, libcivitas_c), checked by scripts/check-abi.sh."
        echo "# Add to it with --update when a function is added; never remove or change a line"
        echo "# without raising CIVITAS_C_ABI_VERSION (capi/CMakeLists.txt)."
        echo "$abi"
    } >"$abi_file"
    echo "wrote $abi_file"
    exit 0
fi
if ! diff -u <(grep -v '^#' "$abi_file") <(echo "$abi"); then
    echo "The C API's ABI differs from $abi_file (- committed, + built). A new function: run" >&2
    echo "  scripts/check-abi.sh $library $header $abi_file --update" >&2
    echo "and commit the file. A removed or changed one breaks every host built against the old" >&2
    echo "library: raise CIVITAS_C_ABI_VERSION in capi/CMakeLists.txt as well." >&2
    exit 1
fi
echo "the C API's ABI is the committed one: $(grep -c '^symbol' <<<"$abi") functions, $(grep -c '^constant' <<<"$abi") constants"
