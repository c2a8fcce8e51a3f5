# Build options; developer options default on only when civitas is the top-level project.
if(NOT DEFINED PROJECT_IS_TOP_LEVEL)  # CMake < 3.21
    string(COMPARE EQUAL "${CMAKE_SOURCE_DIR}" "${PROJECT_SOURCE_DIR}" PROJECT_IS_TOP_LEVEL)
endif()

option(BUILD_SHARED_LIBS "Build civitas as a shared library" OFF)
option(CIVITAS_BUILD_TESTS "Build the C++ tests" ${PROJECT_IS_TOP_LEVEL})
option(CIVITAS_BUILD_BENCHMARKS "Build the benchmarks" OFF)
option(CIVITAS_BUILD_CLI "Build the civitas command-line program" ${PROJECT_IS_TOP_LEVEL})
option(CIVITAS_BUILD_C_API "Build libcivitas_c, the C API of include/civitas/civitas.h (a shared library)" ON)
option(CIVITAS_BUILD_FUZZERS "Build the libFuzzer targets of tests/fuzz (clang; the asan-ubsan preset builds them)" OFF)
option(CIVITAS_BUILD_PYTHON "Build the Python extension civitas._core" OFF)
option(CIVITAS_INSTALL "Generate install rules" ${PROJECT_IS_TOP_LEVEL})
option(CIVITAS_REQUIRE_STORE "Fail to configure when SQLite 3 (the campaign store) is not found, instead of leaving the store out" OFF)
option(CIVITAS_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
# 0: one ctest test (and process) per gtest test. N > 0: the unit tests run as N processes, each a
# gtest shard; the sanitizer presets use this, as a sanitized process takes a quarter second to start.
set(CIVITAS_TEST_SHARDS 0 CACHE STRING "Run the unit tests as this many gtest shards (0: one process per test)")

# Only at the top level: as a subproject the build type is the consumer's to choose.
if(PROJECT_IS_TOP_LEVEL AND NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type" FORCE)
endif()

set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_CXX_VISIBILITY_PRESET hidden)
set(CMAKE_VISIBILITY_INLINES_HIDDEN ON)

include(GNUInstallDirs)
