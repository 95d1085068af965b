// The engine side of a spatial task: its lattice parameters (the same overlays as its systemic
// parameters) and the call of the model's registered spatial mode, with the nesting of threads.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/core/task.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

/// The lattice parameters of a task of a spatial scenario: the scenario's, changed by the
/// scenario-wide overlays, the population overlays the patient carries (`carries`, one flag per
/// population overlay) and its arm's overlays — in that order, as its systemic parameters.
/// Throws icbsim::Error when an overlay moves a parameter outside its admissible range.
std::vector<double> spatial_task_parameters(const Scenario& scenario, const std::vector<bool>& carries,
                                            std::size_t arm);

/// Runs a task of a spatial scenario through the model's spatial mode. `snapshots`: record the
/// scenario's snapshot times. Threads: inside an active parallel region (tasks in parallel) the
/// lattice runs on one thread; otherwise on all of them.
TaskOutput run_spatial_task(const Scenario& scenario, const TaskInput& input, bool snapshots);

}  // namespace icbsim
