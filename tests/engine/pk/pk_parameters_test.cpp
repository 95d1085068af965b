// Covariate resolution: every effect form against a hand computation, the pass order, unset
// covariates, derived covariates, and validation of non-physical parameters.
#include "engine/pk/pk_parameters.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "engine/core/errors.hpp"

namespace pk = icbsim::pk;
using pk::Covariate;
using pk::EffectForm;
using pk::PkParameter;

namespace {

pk::PkModelSpec base() {
  pk::PkModelSpec m;
  m.name = "test model";
  m.typical.cl0 = 0.2;
  m.typical.vc = 3.0;
  m.typical.q2 = 0.5;
  m.typical.v2 = 2.0;
  return m;
}

double cl_with(const pk::CovariateEffect& e, const pk::PatientCovariates& p = {}) {
  pk::PkModelSpec m = base();
  m.effects.push_back(e);
  return pk::resolve(m, p).cl0;
}

}  // namespace

TEST_CASE("each covariate effect form", "[pk][covariates]") {
  pk::PatientCovariates p;  // 70 kg, male, NSCLC, ECOG 0
  p.albumin = 35.0;
  p.ldh = 300.0;
  CHECK(cl_with({PkParameter::kCl0, Covariate::kWeight, EffectForm::kPower, 0.595, 76.8}, p) ==
        Approx(0.2 * std::pow(70 / 76.8, 0.595)));
  CHECK(cl_with({PkParameter::kCl0, Covariate::kLdh, EffectForm::kPowerOfLog, 0.703, 217}, p) ==
        Approx(0.2 * std::pow(std::log(300.0) / std::log(217.0), 0.703)));
  CHECK(cl_with({PkParameter::kCl0, Covariate::kAlbumin, EffectForm::kLinear, -0.035, 38}, p) ==
        Approx(0.2 * (1 - 0.035 * (35 - 38))));
  CHECK(cl_with({PkParameter::kCl0, Covariate::kMale, EffectForm::kExpIndicator, 0.165, 0}, p) ==
        Approx(0.2 * std::exp(0.165)));
  CHECK(cl_with({PkParameter::kCl0, Covariate::kNsclc, EffectForm::kLinearIndicator, 0.145, 0}, p) ==
        Approx(0.2 * 1.145));
  CHECK(cl_with({PkParameter::kCl0, Covariate::kFemale, EffectForm::kPowerIndicator, 0.857, 0}, p) == Approx(0.2));
  p.sex = pk::Sex::kFemale;
  CHECK(cl_with({PkParameter::kCl0, Covariate::kFemale, EffectForm::kPowerIndicator, 0.857, 0}, p) ==
        Approx(0.2 * 0.857));
  CHECK(cl_with({PkParameter::kCl0, Covariate::kFemale, EffectForm::kAddIndicator, 0.05, 0}, p) == Approx(0.25));
  CHECK(cl_with({PkParameter::kCl0, Covariate::kWeight, EffectForm::kAddLinear, 0.01, 60}, p) == Approx(0.3));
  CHECK(cl_with({PkParameter::kCl0, Covariate::kFemale, EffectForm::kSetIfIndicator, 0.4, 0}, p) == Approx(0.4));
}

TEST_CASE("unset laboratory covariates leave the patient at the model's reference", "[pk][covariates]") {
  const pk::PatientCovariates typical;  // albumin, SLD, eGFR, CrCL, LDH, sPD-L1 unset
  CHECK(cl_with({PkParameter::kCl0, Covariate::kAlbumin, EffectForm::kPower, -0.907, 39.6}, typical) == Approx(0.2));
  CHECK(cl_with({PkParameter::kCl0, Covariate::kCrcl, EffectForm::kLinear, 0.00149, 85.65}, typical) == Approx(0.2));
}

TEST_CASE("passes: set, then add, then multiply", "[pk][covariates]") {
  pk::PkModelSpec m = base();
  m.typical.emax = 0.151;
  pk::PatientCovariates p;
  p.with_durvalumab = true;
  p.with_nivolumab = true;
  // Written in reverse order on purpose: the result must not depend on it.
  m.effects.push_back({PkParameter::kEmax, Covariate::kWithNivolumab, EffectForm::kLinearIndicator, 1.0, 0});  // ×2
  m.effects.push_back({PkParameter::kEmax, Covariate::kWithNivolumab, EffectForm::kAddIndicator, -0.1, 0});    // −0.1
  m.effects.push_back({PkParameter::kEmax, Covariate::kWithDurvalumab, EffectForm::kSetIfIndicator, -0.187, 0});
  CHECK(pk::resolve(m, p).emax == Approx((-0.187 - 0.1) * 2));
}

TEST_CASE("time-varying clearance", "[pk][covariates]") {
  pk::PkParameters p;
  p.cl0 = 0.2467;
  p.emax = -0.295;
  p.t50 = 58.75;
  p.hill = 3.15;
  CHECK(p.clearance(0.0) == p.cl0);
  CHECK(p.clearance(-3.0) == p.cl0);
  CHECK(p.clearance(58.75) == Approx(0.2467 * std::exp(-0.295 / 2)));
  CHECK(p.clearance(1e6) == Approx(p.clearance_limit()).epsilon(1e-12));
}

TEST_CASE("resolution errors", "[pk][covariates]") {
  pk::PatientCovariates p;
  p.albumin = 0.0;
  CHECK_THROWS_WITH(cl_with({PkParameter::kCl0, Covariate::kAlbumin, EffectForm::kPower, -1, 40}, p),
                    Catch::Contains("power effect of 'albumin' on cl0") && Catch::Contains("must be positive"));
  p.albumin = 500.0;  // 1 − 0.035·462 < 0
  CHECK_THROWS_WITH(cl_with({PkParameter::kCl0, Covariate::kAlbumin, EffectForm::kLinear, -0.035, 38}, p),
                    Catch::Contains("test model") && Catch::Contains("cl0 must not be negative"));
  pk::PkParameters bad;
  bad.vc = 0.0;
  CHECK_THROWS_AS(pk::validate(bad), icbsim::Error);
  bad.vc = 1.0;
  bad.q2 = 1.0;
  CHECK_THROWS_WITH(pk::validate(bad), Catch::Contains("q2 > 0 needs"));
}
