# Entry points for developers and CI (.ci/run runs `make test` and `make asan`).
# The build itself is CMake's: see CMakePresets.json. Any failing step fails the target.

JOBS ?= 2
PYTHON ?= python3
VENV ?= .venv
CMAKE ?= cmake
CTEST ?= ctest

VENV_PYTHON := $(VENV)/bin/python

# Ninja when it is installed, else CMake's default generator. CMake reads this only when it
# creates a build folder; an existing one keeps the generator it was made with.
ifeq ($(origin CMAKE_GENERATOR),undefined)
ifneq ($(shell command -v ninja 2>/dev/null),)
export CMAKE_GENERATOR := Ninja
endif
endif
# Builds run from pip (scikit-build-core) and the packaging tests use as many jobs.
export CMAKE_BUILD_PARALLEL_LEVEL := $(JOBS)
export PYTHON JOBS

# Steps run one after the other even under `make -j`; the parallelism is inside the builds.
.NOTPARALLEL:
.PHONY: all deps build demo test test-cpp test-python python-install stubs wheel test-packaging test-pypi-build asan asan-build tsan fuzz fuzz-quick bench bench-python perf perf-quick perf-scaling clean distclean

all: build

## deps: system packages and the .venv with requirements-dev.txt
deps:
	VENV=$(VENV) scripts/install-deps.sh

## build: configure and build the dev preset (Debug, tests, warnings as errors)
build:
	$(CMAKE) --preset dev
	$(CMAKE) --build --preset dev -j $(JOBS)

## demo: the Lanzhou example's report and its supervision circular: the text here, the HTML in
## build/demo/lanzhou-report.html and build/demo/lanzhou-circular.html
DEMO_CAMPAIGN := examples/lanzhou/campaign.json
DEMO_AS_OF := 2025-12-31
demo: deps build
	build/dev/cli/civitas report $(DEMO_CAMPAIGN) --as-of $(DEMO_AS_OF)
	build/dev/cli/civitas circular $(DEMO_CAMPAIGN) --as-of $(DEMO_AS_OF)
	mkdir -p build/demo
	build/dev/cli/civitas report $(DEMO_CAMPAIGN) --as-of $(DEMO_AS_OF) -o build/demo/lanzhou-report.html
	build/dev/cli/civitas circular $(DEMO_CAMPAIGN) --as-of $(DEMO_AS_OF) -o build/demo/lanzhou-circular.html

## test: the C++ tests, the Python tests, then the packaging tests (scripts/test-packaging.sh) but
## the long build from PyPI alone (test-pypi-build); the manylinux wheel they test is the one
## test-python built, repaired
QUICK_PACKAGING_CHECKS := static shared subdirectory pypi wheel
test: deps test-cpp test-python
	WHEEL="$$(ls $(WHEEL_DIR)/civitas-*.whl)" VENV=$(VENV) scripts/test-packaging.sh $(QUICK_PACKAGING_CHECKS)

test-cpp: build
	$(CTEST) --preset dev -j $(JOBS)

# python-install builds the wheel once into WHEEL_DIR and installs it into the virtual environment.
WHEEL_DIR := build/wheel
python-install:
	rm -rf $(WHEEL_DIR)
	$(VENV_PYTHON) -m pip wheel --disable-pip-version-check --no-build-isolation --no-deps -w $(WHEEL_DIR) .
	$(VENV_PYTHON) -m pip install --disable-pip-version-check --force-reinstall --no-deps $(WHEEL_DIR)/civitas-*.whl

## wheel: a wheel for any Linux in build/dist: built as python-install does, repaired by auditwheel
## (manylinux, needing nothing beyond glibc and libstdc++ but the SQLite it carries), installed and tested in a fresh virtual
## environment with no compiler within reach
DIST_DIR := build/dist
wheel: deps python-install
	WHEEL="$$(ls $(WHEEL_DIR)/civitas-*.whl)" DIST=$(DIST_DIR) VENV=$(VENV) scripts/test-packaging.sh wheel

