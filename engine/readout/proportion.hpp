// Binomial proportions of a cohort (objective response rate, disease control rate) with Wilson
// score and Clopper-Pearson exact intervals.
#pragma once

#include <span>

#include "engine/readout/recist.hpp"

namespace icbsim::readout {

/// A two-sided interval for a proportion.
struct ProportionInterval {
  double lower = 0.0;  ///< lower limit, a proportion in [0, 1]
  double upper = 1.0;  ///< upper limit, a proportion in [0, 1]
};

/// An observed proportion with both intervals.
struct Proportion {
  int successes = 0;                   ///< counted patients
  int trials = 0;                      ///< all patients
  double estimate = 0.0;               ///< successes / trials
  double confidence = 0.95;            ///< level of both intervals
  ProportionInterval wilson;           ///< Wilson (1927) score interval
  ProportionInterval clopper_pearson;  ///< Clopper & Pearson (1934) exact interval
};

/// Wilson score interval for `successes` out of `trials` at `confidence`.
ProportionInterval wilson_interval(int successes, int trials, double confidence = 0.95);

/// Clopper-Pearson interval from beta quantiles (lower 0 when none, upper 1 when all succeed).
ProportionInterval clopper_pearson_interval(int successes, int trials, double confidence = 0.95);

/// Estimate and both intervals; throws icbsim::Error unless 0 <= successes <= trials, trials > 0.
Proportion binomial_proportion(int successes, int trials, double confidence = 0.95);

/// Objective response rate: best responses CR or PR over all patients (NE counts in the denominator).
Proportion objective_response_rate(std::span<const Response> best_responses, double confidence = 0.95);

/// Disease control rate: best responses CR, PR or SD over all patients.
Proportion disease_control_rate(std::span<const Response> best_responses, double confidence = 0.95);

}  // namespace icbsim::readout
