// Long single-process runs are written as consecutive parts, each a complete result file renamed
// into OUT.parts/ when its last task is in, and merged into OUT at the end. A killed process (even
// SIGKILL) loses at most the part in flight: `--resume` keeps the finished parts, runs the others
// and merges (docs/hpc.md).
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

#include "engine/core/model_registry.hpp"
#include "engine/run/runner.hpp"

namespace icbsim::app {

/// Tasks per part unless --part-size says otherwise: a multiple of the 1-D and 2-D chunk rows, so
/// that merging copies whole chunks.
inline constexpr std::size_t kDefaultPartTasks = 16384;

/// The folder of OUT's parts: "OUT.parts".
std::string parts_folder(const std::string& output);

/// Whether OUT has parts of an unfinished run.
bool has_parts(const std::string& output);

/// ScenarioError naming what changed when the finished parts in parts_folder(output) were run from
/// another scenario (a resume must continue the same one).
void check_parts_scenario(const Scenario& scenario, const std::string& output);

/// Runs every task of `scenario` as parts of `part_tasks` tasks into parts_folder(output), skipping
/// parts already finished (a part interrupted or killed runs again), then merges them into
/// `output` and removes the folder. With an interruption, returns with RunReport::not_run > 0 and
/// the finished parts kept.
RunReport run_in_parts(const Scenario& scenario, const std::string& output, std::size_t part_tasks,
                       const ModelRegistry& registry, const ProgressCallback& progress,
                       const std::atomic<bool>* interrupt);

}  // namespace icbsim::app
