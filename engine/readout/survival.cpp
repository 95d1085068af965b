// Kaplan-Meier, median, restricted mean, log-rank and binary-covariate Cox estimators.
#include "engine/readout/survival.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <boost/math/distributions/normal.hpp>

#include "engine/core/errors.hpp"

namespace icbsim::readout {

namespace {

// S(t) values that differ from 0.5 by less than this count as 0.5 (products of fractions).
constexpr double kHalfTolerance = 1e-12;

double two_sided_z(double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0)) throw Error("confidence level must be in (0, 1)");
  return boost::math::quantile(boost::math::normal(), 0.5 + 0.5 * confidence);
}

void check_times(std::span<const ArmSurvivalTime> data, const char* who) {
  bool arm[2] = {false, false};
  for (const ArmSurvivalTime& d : data) {
    if (!std::isfinite(d.time) || d.time < 0.0)
      throw Error(std::string(who) + ": times must be finite and >= 0");
    if (d.arm != 0 && d.arm != 1) throw Error(std::string(who) + ": arm must be 0 or 1");
    arm[d.arm] = true;
  }
  if (!arm[0] || !arm[1]) throw Error(std::string(who) + ": both arms need at least one subject");
}

// Counts at one distinct event time, by arm.
struct EventTime {
  double time = 0.0;
  int at_risk[2] = {0, 0};
  int events[2] = {0, 0};
};

std::vector<EventTime> event_table(std::span<const ArmSurvivalTime> data) {
  std::vector<double> times;
  for (const ArmSurvivalTime& d : data)
    if (d.event) times.push_back(d.time);
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  std::vector<EventTime> table(times.size());
  for (std::size_t j = 0; j < times.size(); ++j) {
    table[j].time = times[j];
    for (const ArmSurvivalTime& d : data) {
      if (d.time >= times[j]) ++table[j].at_risk[d.arm];
      if (d.event && d.time == times[j]) ++table[j].events[d.arm];
    }
  }
  return table;
}

// Log partial likelihood of β with score and information, for a 0/1 covariate.
struct Partial {
  double loglik = 0.0;
  double score = 0.0;
  double information = 0.0;
};

Partial partial_likelihood(const std::vector<EventTime>& table, double beta, TieMethod ties) {
  Partial p;
  const double w = std::exp(beta);
  for (const EventTime& e : table) {
    const int d = e.events[0] + e.events[1];
    const double s0 = e.at_risk[0] + e.at_risk[1] * w;
    const double s1 = e.at_risk[1] * w;
    const double s0_dead = e.events[0] + e.events[1] * w;
    const double s1_dead = e.events[1] * w;
    p.loglik += beta * e.events[1];
    p.score += e.events[1];
    for (int r = 0; r < d; ++r) {
      const double f = ties == TieMethod::kEfron ? static_cast<double>(r) / d : 0.0;
      const double denom = s0 - f * s0_dead;
      const double mean = (s1 - f * s1_dead) / denom;  // covariate mean; x² = x for 0/1
      p.loglik -= std::log(denom);
      p.score -= mean;
      p.information += mean - mean * mean;
    }
  }
  return p;
}

}  // namespace

double chi_square_1_p_value(double chi_square) {
  if (!(chi_square >= 0.0)) throw Error("chi-square statistic must be >= 0");
  return std::erfc(std::sqrt(0.5 * chi_square));
}

KaplanMeierCurve kaplan_meier(std::span<const SurvivalTime> data, double confidence) {
  const double z = two_sided_z(confidence);
  std::vector<SurvivalTime> sorted(data.begin(), data.end());
  for (const SurvivalTime& d : sorted)
    if (!std::isfinite(d.time) || d.time < 0.0) throw Error("Kaplan-Meier: times must be finite and >= 0");
  std::sort(sorted.begin(), sorted.end(),
            [](const SurvivalTime& a, const SurvivalTime& b) { return a.time < b.time; });

  KaplanMeierCurve curve;
  curve.subjects = static_cast<int>(sorted.size());
  curve.confidence = confidence;
  double survival = 1.0;
  double greenwood = 0.0;  // Σ d / (n (n − d))
  std::size_t i = 0;
  while (i < sorted.size()) {
    KaplanMeierStep step;
    step.time = sorted[i].time;
    step.at_risk = static_cast<int>(sorted.size() - i);
    for (; i < sorted.size() && sorted[i].time == step.time; ++i)
      ++(sorted[i].event ? step.events : step.censored);
    if (step.events > 0) {
      const double n = step.at_risk;
      const double d = step.events;
      survival *= 1.0 - d / n;
      if (step.events < step.at_risk) greenwood += d / (n * (n - d));
    }
    step.survival = survival;
    if (survival <= 0.0) {
      step.variance = 0.0;
      step.lower = step.upper = 0.0;
    } else {
      step.variance = survival * survival * greenwood;
      if (greenwood > 0.0) {
        const double sigma = std::sqrt(greenwood) / std::fabs(std::log(survival));
        step.lower = std::pow(survival, std::exp(z * sigma));
        step.upper = std::pow(survival, std::exp(-z * sigma));
      }
    }
    curve.steps.push_back(step);
  }
  return curve;
}

