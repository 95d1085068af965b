// Parts are named part-<begin>-<end>.h5 by global task ids; only complete files carry that name
// (the writer renames its .partial file last), so the folder lists exactly the finished parts.
#include "engine/app/run_parts.hpp"

#include <omp.h>

#include <cstdio>
#include <filesystem>
#include <system_error>

#include "engine/core/errors.hpp"
#include "engine/io/results/result_merger.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/run/plan.hpp"

namespace icbsim::app {

namespace fs = std::filesystem;

namespace {

std::string part_path(const std::string& folder, std::size_t begin, std::size_t end) {
  char name[64];
  std::snprintf(name, sizeof name, "part-%012zu-%012zu.h5", begin, end);
  return (fs::path(folder) / name).string();
}

}  // namespace

std::string parts_folder(const std::string& output) { return output + ".parts"; }

bool has_parts(const std::string& output) {
  std::error_code ec;
  return fs::is_directory(parts_folder(output), ec);
}

void check_parts_scenario(const Scenario& scenario, const std::string& output) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parts_folder(output), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("part-", 0) != 0 || entry.path().extension() != ".h5" ||
        name.find(".interrupted.") != std::string::npos)
      continue;
    check_same_scenario(entry.path().string(), scenario);
    return;  // every part is checked when merged; one tells whether the scenario changed
  }
}

RunReport run_in_parts(const Scenario& scenario, const std::string& output, std::size_t part_tasks,
                       const ModelRegistry& registry, const ProgressCallback& progress,
                       const std::atomic<bool>* interrupt) {
  if (part_tasks == 0) throw ScenarioError(SourceLocation{}, "--part-size must be at least 1");
  const std::string folder = parts_folder(output);
  fs::create_directories(folder);
  const std::size_t total = Plan(scenario).total_tasks();
  RunReport report;
  report.tasks = total;
  report.threads = omp_get_max_threads();  // as run_plan reports it, also when every part was already done
  std::vector<std::string> parts;
  std::size_t done = 0;
  for (std::size_t begin = 0; begin < total; begin += part_tasks) {
    const std::size_t end = std::min(total, begin + part_tasks);
    const std::string path = part_path(folder, begin, end);
    parts.push_back(path);
    if (fs::exists(path)) {  // finished before an interruption
      done += end - begin;
      continue;
    }
    fs::remove(interrupted_path(path));  // an interrupted part runs again, whole
    Scenario part_scenario = scenario;
    part_scenario.output_path = path;
    const Plan plan(part_scenario, TaskRange{begin, end});
    Hdf5ResultWriter writer(path, part_scenario, plan);
    const ProgressCallback part_progress = [&](std::size_t d, std::size_t) {
      if (progress) progress(done + d, total);
    };
    const RunReport part = run_plan(part_scenario, plan, writer, part_progress, interrupt);
    report.wall_seconds += part.wall_seconds;
    report.failed += part.failed;
    done += end - begin;
    if (part.not_run > 0) {
      report.not_run = total - done + part.not_run;
      return report;
    }
  }
  const MergeSummary merged = merge_results(output, parts, registry);
  report.failed = merged.failed;
  fs::remove_all(folder);
  return report;
}

}  // namespace icbsim::app
