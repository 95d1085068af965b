// Declaration of one model parameter: the single place its name, unit, default, admissible range,
// meaning and literature source are written. It drives YAML binding, range checks,
// `icbsim models --describe`, HDF5 attributes and sweep axes.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <string_view>

namespace icbsim {

struct ParameterSpec {
  std::string_view name;         ///< identifier used in YAML and HDF5
  std::string_view unit;         ///< unit expression (see units.hpp); "" for dimensionless
  double value;                  ///< default value, in `unit`
  double min;                    ///< admissible lower bound (inclusive), in `unit`
  double max;                    ///< admissible upper bound (inclusive), in `unit`
  std::string_view description;  ///< one line of meaning
  std::string_view source;       ///< paper and table, or "assumed: why"
};

inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

/// Index of `name` in a model's declaration array, resolved at compile time: a misspelt name in
/// a model's constructor fails to compile.
template <typename Spec, std::size_t N>
consteval std::size_t index_of(const std::array<Spec, N>& specs, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i)
    if (specs[i].name == name) return i;
  throw "index_of: no declaration with this name";  // not a constant expression: compile error
}

}  // namespace icbsim
