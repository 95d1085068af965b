// The parameter values of one task, read by each parameter's declared name: `par_.get<"a">()`.
// The name is looked up in the model's declaration array at compile time (a misspelt name does
// not compile), so a model holds no renamed copies of its parameters: one declaration, its uses.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <string_view>

#include "engine/core/errors.hpp"
#include "engine/core/parameter_spec.hpp"

namespace icbsim {

/// A parameter name as a template argument (a string literal): `get<"kill_rate">()`.
template <std::size_t N>
struct ParameterName {
  char text[N]{};
  consteval ParameterName(const char (&name)[N]) { std::copy_n(name, N, text); }  // NOLINT: implicit by design
  constexpr std::string_view view() const { return {text, N - 1}; }
};

/// Values in the declaration order of `Specs` (a model's kParameters), in their declared units.
template <const auto& Specs>
class ParameterValues {
 public:
  static constexpr std::size_t kSize = Specs.size();

  /// Copies the task's values; their number must match the declarations.
  explicit ParameterValues(std::span<const double> values) {
    if (values.size() != kSize)
      throw Error("a model got " + std::to_string(values.size()) + " parameter values for " + std::to_string(kSize) +
                  " declared parameters");
    std::copy(values.begin(), values.end(), values_.begin());
  }

  /// The value of the parameter declared as `Name`.
  template <ParameterName Name>
  double get() const {
    constexpr std::size_t kIndex = index_of(Specs, Name.view());
    return values_[kIndex];
  }

 private:
  std::array<double, kSize> values_{};
};

}  // namespace icbsim
