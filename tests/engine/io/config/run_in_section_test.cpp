// engine/io/config/run_in_section: run_in: read into held and scaled state indices, period and
// rounds (days from any time unit), and written back so that the resolved scenario reads the same.
#include <catch2/catch.hpp>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/config/scenario_writer.hpp"
#include "tests/support/builtin_registry.hpp"

using icbsim::testing::registry;

TEST_CASE("run_in: is read into state indices and days and written back", "[io][run-in]") {
  const icbsim::Scenario s = icbsim::load_scenario_text(
      "model: kuznetsov1994\ntime: {end: 10 days, output_every: 1 day}\n"
      "run_in: {hold: [T], scale: [E], period: 4 weeks, rounds: 3}\n",
      "run_in.yaml", registry());
  REQUIRE(s.run_in);
  CHECK(s.run_in->held == std::vector<std::size_t>{1});
  CHECK(s.run_in->scaled == std::vector<std::size_t>{0});
  CHECK(s.run_in->period == 28.0);
  CHECK(s.run_in->rounds == 3);
  const std::string resolved = icbsim::resolved_scenario_yaml(s);
  const icbsim::Scenario again = icbsim::load_scenario_text(resolved, "resolved.yaml", registry());
  REQUIRE(again.run_in);
  CHECK(again.run_in->held == s.run_in->held);
  CHECK(again.run_in->scaled == s.run_in->scaled);
  CHECK(again.run_in->period == s.run_in->period);
  CHECK(again.run_in->rounds == s.run_in->rounds);
}
