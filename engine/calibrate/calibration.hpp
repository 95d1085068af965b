// A calibration: scenarios run with common random numbers (every evaluation uses the same seeds
// and task ids, so the objective changes only through the parameters), free parameters set in
// them, targets compared with their statistics, and an optimiser that minimises the objective.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/calibrate/free_parameter.hpp"
#include "engine/calibrate/objective.hpp"
#include "engine/calibrate/optimiser.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim::calibrate {

struct CalibrationProblem {
  std::vector<std::string> scenario_names;
  std::vector<Scenario> scenarios;  ///< as loaded; evaluations work on copies
  std::vector<FreeParameter> parameters;
  std::vector<Target> targets;
  OptimiserSettings optimiser;
};

/// One evaluation of the objective.
struct Evaluation {
  std::vector<double> values;     ///< free parameter values
  std::vector<double> simulated;  ///< one statistic per target (NaN: does not exist)
  double objective = 0.0;
  std::size_t failed_tasks = 0;
  std::string error;              ///< non-empty when the parameters were invalid (objective = penalty)
};

/// Objective of parameter values that cannot be simulated (e.g. a correlation matrix that is not
/// positive definite): larger than any target set would give with every statistic missing.
double invalid_objective(const CalibrationProblem& problem);

/// Runs every scenario with `values` applied and compares with the targets. Scenarios without a
/// target are not run.
Evaluation evaluate(const CalibrationProblem& problem, const std::vector<double>& values);

struct CalibrationResult {
  std::vector<Evaluation> evaluations;  ///< in the order the optimiser asked for them
  std::size_t best = 0;                 ///< index of the best evaluation
  OptimiserResult optimiser;
};

/// Called after each evaluation with (its index, the evaluation).
using EvaluationCallback = std::function<void(std::size_t, const Evaluation&)>;

/// Minimises the objective from the parameters' start values.
CalibrationResult calibrate(const CalibrationProblem& problem, const EvaluationCallback& on_evaluation = {});

}  // namespace icbsim::calibrate
