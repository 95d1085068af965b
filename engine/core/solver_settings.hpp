// Numerical settings of one integration, as chosen in a scenario's `solver:` section.
#pragma once

#include <cstddef>
#include <string_view>

#include "engine/core/enum_table.hpp"

namespace icbsim {

enum class SolverMethod {
  kDopri5,      ///< adaptive explicit Dormand–Prince 5(4) with dense output
  kRosenbrock4  ///< adaptive linearly implicit Rosenbrock 4(3) for stiff systems, automatic Jacobian
};

inline constexpr EnumTable<SolverMethod, 2> kSolverMethodNames{{{
    {SolverMethod::kDopri5, "dopri5"},
    {SolverMethod::kRosenbrock4, "rosenbrock4"},
}}};

struct SolverSettings {
  SolverMethod method = SolverMethod::kDopri5;
  double rtol = 1e-6;              ///< relative tolerance
  double atol = 1e-9;              ///< absolute tolerance [state units]
  double initial_step = 1e-3;      ///< first trial step [day]
  double max_step = 0.0;           ///< largest step [day]; 0 means unlimited
  std::size_t max_steps = 10'000'000;  ///< per task; exceeded means failure
};

}  // namespace icbsim
