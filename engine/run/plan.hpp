// Turns a validated scenario into its flat list of tasks. A task is pure: its result depends only
// on (scenario, task id).
#pragma once

#include <optional>
#include <vector>

#include "engine/core/task.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

struct Plan {
  std::vector<TaskInput> tasks;
  std::vector<double> scan_times;             ///< baseline first; empty without a readout [day]
  std::optional<double> pre_baseline_scan;    ///< pre-treatment scan for growth rates [day]
};

/// The tasks of a scenario; a single-patient scenario has exactly one. With a readout, each task
/// also samples its outputs at the scans and weekly for the death rule.
Plan plan_run(const Scenario& scenario);

}  // namespace icbsim
