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

/// "BEGIN:END" (whole numbers) as a task range; ScenarioError otherwise.
TaskRange parse_task_range(const std::string& text);

/// "I/N" (whole numbers, 0 <= I < N) as a shard; ScenarioError otherwise.
ShardIndex parse_shard(const std::string& text);

}  // namespace icbsim::app
