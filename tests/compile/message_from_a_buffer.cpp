// Must not build: a Message's sentences are string literals with the suffixes _en and _zh; text
// in a buffer that goes away (here a local array) would leave the Message pointing at nothing.
#include <civitas/core/message.hpp>

#include <cstdio>

civitas::Message describe(int value) {
    char english[32];
    std::snprintf(english, sizeof english, "value %d", value);
    return civitas::Message(english, "值");
}
