// Scenarios that continue a checkpoint file: its own scenario restarted from the checkpoint
// (`icbsim run --from-checkpoint`), or branched into new arms from its time (`icbsim branch`).
// Every mismatch between the checkpoint and the scenario is a ScenarioError before any work.
#pragma once

#include <string>

#include "engine/core/model_registry.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

/// The checkpoint's own scenario, set to continue every task from it: its result equals the
/// straight run's.
Scenario load_restart_scenario(const std::string& checkpoint_path, const ModelRegistry& registry);

/// The checkpoint's scenario with the arms of the branches file in place of its treatment and arms
/// (docs/checkpoints.md): every checkpointed patient in every arm, each arm's treatment from the
/// checkpoint's time on after the history's.
Scenario load_branch_scenario(const std::string& checkpoint_path, const std::string& branches_path,
                              const ModelRegistry& registry);

/// Records in a finished branch result file which checkpoint it branched, and when.
void annotate_branch_result(const std::string& result_path, const std::string& checkpoint_path, double time);

}  // namespace icbsim