## stubs: regenerate python/civitas/_core.pyi from the bindings (commit it; the tests check it)
stubs: python-install
	$(VENV_PYTHON) scripts/generate-stubs.py

test-python: python-install
	$(VENV_PYTHON) -m pip install --disable-pip-version-check -q -r bench/requirements.txt
	$(VENV_PYTHON) -m pytest -n $(JOBS) tests/python bench/reference
	$(VENV_PYTHON) bench/run --quick

## test-packaging: every packaging check, the build from PyPI alone included (its wheel is the one repaired)
test-packaging: deps
	VENV=$(VENV) scripts/test-packaging.sh

## test-pypi-build: the wheel built by pip from PyPI alone, the system's C++ packages hidden (about 10
## minutes), installed into a fresh virtual environment and run
test-pypi-build: deps
	VENV=$(VENV) scripts/test-packaging.sh pypi-build

## asan: build and run the C++ tests under AddressSanitizer and UndefinedBehaviorSanitizer (clang; the
## same build holds the fuzz targets)
asan: asan-build
	$(CTEST) --preset asan-ubsan -j $(JOBS)

asan-build: deps
	$(CMAKE) --preset asan-ubsan
	$(CMAKE) --build --preset asan-ubsan -j $(JOBS)

## tsan: build and run the C++ tests that run several threads (tests/CMakeLists.txt lists them) under ThreadSanitizer
tsan: deps
	$(CMAKE) --preset tsan
	$(CMAKE) --build --preset tsan -j $(JOBS)
	$(CTEST) --preset tsan -j $(JOBS)

## fuzz: build the libFuzzer targets (in the asan-ubsan build, clang) and run each for FUZZ_SECONDS (default 600),
## two at a time; logs in build/fuzz/logs/, findings in build/fuzz/findings/; fails on any finding
FUZZ_SECONDS ?= 600
FUZZ_JOBS ?= 2
fuzz: asan-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) scripts/fuzz.sh

## fuzz-quick: the same, about 20 seconds per target (what CI runs)
fuzz-quick: asan-build
	FUZZ_SECONDS=20 FUZZ_JOBS=$(FUZZ_JOBS) scripts/fuzz.sh

## bench: build and run the benchmarks (Release): civitas against numpy, from Python and in C++
bench: deps bench-python
	$(CMAKE) --preset bench
	$(CMAKE) --build --preset bench -j $(JOBS)
	$(VENV_PYTHON) bench/python/make_benchmark_data.py --out build/bench/data
	CIVITAS_BENCH_DATA=build/bench/data build/bench/bench/civitas_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
	$(VENV_PYTHON) bench/python/bench_evaluate.py --json build/bench/bench_evaluate.json
	$(VENV_PYTHON) bench/python/bench_evaluate.py --threads 1
	$(VENV_PYTHON) bench/python/bench_schedule.py

## bench-python: what the Python benchmarks need: the package (Release) and the peers of bench/requirements.txt in the .venv
bench-python: deps python-install
	$(VENV_PYTHON) -m pip install --disable-pip-version-check -q -r bench/requirements.txt

## perf: the benchmark suite (bench/run, docs/performance.md): the machine's limits, then every workload at the
## city, province and nation sizes against its peers; build/perf/results.json and summary.md (4 minutes on an idle
## 2-core machine, besides the build)
perf: bench-python
	$(VENV_PYTHON) bench/run

## perf-quick: the suite's quick mode (CI runs it in test-python): city and province, every peer checked, under
## 2 minutes; fails on different results or civitas behind numpy
perf-quick: bench-python
	$(VENV_PYTHON) bench/run --quick

## perf-scaling: time and peak memory against units, indicators, draws, tasks and rows; build/perf/scaling.{json,csv}
## and docs/images/performance-scaling.png
perf-scaling: bench-python
	$(VENV_PYTHON) bench/run --scaling

## clean: remove the build folders
clean:
	rm -rf build

## distclean: also remove the virtual environment
distclean: clean
	rm -rf $(VENV)
