// Output grid of a scenario's time span.
#include "engine/run/scenario.hpp"

#include <cmath>

namespace icbsim {

std::vector<double> output_grid(const TimeSpan& span) {
  const double steps = (span.end - span.start) / span.output_every;
  const auto n = static_cast<std::size_t>(std::floor(steps + 1e-9));
  std::vector<double> times;
  times.reserve(n + 2);
  for (std::size_t i = 0; i <= n; ++i) times.push_back(span.start + static_cast<double>(i) * span.output_every);
  if (steps - static_cast<double>(n) > 1e-9) times.push_back(span.end);
  times.back() = span.end;  // the grid ends exactly at the end of the span
  return times;
}

}  // namespace icbsim
