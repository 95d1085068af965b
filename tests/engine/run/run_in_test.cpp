// The pre-treatment run-in (engine/run/run_in): held states keep their drawn values, scaled states
// follow the burden, the rounds reach a fixed point, and the scenario section reads and writes back.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/config/scenario_writer.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/run_in.hpp"
#include "tests/support/builtin_registry.hpp"

namespace {

using icbsim::testing::registry;

const char* kScenario = R"(model: kuznetsov1994
time: {end: 30 days}
initial: {T: 2e7 cells, E: 1e5 cells}
run_in: {hold: [T], scale: [E], period: 30 days, rounds: 12}
)";

icbsim::TaskInput task_of(const icbsim::Scenario& s) { return icbsim::Plan(s).task(0); }

}  // namespace

TEST_CASE("the run-in holds the burden and rescales what lives in it", "[run][run-in]") {
  const icbsim::Scenario s = icbsim::load_scenario_text(kScenario, "run_in.yaml", registry());
  REQUIRE(s.run_in);
  const icbsim::ModelInfo& m = *s.model;
  const auto E = static_cast<std::size_t>(m.variable_index("E"));
  const auto T = static_cast<std::size_t>(m.variable_index("T"));
  CHECK(s.run_in->held == std::vector<std::size_t>{T});
  CHECK(s.run_in->scaled == std::vector<std::size_t>{E});
  CHECK(s.run_in->period == 30.0);
  CHECK(s.run_in->rounds == 12);

  const icbsim::TaskInput task = task_of(s);
  CHECK(task.initial_state[T] == 2e7);  // the drawn burden is kept exactly
  CHECK(task.initial_state[E] != 1e5);

  // One round by hand: 30 days untreated, then E scaled by drawn/grown burden.
  icbsim::Scenario one = s;
  one.run_in->rounds = 1;
  icbsim::TaskInput manual;
  manual.parameters = s.parameters;
  manual.initial_state = s.initial_state;
  manual.solver = s.solver;
  manual.t_end = 30.0;
  manual.output_times = {30.0};
  const icbsim::TaskOutput out = m.simulate(manual);
  const double grown_T = out.trajectories[T], grown_E = out.trajectories[E];
  const std::vector<double> x1 = icbsim::run_in_state(m, *one.run_in, manual);
  CHECK(x1[T] == 2e7);
  CHECK(x1[E] == Approx(grown_E * 2e7 / grown_T).epsilon(1e-12));

  // The rounds converge: one more round from the result changes it by less than 0.1 %.
  icbsim::TaskInput again = manual;
  again.initial_state = task.initial_state;
  const std::vector<double> x2 = icbsim::run_in_state(m, *one.run_in, again);
  CHECK(x2[E] == Approx(task.initial_state[E]).epsilon(1e-3));
}

TEST_CASE("without run_in the drawn initial state is used as is", "[run][run-in]") {
  const std::string text = "model: kuznetsov1994\ntime: {end: 30 days}\ninitial: {T: 2e7 cells, E: 1e5 cells}\n";
  const icbsim::Scenario s = icbsim::load_scenario_text(text, "plain.yaml", registry());
  CHECK_FALSE(s.run_in);
  const icbsim::TaskInput task = task_of(s);
  CHECK(task.initial_state == s.initial_state);
}

TEST_CASE("the resolved scenario writes the run-in back and reads it again", "[run][run-in][io]") {
  const icbsim::Scenario s = icbsim::load_scenario_text(kScenario, "run_in.yaml", registry());
  const std::string resolved = icbsim::resolved_scenario_yaml(s);
  CHECK(resolved.find("run_in:") != std::string::npos);
  const icbsim::Scenario back = icbsim::load_scenario_text(resolved, "resolved.yaml", registry());
  REQUIRE(back.run_in);
  CHECK(back.run_in->held == s.run_in->held);
  CHECK(back.run_in->scaled == s.run_in->scaled);
  CHECK(back.run_in->period == s.run_in->period);
  CHECK(back.run_in->rounds == s.run_in->rounds);
}

TEST_CASE("a run-in whose held burden is zero fails the task with its reason", "[run][run-in]") {
  const std::string text =
      "model: kuznetsov1994\ntime: {end: 30 days}\ninitial: {T: 0 cells}\nrun_in: {hold: [T], scale: [E]}\n";
  const icbsim::Scenario s = icbsim::load_scenario_text(text, "zero.yaml", registry());
  CHECK_THROWS_WITH(task_of(s), Catch::Contains("positive tumour burden"));
}
