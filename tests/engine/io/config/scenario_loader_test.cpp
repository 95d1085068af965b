// Scenario loading: units are converted, defaults filled, and the resolved scenario round-trips.
#include <catch2/catch.hpp>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/config/scenario_writer.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"

using icbsim::load_scenario_text;

namespace {
using icbsim::testing::registry;
double parameter(const icbsim::Scenario& s, std::string_view name) {
  return s.parameters[static_cast<std::size_t>(s.model->parameter_index(name))];
}
}  // namespace

TEST_CASE("values with units are converted into the declared unit", "[io][scenario]") {
  const auto s = load_scenario_text(
      "model: kuznetsov1994\n"
      "parameters: {a: 0.0075 1/h, s: 9.1e4 cells/week, g: 20.19e6, n: 1.101e-7 1/(cells*day)}\n"
      "initial: {T: 5e6 cells}\n"
      "time: {start: 1 week, end: 2 years, output_every: 12 h}\n",
      "units.yaml", registry());
  CHECK(parameter(s, "a") == Approx(0.18).epsilon(1e-14));
  CHECK(parameter(s, "s") == Approx(1.3e4).epsilon(1e-14));
  CHECK(parameter(s, "g") == 20.19e6);
  CHECK(parameter(s, "n") == Approx(1.101e-7).epsilon(1e-14));
  CHECK(s.time.start == 7.0);
  CHECK(s.time.end == Approx(730.5).epsilon(1e-15));
  CHECK(s.time.output_every == Approx(0.5).epsilon(1e-15));
}

TEST_CASE("unset parameters and initial values take the model's declared defaults", "[io][scenario]") {
  const auto s = load_scenario_text("model: kuznetsov1994\ntime: {end: 10 days}\n", "d.yaml", registry());
  for (std::size_t i = 0; i < s.model->parameters.size(); ++i) CHECK(s.parameters[i] == s.model->parameters[i].value);
  CHECK(s.initial_state == std::vector<double>{3.2e5, 5e6});
  CHECK(s.solver.method == icbsim::SolverMethod::kDopri5);
  CHECK(s.time.output_every == 1.0);
}

TEST_CASE("the resolved scenario loads back into the same scenario", "[io][scenario]") {
  const auto first = load_scenario_text(
      "icbsim: 1\ndescription: round trip\nmodel: nikolopoulou2018\nparameters: {eta: 50, gamma_A: 1e-8}\n"
      "initial: {C: 0.3}\ntime: {end: 1 year, output_every: 2 days}\n"
      "solver: {method: rosenbrock4, rtol: 1e-7, atol: 1e-12, max_step: 1 day}\nseed: 7\n",
      "rt.yaml", registry());
  const std::string resolved = icbsim::resolved_scenario_yaml(first);
  const auto second = load_scenario_text(resolved, "resolved.yaml", registry());
  CHECK(second.parameters == first.parameters);
  CHECK(second.initial_state == first.initial_state);
  CHECK(second.time.end == first.time.end);
  CHECK(second.time.output_every == first.time.output_every);
  CHECK(second.solver.method == first.solver.method);
  CHECK(second.solver.rtol == first.solver.rtol);
  CHECK(second.solver.max_step == first.solver.max_step);
  CHECK(second.seed == 7);
  CHECK(second.description == "round trip");
  CHECK(icbsim::resolved_scenario_yaml(second) == resolved);
}

TEST_CASE("the output grid covers the span and ends exactly at its end", "[io][scenario]") {
  icbsim::TimeSpan span{0.0, 10.0, 3.0};
  CHECK(icbsim::output_grid(span) == std::vector<double>{0, 3, 6, 9, 10});
  span = {0.0, 730.5, 1.0};
  const auto grid = icbsim::output_grid(span);
  CHECK(grid.size() == 732);
  CHECK(grid.back() == 730.5);
  span = {2.0, 4.0, 0.5};
  CHECK(icbsim::output_grid(span) == std::vector<double>{2, 2.5, 3, 3.5, 4});
}

TEST_CASE("shipped cohort scenarios write back a resolved scenario that loads to the same", "[io][scenario]") {
  for (const char* name : {"default_cohort.yaml", "after_primary_resistance.yaml", "phenotype_panel.yaml"}) {
    INFO(name);
    const auto first =
        icbsim::load_scenario_file(std::string(ICBSIM_SOURCE_DIR) + "/configs/scenarios/" + name, registry());
    const std::string resolved = icbsim::resolved_scenario_yaml(first);
    const auto second = load_scenario_text(resolved, "resolved.yaml", registry());
    CHECK(icbsim::resolved_scenario_yaml(second) == resolved);
    CHECK(second.parameters == first.parameters);
    CHECK(second.arms.size() == first.arms.size());
    CHECK(second.overlays.size() == first.overlays.size());
    CHECK(second.population.has_value() == first.population.has_value());
    if (first.population) {
      CHECK(second.population->size == first.population->size);
      CHECK(second.population->quantities.size() == first.population->quantities.size());
      CHECK(second.population->overlays.size() == first.population->overlays.size());
    }
    CHECK(second.strata.has_value() == first.strata.has_value());
    for (std::size_t a = 0; a < first.arms.size(); ++a)
      CHECK(second.arms[a].switch_rule.has_value() == first.arms[a].switch_rule.has_value());
  }
}
