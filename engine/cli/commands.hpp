// The verbs of the icbsim command line. Each returns the process exit code; library errors
// propagate as exceptions to main(), which maps them to codes.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/model_registry.hpp"

namespace icbsim::cli {

/// Exit codes of the icbsim executable.
enum ExitCode : int { kOk = 0, kTasksFailed = 1, kBadInput = 2, kIoOrInternal = 3 };

struct RunOptions {
  std::optional<std::string> scenario;  ///< none: the built-in quickstart scenario
  std::optional<std::string> output;    ///< overrides the scenario's `output:`
  bool quiet = false;
  std::optional<std::string> tasks;     ///< "BEGIN:END": run only these task ids
  std::optional<std::string> shard;     ///< "I/N": run the I-th of N equal slices (I from 0)
  bool resume = false;                  ///< complete OUT's interrupted run (OUT.interrupted.h5)
  bool sweep = false;                   ///< `icbsim sweep`: the scenario must have a sweep: section
  std::optional<std::size_t> part_size; ///< tasks per journaled part of a long run (engine/cli/run_parts.hpp)
  const std::atomic<bool>* interrupt = nullptr;  ///< set by SIGINT/SIGTERM
};

class MpiSession;
int run_command(const RunOptions& options, const ModelRegistry& registry, const MpiSession& mpi);
int validate_command(const std::string& scenario, const ModelRegistry& registry);
int models_command(const std::optional<std::string>& describe, const ModelRegistry& registry);
int summary_command(const std::string& result_file);
int merge_command(const std::string& output, const std::vector<std::string>& shards, const ModelRegistry& registry);

}  // namespace icbsim::cli
