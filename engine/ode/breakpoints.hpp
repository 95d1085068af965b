// Segmentation of a time span at dose discontinuities: the integrator never steps across one.
#pragma once

#include <span>
#include <vector>

#include "engine/core/task.hpp"

namespace icbsim {

/// Sorted, unique times in [t_start, t_end] where the right-hand side or the state jumps: the
/// span ends, every dose start and every infusion end.
std::vector<double> dose_breakpoints(double t_start, double t_end, std::span<const DoseEvent> doses);

/// Zero-order input rates [target unit/day] active on the segment starting at `t` (infusions with
/// start <= t < end), accumulated into `rates` (one entry per state variable).
void infusion_rates_at(double t, std::span<const DoseEvent> doses, std::span<double> rates);

/// Adds every bolus (duration 0) given exactly at `t` to the state.
template <typename State>
void apply_boluses_at(double t, std::span<const DoseEvent> doses, State& x) {
  for (const DoseEvent& d : doses)
    if (d.duration == 0.0 && d.time == t) x[d.target] += d.amount;
}

}  // namespace icbsim
