// Joins the result files of slices of one scenario (Slurm array shards, `icbsim run --tasks` or
// `--shard i/N`) into one file whose datasets are byte-identical to those of a single run: task
// rows are copied to their global ids, dose rows concatenated in task order. Copying (rather than
// HDF5 virtual datasets) makes the merged file self-contained, so the shards can be deleted.
#pragma once

#include <string>
#include <vector>

#include "engine/core/model_registry.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

/// What the merge found, for the caller's report.
struct MergeSummary {
  std::size_t shards = 0;
  std::size_t tasks = 0;
  std::size_t failed = 0;
  std::size_t not_run = 0;        ///< tasks still not run (a resume that was itself interrupted)
  std::string scenario_resolved;  ///< common to every shard
};

/// Merges `shards` into `output` (written as `<output>.partial`, renamed when complete), and
/// builds the trial report of the whole (the scenario is reloaded from `scenario_resolved` with
/// `registry`). Throws IoError listing them when the shards are not slices of one scenario, overlap,
/// leave tasks uncovered, hold different datasets, or one is an interrupted run.
MergeSummary merge_results(const std::string& output, const std::vector<std::string>& shards,
                           const ModelRegistry& registry);

/// Completes an interrupted run: copies `interrupted` (a whole-scenario file whose unfinished
/// tasks have status not_run) and writes the rows of `resumed` slices over it. Throws IoError when
/// a not-run task is left uncovered (unless `allow_not_run`: a resume interrupted in its turn) or
/// the files belong to different scenarios. `output` may be `interrupted` itself.
MergeSummary resume_results(const std::string& output, const std::string& interrupted,
                            const std::vector<std::string>& resumed, const ModelRegistry& registry,
                            bool allow_not_run = false);

/// Throws ScenarioError naming the first lines that differ unless the result file at `path` was
/// run from `scenario` (output names aside): a resume must continue the same scenario.
void check_same_scenario(const std::string& path, const Scenario& scenario);

/// The contiguous ranges [begin, end) of global task ids whose status is not_run in `path`.
std::vector<std::pair<std::size_t, std::size_t>> not_run_ranges(const std::string& path);

}  // namespace icbsim