double survival_at(const KaplanMeierCurve& curve, double t) {
  double s = 1.0;
  for (const KaplanMeierStep& step : curve.steps) {
    if (step.time > t) break;
    s = step.survival;
  }
  return s;
}

double restricted_mean_survival(const KaplanMeierCurve& curve, double horizon) {
  if (!std::isfinite(horizon) || horizon < 0.0)
    throw Error("restricted mean survival: the horizon must be finite and >= 0");
  double area = 0.0;
  double from = 0.0;
  double s = 1.0;
  for (const KaplanMeierStep& step : curve.steps) {
    if (step.time >= horizon) break;
    area += s * (step.time - from);
    from = step.time;
    s = step.survival;
  }
  return area + s * (horizon - from);
}

MedianSurvival median_survival(const KaplanMeierCurve& curve) {
  MedianSurvival m;
  const auto& steps = curve.steps;
  for (std::size_t k = 0; k < steps.size(); ++k) {
    if (steps[k].events == 0) continue;
    if (!m.median && steps[k].survival <= 0.5 + kHalfTolerance) {
      m.median = steps[k].time;
      if (std::fabs(steps[k].survival - 0.5) <= kHalfTolerance)
        for (std::size_t j = k + 1; j < steps.size(); ++j)
          if (steps[j].events > 0) {
            m.median = 0.5 * (steps[k].time + steps[j].time);
            break;
          }
    }
    if (!m.lower && steps[k].lower <= 0.5) m.lower = steps[k].time;
    if (!m.upper && steps[k].upper <= 0.5) m.upper = steps[k].time;
  }
  return m;
}

LogRankResult log_rank_test(std::span<const ArmSurvivalTime> data) {
  check_times(data, "log-rank test");
  LogRankResult r;
  for (const EventTime& e : event_table(data)) {
    const double n = e.at_risk[0] + e.at_risk[1];
    const double n1 = e.at_risk[1];
    const double d = e.events[0] + e.events[1];
    r.observed_1 += e.events[1];
    r.expected_1 += d * n1 / n;
    if (n > 1.0) r.variance += d * (n1 / n) * (1.0 - n1 / n) * (n - d) / (n - 1.0);
  }
  if (!(r.variance > 0.0)) throw Error("log-rank test: zero variance (no informative event time)");
  const double diff = r.observed_1 - r.expected_1;
  r.chi_square = diff * diff / r.variance;
  r.p_value = chi_square_1_p_value(r.chi_square);
  return r;
}

CoxResult cox_binary(std::span<const ArmSurvivalTime> data, TieMethod ties, double confidence) {
  check_times(data, "Cox model");
  const double z = two_sided_z(confidence);
  int events[2] = {0, 0};
  for (const ArmSurvivalTime& d : data)
    if (d.event) ++events[d.arm];
  if (events[0] == 0 || events[1] == 0)
    throw Error("Cox model: an arm has no event, the likelihood is monotone and the HR is infinite");

  const std::vector<EventTime> table = event_table(data);
  constexpr int kMaxIterations = 50;
  constexpr double kMaxAbsBeta = 30.0;
  CoxResult r;
  r.ties = ties;
  double beta = 0.0;
  Partial at = partial_likelihood(table, beta, ties);
  const Partial null = at;
  bool converged = false;
  for (int it = 1; it <= kMaxIterations && !converged; ++it) {
    r.iterations = it;
    if (!(at.information > 0.0)) throw Error("Cox model: non-positive information");
    const double newton = at.score / at.information;
    converged = std::fabs(newton) < 1e-12 * (1.0 + std::fabs(beta));
    // Halve only on a decrease beyond rounding noise of the log likelihood.
    double step = newton;
    Partial next = partial_likelihood(table, beta + step, ties);
    for (int halving = 0; halving < 30 && next.loglik < at.loglik - 1e-12 * std::fabs(at.loglik);
         ++halving) {
      step *= 0.5;
      next = partial_likelihood(table, beta + step, ties);
    }
    beta += step;
    at = next;
    if (std::fabs(beta) > kMaxAbsBeta)
      throw Error("Cox model: |log HR| exceeds 30, the likelihood looks monotone");
  }
  if (!converged) throw Error("Cox model: Newton-Raphson did not converge in 50 iterations");

  r.log_hr = beta;
  r.hr = std::exp(beta);
  r.se = 1.0 / std::sqrt(at.information);
  r.lower = std::exp(beta - z * r.se);
  r.upper = std::exp(beta + z * r.se);
  r.wald_chi_square = (beta / r.se) * (beta / r.se);
  r.wald_p = chi_square_1_p_value(r.wald_chi_square);
  r.lr_chi_square = std::max(0.0, 2.0 * (at.loglik - null.loglik));
  r.lr_p = chi_square_1_p_value(r.lr_chi_square);
  r.score_chi_square = null.score * null.score / null.information;
  r.score_p = chi_square_1_p_value(r.score_chi_square);
  return r;
}

}  // namespace icbsim::readout
