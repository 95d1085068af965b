// Time-to-event statistics for simulated cohorts: Kaplan-Meier with Greenwood variance and
// log-log intervals, the median with its Brookmeyer-Crowley interval, the restricted mean, the
// log-rank test, and a Cox model with one binary covariate (arm). Times in any one unit (days in icbsim).
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "engine/core/enum_table.hpp"

namespace icbsim::readout {

/// One subject's follow-up: event time or censoring time.
struct SurvivalTime {
  double time = 0.0;   ///< [day]
  bool event = false;  ///< true: event (death, progression); false: censored
};

/// One subject with its arm (0 = reference, 1 = experimental) for two-arm comparisons.
struct ArmSurvivalTime {
  double time = 0.0;   ///< [day]
  bool event = false;  ///< true: event; false: censored
  int arm = 0;         ///< 0 or 1
};

/// Kaplan-Meier estimate at one distinct observed time (event or censoring).
struct KaplanMeierStep {
  double time = 0.0;          ///< [day]
  int at_risk = 0;            ///< subjects with time >= this time
  int events = 0;             ///< events at this time
  int censored = 0;           ///< censorings at this time
  double survival = 1.0;      ///< S(t) just after this time
  double variance = 0.0;      ///< Greenwood variance of S(t)
  double lower = 1.0;         ///< pointwise lower limit, log-log transform
  double upper = 1.0;         ///< pointwise upper limit, log-log transform
};

/// A Kaplan-Meier curve: one step per distinct observed time, in increasing time.
struct KaplanMeierCurve {
  std::vector<KaplanMeierStep> steps;  ///< one per distinct time
  int subjects = 0;                    ///< number of subjects
  double confidence = 0.95;  ///< level of the pointwise intervals
};

/// Product-limit estimate with Greenwood variance and pointwise log-log intervals at `confidence`.
KaplanMeierCurve kaplan_meier(std::span<const SurvivalTime> data, double confidence = 0.95);

/// S(t) of a curve: the value of the last step at or before t (1 before the first step).
double survival_at(const KaplanMeierCurve& curve, double t);

/// Restricted mean survival time up to `horizon` [day]: the area under the step function S(t) from
/// 0 to horizon (Royston & Parmar 2013). The curve is taken as constant after its last step; whether
/// follow-up reaches the horizon is the caller's question. Throws icbsim::Error when horizon is
/// negative or not finite.
double restricted_mean_survival(const KaplanMeierCurve& curve, double horizon);

/// Median survival with its interval [day]; a member is empty when not reached.
struct MedianSurvival {
  std::optional<double> median;  ///< [day]
  std::optional<double> lower;   ///< lower limit of the interval [day]
  std::optional<double> upper;   ///< upper limit of the interval [day]
};

/// Median = first event time with S <= 0.5 (midpoint to the next event time when S is exactly
/// 0.5, as R and SAS); interval = times where the log-log pointwise band contains 0.5
/// (Brookmeyer & Crowley 1982 inverted with the log-log transform): lower = first time the lower
/// band is <= 0.5, upper = first time the upper band is <= 0.5.
MedianSurvival median_survival(const KaplanMeierCurve& curve);

/// Log-rank comparison of arm 1 with arm 0 (hypergeometric variance, tied events allowed).
struct LogRankResult {
  double observed_1 = 0.0;   ///< events in arm 1
  double expected_1 = 0.0;   ///< expected events in arm 1 under H0
  double variance = 0.0;     ///< variance of observed_1 − expected_1
  double chi_square = 0.0;   ///< (O − E)² / V, 1 degree of freedom
  double p_value = 1.0;      ///< upper chi-square(1) tail: erfc(sqrt(chi²/2))
};

/// Log-rank test of arm 1 against arm 0.
LogRankResult log_rank_test(std::span<const ArmSurvivalTime> data);

/// Handling of tied event times in the Cox partial likelihood.
enum class TieMethod { kEfron, kBreslow };

/// Names of TieMethod in input/output files and messages.
inline constexpr EnumTable<TieMethod, 2> kTieMethodNames{{{
    {TieMethod::kEfron, "efron"},
    {TieMethod::kBreslow, "breslow"},
}}};

/// Cox proportional-hazards fit with the arm as only covariate (hazard of arm 1 versus arm 0).
struct CoxResult {
  double log_hr = 0.0;         ///< coefficient β
  double hr = 1.0;             ///< exp(β)
  double se = 0.0;             ///< standard error of β (inverse observed information)
  double lower = 0.0;          ///< lower limit of the HR interval (Wald)
  double upper = 0.0;          ///< upper limit of the HR interval (Wald)
  double wald_chi_square = 0.0;  ///< (β / se)², 1 degree of freedom
  double wald_p = 1.0;           ///< upper chi-square(1) tail of the Wald statistic
  double lr_chi_square = 0.0;  ///< 2·(log L(β) − log L(0))
  double lr_p = 1.0;           ///< upper chi-square(1) tail of the likelihood ratio
  double score_chi_square = 0.0;  ///< U(0)² / I(0)
  double score_p = 1.0;           ///< upper chi-square(1) tail of the score statistic
  int iterations = 0;          ///< Newton-Raphson iterations used
  TieMethod ties = TieMethod::kEfron;
};

/// Newton-Raphson fit of the Cox model (from β = 0, step halving); throws icbsim::Error when an
/// arm has no event (monotone likelihood) or the iteration does not converge.
CoxResult cox_binary(std::span<const ArmSurvivalTime> data, TieMethod ties = TieMethod::kEfron,
                     double confidence = 0.95);

/// Upper tail of the chi-square distribution with 1 degree of freedom.
double chi_square_1_p_value(double chi_square);

}  // namespace icbsim::readout
