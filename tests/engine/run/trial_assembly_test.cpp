// engine/run/trial_assembly: the runner's and the merger's report is the cohort report over the
// plan's arms, the population's mechanisms in declaration order and the scenario's strata.
#include <catch2/catch.hpp>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/run/trial_assembly.hpp"
#include "tests/support/builtin_registry.hpp"

using icbsim::testing::registry;

TEST_CASE("the trial report is assembled over the plan's arms and the population's mechanisms", "[run][report]") {
  const icbsim::Scenario s =
      icbsim::load_scenario_file(std::string(ICBSIM_SOURCE_DIR) + "/tests/data/kuznetsov_cohort.yaml", registry());
  const icbsim::Plan plan(s);
  const std::vector<std::string> mechanisms = icbsim::reported_mechanisms(s);
  REQUIRE(s.population);
  REQUIRE(mechanisms.size() == s.population->overlays.size());
  for (std::size_t i = 0; i < mechanisms.size(); ++i) CHECK(mechanisms[i] == s.population->overlays[i].overlay.name);

  // Two finished tasks per arm: the report has each arm's "all" group and its carrier groups.
  std::vector<icbsim::cohort::TaskSummary> tasks;
  for (std::uint16_t arm = 0; arm < plan.arm_names().size(); ++arm)
    for (int k = 0; k < 2; ++k) {
      icbsim::cohort::TaskSummary t;
      t.arm = arm;
      t.ok = true;
      t.carries.assign(mechanisms.size(), k == 0);
      tasks.push_back(t);
    }
  const icbsim::cohort::TrialReport r = icbsim::assemble_trial_report(s, plan, tasks);
  const icbsim::cohort::TrialReport direct = icbsim::cohort::make_trial_report(tasks, plan.arm_names(), mechanisms, {});
  CHECK(r.text == direct.text);
  CHECK(r.groups.size() == plan.arm_names().size() * (1 + 2 * mechanisms.size()));
  CHECK(r.groups[0].arm == plan.arm_names()[0]);
}
