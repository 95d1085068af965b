// Covariate resolution of population-PK parameters.
#include "engine/pk/pk_parameters.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "engine/core/errors.hpp"

namespace icbsim::pk {

std::string_view pk_parameter_unit(PkParameter p) {
  switch (p) {
    case PkParameter::kCl0:
    case PkParameter::kQ2:
    case PkParameter::kQ3: return "L/day";
    case PkParameter::kVc:
    case PkParameter::kV2:
    case PkParameter::kV3: return "L";
    case PkParameter::kT50: return "day";
    case PkParameter::kEmax:
    case PkParameter::kHill: return "";
    case PkParameter::kVmax: return "mg/day";
    case PkParameter::kKm: return "mg/L";
  }
  return "";
}

double& field(PkParameters& params, PkParameter p) {
  switch (p) {
    case PkParameter::kCl0: return params.cl0;
    case PkParameter::kVc: return params.vc;
    case PkParameter::kQ2: return params.q2;
    case PkParameter::kV2: return params.v2;
    case PkParameter::kQ3: return params.q3;
    case PkParameter::kV3: return params.v3;
    case PkParameter::kEmax: return params.emax;
    case PkParameter::kT50: return params.t50;
    case PkParameter::kHill: return params.hill;
    case PkParameter::kVmax: return params.vmax;
    case PkParameter::kKm: return params.km;
  }
  throw Error("unknown PK parameter");
}

double field(const PkParameters& params, PkParameter p) { return field(const_cast<PkParameters&>(params), p); }

bool is_indicator_form(EffectForm f) {
  switch (f) {
    case EffectForm::kPower:
    case EffectForm::kPowerOfLog:
    case EffectForm::kLinear:
    case EffectForm::kAddLinear: return false;
    default: return true;
  }
}

namespace {

std::string describe(const CovariateEffect& e) {
  return std::string(kEffectFormNames.name(e.form)) + " effect of '" + std::string(kCovariateNames.name(e.covariate)) +
         "' on " + std::string(kPkParameterNames.name(e.parameter));
}

enum class Pass { kSet, kAdd, kMultiply };

Pass pass_of(EffectForm f) {
  switch (f) {
    case EffectForm::kSetIfIndicator: return Pass::kSet;
    case EffectForm::kAddIndicator:
    case EffectForm::kAddLinear: return Pass::kAdd;
    default: return Pass::kMultiply;
  }
}

/// Applies one effect to `value` (the parameter so far); `x` is the covariate value.
double apply(const CovariateEffect& e, double value, double x) {
  const double ref = e.reference;
  switch (e.form) {
    case EffectForm::kPower:
      if (!(x > 0.0)) throw Error(describe(e) + ": the covariate must be positive, got " + std::to_string(x));
      return value * std::pow(x / ref, e.theta);
    case EffectForm::kPowerOfLog: {
      if (!(x > 1.0)) throw Error(describe(e) + ": the covariate must exceed 1, got " + std::to_string(x));
      return value * std::pow(std::log(x) / std::log(ref), e.theta);
    }
    case EffectForm::kLinear: return value * (1.0 + e.theta * (x - ref));
    case EffectForm::kExpIndicator: return value * std::exp(e.theta * x);
    case EffectForm::kLinearIndicator: return value * (1.0 + e.theta * x);
    case EffectForm::kPowerIndicator: return value * std::pow(e.theta, x);
    case EffectForm::kAddIndicator: return value + e.theta * x;
    case EffectForm::kAddLinear: return value + e.theta * (x - ref);
    case EffectForm::kSetIfIndicator: return x != 0.0 ? e.theta : value;
  }
  return value;
}

}  // namespace

PkParameters resolve(const PkModelSpec& model, const PatientCovariates& patient) {
  PkParameters out = model.typical;
  for (Pass pass : {Pass::kSet, Pass::kAdd, Pass::kMultiply}) {
    for (const CovariateEffect& e : model.effects) {
      if (pass_of(e.form) != pass) continue;
      const std::optional<double> x = covariate_value(patient, e.covariate);
      if (!x) continue;  // unset: the patient is at the model's reference value
      double& p = field(out, e.parameter);
      p = apply(e, p, *x);
    }
  }
  try {
    validate(out);
  } catch (const Error& err) {
    throw Error("PK model '" + model.name + "' for this patient: " + err.what());
  }
  return out;
}

void validate(const PkParameters& p) {
  const auto check = [](bool ok, std::string_view what, double v) {
    if (!ok) {
      std::ostringstream s;
      s << what << " (got " << v << ")";
      throw Error(s.str());
    }
  };
  for (const auto& [id, name] : kPkParameterNames.entries) check(std::isfinite(field(p, id)), name, field(p, id));
  check(p.vc > 0.0, "central volume vc must be positive", p.vc);
  check(p.cl0 >= 0.0, "clearance cl0 must not be negative", p.cl0);
  check(p.q2 >= 0.0 && p.q3 >= 0.0, "inter-compartmental clearances must not be negative", std::min(p.q2, p.q3));
  check(p.v2 >= 0.0 && p.v3 >= 0.0, "peripheral volumes must not be negative", std::min(p.v2, p.v3));
  check(p.q2 == 0.0 || p.v2 > 0.0, "q2 > 0 needs a 2nd compartment volume v2 > 0", p.v2);
  check(p.q3 == 0.0 || p.v3 > 0.0, "q3 > 0 needs a 3rd compartment volume v3 > 0", p.v3);
  check(p.t50 > 0.0, "t50 must be positive", p.t50);
  check(p.hill > 0.0, "hill must be positive", p.hill);
  check(p.vmax >= 0.0, "vmax must not be negative", p.vmax);
  check(p.km > 0.0, "km must be positive", p.km);
}

}  // namespace icbsim::pk
