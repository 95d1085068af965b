// Dose breakpoints and infusion rates.
#include <catch2/catch.hpp>

#include "engine/ode/breakpoints.hpp"

TEST_CASE("breakpoints are the sorted unique dose starts and infusion ends inside the span", "[ode][dosing]") {
  const std::vector<icbsim::DoseEvent> doses = {{21, 0, 200, 1.0 / 48}, {0, 0, 200, 1.0 / 48}, {50, 0, 1, 0}, {-3, 0, 1, 0}};
  const auto cuts = icbsim::dose_breakpoints(0, 42, doses);
  CHECK(cuts == std::vector<double>{0, 1.0 / 48, 21, 21 + 1.0 / 48, 42});
}

TEST_CASE("infusion rates are active from the start of an infusion until (not including) its end", "[ode][dosing]") {
  const std::vector<icbsim::DoseEvent> doses = {{1, 0, 10, 2}, {2, 1, 6, 3}};
  std::vector<double> rates(2);
  icbsim::infusion_rates_at(0.5, doses, rates);
  CHECK(rates == std::vector<double>{0, 0});
  icbsim::infusion_rates_at(2, doses, rates);
  CHECK(rates == std::vector<double>{5, 2});
  icbsim::infusion_rates_at(3, doses, rates);
  CHECK(rates == std::vector<double>{0, 2});
}
