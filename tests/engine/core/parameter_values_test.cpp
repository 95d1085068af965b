// ParameterValues: a model's parameters read by their declared names, resolved at compile time.
#include <catch2/catch.hpp>

#include <array>
#include <vector>

#include "engine/core/errors.hpp"
#include "engine/core/parameter_values.hpp"
#include "models/kuznetsov1994.hpp"

namespace {

constexpr std::array<icbsim::ParameterSpec, 3> kSpecs{{
    {"growth", "1/day", 0.1, 0, icbsim::kUnbounded, "growth rate", "assumed: test"},
    {"kill", "1/day", 0.2, 0, icbsim::kUnbounded, "kill rate", "assumed: test"},
    {"k", "cells", 1e6, 0, icbsim::kUnbounded, "half-saturation", "assumed: test"},
}};

}  // namespace

TEST_CASE("parameters are read by their declared names", "[core][parameters]") {
  const std::vector<double> values{0.5, 0.25, 2e6};
  const icbsim::ParameterValues<kSpecs> par(values);
  CHECK(par.get<"growth">() == 0.5);
  CHECK(par.get<"kill">() == 0.25);
  CHECK(par.get<"k">() == 2e6);
  static_assert(icbsim::ParameterValues<kSpecs>::kSize == 3);
}

TEST_CASE("a model given the wrong number of parameter values refuses them", "[core][parameters]") {
  const std::vector<double> too_few{0.5, 0.25};
  CHECK_THROWS_AS(icbsim::ParameterValues<kSpecs>(too_few), icbsim::Error);
  CHECK_THROWS_WITH(icbsim::models::Kuznetsov1994(too_few), Catch::Contains("2 parameter values for 8"));
}
