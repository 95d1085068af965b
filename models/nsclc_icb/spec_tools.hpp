// Compile-time helpers for assembling a model's declarations from blocks: concatenation of spec
// arrays and names joined from a prefix and a suffix ("pd1" + "_" + "cl0"), so that one drug-slot
// template yields every slot's parameter and state declarations without copied text.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

namespace icbsim::models::nsclc {

/// The concatenation of spec arrays, in order (declarations of the assembled model).
template <typename T, std::size_t... N>
constexpr std::array<T, (N + ...)> concat(const std::array<T, N>&... arrays) {
  std::array<T, (N + ...)> out{};
  std::size_t k = 0;
  ((std::copy(arrays.begin(), arrays.end(), out.begin() + static_cast<std::ptrdiff_t>(k)), k += N), ...);
  return out;
}

/// Characters of a name built at compile time; `view()` points into this object, so it must live
/// in static storage (a static constexpr member).
template <std::size_t Capacity>
struct FixedText {
  std::array<char, Capacity> chars{};
  std::size_t size = 0;
  constexpr std::string_view view() const { return {chars.data(), size}; }
};

/// a + b + c + d as a FixedText; a compile error (throw in a constant expression) when too long.
template <std::size_t Capacity>
constexpr FixedText<Capacity> join(std::string_view a, std::string_view b, std::string_view c = {},
                                   std::string_view d = {}) {
  FixedText<Capacity> out;
  for (std::string_view part : {a, b, c, d}) {
    for (char ch : part) {
      if (out.size >= Capacity) throw "join: FixedText capacity exceeded";
      out.chars[out.size++] = ch;
    }
  }
  return out;
}

/// Offset of the first declaration of block `I` in the concatenation of blocks of sizes `sizes`.
template <std::size_t K>
constexpr std::size_t offset_of_block(const std::array<std::size_t, K>& sizes, std::size_t i) {
  std::size_t offset = 0;
  for (std::size_t b = 0; b < i; ++b) offset += sizes[b];
  return offset;
}

}  // namespace icbsim::models::nsclc
