// Turns a validated scenario into its flat list of tasks. A task is pure: its result depends only
// on (scenario, task id).
#pragma once

#include <vector>

#include "engine/run/scenario.hpp"
#include "engine/core/task.hpp"

namespace icbsim {

/// The tasks of a scenario; a single-patient scenario has exactly one.
std::vector<TaskInput> plan_tasks(const Scenario& scenario);

}  // namespace icbsim
