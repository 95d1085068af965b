// Wilson and Clopper-Pearson intervals; ORR and DCR of a list of best overall responses.
#include "engine/readout/proportion.hpp"

#include <algorithm>
#include <cmath>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/beta.hpp>

#include "engine/core/errors.hpp"

namespace icbsim::readout {

namespace {

void check(int successes, int trials, double confidence) {
  if (trials <= 0) throw Error("binomial proportion: trials must be > 0");
  if (successes < 0 || successes > trials)
    throw Error("binomial proportion: successes must be within 0..trials");
  if (!(confidence > 0.0 && confidence < 1.0))
    throw Error("binomial proportion: confidence level must be in (0, 1)");
}

Proportion count(std::span<const Response> best, bool include_sd, double confidence) {
  int hits = 0;
  for (Response r : best)
    if (r == Response::kCR || r == Response::kPR || (include_sd && r == Response::kSD)) ++hits;
  return binomial_proportion(hits, static_cast<int>(best.size()), confidence);
}

}  // namespace

ProportionInterval wilson_interval(int successes, int trials, double confidence) {
  check(successes, trials, confidence);
  const double z = boost::math::quantile(boost::math::normal(), 0.5 + 0.5 * confidence);
  const double n = trials;
  const double p = successes / n;
  const double z2 = z * z;
  const double centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
  const double half = z / (1.0 + z2 / n) * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

ProportionInterval clopper_pearson_interval(int successes, int trials, double confidence) {
  check(successes, trials, confidence);
  const double alpha = 1.0 - confidence;
  const double x = successes;
  const double n = trials;
  ProportionInterval ci;
  ci.lower = successes == 0 ? 0.0 : boost::math::ibeta_inv(x, n - x + 1.0, 0.5 * alpha);
  ci.upper = successes == trials ? 1.0 : boost::math::ibeta_inv(x + 1.0, n - x, 1.0 - 0.5 * alpha);
  return ci;
}

Proportion binomial_proportion(int successes, int trials, double confidence) {
  check(successes, trials, confidence);
  Proportion p;
  p.successes = successes;
  p.trials = trials;
  p.estimate = static_cast<double>(successes) / trials;
  p.confidence = confidence;
  p.wilson = wilson_interval(successes, trials, confidence);
  p.clopper_pearson = clopper_pearson_interval(successes, trials, confidence);
  return p;
}

Proportion objective_response_rate(std::span<const Response> best_responses, double confidence) {
  return count(best_responses, false, confidence);
}

Proportion disease_control_rate(std::span<const Response> best_responses, double confidence) {
  return count(best_responses, true, confidence);
}

}  // namespace icbsim::readout
