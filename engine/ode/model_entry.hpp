// Builds the registry entry of a model type: its declarations and its simulator instance.
#pragma once

#include <span>

#include "engine/core/model.hpp"
#include "engine/core/model_info.hpp"
#include "engine/ode/simulator.hpp"

namespace icbsim {

template <Model M>
ModelInfo model_entry() {
  return ModelInfo{M::kName,
                   M::kDescription,
                   M::kReference,
                   std::span<const VariableSpec>(M::kVariables),
                   std::span<const ParameterSpec>(M::kParameters),
                   std::span<const VariableSpec>(M::kObservables),
                   &simulate<M>};
}

}  // namespace icbsim
