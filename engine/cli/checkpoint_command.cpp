// `icbsim checkpoint SCENARIO --at T -o FILE` and `icbsim run --from-checkpoint FILE`: save every
// task's state at a time, and continue the run from it to the scenario's end (docs/checkpoints.md).
#include <algorithm>
#include <functional>
#include <iostream>

#include "engine/cli/commands.hpp"
#include "engine/cli/mpi_session.hpp"
#include "engine/cli/progress.hpp"
#include "engine/cli/run_summary.hpp"
#include "engine/io/checkpoint_file.hpp"
#include "engine/io/checkpoint_loader.hpp"
#include "engine/io/config_node.hpp"
#include "engine/io/result_reader.hpp"
#include "engine/io/result_writer.hpp"
#include "engine/io/scenario_loader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/run/checkpoint.hpp"
#include "engine/run/runner.hpp"

namespace icbsim::cli {
namespace {

/// The resolved scenario without its output path (which a restart may change).
std::string resolved_without_output(Scenario scenario) {
  scenario.output_path.clear();
  return resolved_scenario_yaml(scenario);
}

}  // namespace

int checkpoint_command(const CheckpointOptions& options, const ModelRegistry& registry) {
  Scenario scenario = load_scenario_file(options.scenario, registry);
  check_output_path(options.output, nullptr);
  const double time = parse_yaml_text(options.at, "--at").as_quantity("day", "--at (the checkpoint time)");
  if (std::find(scenario.checkpoints.begin(), scenario.checkpoints.end(), time) == scenario.checkpoints.end()) {
    // The integration restarts at every checkpoint in every run of the scenario the file holds.
    scenario.checkpoints.push_back(time);
    std::sort(scenario.checkpoints.begin(), scenario.checkpoints.end());
    if (!options.quiet)
      std::cout << "note: day " << time << " added to the scenario's checkpoints:; the continued run equals a straight "
                << "run of the scenario with it listed there\n";
  }
  Checkpoint checkpoint;
  try {
    Progress progress(!options.quiet);
    checkpoint = take_checkpoint(scenario, time, std::ref(progress));
  } catch (const ScenarioError&) {
    throw;
  } catch (const Error& e) {
    throw ScenarioError(SourceLocation{scenario.source_name, 0, 0}, e.what());
  }
  write_checkpoint_file(options.output, checkpoint, scenario);
  const auto failed = static_cast<std::size_t>(
      std::count_if(checkpoint.tasks.begin(), checkpoint.tasks.end(), [](const TaskCheckpoint& t) { return !t.failure.empty(); }));
  if (!options.quiet)
    std::cout << "checkpoint    day " << time << " of " << checkpoint.tasks.size() << " task(s) (" << failed
              << " failed before it) in " << options.output << "\n";
  return failed > 0 ? kTasksFailed : kOk;
}

int restart_command(const RunOptions& options, const ModelRegistry& registry, const MpiSession& mpi) {
  if (mpi.size() > 1 || options.tasks || options.shard || options.resume || options.sweep)
    throw ScenarioError(SourceLocation{}, "--from-checkpoint continues the whole scenario in one process (no --tasks, "
                                          "--shard, --resume or MPI ranks)");
  const std::string& path = *options.from_checkpoint;
  Scenario scenario = load_restart_scenario(path, registry);
  if (options.scenario) {  // the checkpoint must be of this scenario
    const Scenario given = load_scenario_file(*options.scenario, registry);
    if (resolved_without_output(given) != resolved_without_output(scenario))
      throw ScenarioError(SourceLocation{*options.scenario, 0, 0},
                          "the checkpoint '" + path + "' was taken from another scenario (" + scenario.source_name +
                              "; compare `icbsim validate` of both, checkpoints: included)");
  }
  const std::string output = options.output ? *options.output : scenario.output_path;
  if (output.empty())
    throw ScenarioError(SourceLocation{path, 0, 0}, "no result file named: pass -o FILE.h5");
  scenario.output_path = output;
  return run_continued(scenario, output, options.quiet);
}

int run_continued(const Scenario& scenario, const std::string& output, bool quiet) {
  check_output_path(output, nullptr);
  const Plan plan(scenario);
  RunReport report;
  {
    Hdf5ResultWriter writer(output, scenario, plan);
    Progress progress(!quiet);
    report = run_plan(scenario, plan, writer, std::ref(progress));
  }
  if (!quiet) {
    print_result_summary(read_result_file(output), output, std::cout);
    std::cout << "\nwall time     " << report.wall_seconds << " s on " << report.threads << " thread(s)\n";
  }
  if (report.failed > 0) {
    std::cerr << report.failed << " of " << report.tasks << " task(s) failed; reasons are in /outcomes/failure_reason\n";
    return kTasksFailed;
  }
  return kOk;
}

}  // namespace icbsim::cli
