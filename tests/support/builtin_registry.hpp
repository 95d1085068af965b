// Test support: the registry of built-in models, built once per test process.
#pragma once

#include "models/register_builtin.hpp"

namespace icbsim::testing {

inline const ModelRegistry& registry() {
  static const ModelRegistry r = models::builtin_registry();
  return r;
}

}  // namespace icbsim::testing
