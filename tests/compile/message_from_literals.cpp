// Builds: the control of message_from_a_buffer.cpp, the same with string literals.
#include <civitas/core/message.hpp>

#include <string>

using namespace civitas::literals;

civitas::Message describe(int value) {
    return civitas::Message("value {0}"_en, "值 {0}"_zh, {std::to_string(value)});
}
