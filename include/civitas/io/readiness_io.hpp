#pragma once
/// Readiness as JSON (civitas-readiness/1, docs/format.md "Readiness as JSON"), for host systems.

#include <civitas/export.hpp>
#include <civitas/tracking/readiness.hpp>

#include <string>

namespace civitas {

/// Version tag written at the top of the readiness JSON ("format": "civitas-readiness/1").
inline constexpr const char* readiness_format = "civitas-readiness/1";

/// The readiness as JSON text: each title's verdict per unit with its reasons in English and Chinese,
/// its facts and evaluations now and at the inspection date, targets, surveys, rulings, and the plan's progress.
[[nodiscard]] CIVITAS_EXPORT std::string readiness_to_json(const Readiness& readiness, int indent = 2);

}  // namespace civitas
