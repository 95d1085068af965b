// Evaluation of a parameter set over the scenarios, and the optimisation loop.
#include "engine/calibrate/calibration.hpp"

#include <limits>

#include "engine/core/errors.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/runner.hpp"

namespace icbsim::calibrate {

double invalid_objective(const CalibrationProblem& problem) {
  return 2.0 * kMissingPenalty * static_cast<double>(problem.targets.size() + 1);
}

Evaluation evaluate(const CalibrationProblem& problem, const std::vector<double>& values) {
  Evaluation e;
  e.values = values;
  e.simulated.assign(problem.targets.size(), std::numeric_limits<double>::quiet_NaN());
  std::vector<std::vector<TaskOutcome>> outcomes(problem.scenarios.size());
  std::vector<std::size_t> arms(problem.scenarios.size(), 0);
  try {
    for (std::size_t k = 0; k < problem.scenarios.size(); ++k) {
      bool needed = false;
      for (const Target& t : problem.targets) needed = needed || t.scenario == k;
      if (!needed) continue;
      Scenario scenario = problem.scenarios[k];
      for (std::size_t i = 0; i < problem.parameters.size(); ++i)
        if (problem.parameters[i].applies_to(k)) apply(problem.parameters[i], values[i], scenario);
      const Plan plan(scenario);
      StatisticsSink sink(plan);
      const RunReport report = run_plan(scenario, plan, sink);
      e.failed_tasks += report.failed;
      outcomes[k] = sink.outcomes();
      arms[k] = plan.arm_names().size();
    }
  } catch (const Error& error) {  // invalid parameters: no simulation
    e.error = error.what();
    e.objective = invalid_objective(problem);
    return e;
  }
  for (std::size_t i = 0; i < problem.targets.size(); ++i) {
    const Target& t = problem.targets[i];
    e.simulated[i] = statistic_value(outcomes[t.scenario], arms[t.scenario], t);
  }
  e.objective = objective(problem.targets, e.simulated);
  return e;
}

CalibrationResult calibrate(const CalibrationProblem& problem, const EvaluationCallback& on_evaluation) {
  CalibrationResult result;
  std::vector<double> start;
  for (const FreeParameter& p : problem.parameters) start.push_back(to_unit(p, p.start));
  const auto f = [&](const std::vector<double>& unit) {
    std::vector<double> values;
    for (std::size_t i = 0; i < unit.size(); ++i) values.push_back(from_unit(problem.parameters[i], unit[i]));
    result.evaluations.push_back(evaluate(problem, values));
    const Evaluation& e = result.evaluations.back();
    if (e.objective < result.evaluations[result.best].objective) result.best = result.evaluations.size() - 1;
    if (on_evaluation) on_evaluation(result.evaluations.size() - 1, e);
    return e.objective;
  };
  result.optimiser = minimise(f, start, problem.optimiser);
  return result;
}

}  // namespace icbsim::calibrate
