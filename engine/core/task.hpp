// Plain description of one simulation task (one patient or one sweep point) and of its result.
// These structs are what the runner hands to a model's simulate function; they carry no file
// formats and no YAML.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/core/solver_settings.hpp"

namespace icbsim {

/// A dose into one state variable: a bolus (duration 0) or a zero-order infusion.
struct DoseEvent {
  double time = 0.0;         ///< start [day]
  std::size_t target = 0;    ///< index of the receiving state variable
  double amount = 0.0;       ///< in the target variable's unit
  double duration = 0.0;     ///< infusion length [day]; 0 for a bolus
};

struct TaskInput {
  std::vector<double> parameters;     ///< in declaration order, declared units
  std::vector<double> initial_state;  ///< in declaration order, declared units
  double t_start = 0.0;               ///< [day]
  double t_end = 0.0;                 ///< [day]
  std::vector<double> output_times;   ///< ascending, within [t_start, t_end] [day]
  std::vector<double> sample_times;   ///< ascending extra times recorded apart (e.g. scans) [day]
  std::vector<DoseEvent> doses;
  SolverSettings solver;
};

/// Integration statistics of one task.
struct SolverStats {
  std::size_t steps = 0;            ///< accepted steps
  std::size_t rhs_evaluations = 0;  ///< right-hand-side calls
  std::size_t segments = 0;         ///< smooth pieces between dose discontinuities
};

struct TaskOutput {
  /// Row-major [output][time]: first the state variables, then the observables.
  std::vector<double> trajectories;
  /// Same rows at TaskInput::sample_times.
  std::vector<double> samples;
  SolverStats stats;
};

}  // namespace icbsim
