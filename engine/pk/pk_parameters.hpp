// Population-PK parameters: the typical values of a published model, its covariate effects, and
// resolve(), which turns them into the parameters of one patient.
#pragma once

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/enum_table.hpp"
#include "engine/pk/patient_covariates.hpp"

namespace icbsim::pk {

/// Parameters of the 2-/3-compartment model with time-varying and saturable clearance, for one
/// patient (or the typical values of a model). Engine units: L, L/day, day, mg/day, mg/L.
struct PkParameters {
  double cl0 = 0.0;   ///< linear clearance at the first dose [L/day]
  double vc = 1.0;    ///< central volume [L]
  double q2 = 0.0;    ///< inter-compartmental clearance central <-> 2nd compartment [L/day]
  double v2 = 0.0;    ///< volume of the 2nd compartment [L]; 0 = none
  double q3 = 0.0;    ///< inter-compartmental clearance central <-> 3rd compartment [L/day]
  double v3 = 0.0;    ///< volume of the 3rd compartment [L]; 0 = none
  double emax = 0.0;  ///< time-varying CL: log-fold change at t -> infinity [-]; 0 = stationary
  double t50 = 1.0;   ///< time-varying CL: time of half the change [day]
  double hill = 1.0;  ///< time-varying CL: Hill coefficient [-]
  double vmax = 0.0;  ///< parallel Michaelis–Menten elimination capacity [mg/day]; 0 = none
  double km = 1.0;    ///< Michaelis–Menten constant [mg/L]

  /// CL(t) = CL0·exp(Emax·t^hill/(T50^hill + t^hill)) [L/day], t = days since the first dose
  /// (t <= 0 gives CL0).
  double clearance(double t_since_first_dose) const {
    if (emax == 0.0 || t_since_first_dose <= 0.0) return cl0;
    const double fraction = 1.0 / (1.0 + std::pow(t50 / t_since_first_dose, hill));
    return cl0 * std::exp(emax * fraction);
  }
  /// CL at t -> infinity [L/day].
  double clearance_limit() const { return cl0 * std::exp(emax); }
  /// True when the model is linear (no Michaelis–Menten term) and stationary (no time-varying CL).
  bool is_linear_stationary() const { return emax == 0.0 && vmax == 0.0; }
};

/// Names of the PkParameters fields, as a covariate model and the catalogue write them.
enum class PkParameter { kCl0, kVc, kQ2, kV2, kQ3, kV3, kEmax, kT50, kHill, kVmax, kKm };
inline constexpr EnumTable<PkParameter, 11> kPkParameterNames{{{
    {PkParameter::kCl0, "cl0"},
    {PkParameter::kVc, "vc"},
    {PkParameter::kQ2, "q2"},
    {PkParameter::kV2, "v2"},
    {PkParameter::kQ3, "q3"},
    {PkParameter::kV3, "v3"},
    {PkParameter::kEmax, "emax"},
    {PkParameter::kT50, "t50"},
    {PkParameter::kHill, "hill"},
    {PkParameter::kVmax, "vmax"},
    {PkParameter::kKm, "km"},
}}};

/// The engine unit of a parameter ("L/day", "L", "day", "", "mg/day", "mg/L").
std::string_view pk_parameter_unit(PkParameter p);
double& field(PkParameters& params, PkParameter p);
double field(const PkParameters& params, PkParameter p);

/// Functional forms of covariate effects found in the catalogue's published models (X = covariate value, f = 0/1
/// indicator, P = the parameter). Applied in three passes: set_if_indicator, then additive terms,
/// then multiplicative factors.
enum class EffectForm {
  kPower,            ///< P ·= (X/ref)^θ
  kPowerOfLog,       ///< P ·= (ln X / ln ref)^θ            (Sanghavi 2020 LDH)
  kLinear,           ///< P ·= 1 + θ·(X − ref)                (Baverel 2018; θ per covariate unit)
  kExpIndicator,     ///< P ·= exp(θ·f)
  kLinearIndicator,  ///< P ·= 1 + θ·f
  kPowerIndicator,   ///< P ·= θ^f
  kAddIndicator,     ///< P += θ·f                            (additive shift, e.g. of Emax)
  kAddLinear,        ///< P += θ·(X − ref)                    (θ in parameter unit per covariate unit)
  kSetIfIndicator,   ///< P  = θ when f = 1                   (regimen-specific value)
};
inline constexpr EnumTable<EffectForm, 9> kEffectFormNames{{{
    {EffectForm::kPower, "power"},
    {EffectForm::kPowerOfLog, "power_of_log"},
    {EffectForm::kLinear, "linear"},
    {EffectForm::kExpIndicator, "exp_indicator"},
    {EffectForm::kLinearIndicator, "linear_indicator"},
    {EffectForm::kPowerIndicator, "power_indicator"},
    {EffectForm::kAddIndicator, "add_indicator"},
    {EffectForm::kAddLinear, "add_linear"},
    {EffectForm::kSetIfIndicator, "set_if_indicator"},
}}};

/// True for the forms that read a 0/1 indicator (the others need a continuous covariate and a
/// reference value).
bool is_indicator_form(EffectForm f);

/// One covariate effect on one parameter. θ and the reference are in engine units: the reference
/// in covariate_unit(covariate); θ of the linear forms per that unit.
struct CovariateEffect {
  PkParameter parameter = PkParameter::kCl0;
  Covariate covariate = Covariate::kWeight;
  EffectForm form = EffectForm::kPower;
  double theta = 0.0;
  double reference = 0.0;  ///< unused by indicator forms
};

/// A published population-PK model: typical values at its reference covariates plus effects.
struct PkModelSpec {
  std::string name;      ///< e.g. "Ahamadi 2017"
  PkParameters typical;  ///< at the model's reference covariates
  std::vector<CovariateEffect> effects;
  std::string source;  ///< paper, table (and transcription) of the values
};

/// The parameters of patient `patient` under `model`. A continuous covariate the patient leaves
/// unset contributes no effect (the patient is at the model's reference). Throws icbsim::Error for
/// a covariate value outside a form's domain (e.g. a non-positive value under a power) or for
/// resolved parameters that are not physical (validate()).
PkParameters resolve(const PkModelSpec& model, const PatientCovariates& patient);

/// Throws icbsim::Error naming the first non-physical value: non-finite, Vc <= 0, negative
/// clearances or volumes, a peripheral clearance without volume, T50/hill/Km <= 0.
void validate(const PkParameters& params);

}  // namespace icbsim::pk
