// Test support: the registry of built-in models plus the sensitivity test functions (Ishigami,
// Sobol' G) that only tests register, built once per test process.
#pragma once

#include "engine/ode/model_entry.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/sensitivity_test_functions.hpp"

namespace icbsim::testing {

inline const ModelRegistry& registry() {
  static const ModelRegistry r = [] {
    ModelRegistry built = models::builtin_registry();
    built.add(model_entry<Ishigami>());
    built.add(model_entry<SobolG>());
    return built;
  }();
  return r;
}

}  // namespace icbsim::testing
