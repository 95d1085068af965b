// Scenario limits: sizes no machine can hold are located errors at loading, with the estimate.
#include <catch2/catch.hpp>

#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_limits.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "tests/support/builtin_registry.hpp"

using icbsim::testing::registry;

TEST_CASE("a scenario past a size limit is refused at loading with its estimate", "[io][config][limits]") {
  const std::string ok = "model: kuznetsov1994\ntime: {end: 10 days}\n";
  CHECK_NOTHROW(icbsim::load_scenario_text(ok, "ok.yaml", registry()));
  const std::string huge = "model: kuznetsov1994\ntime: {end: 10 days}\npopulation: {size: 2000000000}\n";
  CHECK_THROWS_AS(icbsim::load_scenario_text(huge, "huge.yaml", registry()), icbsim::ScenarioError);
  CHECK_THROWS_WITH(icbsim::load_scenario_text(huge, "huge.yaml", registry()), Catch::Contains("huge.yaml:"));
  const std::string far = "model: kuznetsov1994\ntime: {start: 1e14 day, end: 2e14 day}\n";
  CHECK_THROWS_WITH(icbsim::load_scenario_text(far, "far.yaml", registry()), Catch::Contains("far.yaml:"));
  CHECK(icbsim::kMaxTasks == 1e9);
}
