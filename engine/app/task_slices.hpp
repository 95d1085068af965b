// Which of a scenario's tasks one process runs: a slice given as BEGIN:END, the I-th of N shards,
// or the share of one MPI rank.
#pragma once

#include <cstddef>
#include <string>

#include "engine/run/plan.hpp"

namespace icbsim::app {

/// Shard `index` of `count` (index from 0).
struct ShardIndex {
  std::size_t index = 0;
  std::size_t count = 1;
};

/// Slice `index` of `count` near-equal slices of `total` tasks (shards, MPI ranks). When every
/// slice still spans at least one chunk, boundaries fall on multiples of the result file's chunk
/// rows, so that merging copies whole compressed chunks instead of decoding rows.
TaskRange slice_of(std::size_t index, std::size_t count, std::size_t total);

/// The result file of a slice whose name the user did not give, beside the scenario's output
/// "NAME.h5": "NAME.shard-0003-of-0016.h5" for shard 3 of 16, so that a forgotten -o never meets
/// the whole run's file.
std::string shard_output_name(const std::string& output, const ShardIndex& shard);

/// As shard_output_name for task ids [begin, end): "NAME.tasks-100-199.h5" (first and last id).
std::string tasks_output_name(const std::string& output, const TaskRange& range);

/// "BEGIN:END" (whole numbers) as a task range; ScenarioError otherwise.
TaskRange parse_task_range(const std::string& text);

/// "I/N" (whole numbers, 0 <= I < N) as a shard; ScenarioError otherwise.
ShardIndex parse_shard(const std::string& text);

}  // namespace icbsim::app
