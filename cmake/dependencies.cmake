# Third-party packages, all header-only. Each is taken from where CMake's own search finds it
# (the system's, scripts/install-deps.sh, or a CMAKE_PREFIX_PATH of your own); where it finds none,
# from the copy that pip brought from PyPI as a build requirement (pyproject.toml), so that
# `pip install .` needs no system package. The configure output names the copy used.
# Eigen is public (the batch API takes Eigen matrices); nlohmann_json is private to the sources;
# Boost's dates (boost::gregorian, header-only) are public, dates are in the API. CLI11 is private
# to the command line (cli/); PyPI has none, so the fallback is a copy in third_party/.

# PyPI's copies are looked for last, on purpose: they live in the site-packages folders that
# scikit-build-core puts on CMAKE_PREFIX_PATH, which CMake searches before the system's.
set(_civitas_site_packages)
foreach(_civitas_dir IN LISTS CMAKE_PREFIX_PATH)
    if(_civitas_dir MATCHES "/(site|dist)-packages/?$")
        list(APPEND _civitas_site_packages "${_civitas_dir}")
    endif()
endforeach()

# Says which copy of NAME (VERSION, in WHERE) the build uses.
function(_civitas_found name version where)
    message(STATUS "civitas: ${name} ${version} from ${where}")
endfunction()

# Stops with what to install when NAME (at least VERSION) was found nowhere.
function(_civitas_missing name version debian pypi)
    set(searched "${_civitas_site_packages}")
    if(NOT searched)
        set(searched "none: no site-packages folder on CMAKE_PREFIX_PATH")
    endif()
    message(FATAL_ERROR "civitas needs ${name} ${version} or newer, found neither on the system "
        "(Debian: apt-get install ${debian}; scripts/install-deps.sh installs it) nor in a Python "
        "build environment (pip install . brings ${pypi} from PyPI). Site-packages searched: "
        "${searched}")
endfunction()

# Finds HEADER in <site-packages>/SUBDIR, as a PyPI package ships it, and makes it the imported
# header-only TARGET. Sets VAR to the folder, or to VAR-NOTFOUND.
function(_civitas_pypi_headers var target header subdir)
    find_path(${var} "${header}" PATHS ${_civitas_site_packages} PATH_SUFFIXES "${subdir}" NO_DEFAULT_PATH)
    set(dir "${${var}}")
    unset(${var} CACHE)  # searched again each time: a pip build's environment is gone by the next
    if(dir)
        add_library(${target} INTERFACE IMPORTED)
        set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${dir}")
    endif()
    set(${var} "${dir}" PARENT_SCOPE)
endfunction()

# Eigen: PyPI's cmeel-eigen is a CMake prefix of its own, <site-packages>/cmeel.prefix.
find_package(Eigen3 3.3 QUIET NO_MODULE)
if(Eigen3_FOUND)
    _civitas_found(Eigen3 "${Eigen3_VERSION}" "${Eigen3_DIR}")
else()
    set(_civitas_prefixes ${_civitas_site_packages})
    list(TRANSFORM _civitas_prefixes APPEND "/cmeel.prefix")
    find_package(Eigen3 3.3 QUIET NO_MODULE PATHS ${_civitas_prefixes} NO_DEFAULT_PATH)
    if(NOT Eigen3_FOUND)
        _civitas_missing(Eigen3 3.3 libeigen3-dev cmeel-eigen)
    endif()
    _civitas_found(Eigen3 "${Eigen3_VERSION}" "PyPI's cmeel-eigen (${Eigen3_DIR})")
    unset(Eigen3_DIR CACHE)  # so that the next configure looks at the system's first again
endif()

# nlohmann_json: PyPI's nlohmann-json ships the headers alone.
find_package(nlohmann_json 3.9 QUIET)
if(nlohmann_json_FOUND)
    _civitas_found(nlohmann_json "${nlohmann_json_VERSION}" "${nlohmann_json_DIR}")
else()
    _civitas_pypi_headers(_civitas_json_dir nlohmann_json::nlohmann_json nlohmann/json.hpp nlohmann_json/include)
    set(_civitas_lines)
    foreach(_civitas_file IN ITEMS json.hpp detail/abi_macros.hpp)  # the version's home before 3.11, since
        if(EXISTS "${_civitas_json_dir}/nlohmann/${_civitas_file}")
            file(STRINGS "${_civitas_json_dir}/nlohmann/${_civitas_file}" _civitas_more
                REGEX "#define NLOHMANN_JSON_VERSION_(MAJOR|MINOR|PATCH) ")
            list(APPEND _civitas_lines ${_civitas_more})
        endif()
    endforeach()
    string(REGEX REPLACE "[^;]*VERSION_[A-Z]+ +([0-9]+)[^;]*" "\\1" _civitas_version "${_civitas_lines}")
    string(REPLACE ";" "." _civitas_version "${_civitas_version}")
    if(_civitas_version VERSION_LESS 3.9)
        _civitas_missing(nlohmann_json 3.9 nlohmann-json3-dev nlohmann-json)
    endif()
    _civitas_found(nlohmann_json "${_civitas_version}" "PyPI's nlohmann-json (${_civitas_json_dir})")
