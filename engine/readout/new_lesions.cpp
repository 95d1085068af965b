// New-lesion appearance times from the model's hazard and one patient's exponential draws.
#include "engine/readout/new_lesions.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <boost/random/exponential_distribution.hpp>

#include "engine/core/errors.hpp"

namespace icbsim::readout {

std::vector<double> draw_new_lesion_thresholds(RandomEngine& rng) {
  boost::random::exponential_distribution<double> unit(1.0);
  std::vector<double> e(kMaxNewLesions);
  for (double& v : e) v = unit(rng);
  return e;
}

std::vector<double> new_lesion_days(std::span<const double> times, std::span<const double> hazard, double start_day,
                                    std::span<const double> thresholds) {
  if (times.size() != hazard.size()) throw Error("new lesions: hazard and time series differ in length");
  for (std::size_t i = 0; i < hazard.size(); ++i)
    if (!(hazard[i] >= 0.0) || !std::isfinite(hazard[i]))
      throw Error("new lesions: the new-lesion hazard must be a finite non-negative rate; found " +
                  std::to_string(hazard[i]) + "/day at day " + std::to_string(times[i]));
  std::vector<double> days;
  double target = 0.0;
  std::size_t k = 0;
  if (thresholds.empty()) return days;
  target = thresholds[0];
  double cumulative = 0.0;
  for (std::size_t i = 1; i < times.size() && k < thresholds.size(); ++i) {
    double a = times[i - 1], b = times[i];
    if (b <= start_day) continue;
    double ha = hazard[i - 1], hb = hazard[i];
    if (a < start_day) {  // the part of the interval after start_day
      ha = ha + (hb - ha) * (start_day - a) / (b - a);
      a = start_day;
    }
    const double step = 0.5 * (ha + hb) * (b - a);
    while (k < thresholds.size() && cumulative + step >= target && step > 0.0) {
      // Within [a, b] the hazard is linear, so the cumulative hazard is quadratic; solve for s in [0, 1]:
      // (b − a)·(ha·s + (hb − ha)·s²/2) = target − cumulative.
      const double need = (target - cumulative) / (b - a);
      const double q = 0.5 * (hb - ha);
      double s = 0.0;
      if (std::abs(q) <= 1e-9 * ha) {  // constant hazard over the interval
        s = need / ha;
      } else {
        const double disc = std::max(0.0, ha * ha + 4.0 * q * need);
        s = (-ha + std::sqrt(disc)) / (2.0 * q);
      }
      days.push_back(a + std::clamp(s, 0.0, 1.0) * (b - a));
      if (++k < thresholds.size()) target += thresholds[k];
    }
    cumulative += step;
  }
  return days;
}

double interpolate(std::span<const double> times, std::span<const double> values, double t) {
  if (times.empty()) throw Error("interpolate: empty series");
  if (t <= times.front()) return values.front();
  if (t >= times.back()) return values.back();
  const auto it = std::upper_bound(times.begin(), times.end(), t);
  const std::size_t i = static_cast<std::size_t>(it - times.begin());
  const double w = (t - times[i - 1]) / (times[i] - times[i - 1]);
  return values[i - 1] + w * (values[i] - values[i - 1]);
}

}  // namespace icbsim::readout
