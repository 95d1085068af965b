// Expansion of a two-phase scan schedule into scan days.
#include "engine/readout/scan_schedule.hpp"

#include "engine/core/errors.hpp"

namespace icbsim::readout {

std::vector<double> scan_times(const ScanSchedule& s, double end) {
  if (!(s.every > 0.0)) throw Error("scan interval must be positive");
  if (s.then_every && !(*s.then_every > 0.0)) throw Error("second-phase scan interval must be positive");
  if (s.baseline > end) throw Error("the baseline scan lies after the end of the simulation");
  std::vector<double> times{s.baseline};
  const double phase_end = s.until.value_or(end);
  // Multiples of the interval from baseline avoid accumulating rounding over many scans.
  for (int k = 1;; ++k) {
    const double t = s.baseline + k * s.every;
    if (t > phase_end + 1e-9 || t > end + 1e-9) break;
    times.push_back(t);
  }
  if (s.then_every) {
    const double start = times.back();
    for (int k = 1;; ++k) {
      const double t = start + k * *s.then_every;
      if (t > end + 1e-9) break;
      times.push_back(t);
    }
  }
  return times;
}

}  // namespace icbsim::readout
