// Dose breakpoints and the piecewise-constant infusion input.
#include "engine/ode/breakpoints.hpp"

#include <algorithm>

namespace icbsim {

std::vector<double> dose_breakpoints(double t_start, double t_end, std::span<const DoseEvent> doses) {
  std::vector<double> times{t_start, t_end};
  for (const DoseEvent& d : doses) {
    times.push_back(d.time);
    if (d.duration > 0.0) times.push_back(d.time + d.duration);
  }
  std::erase_if(times, [&](double t) { return t < t_start || t > t_end; });
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  return times;
}

void infusion_rates_at(double t, std::span<const DoseEvent> doses, std::span<double> rates) {
  std::fill(rates.begin(), rates.end(), 0.0);
  for (const DoseEvent& d : doses)
    if (d.duration > 0.0 && d.time <= t && t < d.time + d.duration) rates[d.target] += d.amount / d.duration;
}

}  // namespace icbsim
