// Run-in rounds: untreated growth, then the burden held and the lesion's populations rescaled.
#include "engine/run/run_in.hpp"

#include <cmath>

#include "engine/core/errors.hpp"

namespace icbsim {

std::vector<double> run_in_state(const ModelInfo& model, const RunInSpec& spec, const TaskInput& task) {
  std::vector<double> x = task.initial_state;
  std::vector<double> drawn;
  double burden = 0.0;
  for (std::size_t i : spec.held) {
    drawn.push_back(x[i]);
    burden += x[i];
  }
  if (!(burden > 0.0)) throw Error("the run-in needs a positive tumour burden (the sum of its held states) to hold");
  TaskInput round;
  round.parameters = task.parameters;
  round.solver = task.solver;
  round.t_start = 0.0;
  round.t_end = spec.period;
  round.output_times = {spec.period};
  const std::size_t n = x.size();
  for (std::size_t r = 0; r < spec.rounds; ++r) {
    round.initial_state = x;
    const TaskOutput out = model.simulate(round);
    for (std::size_t i = 0; i < n; ++i) x[i] = out.trajectories[i];  // one output column: row i, column 0
    double grown = 0.0;
    for (std::size_t i : spec.held) grown += x[i];
    if (!(grown > 0.0) || !std::isfinite(grown))
      throw Error("the untreated tumour vanished during the run-in (round " + std::to_string(r + 1) + ")");
    const double factor = burden / grown;
    for (std::size_t i : spec.scaled) x[i] *= factor;
    for (std::size_t k = 0; k < spec.held.size(); ++k) x[spec.held[k]] = drawn[k];
  }
  return x;
}

}  // namespace icbsim
