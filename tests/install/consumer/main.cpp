// Uses an installed icbsim: loads a scenario from text and integrates it; exits 0 on success.
#include <cstdio>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/run/plan.hpp"
#include "models/register_builtin.hpp"

int main() {
  const auto registry = icbsim::models::builtin_registry();
  const auto scenario =
      icbsim::load_scenario_text("model: kuznetsov1994\ntime: {end: 30 days}\n", "consumer.yaml", registry);
  const auto tasks = std::vector<icbsim::TaskInput>{icbsim::Plan(scenario).task(0)};
  const auto out = scenario.model->simulate(tasks.front());
  std::printf("T(30) = %g\n", out.trajectories[2 * tasks.front().output_times.size() - 1]);
  return out.trajectories.empty() ? 1 : 0;
}
