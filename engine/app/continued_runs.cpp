// Checkpoint files taken from scenarios, restarts and branches.
#include "engine/app/continued_runs.hpp"

#include <algorithm>

#include "engine/core/errors.hpp"
#include "engine/io/checkpoint/checkpoint_file.hpp"
#include "engine/io/checkpoint/checkpoint_loader.hpp"
#include "engine/io/config/config_node.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/config/scenario_writer.hpp"
#include "engine/io/h5/output_target.hpp"
#include "engine/run/checkpoint.hpp"

namespace icbsim::app {
namespace {

/// The resolved scenario without its output path (which a restart may change).
std::string resolved_without_output(Scenario scenario) {
  scenario.output_path.clear();
  return resolved_scenario_yaml(scenario);
}

}  // namespace

CheckpointOutcome take_checkpoint_file(const std::string& scenario_path, const std::string& at,
                                       const std::string& output, const ModelRegistry& registry,
                                       const ProgressCallback& progress, bool overwrite) {
  Scenario scenario = load_scenario_file(scenario_path, registry);
  check_output_path(output, nullptr);
  check_replaceable(output, OutputPermission{true, overwrite});
  CheckpointOutcome outcome;
  outcome.time = parse_yaml_text(at, "--at").as_quantity("day", "--at (the checkpoint time)");
  if (std::find(scenario.checkpoints.begin(), scenario.checkpoints.end(), outcome.time) == scenario.checkpoints.end()) {
    // The integration restarts at every checkpoint in every run of the scenario the file holds.
    scenario.checkpoints.push_back(outcome.time);
    std::sort(scenario.checkpoints.begin(), scenario.checkpoints.end());
    outcome.time_added = true;
  }
  Checkpoint checkpoint;
  try {
    checkpoint = take_checkpoint(scenario, outcome.time, progress);
  } catch (const ScenarioError&) {
    throw;
  } catch (const Error& e) {
    throw ScenarioError(SourceLocation{scenario.source_name, 0, 0}, e.what());
  }
  write_checkpoint_file(output, checkpoint, scenario);
  outcome.tasks = checkpoint.tasks.size();
  outcome.failed = static_cast<std::size_t>(std::count_if(checkpoint.tasks.begin(), checkpoint.tasks.end(),
                                                          [](const TaskCheckpoint& t) { return !t.failure.empty(); }));
  return outcome;
}

RunOutcome restart_from_checkpoint(const std::string& checkpoint_path, const std::optional<std::string>& scenario_path,
                                   const std::optional<std::string>& output, const ModelRegistry& registry,
                                   const ProgressCallback& progress, const RunRequest& request) {
  Scenario scenario = load_restart_scenario(checkpoint_path, registry);
  if (scenario_path) {  // the checkpoint must be of this scenario
    const Scenario given = load_scenario_file(*scenario_path, registry);
    if (resolved_without_output(given) != resolved_without_output(scenario))
      throw ScenarioError(SourceLocation{*scenario_path, 0, 0},
                          "the checkpoint '" + checkpoint_path + "' was taken from another scenario (" +
                              scenario.source_name + "; compare `icbsim validate` of both, checkpoints: included)");
  }
  const std::string target = output.value_or(scenario.output_path);
  if (target.empty())
    throw ScenarioError(SourceLocation{checkpoint_path, 0, 0}, "no result file named: pass -o FILE.h5");
  RunRequest how = request;
  how.output_typed = output.has_value();
  return run_continued(std::move(scenario), target, progress, how);
}

RunOutcome run_branches(const std::string& checkpoint_path, const std::string& branches_path,
                        const std::optional<std::string>& output, const ModelRegistry& registry,
                        const ProgressCallback& progress, const RunRequest& request) {
  Scenario scenario = load_branch_scenario(checkpoint_path, branches_path, registry);
  const std::string target = output.value_or(scenario.output_path);
  if (target.empty())
    throw ScenarioError(SourceLocation{branches_path, 0, 0},
                        "no result file named: add `output: FILE.h5` to the branches file or pass -o FILE.h5");
  const double time = scenario.continuation->checkpoint->time;
  RunRequest how = request;
  how.output_typed = output.has_value();
  RunOutcome outcome = run_continued(std::move(scenario), target, progress, how);
  if (!outcome.interrupted) annotate_branch_result(target, checkpoint_path, time);
  return outcome;
}

}  // namespace icbsim::app
