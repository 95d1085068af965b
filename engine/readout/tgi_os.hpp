// Overall survival from tumour dynamics (a TGI-OS model): the Stein bi-exponential fitted to a
// patient's tumour-size assessments gives its growth rate, shrinkage rate, baseline size and time to
// growth; a log-normal accelerated-failure-time model (Struemper 2025) turns them and the patient's
// prognostic shift into a survival time, with an optional background hazard as a competing risk.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "engine/core/random_stream.hpp"

namespace icbsim::readout {

/// Stein et al. 2008 bi-exponential tumour size: TS(t) = TSb·(exp(kg·t) + exp(−ks·t) − 1).
struct SteinFit {
  double baseline_mm = 0.0;  ///< TSb [mm]
  double kg_per_week = 0.0;  ///< growth rate constant [1/week]
  double ks_per_week = 0.0;  ///< shrinkage rate constant [1/week]
  double ttg_weeks = 0.0;    ///< time to growth, max(0, ln(ks/kg)/(kg + ks)) [week]
};

/// Least-squares fit of the Stein model to tumour sizes `sld_mm` at `weeks` (from treatment start,
/// ascending, the first at 0); TSb is profiled out (linear given kg, ks), kg and ks searched on a
/// log grid over [1e-4, 2]/week and refined by pattern search. Deterministic.
SteinFit fit_stein(std::span<const double> weeks, std::span<const double> sld_mm);

/// Log-normal AFT overall-survival model; defaults are the final NSCLC model of Struemper 2025
/// (CPT Pharmacometrics Syst Pharmacol 14:1006, Table 3; 786 patients on anti-PD-1, docetaxel and
/// combinations): log T[day] = μ + σ·Z,
/// μ = intercept + emax·kg/(kg + ec50) + baseline_slope·(TSb − 100) + ttg_slope·(TTG − 39.9) + shift.
/// Its laboratory covariates (albumin, total protein, NLR) sit at their reference values.
struct TgiOsModel {
  double intercept = 6.94;               ///< μ at the reference patient [log day]
  double log_sigma = -0.331;             ///< log of the SD of log T
  double kg_emax = -6.91;                ///< maximal effect of the growth rate on μ (fixed)
  double kg_ec50 = 0.109;                ///< growth rate for half of it [1/week]
  double baseline_slope = -0.00366;      ///< per mm of baseline tumour size [1/mm]
  double baseline_reference_mm = 100.0;  ///< [mm]
  double ttg_slope = 0.0124;             ///< per week of time to growth [1/week]
  double ttg_reference_weeks = 39.9;     ///< [week]
  double background_per_day = 0.0;       ///< competing death hazard from other causes [1/day]
  /// Model parameter holding the patient's prognostic shift of log survival time (host factors,
  /// baseline covariates; none: 0).
  std::optional<std::size_t> prognosis_parameter;
  /// Further baseline covariates: model parameter and its effect on log survival time per unit.
  struct Covariate {
    std::size_t parameter = 0;
    double per_unit = 0.0;  ///< [log day per unit of the parameter]
  };
  std::vector<Covariate> covariates;

  /// The prognostic shift [log day] of a patient with model parameters `p`.
  double prognostic_shift(std::span<const double> p) const;

  /// μ [log day] of a patient with the fitted tumour dynamics and prognostic shift.
  double location(const SteinFit& fit, double prognostic_shift) const;
  /// Survival time [day] of a patient with location `mu` and standard-normal draw `z`, before the
  /// competing background death.
  double survival_days(double mu, double z) const;
};

/// One patient's survival draws: the standard-normal deviate of log T and a unit exponential for the
/// background death (time = draw / background hazard).
struct SurvivalDraw {
  double z = 0.0;
  double background = 0.0;
};
SurvivalDraw draw_survival(RandomEngine& rng);

/// Overall survival time [day from treatment start] of a patient: the earlier of the TGI-OS time and
/// the background death.
double overall_survival_days(const TgiOsModel& model, const SteinFit& fit, double prognostic_shift,
                             const SurvivalDraw& draw);

}  // namespace icbsim::readout
