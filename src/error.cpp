#include <civitas/error.hpp>

namespace civitas {

ValidationError::ValidationError(std::string path, const std::string& message)
    : Error(path + ": " + message), path_(std::move(path)) {}

ParseError::ParseError(std::string file, std::string location, const std::string& message)
    : Error(file + (location.empty() ? "" : ": " + location) + ": " + message),
      file_(std::move(file)),
      location_(std::move(location)) {}

}  // namespace civitas
