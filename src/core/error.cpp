#include <civitas/core/error.hpp>

namespace civitas {

namespace {

// "place: detail", or the detail alone when there is no place.
Message placed(Message::Argument place, Message detail) {
    if (place.text(Language::en).empty()) return detail;
    return Message("{0}: {1}"_en, "{0}: {1}"_zh, {std::move(place), std::move(detail)});
}

}  // namespace

Error::Error(Message message) : Error(message, message) {}

Error::Error(Message whole, Message detail)
    : std::runtime_error(whole.text(Language::en)), whole_(std::move(whole)), detail_(std::move(detail)) {}

ValidationError::ValidationError(std::string path, Message message)
    : Error(placed(path, message), message), path_(std::move(path)) {}

ParseError::ParseError(std::string file, Message::Argument location, Message message)
    : Error(placed(file, placed(location, message)), message),
      file_(std::move(file)),
      location_(location.text(Language::en)) {}

IoError::IoError(std::string file, Message message) : Error(placed(file, message), message), file_(std::move(file)) {}

}  // namespace civitas