endif()

# Boost: PyPI's boost-headers ships the headers alone (cmeel-boost has a CMake package, but is
# compiled, per Python version and 36 MB more).
find_package(Boost 1.71 QUIET CONFIG COMPONENTS headers)
if(Boost_FOUND)
    _civitas_found(Boost "${Boost_VERSION}" "${Boost_DIR}")
else()
    _civitas_pypi_headers(_civitas_boost_dir Boost::headers boost/version.hpp boost_headers/include)
    set(_civitas_version 0)
    if(_civitas_boost_dir)
        file(STRINGS "${_civitas_boost_dir}/boost/version.hpp" _civitas_version REGEX "#define BOOST_VERSION ")
        string(REGEX REPLACE ".*BOOST_VERSION +([0-9]+).*" "\\1" _civitas_version "${_civitas_version}")
        math(EXPR _civitas_major "${_civitas_version} / 100000")
        math(EXPR _civitas_minor "${_civitas_version} / 100 % 1000")
        math(EXPR _civitas_patch "${_civitas_version} % 100")
        set(_civitas_version "${_civitas_major}.${_civitas_minor}.${_civitas_patch}")
    endif()
    if(_civitas_version VERSION_LESS 1.71)
        _civitas_missing(Boost 1.71 libboost-date-time-dev boost-headers)
    endif()
    _civitas_found(Boost "${_civitas_version}" "PyPI's boost-headers (${_civitas_boost_dir})")
endif()

# CLI11, the command line's parser (cli/): the system's (Debian libcli11-dev), else the copy in
# third_party/CLI11 (third_party/CLI11/README.md says why), which a pip build from PyPI alone takes.
if(TARGET CLI11::CLI11)  # a parent project's, when civitas is its subdirectory
    _civitas_found(CLI11 "" "the target CLI11::CLI11 defined before civitas")
else()
    find_package(CLI11 2.1 QUIET CONFIG)
    if(CLI11_FOUND)
        _civitas_found(CLI11 "${CLI11_VERSION}" "${CLI11_DIR}")
    else()
        set(_civitas_cli11_dir "${PROJECT_SOURCE_DIR}/third_party/CLI11/include")
        add_library(CLI11::CLI11 INTERFACE IMPORTED)  # imported: its headers are system headers, no warnings
        set_target_properties(CLI11::CLI11 PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${_civitas_cli11_dir}")
        file(STRINGS "${_civitas_cli11_dir}/CLI/Version.hpp" _civitas_version REGEX "#define CLI11_VERSION ")
        string(REGEX REPLACE ".*\"(.*)\".*" "\\1" _civitas_version "${_civitas_version}")
        _civitas_found(CLI11 "${_civitas_version}" "the copy in third_party/CLI11 (${_civitas_cli11_dir})")
    endif()
endif()

# Large batches are evaluated on several threads.
find_package(Threads REQUIRED)

# SQLite 3: the campaign store (src/store). PyPI ships no SQLite library or headers to build
# against (Python's own sqlite3 module carries none), so where CMake finds none (a build from PyPI
# alone, the system's packages hidden) civitas is built without the store: opening one, or loading
# a campaign that names one, is an error saying to install libsqlite3-dev. Wheels are built on a
# system with it (scripts/install-deps.sh), and auditwheel puts the library into them.
# CIVITAS_REQUIRE_STORE=ON makes a missing SQLite an error instead.
find_package(SQLite3 QUIET)
if(SQLite3_FOUND)
    set(CIVITAS_HAS_STORE ON)
    # CMake 4.1 renamed FindSQLite3's target (SQLite::SQLite3 is deprecated there).
    if(TARGET SQLite3::SQLite3)
        set(CIVITAS_SQLITE_TARGET SQLite3::SQLite3)
    else()
        set(CIVITAS_SQLITE_TARGET SQLite::SQLite3)
    endif()
    _civitas_found(SQLite3 "${SQLite3_VERSION}" "${SQLite3_LIBRARIES}")
elseif(CIVITAS_REQUIRE_STORE)
    message(FATAL_ERROR "civitas needs SQLite 3 for the campaign store (CIVITAS_REQUIRE_STORE); found none "
        "(Debian: apt-get install libsqlite3-dev; scripts/install-deps.sh installs it)")
else()
    set(CIVITAS_HAS_STORE OFF)
    message(STATUS "civitas: SQLite 3 not found: built without the campaign store (Debian: apt-get install libsqlite3-dev)")
endif()
