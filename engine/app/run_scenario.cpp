// Whole runs, slices, journaled parts, resumes and MPI splits of one scenario.
#include "engine/app/run_scenario.hpp"

#include <filesystem>
#include <vector>

#include <icbsim/quickstart_scenario.hpp>

#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_base.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/h5/output_target.hpp"
#include "engine/io/results/result_merger.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/run/plan.hpp"

namespace icbsim::app {
namespace {

namespace fs = std::filesystem;

/// Removes the resume slices of a failed or finished resume.
struct SliceFiles {
  std::vector<std::string> paths;
  SliceFiles() = default;
  SliceFiles(const SliceFiles&) = delete;
  SliceFiles& operator=(const SliceFiles&) = delete;
  ~SliceFiles() {
    std::error_code ec;
    for (const std::string& path : paths) fs::remove(path, ec);
  }
};

/// Completes an interrupted run: the not-run task ranges of OUT.interrupted.h5 run as slices, then
/// are written over a copy of it into OUT. Interrupted in its turn, the finished rows go into
/// OUT.interrupted.h5, which a further --resume completes.
RunOutcome resume_run(const Scenario& scenario, const RunRequest& request, const ModelRegistry& registry,
                      const ProgressCallback& progress) {
  const std::string& output = scenario.output_path;
  const std::string partial = interrupted_path(output);
  if (!fs::exists(partial))
    throw ScenarioError(SourceLocation{}, "nothing to resume: '" + partial + "' does not exist");
  check_same_scenario(partial, scenario);
  const OutputLock lock(output + ".resume");  // one resume at a time
  RunOutcome outcome;
  outcome.output = output;
  SliceFiles slices;
  std::size_t not_run = 0, to_run = 0, done = 0;
  const auto ranges = not_run_ranges(partial);
  for (const auto& [begin, end] : ranges) to_run += end - begin;
  for (const auto& [begin, end] : ranges) {
    if (not_run > 0) {  // interrupted: the remaining ranges stay not run
      not_run += end - begin;
      continue;
    }
    const Plan plan(scenario, TaskRange{begin, end});
    const std::string slice = output + ".resume" + std::to_string(slices.paths.size()) + ".h5";
    slices.paths.push_back(slice);
    Hdf5ResultWriter writer(slice, scenario, plan);
    const ProgressCallback slice_progress = [&](std::size_t d, std::size_t) {
      if (progress) progress(done + d, to_run);
    };
    const RunReport part = run_plan(scenario, plan, writer, slice_progress, request.interrupt);
    done += end - begin - part.not_run;
    slices.paths.back() = writer.path();  // OUT.resumeK.interrupted.h5 when interrupted
    not_run += part.not_run;
    outcome.report.wall_seconds += part.wall_seconds;
    outcome.report.threads = part.threads;
  }
  outcome.resumed_ranges = slices.paths.size();
  if (not_run > 0) {
    const MergeSummary kept = resume_results(partial, partial, slices.paths, registry, true);
    outcome.interrupted = true;
    outcome.unfinished = partial;
    outcome.report.tasks = kept.tasks;
    outcome.report.failed = kept.failed;
    outcome.report.not_run = kept.not_run;
    return outcome;
  }
  const MergeSummary merged = resume_results(output, partial, slices.paths, registry);
  fs::remove(partial);
  outcome.report.tasks = merged.tasks;
  outcome.report.failed = merged.failed;
  return outcome;
}

/// A long whole run as journaled parts (run_parts.hpp); a resume continues one.
RunOutcome parts_run(const Scenario& scenario, const RunRequest& request, const ModelRegistry& registry,
                     const ProgressCallback& progress) {
  const std::string& output = scenario.output_path;
  const OutputLock lock(parts_folder(output));  // one process per parts folder
  if (request.resume && !has_parts(output))
    throw ScenarioError(SourceLocation{}, "nothing to resume: '" + parts_folder(output) + "' does not exist");
  if (!request.resume && has_parts(output))
    throw ScenarioError(SourceLocation{}, "'" + parts_folder(output) +
                                              "' holds the parts of an unfinished run: add "
                                              "--resume to complete it, or remove the folder to start again");
  if (request.resume) check_parts_scenario(scenario, output);
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

/// Each rank runs an equal slice into a shard of its own; rank 0 merges them into the output. A
/// rank whose slice is empty (fewer tasks than ranks) runs nothing and adds no shard.
RunOutcome distributed_run(const Scenario& scenario, const RunRequest& request, const ModelRegistry& registry,
                           const RankGroup& ranks, const ProgressCallback& progress) {
  if (request.tasks || request.shard)
    throw ScenarioError(SourceLocation{}, "--tasks and --shard cannot be combined with several MPI ranks");
  const std::string& output = scenario.output_path;
  auto shard_path = [&](int rank) { return output + ".rank" + std::to_string(rank) + ".h5"; };
  const std::size_t total = Plan(scenario).total_tasks();
  const auto rank = static_cast<std::size_t>(ranks.rank()), size = static_cast<std::size_t>(ranks.size());
  const TaskRange mine = slice_of(rank, size, total);
  RunOutcome outcome;
  if (mine.end > mine.begin) {
    outcome = plain_run(scenario, shard_path(ranks.rank()), mine, request.interrupt,
                        ranks.rank() == 0 ? progress : ProgressCallback{});
  } else {
    outcome.report.threads = 0;
  }
  outcome.output = output;
  outcome.ranks = ranks.size();
  if (outcome.interrupted) return outcome;
  ranks.barrier();
  if (ranks.rank() != 0) {
    outcome.holds_result = false;
    return outcome;
  }
  std::vector<std::string> shards;
  for (int r = 0; r < ranks.size(); ++r) {
    const TaskRange slice = slice_of(static_cast<std::size_t>(r), size, total);
    if (slice.end > slice.begin) shards.push_back(shard_path(r));
  }
  const MergeSummary merged = merge_results(output, shards, registry);
  for (const std::string& shard : shards) fs::remove(shard);
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

std::string run_output(const Scenario& scenario, const RunRequest& request) {
  if (request.output_typed) return scenario.output_path;
  if (request.shard) return shard_output_name(scenario.output_path, *request.shard);
  if (request.tasks) return tasks_output_name(scenario.output_path, *request.tasks);
  return scenario.output_path;
}

RunOutcome run_scenario(const Scenario& scenario, const RunRequest& request, const ModelRegistry& registry,
                        const RankGroup& ranks, const ProgressCallback& progress) {
  const std::size_t total = Plan(scenario).total_tasks();
  if (request.tasks && request.tasks->end > total)
    throw ScenarioError(SourceLocation{}, "--tasks " + std::to_string(request.tasks->begin) + ":" +
                                              std::to_string(request.tasks->end) + " goes past the scenario's " +
                                              std::to_string(total) + " tasks (ids 0 to " + std::to_string(total - 1) +
                                              ")");
  TaskRange range = request.tasks.value_or(TaskRange{});
  if (request.shard) {
    range = slice_of(request.shard->index, request.shard->count, total);
    if (range.end <= range.begin)
      throw ScenarioError(SourceLocation{}, "--shard " + std::to_string(request.shard->index) + "/" +
                                                std::to_string(request.shard->count) + " is empty: the scenario has " +
                                                std::to_string(total) + " tasks, fewer than its shards");
  }
  const std::string target = run_output(scenario, request);
  check_replaceable(target, OutputPermission{request.output_typed, request.overwrite});
  const bool whole = !request.tasks && !request.shard && ranks.size() == 1;
  if (whole && (has_parts(scenario.output_path) || (!request.resume && total > request.part_tasks)))
    return parts_run(scenario, request, registry, progress);
  if (request.resume) {
    if (ranks.size() > 1 || request.tasks || request.shard)
      throw ScenarioError(SourceLocation{}, "--resume runs in one process and for the whole scenario");
    return resume_run(scenario, request, registry, progress);
  }
  if (ranks.size() > 1) return distributed_run(scenario, request, registry, ranks, progress);
  Scenario slice = scenario;
  slice.output_path = target;
  return plain_run(slice, target, range, request.interrupt, progress);
}

RunOutcome run_continued(Scenario scenario, const std::string& output, const ProgressCallback& progress,
                         const RunRequest& request) {
  check_output_path(output, nullptr);
  check_replaceable(output, OutputPermission{request.output_typed, request.overwrite});
  scenario.output_path = output;
  RunOutcome outcome = plain_run(scenario, output, TaskRange{}, request.interrupt, progress);
  outcome.resumable = false;
  return outcome;
}

}  // namespace icbsim::app
