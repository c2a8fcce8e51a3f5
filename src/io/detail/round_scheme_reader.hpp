#pragma once
// Reading and writing round schemes as JSON values with paths in errors: in a round-scheme file,
// a campaign title's "scheme" and a framework's "round_scheme".

#include <civitas/framework/round_scheme.hpp>

#include "io/detail/json_reader.hpp"

namespace civitas::detail {

/// A scheme: {"format"?, "id"?, "name"?, "parts", "year_weights"?, "first_year"?, "consequences"?,
/// "source"?}, a file's root or written in place; checked by validate(), ParseError at the node's path.
RoundScheme read_round_scheme(const JsonNode& node);
/// A scheme as JSON, defaults left out, without the format tag.
Json round_scheme_json(const RoundScheme& scheme);
/// A scheme a file names: the id of a bundled one ("civilized-city-2018"; an unknown id is a
/// ParseError at the node listing the ids there are) or a scheme written in place.
RoundScheme read_round_scheme_reference(const JsonNode& node);
/// How a file names a scheme: a bundled one by its id, any other (or a bundled one changed) written in place.
Json round_scheme_reference_json(const RoundScheme& scheme);

}  // namespace civitas::detail
