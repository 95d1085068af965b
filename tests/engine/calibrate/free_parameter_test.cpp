// Free parameters: the unit-box transform and writing values into a scenario.
#include <catch2/catch.hpp>

#include "engine/calibrate/free_parameter.hpp"
#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "models/register_builtin.hpp"

using namespace icbsim;
using namespace icbsim::calibrate;

namespace {
/// The Kuznetsov cohort fixture; `registry` must outlive the scenario (it points to its model).
Scenario kuznetsov_cohort(const ModelRegistry& registry) {
  return load_scenario_file(std::string(ICBSIM_SOURCE_DIR) + "/tests/data/kuznetsov_cohort.yaml", registry);
}
FreeParameter distribution(const std::string& name, Field field, double lower, double upper, Scale scale) {
  FreeParameter p;
  p.quantity = Quantity::kDistribution;
  p.target = name;
  p.field = field;
  p.lower = lower;
  p.upper = upper;
  p.scale = scale;
  return p;
}
}  // namespace

TEST_CASE("the linear transform maps the bounds to 0 and 1 and round-trips", "[calibrate]") {
  const FreeParameter p = distribution("a", Field::kMedian, -2.0, 6.0, Scale::kLinear);
  CHECK(to_unit(p, -2.0) == 0.0);
  CHECK(to_unit(p, 6.0) == 1.0);
  CHECK(to_unit(p, 0.0) == Approx(0.25));
  CHECK(from_unit(p, 0.75) == Approx(4.0));
  CHECK(from_unit(p, to_unit(p, 1.2345)) == Approx(1.2345).epsilon(1e-14));
  CHECK(to_unit(p, 100.0) == 1.0);   // clamped
  CHECK(from_unit(p, -0.5) == -2.0);  // clamped
}

TEST_CASE("the log transform is geometric between the bounds", "[calibrate]") {
  const FreeParameter p = distribution("a", Field::kMedian, 0.01, 100.0, Scale::kLog);
  CHECK(from_unit(p, 0.5) == Approx(1.0));
  CHECK(from_unit(p, 0.25) == Approx(0.1));
  CHECK(to_unit(p, 10.0) == Approx(0.75));
  CHECK(from_unit(p, to_unit(p, 0.0371)) == Approx(0.0371).epsilon(1e-13));
}

TEST_CASE("free parameters write distribution fields, prevalences, correlations and model parameters", "[calibrate]") {
  const ModelRegistry registry = models::builtin_registry();
  Scenario s = kuznetsov_cohort(registry);
  const FreeParameter median = distribution("a", Field::kMedian, 0.01, 1.0, Scale::kLog);
  apply(median, 0.25, s);
  CHECK(s.population->quantities[0].distribution.a == 0.25);
  CHECK(current_value(median, s) == 0.25);

  FreeParameter prevalence;
  prevalence.quantity = Quantity::kPrevalence;
  prevalence.target = "b2m_loss";
  apply(prevalence, 0.6, s);
  CHECK(s.population->overlays[0].prevalence == 0.6);

  FreeParameter rho;
  rho.quantity = Quantity::kCorrelation;
  rho.target = "a";
  rho.second_target = "s";
  apply(rho, -0.4, s);
  CHECK(s.population->correlation(0, 1) == -0.4);
  CHECK(s.population->correlation(1, 0) == -0.4);
  CHECK((s.population_factor * s.population_factor.transpose() - s.population->correlation).norm() < 1e-12);

  FreeParameter model;
  model.quantity = Quantity::kModelParameter;
  model.target = "n";
  apply(model, 2e-7, s);
  CHECK(s.parameters[static_cast<std::size_t>(s.model->parameter_index("n"))] == 2e-7);
}

TEST_CASE("invalid free-parameter values are refused", "[calibrate]") {
  const ModelRegistry registry = models::builtin_registry();
  Scenario s = kuznetsov_cohort(registry);
  CHECK_THROWS_WITH(apply(distribution("a", Field::kMean, 0, 1, Scale::kLinear), 0.5, s),
                    Catch::Contains("lognormal distribution of 'a' has no field 'mean'"));
  CHECK_THROWS_WITH(apply(distribution("zz", Field::kMedian, 0, 1, Scale::kLinear), 0.5, s),
                    Catch::Contains("no distribution of 'zz'"));
  CHECK_THROWS_AS(apply(distribution("a", Field::kCv, 0, 1, Scale::kLinear), -0.1, s), Error);  // cv must be > 0
  FreeParameter drawn;
  drawn.quantity = Quantity::kModelParameter;
  drawn.target = "a";
  CHECK_THROWS_WITH(apply(drawn, 0.1, s), Catch::Contains("drawn from the population's distribution"));
  FreeParameter rho;
  rho.quantity = Quantity::kCorrelation;
  rho.target = "a";
  rho.second_target = "s";
  CHECK_THROWS_AS(apply(rho, 1.5, s), Error);  // not a correlation matrix
}
