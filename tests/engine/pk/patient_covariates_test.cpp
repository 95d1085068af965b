// Patient covariates: derived covariates (body-surface area, creatinine clearance, indicators).
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/pk/patient_covariates.hpp"

namespace pk = icbsim::pk;
using pk::Covariate;

TEST_CASE("derived covariates", "[pk][covariates]") {
  pk::PatientCovariates p;
  CHECK(*pk::covariate_value(p, Covariate::kBsa) == Approx(std::sqrt(175.0 * 70.0 / 3600.0)));
  CHECK(*pk::covariate_value(p, Covariate::kCrclCockcroftGault) == Approx(80.9375));
  CHECK(*pk::covariate_value(p, Covariate::kEcogAtLeast1) == 0.0);
  p.ecog = 2;
  CHECK(*pk::covariate_value(p, Covariate::kEcogAtLeast1) == 1.0);
  p.height.reset();
  CHECK_FALSE(pk::covariate_value(p, Covariate::kBsa).has_value());
  p.with_tremelimumab = true;
  CHECK(*pk::covariate_value(p, Covariate::kWithTremelimumabAndChemotherapy) == 0.0);
  p.with_chemotherapy = true;
  CHECK(*pk::covariate_value(p, Covariate::kWithTremelimumabAndChemotherapy) == 1.0);
  CHECK_THROWS_WITH(pk::set_indicator(p, Covariate::kFemale, true), Catch::Contains("derived"));
}

