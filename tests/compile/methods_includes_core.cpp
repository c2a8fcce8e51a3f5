// Builds: the methods layer includes its own headers and those of the core layer below it (the
// control that shows the other programs fail for the header they name, not for their setup).
#include <civitas/core/error.hpp>
#include <civitas/methods/ranking.hpp>

#include "core/detail/number_format.hpp"
#include "methods/detail/checks.hpp"
