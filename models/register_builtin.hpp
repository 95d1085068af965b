// The registry of built-in models, filled explicitly (no static initialisers).
#pragma once

#include "engine/core/model_registry.hpp"

namespace icbsim::models {

/// Adds every built-in model to `registry`.
void register_builtin(ModelRegistry& registry);

/// A registry holding exactly the built-in models.
ModelRegistry builtin_registry();

}  // namespace icbsim::models
