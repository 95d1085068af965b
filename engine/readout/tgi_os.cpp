// Stein bi-exponential fit and the log-normal TGI-OS survival time.
#include "engine/readout/tgi_os.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>

#include "engine/core/errors.hpp"

namespace icbsim::readout {
namespace {

/// Residual sum of squares with TSb profiled out; writes the best TSb.
double profiled_rss(std::span<const double> weeks, std::span<const double> y, double kg, double ks, double& tsb) {
  double fy = 0.0, ff = 0.0;
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    const double f = std::exp(kg * weeks[i]) + std::exp(-ks * weeks[i]) - 1.0;
    fy += f * y[i];
    ff += f * f;
  }
  tsb = ff > 0.0 ? std::max(0.0, fy / ff) : 0.0;
  double rss = 0.0;
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    const double r = y[i] - tsb * (std::exp(kg * weeks[i]) + std::exp(-ks * weeks[i]) - 1.0);
    rss += r * r;
  }
  return std::isfinite(rss) ? rss : std::numeric_limits<double>::infinity();
}

}  // namespace

SteinFit fit_stein(std::span<const double> weeks, std::span<const double> sld_mm) {
  if (weeks.size() != sld_mm.size() || weeks.size() < 3)
    throw Error("TGI-OS: the Stein fit needs at least three tumour assessments");
  const double lo = std::log(1e-4), hi = std::log(2.0);
  constexpr int kGrid = 41;
  double best = std::numeric_limits<double>::infinity(), best_g = lo, best_s = lo, tsb = 0.0;
  for (int a = 0; a < kGrid; ++a)
    for (int b = 0; b < kGrid; ++b) {
      const double lg = lo + (hi - lo) * a / (kGrid - 1), ls = lo + (hi - lo) * b / (kGrid - 1);
      const double rss = profiled_rss(weeks, sld_mm, std::exp(lg), std::exp(ls), tsb);
      if (rss < best) {
        best = rss;
        best_g = lg;
        best_s = ls;
      }
    }
  // Pattern search on (log kg, log ks) from the grid's best point, step halved until 1e-6.
  for (double step = (hi - lo) / (kGrid - 1); step > 1e-6; step *= 0.5) {
    bool moved = true;
    while (moved) {
      moved = false;
      const double moves[4][2] = {{step, 0}, {-step, 0}, {0, step}, {0, -step}};
      for (const auto& m : moves) {
        const double lg = std::clamp(best_g + m[0], lo, hi), ls = std::clamp(best_s + m[1], lo, hi);
        const double rss = profiled_rss(weeks, sld_mm, std::exp(lg), std::exp(ls), tsb);
        if (rss < best * (1.0 - 1e-12)) {
          best = rss;
          best_g = lg;
          best_s = ls;
          moved = true;
        }
      }
    }
  }
  SteinFit fit;
  fit.kg_per_week = std::exp(best_g);
  fit.ks_per_week = std::exp(best_s);
  profiled_rss(weeks, sld_mm, fit.kg_per_week, fit.ks_per_week, fit.baseline_mm);
  fit.ttg_weeks = std::max(0.0, (best_s - best_g) / (fit.kg_per_week + fit.ks_per_week));
  return fit;
}

double TgiOsModel::location(const SteinFit& fit, double prognostic_shift) const {
  return intercept + kg_emax * fit.kg_per_week / (fit.kg_per_week + kg_ec50) +
         baseline_slope * (fit.baseline_mm - baseline_reference_mm) +
         ttg_slope * (fit.ttg_weeks - ttg_reference_weeks) + prognostic_shift;
}

double TgiOsModel::prognostic_shift(std::span<const double> p) const {
  double shift = prognosis_parameter ? p[*prognosis_parameter] : 0.0;
  for (const Covariate& c : covariates) shift += c.per_unit * p[c.parameter];
  return shift;
}

double TgiOsModel::survival_days(double mu, double z) const { return std::exp(mu + std::exp(log_sigma) * z); }

SurvivalDraw draw_survival(RandomEngine& rng) {
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  boost::random::exponential_distribution<double> unit(1.0);
  SurvivalDraw d;
  d.z = normal(rng);
  d.background = unit(rng);
  return d;
}

double overall_survival_days(const TgiOsModel& model, const SteinFit& fit, double prognostic_shift,
                             const SurvivalDraw& draw) {
  const double tumour = model.survival_days(model.location(fit, prognostic_shift), draw.z);
  const double other = model.background_per_day > 0.0 ? draw.background / model.background_per_day
                                                      : std::numeric_limits<double>::infinity();
  return std::min(tumour, other);
}

}  // namespace icbsim::readout
