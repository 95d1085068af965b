// Scan schedules of a trial protocol (e.g. baseline, every 6 weeks to week 48, then every 9 weeks).
#pragma once

#include <optional>
#include <vector>

namespace icbsim::readout {

struct ScanSchedule {
  double baseline = 0.0;                  ///< baseline scan [day]
  double every = 42.0;                    ///< interval of the first phase [day]
  std::optional<double> until;            ///< end of the first phase [day]; none: one phase to the end
  std::optional<double> then_every;       ///< interval after `until` [day]
  std::optional<double> pre_treatment;    ///< an earlier scan for growth rates before treatment [day]
};

/// Baseline, then baseline + k·every up to `until`, then every `then_every` up to `end` [day].
/// Throws icbsim::Error for non-positive intervals or a baseline after `end`.
std::vector<double> scan_times(const ScanSchedule& schedule, double end);

}  // namespace icbsim::readout
