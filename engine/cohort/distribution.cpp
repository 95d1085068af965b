// Quantile functions of the population distributions (Boost.Math for the normal).
#include "engine/cohort/distribution.hpp"

#include <algorithm>
#include <cmath>

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
}

double quantile(const Distribution& d, double u) {
  switch (d.kind) {
    case DistributionKind::kFixed: return d.a;
    case DistributionKind::kNormal: {
      const double p = truncate(d, u, [&](double x) { return normal_cdf(d.a, d.b, x); });
      return normal_quantile(d.a, d.b, std::clamp(p, 1e-300, 1.0 - 1e-16));
    }
    case DistributionKind::kLogNormal: {
      const double sigma = std::sqrt(std::log1p(d.b * d.b));
      const double mu = std::log(d.a);
      const double p = truncate(d, u, [&](double x) { return x <= 0 ? 0.0 : normal_cdf(mu, sigma, std::log(x)); });
      return std::exp(normal_quantile(mu, sigma, std::clamp(p, 1e-300, 1.0 - 1e-16)));
    }
    case DistributionKind::kUniform: return d.a + u * (d.b - d.a);
    case DistributionKind::kLogUniform: return std::exp(std::log(d.a) + u * (std::log(d.b) - std::log(d.a)));
  }
  return d.a;
}

}  // namespace icbsim::cohort
