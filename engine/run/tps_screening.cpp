// The screening biopsy: a short untreated integration to the baseline scan, then the assay.
#include "engine/run/tps_screening.hpp"

#include <algorithm>

namespace icbsim {

double screening_tps(const ModelInfo& model, const readout::TpsAssay& assay, const TaskInput& candidate,
                     double baseline, RandomEngine& biopsy) {
  TaskInput probe;
  probe.parameters = candidate.parameters;
  probe.initial_state = candidate.initial_state;
  probe.solver = candidate.solver;
  probe.t_start = candidate.t_start;
  const double at = std::max(baseline, candidate.t_start);
  probe.t_end = at + 1.0;  // one day past the biopsy: the integrator needs an interval
  probe.output_times = {probe.t_end};
  probe.sample_times = {at};
  const TaskOutput out = model.simulate(probe);
  return readout::measured_tps_pct(out.samples[assay.row], assay.cells_scored, biopsy);
}

}  // namespace icbsim
