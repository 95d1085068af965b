// Binomial scoring of the baseline PD-L1 biopsy.
#include "engine/readout/tps_assay.hpp"

#include <algorithm>
#include <cmath>

#include <boost/random/binomial_distribution.hpp>

#include "engine/core/errors.hpp"

namespace icbsim::readout {

double measured_tps_pct(double true_pct, std::size_t cells_scored, RandomEngine& rng) {
  if (!std::isfinite(true_pct)) throw Error("readout: the true PD-L1 tumour proportion score is not finite");
  if (cells_scored == 0) throw Error("readout: the PD-L1 assay scores no cells");
  const double p = std::clamp(true_pct / 100.0, 0.0, 1.0);
  boost::random::binomial_distribution<long long, double> draw(static_cast<long long>(cells_scored), p);
  return 100.0 * static_cast<double>(draw(rng)) / static_cast<double>(cells_scored);
}

}  // namespace icbsim::readout
