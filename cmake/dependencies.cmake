# Third-party packages, all from the system (scripts/install-deps.sh installs them).
# Eigen is public (the batch API takes Eigen matrices); nlohmann_json is private to the sources.
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
find_package(nlohmann_json 3.9 REQUIRED)
# Dates and working-day calendars (boost::gregorian, header-only): public, dates are in the API.
find_package(Boost 1.71 CONFIG REQUIRED COMPONENTS headers)
# Large batches are evaluated on several threads.
find_package(Threads REQUIRED)
