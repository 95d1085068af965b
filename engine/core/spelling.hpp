// "Did you mean" suggestions for misspelt names in input files.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace icbsim {

/// Levenshtein distance between two strings (byte-wise, case-sensitive).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// " (did you mean 'x'?)" for the closest candidate within a small edit distance, else "".
std::string did_you_mean(std::string_view name, std::span<const std::string_view> candidates);

}  // namespace icbsim
