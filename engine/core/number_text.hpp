// Numbers as text in the shortest form that reads back to the same double (std::to_chars), for
// reports, the resolved scenario and the command line.
#pragma once

#include <charconv>
#include <cmath>
#include <string>

namespace icbsim {

/// The shortest decimal text of `value` that reads back to the same double; "" for NaN.
inline std::string shortest(double value) {
  if (std::isnan(value)) return "";
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, value).ptr;
  return std::string(text, end);
}

}  // namespace icbsim
