// Sum of squared standardised differences.
#include "engine/calibrate/objective.hpp"

#include <cmath>

#include "engine/core/errors.hpp"

namespace icbsim::calibrate {

double target_term(const Target& target, double simulated) {
  if (!std::isfinite(simulated)) return kMissingPenalty;
  const double z = (simulated - target.value) / target.scale;
  return z * z;
}

double objective(std::span<const Target> targets, std::span<const double> simulated) {
  if (targets.size() != simulated.size()) throw Error("objective: one simulated value per target is needed");
  double sum = 0.0;
  for (std::size_t i = 0; i < targets.size(); ++i) sum += target_term(targets[i], simulated[i]);
  return sum;
}

}  // namespace icbsim::calibrate
