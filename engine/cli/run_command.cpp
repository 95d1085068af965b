// `icbsim run [SCENARIO]` and `icbsim sweep SCENARIO`: options to a run request, the run (engine/app),
// its end printed.
#include <functional>

#include "engine/app/continued_runs.hpp"
#include "engine/app/run_scenario.hpp"
#include "engine/cli/commands.hpp"
#include "engine/cli/mpi_session.hpp"
#include "engine/cli/progress.hpp"
#include "engine/cli/run_epilogue.hpp"
#include "engine/core/errors.hpp"
#include "engine/run/plan.hpp"

namespace icbsim::cli {

int run_command(const RunOptions& options, const ModelRegistry& registry, const MpiSession& mpi) {
  if (options.from_checkpoint) return restart_command(options, registry, mpi);
  const Scenario scenario = app::load_run_scenario(options.scenario, options.output, options.sweep, registry);
  app::RunRequest request;
  if (options.tasks) request.tasks = app::parse_task_range(*options.tasks);
  if (options.shard) request.shard = app::parse_shard(*options.shard);
  request.resume = options.resume;
  request.part_tasks = options.part_size.value_or(app::kDefaultPartTasks);
  request.interrupt = options.interrupt;
  request.output_typed = options.output.has_value();
  request.overwrite = options.overwrite;
  if (!options.quiet && mpi.rank() == 0) {
    Scenario shown = scenario;
    shown.output_path = app::run_output(scenario, request);
    print_run_header(shown, Plan(scenario).total_tasks(), options.sweep ? "sweep" : "run");
  }
  Progress progress(!options.quiet && mpi.rank() == 0);
  return finish_run(app::run_scenario(scenario, request, registry, mpi, std::ref(progress)), options.quiet,
                    options.show_tasks);
}

int restart_command(const RunOptions& options, const ModelRegistry& registry, const MpiSession& mpi) {
  if (mpi.size() > 1 || options.tasks || options.shard || options.resume || options.sweep)
    throw ScenarioError(SourceLocation{},
                        "--from-checkpoint continues the whole scenario in one process (no --tasks, "
                        "--shard, --resume or MPI ranks)");
  Progress progress(!options.quiet);
  app::RunRequest request;
  request.interrupt = options.interrupt;
  request.overwrite = options.overwrite;
  return finish_run(app::restart_from_checkpoint(*options.from_checkpoint, options.scenario, options.output, registry,
                                                 std::ref(progress), request),
                    options.quiet, options.show_tasks);
}

}  // namespace icbsim::cli
