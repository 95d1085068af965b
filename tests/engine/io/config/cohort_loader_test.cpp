// cohort_loader: population distributions and correlations, prevalences (numbers or the overlay's
// published value), arms, allocation and strata.
#include <catch2/catch.hpp>

#include "engine/io/config/cohort_loader.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"

namespace {
using icbsim::testing::registry;
}  // namespace

TEST_CASE("population, arms and allocation are read with their units", "[io][cohort]") {
  const auto s = icbsim::load_scenario_text(
      "model: nsclc_icb\ntime: {end: 100 days}\n"
      "population:\n  size: 50\n  distributions:\n"
      "    tumour_growth_rate: {distribution: lognormal, median: 0.35 1/month, cv: 0.3}\n"
      "    tumour_visible: {distribution: uniform, min: 1e8 cells, max: 1e9 cells}\n"
      "  correlations: [{between: [tumour_growth_rate, tumour_visible], rho: 0.4}]\n"
      "  prevalence: {low_tmb: published, antibiotics: 0.5}\n"
      "  include: {tumour_growth_rate: {min: 0.005}}\n"
      "arms: {a: {}, b: {phenotypes: [b2m_loss]}}\nallocation: randomised\nratio: [2, 1]\n",
      "c.yaml", registry());
  REQUIRE(s.population);
  const auto& p = *s.population;
  CHECK(p.size == 50);
  REQUIRE(p.quantities.size() == 2);
  CHECK(p.quantities[0].distribution.a == Approx(0.35 / (365.25 / 12)));  // converted to 1/day
  CHECK(p.quantities[1].target == icbsim::cohort::Target::kInitial);
  CHECK(p.correlation(0, 1) == 0.4);
  CHECK(s.population_factor.rows() == 2);
  REQUIRE(p.overlays.size() == 2);
  CHECK(p.overlays[0].prevalence == p.overlays[0].overlay.prevalence->value);  // "published"
  CHECK(p.overlays[1].prevalence == 0.5);
  CHECK(p.inclusion.front().min == 0.005);
  REQUIRE(s.arms.size() == 2);
  CHECK(s.arms[1].overlays.front().name == "b2m_loss");
  CHECK(s.allocation == icbsim::Allocation::kRandomised);
  CHECK(s.ratio == std::vector<double>{2, 1});
}

TEST_CASE("unknown overlays and impossible correlations are located errors", "[io][cohort]") {
  CHECK_THROWS_WITH(icbsim::load_scenario_text("model: nsclc_icb\ntime: {end: 10 days}\nphenotypes: [b2m_los]\n",
                                               "c.yaml", registry()),
                    Catch::Contains("c.yaml:3:14") && Catch::Contains("did you mean 'b2m_loss'"));
  CHECK_THROWS_WITH(
      icbsim::load_scenario_text(
          "model: kuznetsov1994\ntime: {end: 10 days}\npopulation:\n  size: 5\n  distributions:\n"
          "    a: {distribution: uniform, min: 0.1, max: 0.2}\n    b: {distribution: uniform, min: 1e-9, max: 2e-9}\n"
          "    n: {distribution: uniform, min: 1e-7, max: 2e-7}\n"
          "  correlations: [{between: [a, b], rho: 0.9}, {between: [a, n], rho: 0.9}, {between: [b, n], rho: -0.9}]\n",
          "c.yaml", registry()),
      Catch::Contains("not positive definite"));
}
