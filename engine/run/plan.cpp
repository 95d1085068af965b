// Task planning: a single patient for schema v1 scenarios.
#include "engine/run/plan.hpp"

namespace icbsim {

std::vector<TaskInput> plan_tasks(const Scenario& scenario) {
  TaskInput task;
  task.parameters = scenario.parameters;
  task.initial_state = scenario.initial_state;
  task.t_start = scenario.time.start;
  task.t_end = scenario.time.end;
  task.output_times = output_grid(scenario.time);
  task.solver = scenario.solver;
  return {task};
}

}  // namespace icbsim
