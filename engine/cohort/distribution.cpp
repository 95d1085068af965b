// Quantile functions of the population distributions (Boost.Math for the normal).
#include "engine/cohort/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include <boost/math/distributions/normal.hpp>

#include "engine/core/errors.hpp"

namespace icbsim::cohort {
namespace {

double normal_quantile(double mean, double sd, double u) {
  return boost::math::quantile(boost::math::normal_distribution<double>(mean, sd), u);
}
double normal_cdf(double mean, double sd, double x) {
  return boost::math::cdf(boost::math::normal_distribution<double>(mean, sd), x);
}

/// u rescaled into the probability interval of [min, max] of a distribution with CDF `cdf`.
template <typename Cdf>
double truncate(const Distribution& d, double u, Cdf cdf) {
  const double lo = d.min ? cdf(*d.min) : 0.0;
  const double hi = d.max ? cdf(*d.max) : 1.0;
  return lo + u * (hi - lo);
}

/// The value at u of a normal(mean, sd) truncated to [lo, hi] with lo above the mean (hi may be
/// infinite), drawn from the mirror image of the distribution: there the CDF of a bound many
/// deviations out keeps its precision (cdf(10 sd) rounds to 1; cdf(-10 sd) = 7.6e-24 does not), so
/// every draw lies in [lo, hi]. Increasing in u like the plain quantile.
double upper_truncated_normal_quantile(double mean, double sd, double lo, double hi, double u) {
  const double plo = normal_cdf(-mean, sd, -hi), phi = normal_cdf(-mean, sd, -lo);
  const double p = plo + (1.0 - u) * (phi - plo);
  const double x = -normal_quantile(-mean, sd, std::clamp(p, std::numeric_limits<double>::min(), 1.0 - 1e-16));
  return std::clamp(x, lo, hi);
}

/// The probability a normal(mean, sd) gives to [lo, hi], from the tail nearer the interval.
double normal_mass(double mean, double sd, double lo, double hi) {
  if (lo > mean) return normal_cdf(-mean, sd, -lo) - normal_cdf(-mean, sd, -hi);
  return normal_cdf(mean, sd, hi) - normal_cdf(mean, sd, lo);
}

constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// The truncation bounds on the log scale of a log-normal (a bound at or below 0: none).
std::pair<double, double> log_bounds(const Distribution& d) {
  return {d.min && *d.min > 0 ? std::log(*d.min) : -kInfinity, d.max ? std::log(*d.max) : kInfinity};
}

}  // namespace

void validate(const Distribution& d) {
  switch (d.kind) {
    case DistributionKind::kFixed: return;
    case DistributionKind::kNormal:
      if (!(d.b > 0)) throw Error("a normal distribution needs a positive sd");
      break;
    case DistributionKind::kLogNormal:
      if (!(d.a > 0)) throw Error("a log-normal distribution needs a positive median");
      if (!(d.b > 0)) throw Error("a log-normal distribution needs a positive cv");
      break;
    case DistributionKind::kUniform:
      if (!(d.b > d.a)) throw Error("a uniform distribution needs min < max");
      return;
    case DistributionKind::kLogUniform:
      if (!(d.a > 0) || !(d.b > d.a)) throw Error("a log-uniform distribution needs 0 < min < max");
      return;
  }
  if (d.min && d.max && !(*d.max > *d.min)) throw Error("truncation bounds need min < max");
  if (d.kind == DistributionKind::kLogNormal && d.min && *d.min < 0) throw Error("a log-normal is truncated below 0");
  // Draws must respect the bounds exactly: refuse an interval too far out in a tail for doubles.
  double mass = 1;
  if (d.kind == DistributionKind::kNormal) {
    mass = normal_mass(d.a, d.b, d.min.value_or(-kInfinity), d.max.value_or(kInfinity));
  } else {
    const auto [lo, hi] = log_bounds(d);
    mass = normal_mass(std::log(d.a), std::sqrt(std::log1p(d.b * d.b)), lo, hi);
  }
  if (!(mass > 1e-300))
    throw Error(
        "the truncation bounds hold a probability below 1e-300 of the distribution (more than 37 standard "
        "deviations out): move min/max nearer its centre, or use a uniform distribution there");
}

double quantile(const Distribution& d, double u) {
  switch (d.kind) {
    case DistributionKind::kFixed: return d.a;
    case DistributionKind::kNormal: {
      if (!d.min && !d.max) return normal_quantile(d.a, d.b, std::clamp(u, 1e-300, 1.0 - 1e-16));
      if (d.min && *d.min > d.a) return upper_truncated_normal_quantile(d.a, d.b, *d.min, d.max.value_or(kInfinity), u);
      const double p = truncate(d, u, [&](double x) { return normal_cdf(d.a, d.b, x); });
      return std::clamp(normal_quantile(d.a, d.b, std::clamp(p, 1e-300, 1.0 - 1e-16)), d.min.value_or(-kInfinity),
                        d.max.value_or(kInfinity));
    }
    case DistributionKind::kLogNormal: {
      const double sigma = std::sqrt(std::log1p(d.b * d.b));
      const double mu = std::log(d.a);
      const auto [lo, hi] = log_bounds(d);
      if (lo > mu)
        return std::clamp(std::exp(upper_truncated_normal_quantile(mu, sigma, lo, hi, u)), *d.min,
                          d.max.value_or(kInfinity));
      const double p = truncate(d, u, [&](double x) { return x <= 0 ? 0.0 : normal_cdf(mu, sigma, std::log(x)); });
      const double x = std::exp(normal_quantile(mu, sigma, std::clamp(p, 1e-300, 1.0 - 1e-16)));
      return std::clamp(x, d.min.value_or(0.0), d.max.value_or(kInfinity));
    }
    case DistributionKind::kUniform: return d.a + u * (d.b - d.a);
    case DistributionKind::kLogUniform: return std::exp(std::log(d.a) + u * (std::log(d.b) - std::log(d.a)));
  }
  return d.a;
}

}  // namespace icbsim::cohort
