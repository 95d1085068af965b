// Declaration of one state variable or observable of a model: name, unit, meaning, default
// initial value and whether it must stay non-negative.
#pragma once

#include <string_view>

namespace icbsim {

struct VariableSpec {
  std::string_view name;         ///< identifier used in YAML (`initial:`) and HDF5
  std::string_view unit;         ///< unit expression (see units.hpp)
  double initial;                ///< default initial value, in `unit` (unused for observables)
  bool nonnegative;              ///< a population or amount: negative values are a solver failure
  std::string_view description;  ///< one line of meaning (and source of the initial value)
};

}  // namespace icbsim
