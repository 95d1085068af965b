// New lesions of one patient: a Poisson process whose hazard the model supplies per sampled time,
// each lesion first seen at a detectable size and then following the relative size change of the
// systemic tumour (every lesion shares the systemic immune state), as RECIST 1.1 / iRECIST count them.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "engine/core/random_stream.hpp"

namespace icbsim::readout {

/// The scenario's new-lesion process (tumour.new_lesions).
struct NewLesionProcess {
  std::size_t hazard_row = 0;              ///< output row of the hazard [1/day]
  double diameter_at_detection_mm = 10.0;  ///< longest diameter of a new lesion when it becomes detectable [mm]
};

/// Most new lesions followed per patient (later ones change no call: RECIST 1.1 needs one, iRECIST
/// measures at most five).
inline constexpr std::size_t kMaxNewLesions = 12;

/// Unit-exponential draws that fix one patient's new-lesion times; the k-th lesion appears when the
/// cumulative hazard reaches the sum of the first k draws (exact inversion of a Poisson process).
std::vector<double> draw_new_lesion_thresholds(RandomEngine& rng);

/// Appearance days of new lesions after `start_day` [day]: the cumulative hazard (trapezoid rule over
/// the samples `times`/`hazard`, linear within an interval) first reaching each partial sum of
/// `thresholds`. Throws icbsim::Error on a negative or non-finite hazard.
std::vector<double> new_lesion_days(std::span<const double> times, std::span<const double> hazard, double start_day,
                                    std::span<const double> thresholds);

/// A series at day `t` by linear interpolation (clamped to its ends).
double interpolate(std::span<const double> times, std::span<const double> values, double t);

}  // namespace icbsim::readout
