// Must not build: the core layer includes a header of the methods layer above it.
#include <civitas/methods/ranking.hpp>
