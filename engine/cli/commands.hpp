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
  bool quiet = false;                   ///< print errors and the output path only
  bool show_tasks = false;              ///< print the per-task tables of the first tasks
  std::optional<std::string> tasks;     ///< "BEGIN:END": run only these task ids
  std::optional<std::string> shard;     ///< "I/N": run the I-th of N equal slices (I from 0)
  bool resume = false;                  ///< complete OUT's interrupted run (OUT.interrupted.h5)
  bool sweep = false;                   ///< `icbsim sweep`: the scenario must have a sweep: section
  std::optional<std::size_t> part_size;        ///< tasks per journaled part of a long run (engine/app/run_parts.hpp)
  std::optional<std::string> from_checkpoint;  ///< continue the checkpoint file's run (docs/checkpoints.md)
  bool overwrite = false;                      ///< --overwrite: replace any regular file at the output
  const std::atomic<bool>* interrupt = nullptr;  ///< set by SIGINT/SIGTERM
};

class MpiSession;
int run_command(const RunOptions& options, const ModelRegistry& registry, const MpiSession& mpi);
int validate_command(const std::string& scenario, const ModelRegistry& registry);
/// Output forms of `summary` and `models --describe`.
enum class Format { kText, kMarkdown, kJson, kCsv };
int models_command(const std::optional<std::string>& describe, Format format, const ModelRegistry& registry);
int summary_command(const std::string& result_file, Format format, bool show_tasks, const ModelRegistry& registry);
/// Options of `icbsim calibrate CONFIG`.
struct CalibrateOptions {
  std::string config;
  std::optional<std::size_t> max_evaluations;  ///< overrides the config's optimiser.max_evaluations
  bool quiet = false;
  bool overwrite = false;  ///< replace any regular file at the overlays and record the config names
};
int calibrate_command(const CalibrateOptions& options, const ModelRegistry& registry);
int merge_command(const std::string& output, const std::vector<std::string>& shards, bool overwrite,
                  const ModelRegistry& registry);

/// Options of `icbsim checkpoint SCENARIO --at TIME -o FILE` (docs/checkpoints.md).
struct CheckpointOptions {
  std::string scenario;
  std::string at;      ///< the checkpoint time, e.g. "84 day"
  std::string output;  ///< the checkpoint file (.h5)
  bool quiet = false;
  bool overwrite = false;  ///< replace any regular file at the output
};
int checkpoint_command(const CheckpointOptions& options, const ModelRegistry& registry);
/// `icbsim run --from-checkpoint FILE [SCENARIO]`: the rest of the checkpointed run.
int restart_command(const RunOptions& options, const ModelRegistry& registry, const MpiSession& mpi);
/// Options of `icbsim branch CHECKPOINT BRANCHES [-o FILE]`.
struct BranchOptions {
  std::string checkpoint;
  std::string branches;               ///< YAML file naming the arms
  std::optional<std::string> output;  ///< overrides the branches file's `output:`
  bool quiet = false;
  bool overwrite = false;  ///< replace any regular file at the output
};
int branch_command(const BranchOptions& options, const ModelRegistry& registry, const std::atomic<bool>* interrupt);

}  // namespace icbsim::cli
