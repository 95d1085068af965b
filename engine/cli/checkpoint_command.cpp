// `icbsim checkpoint SCENARIO --at T -o FILE` and `icbsim branch CHECKPOINT BRANCHES`: save every
// task's state at a time; continue it under several treatments (docs/checkpoints.md).
#include <functional>
#include <iostream>

#include "engine/app/continued_runs.hpp"
#include "engine/cli/commands.hpp"
#include "engine/cli/progress.hpp"
#include "engine/cli/run_epilogue.hpp"

namespace icbsim::cli {

int checkpoint_command(const CheckpointOptions& options, const ModelRegistry& registry) {
  Progress progress(!options.quiet);
  const app::CheckpointOutcome c = app::take_checkpoint_file(options.scenario, options.at, options.output, registry,
                                                             std::ref(progress), options.overwrite);
  if (!options.quiet) {
    if (c.time_added)
      std::cout << "note: day " << c.time
                << " added to the scenario's checkpoints:; the continued run equals a straight "
                << "run of the scenario with it listed there\n";
    std::cout << "checkpoint    day " << c.time << " of " << c.tasks << " task(s) (" << c.failed
              << " failed before it) in " << options.output << "\n";
  }
  return c.failed > 0 ? kTasksFailed : kOk;
}

int branch_command(const BranchOptions& options, const ModelRegistry& registry, const std::atomic<bool>* interrupt) {
  Progress progress(!options.quiet);
  app::RunRequest request;
  request.interrupt = interrupt;
  request.overwrite = options.overwrite;
  return finish_run(
      app::run_branches(options.checkpoint, options.branches, options.output, registry, std::ref(progress), request),
      options.quiet);
}

}  // namespace icbsim::cli
