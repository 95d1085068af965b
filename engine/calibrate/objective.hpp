// The calibration objective: the sum over targets of squared standardised differences,
// Σ ((simulated − published) / scale)², each target's scale stated in the calibration config
// (docs/calibration.md). A statistic that does not exist (e.g. a median PFS not reached) counts
// as kMissingPenalty.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "engine/calibrate/trial_statistics.hpp"

namespace icbsim::calibrate {

/// Contribution of a target whose simulated statistic does not exist (a 10-scale miss).
inline constexpr double kMissingPenalty = 100.0;

/// A published summary statistic of one arm of one scenario (the query: statistic, arm, comparator
/// arm, time, TPS stratum).
struct Target : StatisticQuery {
  std::string label;          ///< e.g. "keynote024 pembrolizumab orr"
  std::size_t scenario = 0;   ///< index into the calibration's scenarios
  std::string against_arm;    ///< name of the comparator arm (hr_os, hr_pfs; else empty)
  double value = 0.0;         ///< published value (fraction, days or ratio)
  double scale = 1.0;         ///< standardising scale, > 0 (same unit as value)
  std::string source;         ///< where the value is published
};

/// One target's term ((simulated − value)/scale)², or kMissingPenalty when simulated is not finite.
double target_term(const Target& target, double simulated);
/// The sum of the terms; `simulated` has one value per target.
double objective(std::span<const Target> targets, std::span<const double> simulated);

}  // namespace icbsim::calibrate
