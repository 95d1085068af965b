// Checkpoints and the runs that continue them (docs/checkpoints.md): every task of a scenario saved
// at a time, the rest of that run restarted from the file, and one history branched into arms.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "engine/app/run_scenario.hpp"

namespace icbsim::app {

/// What `take_checkpoint_file` saved.
struct CheckpointOutcome {
  double time = 0;          ///< the checkpoint time [day]
  std::size_t tasks = 0;    ///< tasks saved
  std::size_t failed = 0;   ///< tasks that failed before the time
  bool time_added = false;  ///< the time was not among the scenario's checkpoints: and was added
};

/// Runs every task of the scenario file up to `at` (a quantity, e.g. "84 day") and writes their
/// state to `output`. The time joins the scenario's checkpoints:, so that the continued run equals
/// a straight run of the scenario with it listed there. An existing `output` is replaced only when
/// it is an icbsim file, or with `overwrite` (check_replaceable), checked before running.
CheckpointOutcome take_checkpoint_file(const std::string& scenario_path, const std::string& at,
                                       const std::string& output, const ModelRegistry& registry,
                                       const ProgressCallback& progress, bool overwrite = false);

/// The rest of a checkpointed run, into `output` (default: the scenario's output:). With
/// `scenario_path`, ScenarioError unless the checkpoint was taken from that scenario. `request`
/// gives --overwrite and the stop flag; a typed `output` may replace an icbsim file.
RunOutcome restart_from_checkpoint(const std::string& checkpoint_path, const std::optional<std::string>& scenario_path,
                                   const std::optional<std::string>& output, const ModelRegistry& registry,
                                   const ProgressCallback& progress, const RunRequest& request = {});

/// One checkpoint continued under the arms of a branches file, into `output` (default: the
/// branches file's output:), with `request` as for restart_from_checkpoint.
RunOutcome run_branches(const std::string& checkpoint_path, const std::string& branches_path,
                        const std::optional<std::string>& output, const ModelRegistry& registry,
                        const ProgressCallback& progress, const RunRequest& request = {});

}  // namespace icbsim::app
