// The PD-L1 tumour proportion score (TPS) as a pathologist reads it from a baseline biopsy: the
// model's true share of PD-L1-positive tumour cells at baseline, scored on a finite number of
// tumour cells (binomial sampling error of the scored cells).
#pragma once

#include <cstddef>

#include "engine/core/random_stream.hpp"

namespace icbsim::readout {

/// Which model row holds the true TPS and how many tumour cells the assay scores.
struct TpsAssay {
  std::size_t row = 0;             ///< state/observable row of the true TPS [%]
  std::size_t cells_scored = 100;  ///< viable tumour cells scored (22C3 pharmDx needs at least 100)
};

/// Measured TPS [%]: positive cells among `cells_scored` drawn with probability true_pct/100.
double measured_tps_pct(double true_pct, std::size_t cells_scored, RandomEngine& rng);

}  // namespace icbsim::readout
