// Running a loaded scenario the way its caller asked: whole, as a slice of its tasks (--tasks,
// --shard), as journaled parts that survive a killed process, resuming an interrupted run, or split
// over the ranks of an MPI job. What every front end (command line, Python) calls; it prints nothing.
#pragma once

#include <atomic>
#include <cstddef>
#include <optional>
#include <string>

#include "engine/app/rank_group.hpp"
#include "engine/app/run_parts.hpp"
#include "engine/app/task_slices.hpp"
#include "engine/core/model_registry.hpp"
#include "engine/run/runner.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim::app {

/// How to run a scenario's tasks.
struct RunRequest {
  std::optional<TaskRange> tasks;                ///< only these task ids (rows keep their global ids)
  std::optional<ShardIndex> shard;               ///< only this shard's equal slice
  bool resume = false;                           ///< complete OUT's interrupted run
  std::size_t part_tasks = kDefaultPartTasks;    ///< tasks per journaled part of a long whole run
  const std::atomic<bool>* interrupt = nullptr;  ///< set by SIGINT/SIGTERM: stop starting tasks
  bool output_typed = false;  ///< the user typed the output name: an icbsim result there may be replaced
  bool overwrite = false;     ///< --overwrite: any regular file there may be replaced
};

/// What a run left behind.
struct RunOutcome {
  std::string output;              ///< the result file the run was asked for
  bool interrupted = false;        ///< some tasks were not run; the finished ones are in `unfinished`
  std::string unfinished;          ///< OUT.interrupted.h5 or OUT.parts (interrupted runs only)
  bool holds_result = true;        ///< false on MPI ranks other than 0, which hand their shard to rank 0
  bool resumable = true;           ///< an interruption is completed by `--resume` (not for continued runs)
  std::size_t resumed_ranges = 0;  ///< ranges of not-run tasks a resume completed
  int ranks = 1;                   ///< MPI ranks that shared the run
  RunReport report;                ///< tasks, failures, wall time, threads (over the whole run when merged)
};

/// The scenario a run names: the file at `path`, or the built-in quickstart without one; `output`
/// replaces its `output:`. ScenarioError when it names no result file, or `sweep` is asked of a
/// scenario without a sweep: section.
Scenario load_run_scenario(const std::optional<std::string>& path, const std::optional<std::string>& output, bool sweep,
                           const ModelRegistry& registry);

/// A scenario as text and the name its messages cite (a file's path: `base:` files and the output
/// resolve from its folder).
struct ScenarioText {
  std::string text;
  std::string name;
};

/// The scenario `source` with `overrides` (a partial scenario) merged on top as a later `base:`
/// file would be, validated.
Scenario load_scenario_with_overrides(const ScenarioText& source, const std::optional<ScenarioText>& overrides,
                                      const ModelRegistry& registry);

/// As load_run_scenario for a scenario given as text (front ends other than the command line:
/// Python), with `overrides` (a partial scenario) merged on top as a later `base:` file would be.
Scenario load_run_scenario_text(const ScenarioText& source, const std::optional<ScenarioText>& overrides,
                                const std::optional<std::string>& output, bool sweep, const ModelRegistry& registry);

/// The built-in quickstart scenario.
ScenarioText quickstart_text();

/// The result file a run writes: the scenario's output, or for a slice whose name the user did not
/// type, the slice's own name beside it (shard_output_name, tasks_output_name).
std::string run_output(const Scenario& scenario, const RunRequest& request);

/// Runs `scenario` into run_output() as `request` says, over the processes of `ranks`. Before
/// running, ScenarioError (nothing written) when the output may not be replaced
/// (check_replaceable), --tasks goes past the scenario's tasks, or a resume's scenario changed.
RunOutcome run_scenario(const Scenario& scenario, const RunRequest& request, const ModelRegistry& registry,
                        const RankGroup& ranks, const ProgressCallback& progress);

/// Runs every task of a scenario that continues a checkpoint (a restart or a branch) into `output`;
/// `request` gives the output permission and the stop flag (its slices and resume are not used).
RunOutcome run_continued(Scenario scenario, const std::string& output, const ProgressCallback& progress,
                         const RunRequest& request = {});

}  // namespace icbsim::app
