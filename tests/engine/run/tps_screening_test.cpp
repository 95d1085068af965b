// Enrolment by the measured baseline TPS (population.include.tps): every enrolled patient's TPS lies
// in the range, the screening biopsy is the readout's biopsy (a candidate that passes is the
// unscreened cohort's patient with the same TPS), and paired arms share the enrolled patient.
#include <catch2/catch.hpp>

#include <filesystem>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/run/execute_task.hpp"
#include "engine/run/plan.hpp"
#include "tests/support/builtin_registry.hpp"

namespace {

icbsim::Scenario load(const char* name) {
  const auto path = std::filesystem::path(ICBSIM_SOURCE_DIR) / "tests/data/nsclc" / name;
  return icbsim::load_scenario_file(path.string(), icbsim::testing::registry());
}

}  // namespace

TEST_CASE("a cohort enrolled at TPS >= 50 % holds only such patients, each the first passing candidate",
          "[run][population][tps]") {
  const icbsim::Scenario screened = load("screened_tps.yaml");
  const icbsim::Scenario open = load("untreated_tps.yaml");
  REQUIRE(screened.population->tps_inclusion);
  const icbsim::Plan plan(screened);
  const icbsim::Plan unscreened(open, {0, plan.size()});
  std::size_t kept = 0;
  for (std::size_t id = 0; id < plan.size(); ++id) {
    icbsim::TaskLabel label;
    const icbsim::TaskInput input = plan.task(id, &label);
    REQUIRE(label.screened_tps);
    const icbsim::TaskResult r = icbsim::execute_task(screened, plan, id, input, label);
    REQUIRE(r.ok);
    CHECK(r.readout->tps_pct >= 50.0);
    CHECK(r.readout->tps_pct == *label.screened_tps);  // the screening biopsy is the baseline TPS
    // Candidate 0 is the unscreened cohort's patient: when its biopsy passes, it is enrolled as is.
    icbsim::TaskLabel open_label;
    const icbsim::TaskInput open_input = unscreened.task(id, &open_label);
    const icbsim::TaskResult open_result = icbsim::execute_task(open, unscreened, id, open_input, open_label);
    REQUIRE(open_result.ok);
    const bool first_passes = open_result.readout->tps_pct >= 50.0;
    CHECK(first_passes == (input.parameters == open_input.parameters));
    if (first_passes) {
      CHECK(open_result.readout->tps_pct == r.readout->tps_pct);
      ++kept;
    }
  }
  INFO(kept << " of " << plan.size() << " first candidates passed");
  CHECK(kept > 0);            // ~30 % of screened NSCLC have TPS >= 50 % (C6)
  CHECK(kept < plan.size());  // and the others were screened out
}

TEST_CASE("paired arms of a cohort enrolled at TPS < 1 % share each enrolled patient", "[run][population][tps]") {
  const icbsim::Scenario s = load("screened_tps_negative.yaml");
  const icbsim::Plan plan(s);
  REQUIRE(plan.size() == 24);
  for (std::size_t id = 0; id < plan.size(); id += 2) {
    icbsim::TaskLabel a, b;
    const icbsim::TaskInput treated = plan.task(id, &a), untreated = plan.task(id + 1, &b);
    REQUIRE(a.screened_tps);
    CHECK(*a.screened_tps < 1.0);
    CHECK(a.screened_tps == b.screened_tps);
    for (const char* drawn : {"tumour_growth_rate", "antigenicity", "tumour_pdl1_base"}) {  // arms bind own drugs
      const auto k = static_cast<std::size_t>(s.model->parameter_index(drawn));
      CHECK(treated.parameters[k] == untreated.parameters[k]);
    }
    CHECK(treated.initial_state == untreated.initial_state);
  }
}
