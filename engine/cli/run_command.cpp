// `icbsim run [SCENARIO] [-o FILE]`: load and validate, plan, run, write HDF5, print a summary.
#include <iostream>

#include <icbsim/quickstart_scenario.hpp>

#include "engine/cli/commands.hpp"
#include "engine/cli/run_summary.hpp"
#include "engine/io/result_reader.hpp"
#include "engine/io/result_writer.hpp"
#include "engine/io/scenario_loader.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/runner.hpp"

namespace icbsim::cli {

int run_command(const RunOptions& options, const ModelRegistry& registry) {
  Scenario scenario = options.scenario
                          ? load_scenario_file(*options.scenario, registry)
                          : load_scenario_text(std::string(kQuickstartYaml), std::string(kQuickstartName), registry);
  if (options.output) {
    check_output_path(*options.output, nullptr);
    scenario.output_path = *options.output;
  }
  if (scenario.output_path.empty())
    throw ScenarioError(SourceLocation{scenario.source_name, 0, 0},
                        "no result file named: add `output: FILE.h5` to the scenario or pass -o FILE.h5");

  const Plan plan = plan_run(scenario);
  RunReport report;
  {
    Hdf5ResultWriter writer(scenario.output_path, scenario, plan);
    report = run_plan(scenario, plan, writer);
  }
  if (!options.quiet) {
    print_result_summary(read_result_file(scenario.output_path), scenario.output_path, std::cout);
    std::cout << "\nwall time     " << report.wall_seconds << " s on " << report.threads << " thread(s)\n";
  }
  if (report.failed > 0) {
    std::cerr << report.failed << " of " << report.tasks << " task(s) failed; reasons are in /outcomes/failure_reason\n";
    return kTasksFailed;
  }
  return kOk;
}

}  // namespace icbsim::cli
