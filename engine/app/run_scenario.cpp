// Whole runs, slices, journaled parts, resumes and MPI splits of one scenario.
#include "engine/app/run_scenario.hpp"

#include <filesystem>
#include <vector>

#include <icbsim/quickstart_scenario.hpp>

#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_base.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/results/result_merger.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/run/plan.hpp"

namespace icbsim::app {
namespace {

/// Completes an interrupted run: the not-run task ranges of OUT.interrupted.h5 run as slices, then
/// are written over a copy of it into OUT.
RunOutcome resume_run(const Scenario& scenario, const ModelRegistry& registry, const ProgressCallback& progress) {
  const std::string& output = scenario.output_path;
  const std::string partial = interrupted_path(output);
  if (!std::filesystem::exists(partial))
    throw ScenarioError(SourceLocation{}, "nothing to resume: '" + partial + "' does not exist");
  RunOutcome outcome;
  outcome.output = output;
  std::vector<std::string> slices;
  for (const auto& [begin, end] : not_run_ranges(partial)) {
    const Plan plan(scenario, TaskRange{begin, end});
    slices.push_back(output + ".resume" + std::to_string(slices.size()) + ".h5");
    Hdf5ResultWriter writer(slices.back(), scenario, plan);
    const RunReport part = run_plan(scenario, plan, writer, progress);
    outcome.report.wall_seconds += part.wall_seconds;
    outcome.report.threads = part.threads;
  }
  const MergeSummary merged = resume_results(output, partial, slices, registry);
  for (const std::string& slice : slices) std::filesystem::remove(slice);
  std::filesystem::remove(partial);
  outcome.resumed_ranges = slices.size();
  outcome.report.tasks = merged.tasks;
  outcome.report.failed = merged.failed;
  return outcome;
}

/// A long whole run as journaled parts (run_parts.hpp); a resume continues one.
RunOutcome parts_run(const Scenario& scenario, const RunRequest& request, const ModelRegistry& registry,
                     const ProgressCallback& progress) {
  const std::string& output = scenario.output_path;
  if (request.resume && !has_parts(output))
    throw ScenarioError(SourceLocation{}, "nothing to resume: '" + parts_folder(output) + "' does not exist");
  if (!request.resume && has_parts(output))
    throw ScenarioError(SourceLocation{}, "'" + parts_folder(output) +
                                              "' holds the parts of an unfinished run: add "
                                              "--resume to complete it, or remove the folder to start again");
  RunOutcome outcome;
  outcome.output = output;
  outcome.report = run_in_parts(scenario, output, request.part_tasks, registry, progress, request.interrupt);
  if (outcome.report.not_run > 0) {
    outcome.interrupted = true;
    outcome.unfinished = parts_folder(output);
  }
  return outcome;
}

/// Every task of `range` (all of them by default) into `output`; a slice of a whole run or a shard.
RunOutcome plain_run(const Scenario& scenario, const std::string& output, const TaskRange& range,
                     const std::atomic<bool>* interrupt, const ProgressCallback& progress) {
  std::optional<Plan> plan;
  try {
    plan.emplace(scenario, range);
  } catch (const Error& e) {
    throw ScenarioError(SourceLocation{}, e.what());
  }
  RunOutcome outcome;
  outcome.output = output;
  Hdf5ResultWriter writer(output, scenario, *plan);
  outcome.report = run_plan(scenario, *plan, writer, progress, interrupt);
  if (outcome.report.not_run > 0) {
    outcome.interrupted = true;
    outcome.unfinished = writer.path();
  }
  return outcome;
}

/// Each rank runs an equal slice into a shard of its own; rank 0 merges them into the output.
RunOutcome distributed_run(const Scenario& scenario, const RunRequest& request, const ModelRegistry& registry,
                           const RankGroup& ranks, const ProgressCallback& progress) {
  if (request.tasks || request.shard)
    throw ScenarioError(SourceLocation{}, "--tasks and --shard cannot be combined with several MPI ranks");
  const std::string& output = scenario.output_path;
  auto shard_path = [&](int rank) { return output + ".rank" + std::to_string(rank) + ".h5"; };
  const auto rank = static_cast<std::size_t>(ranks.rank()), size = static_cast<std::size_t>(ranks.size());
  RunOutcome outcome = plain_run(scenario, shard_path(ranks.rank()), slice_of(rank, size, Plan(scenario).total_tasks()),
                                 request.interrupt, ranks.rank() == 0 ? progress : ProgressCallback{});
  outcome.output = output;
  outcome.ranks = ranks.size();
  if (outcome.interrupted) return outcome;
  ranks.barrier();
  if (ranks.rank() != 0) {
    outcome.holds_result = false;
    return outcome;
  }
  std::vector<std::string> shards;
  for (int r = 0; r < ranks.size(); ++r) shards.push_back(shard_path(r));
  const MergeSummary merged = merge_results(output, shards, registry);
  for (const std::string& shard : shards) std::filesystem::remove(shard);
  outcome.report.failed = merged.failed;
  outcome.report.tasks = merged.tasks;
  return outcome;
}

/// `output` replaces the scenario's output:; a sweep must have a sweep: section; a result file
/// must be named.
Scenario ready_to_run(Scenario scenario, const std::optional<std::string>& output, bool sweep) {
  if (output) {
    check_output_path(*output, nullptr);
    scenario.output_path = *output;
  }
  if (sweep && !scenario.sweep)
    throw ScenarioError(SourceLocation{scenario.source_name, 0, 0},
                        "the scenario has no sweep: section (docs/sensitivity.md); run it with `icbsim run`");
  if (scenario.output_path.empty())
    throw ScenarioError(SourceLocation{scenario.source_name, 0, 0},
                        "no result file named: add `output: FILE.h5` to the scenario or pass -o FILE.h5");
  return scenario;
}

}  // namespace

Scenario load_run_scenario(const std::optional<std::string>& path, const std::optional<std::string>& output, bool sweep,
                           const ModelRegistry& registry) {
  return ready_to_run(path ? load_scenario_file(*path, registry)
                           : load_scenario_text(std::string(kQuickstartYaml), std::string(kQuickstartName), registry),
                      output, sweep);
}

Scenario load_scenario_with_overrides(const ScenarioText& source, const std::optional<ScenarioText>& overrides,
                                      const ModelRegistry& registry) {
  if (!overrides) return load_scenario_text(source.text, source.name, registry);
  const ConfigNode root = parse_scenario_with_overrides(source.text, source.name, overrides->text, overrides->name);
  return load_scenario_node(root, source.text, source.name, registry);
}

Scenario load_run_scenario_text(const ScenarioText& source, const std::optional<ScenarioText>& overrides,
                                const std::optional<std::string>& output, bool sweep, const ModelRegistry& registry) {
  return ready_to_run(load_scenario_with_overrides(source, overrides, registry), output, sweep);
}

ScenarioText quickstart_text() { return {std::string(kQuickstartYaml), std::string(kQuickstartName)}; }

RunOutcome run_scenario(const Scenario& scenario, const RunRequest& request, const ModelRegistry& registry,
                        const RankGroup& ranks, const ProgressCallback& progress) {
  TaskRange range = request.tasks.value_or(TaskRange{});
  if (request.shard) range = slice_of(request.shard->index, request.shard->count, Plan(scenario).total_tasks());
  const bool whole = !request.tasks && !request.shard && ranks.size() == 1;
  if (whole &&
      (has_parts(scenario.output_path) || (!request.resume && Plan(scenario).total_tasks() > request.part_tasks)))
    return parts_run(scenario, request, registry, progress);
  if (request.resume) {
    if (ranks.size() > 1 || request.tasks || request.shard)
      throw ScenarioError(SourceLocation{}, "--resume runs in one process and for the whole scenario");
    return resume_run(scenario, registry, progress);
  }
  if (ranks.size() > 1) return distributed_run(scenario, request, registry, ranks, progress);
  return plain_run(scenario, scenario.output_path, range, request.interrupt, progress);
}

RunOutcome run_continued(Scenario scenario, const std::string& output, const ProgressCallback& progress) {
  check_output_path(output, nullptr);
  scenario.output_path = output;
  const Plan plan(scenario);
  RunOutcome outcome;
  outcome.output = output;
  Hdf5ResultWriter writer(output, scenario, plan);
  outcome.report = run_plan(scenario, plan, writer, progress);
  return outcome;
}

}  // namespace icbsim::app
