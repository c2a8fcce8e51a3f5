// Must not build: the methods layer includes a private header of the framework part above it.
#include "framework/detail/scoring.hpp"
