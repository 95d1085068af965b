// One table per enum maps values to the names used in YAML, HDF5 and messages, both ways, so no
// hand-written string->enum chain exists anywhere.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace icbsim {

template <typename E, std::size_t N>
struct EnumTable {
  std::array<std::pair<E, std::string_view>, N> entries;

  constexpr std::string_view name(E value) const {
    for (const auto& [v, n] : entries)
      if (v == value) return n;
    return "?";
  }

  constexpr std::optional<E> parse(std::string_view text) const {
    for (const auto& [v, n] : entries)
      if (n == text) return v;
    return std::nullopt;
  }

  /// "a, b, c": for error messages listing the accepted names.
  std::string names() const {
    std::string out;
    for (const auto& [v, n] : entries) {
      if (!out.empty()) out += ", ";
      out += n;
    }
    return out;
  }
};

}  // namespace icbsim
