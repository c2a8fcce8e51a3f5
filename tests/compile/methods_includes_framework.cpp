// Must not build: the methods layer includes a header of the framework part above it.
#include <civitas/framework/framework.hpp>
