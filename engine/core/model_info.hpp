// Type-erased description of a registered model: its declarations and the entry point that runs
// the model's template instance of the simulator.
#pragma once

#include <span>
#include <string_view>

#include "engine/core/parameter_spec.hpp"
#include "engine/core/task.hpp"
#include "engine/core/variable_spec.hpp"

namespace icbsim {

struct ModelInfo {
  std::string_view name;
  std::string_view description;
  std::string_view reference;
  std::span<const VariableSpec> variables;
  std::span<const ParameterSpec> parameters;
  std::span<const VariableSpec> observables;
  TaskOutput (*simulate)(const TaskInput&) = nullptr;  ///< throws SolverError on numerical failure

  /// Index of a state variable by name, or -1.
  int variable_index(std::string_view n) const;
  /// Index of a parameter by name, or -1.
  int parameter_index(std::string_view n) const;
};

}  // namespace icbsim
