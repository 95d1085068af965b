// `icbsim run [SCENARIO] [-o FILE]`: load and validate, plan, run, write HDF5, print a summary.
#include <filesystem>
#include <functional>
#include <iostream>

#include <icbsim/quickstart_scenario.hpp>

#include "engine/cli/commands.hpp"
#include "engine/cli/mpi_session.hpp"
#include "engine/io/hdf5_handle.hpp"
#include "engine/io/result_merger.hpp"
#include "engine/cli/progress.hpp"
#include "engine/cli/run_parts.hpp"
#include "engine/cli/run_summary.hpp"
#include "engine/io/result_reader.hpp"
#include "engine/io/result_writer.hpp"
#include "engine/io/scenario_loader.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/runner.hpp"

namespace icbsim::cli {
namespace {

/// Slice `index` of `count` near-equal slices of `total` tasks (shards, MPI ranks). When every
/// slice still spans at least one chunk, boundaries fall on multiples of the result file's chunk
/// rows, so that merging copies whole compressed chunks instead of decoding rows.
TaskRange slice_of(std::size_t index, std::size_t count, std::size_t total) {
  const std::size_t block = h5::kTaskChunkRows;
  auto boundary = [&](std::size_t k) {
    if (k == count) return total;
    const std::size_t even = k * total / count;
    if (k == 0 || total < count * block) return even;
    return std::min(total, (even + block / 2) / block * block);
  };
  return TaskRange{boundary(index), boundary(index + 1)};
}

/// Completes an interrupted run: the not-run task ranges of OUT.interrupted.h5 run as slices, then
/// are written over a copy of it into OUT.
int resume_run(Scenario& scenario, const RunOptions& options, const ModelRegistry& registry, const MpiSession& mpi) {
  if (mpi.size() > 1 || options.tasks || options.shard)
    throw ScenarioError(SourceLocation{}, "--resume runs in one process and for the whole scenario");
  const std::string output = scenario.output_path;
  const std::string partial = interrupted_path(output);
  if (!std::filesystem::exists(partial))
    throw ScenarioError(SourceLocation{}, "nothing to resume: '" + partial + "' does not exist");
  std::vector<std::string> slices;
  for (const auto& [begin, end] : not_run_ranges(partial)) {
    const Plan plan(scenario, TaskRange{begin, end});
    slices.push_back(output + ".resume" + std::to_string(slices.size()) + ".h5");
    Hdf5ResultWriter writer(slices.back(), scenario, plan);
    Progress progress(!options.quiet);
    run_plan(scenario, plan, writer, std::ref(progress));
  }
  const MergeSummary merged = resume_results(output, partial, slices, registry);
  for (const std::string& slice : slices) std::filesystem::remove(slice);
  std::filesystem::remove(partial);
  if (!options.quiet) {
    std::cout << "resumed " << slices.size() << " range(s) of not-run tasks\n";
    print_result_summary(read_result_file(output), output, std::cout);
    print_sweep_report(output, std::cout);
  }
  return merged.failed > 0 ? kTasksFailed : kOk;
}

/// A long run as journaled parts (run_parts.hpp); `--resume` continues one.
int parts_run(const Scenario& scenario, const RunOptions& options, const ModelRegistry& registry, std::size_t part_tasks) {
  const std::string& output = scenario.output_path;
  if (options.resume && !has_parts(output))
    throw ScenarioError(SourceLocation{}, "nothing to resume: '" + parts_folder(output) + "' does not exist");
  if (!options.resume && has_parts(output))
    throw ScenarioError(SourceLocation{}, "'" + parts_folder(output) + "' holds the parts of an unfinished run: add "
                                          "--resume to complete it, or remove the folder to start again");
  Progress progress(!options.quiet);
  const RunReport report = run_in_parts(scenario, output, part_tasks, registry, std::ref(progress), options.interrupt);
  if (report.not_run > 0) {
    std::cerr << "interrupted: " << report.not_run << " of " << report.tasks << " task(s) not run; the finished parts are in "
              << parts_folder(output) << "\ncomplete them with: icbsim run SCENARIO -o " << output << " --resume\n";
    return kTasksFailed;
  }
  if (!options.quiet) {
    print_result_summary(read_result_file(output), output, std::cout);
    print_sweep_report(output, std::cout);
    std::cout << "\nwall time     " << report.wall_seconds << " s on " << report.threads << " thread(s)\n";
  }
  if (report.failed > 0) {
    std::cerr << report.failed << " of " << report.tasks << " task(s) failed; reasons are in /outcomes/failure_reason\n";
    return kTasksFailed;
  }
  return kOk;
}

}  // namespace

int run_command(const RunOptions& options, const ModelRegistry& registry, const MpiSession& mpi) {
  if (options.from_checkpoint) return restart_command(options, registry, mpi);
  Scenario scenario = options.scenario
                          ? load_scenario_file(*options.scenario, registry)
                          : load_scenario_text(std::string(kQuickstartYaml), std::string(kQuickstartName), registry);
  if (options.output) {
    check_output_path(*options.output, nullptr);
    scenario.output_path = *options.output;
  }
  if (options.sweep && !scenario.sweep)
    throw ScenarioError(SourceLocation{scenario.source_name, 0, 0},
                        "the scenario has no sweep: section (docs/sensitivity.md); run it with `icbsim run`");
  if (scenario.output_path.empty())
    throw ScenarioError(SourceLocation{scenario.source_name, 0, 0},
                        "no result file named: add `output: FILE.h5` to the scenario or pass -o FILE.h5");

  TaskRange range;
  if (options.tasks) {
    const std::string& text = *options.tasks;
    const auto colon = text.find(':');
    std::size_t begin = 0, end = 0;
    try {
      if (colon == std::string::npos) throw std::invalid_argument(text);
      begin = std::stoul(text.substr(0, colon));
      end = std::stoul(text.substr(colon + 1));
    } catch (const std::exception&) {
      throw ScenarioError(SourceLocation{}, "--tasks expects BEGIN:END (whole numbers), found '" + text + "'");
    }
    range = TaskRange{begin, end};
  }
  if (options.shard) {
    const std::string& text = *options.shard;
    const auto slash = text.find('/');
    std::size_t index = 0, count = 0;
    try {
      if (slash == std::string::npos) throw std::invalid_argument(text);
      index = std::stoul(text.substr(0, slash));
      count = std::stoul(text.substr(slash + 1));
    } catch (const std::exception&) {
      throw ScenarioError(SourceLocation{}, "--shard expects I/N (whole numbers, I from 0), found '" + text + "'");
    }
    if (count == 0 || index >= count) throw ScenarioError(SourceLocation{}, "--shard I/N needs 0 <= I < N, found '" + text + "'");
    const std::size_t total = Plan(scenario).total_tasks();
    range = slice_of(index, count, total);
  }
  const std::size_t part_tasks = options.part_size.value_or(kDefaultPartTasks);
  const bool whole = !options.tasks && !options.shard && mpi.size() == 1;
  if (whole && (has_parts(scenario.output_path) || (!options.resume && Plan(scenario).total_tasks() > part_tasks)))
    return parts_run(scenario, options, registry, part_tasks);
  if (options.resume) return resume_run(scenario, options, registry, mpi);
  // Several MPI ranks: each runs an equal slice into a shard of its own; rank 0 merges them.
  const bool distributed = mpi.size() > 1;
  if (distributed) {
    if (options.tasks || options.shard)
      throw ScenarioError(SourceLocation{}, "--tasks and --shard cannot be combined with several MPI ranks");
    const std::size_t total = Plan(scenario).total_tasks();
    const auto r = static_cast<std::size_t>(mpi.rank()), n = static_cast<std::size_t>(mpi.size());
    range = slice_of(r, n, total);
  }
  const std::string final_output = scenario.output_path;
  auto shard_path = [&](int rank) { return final_output + ".rank" + std::to_string(rank) + ".h5"; };
  if (distributed) scenario.output_path = shard_path(mpi.rank());
  std::optional<Plan> plan_storage;
  try {
    plan_storage.emplace(scenario, range);
  } catch (const Error& e) {
    throw ScenarioError(SourceLocation{}, e.what());
  }
  const Plan& plan = *plan_storage;
  RunReport report;
  {
    Hdf5ResultWriter writer(scenario.output_path, scenario, plan);
    Progress progress(!options.quiet && mpi.rank() == 0);
    report = run_plan(scenario, plan, writer, std::ref(progress), options.interrupt);
    if (report.not_run > 0) {
      std::cerr << "interrupted: " << report.not_run << " of " << report.tasks << " task(s) not run; the finished ones are in "
                << writer.path() << "\ncomplete them with: icbsim run SCENARIO -o " << final_output << " --resume\n";
      return kTasksFailed;
    }
  }
  if (distributed) {
    mpi.barrier();
    if (mpi.rank() != 0) return report.failed > 0 ? kTasksFailed : kOk;
    std::vector<std::string> shards;
    for (int rank = 0; rank < mpi.size(); ++rank) shards.push_back(shard_path(rank));
    const MergeSummary merged = merge_results(final_output, shards, registry);
    for (const std::string& shard : shards) std::filesystem::remove(shard);
    scenario.output_path = final_output;
    report.failed = merged.failed;
    report.tasks = merged.tasks;
  }
  if (!options.quiet) {
    print_result_summary(read_result_file(scenario.output_path), scenario.output_path, std::cout);
    print_sweep_report(scenario.output_path, std::cout);
    std::cout << "\nwall time     " << report.wall_seconds << " s on " << report.threads << " thread(s)"
              << (distributed ? " x " + std::to_string(mpi.size()) + " MPI ranks" : std::string()) << "\n";
  }
  if (report.failed > 0) {
    std::cerr << report.failed << " of " << report.tasks << " task(s) failed; reasons are in /outcomes/failure_reason\n";
    return kTasksFailed;
  }
  return kOk;
}

}  // namespace icbsim::cli
