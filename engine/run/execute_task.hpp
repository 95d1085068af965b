// One task from input to result: integrate the model, then (with a readout plan) measure the
// patient at the scans and derive the outcomes. Pure: the result depends only on (scenario, task).
#pragma once

#include <optional>
#include <string>

#include "engine/core/task.hpp"
#include "engine/readout/patient_readout.hpp"
#include "engine/run/plan.hpp"

namespace icbsim {

struct TaskResult {
  bool ok = true;
  std::string failure;                             ///< reason when !ok
  TaskOutput output;
  std::optional<readout::PatientReadout> readout;  ///< with a readout plan and ok
  std::size_t doses_given = 0;  ///< the first doses of TaskInput::doses given (the rest stopped)
};

/// Runs task `id` of `plan` (inputs built from the plan); failures are caught and recorded.
TaskResult execute_task(const Scenario& scenario, const Plan& plan, std::size_t id);
/// Same, with the task's inputs and label (arm, screening TPS) already at hand.
TaskResult execute_task(const Scenario& scenario, const Plan& plan, std::size_t id, const TaskInput& input,
                        const TaskLabel& label);

}  // namespace icbsim
