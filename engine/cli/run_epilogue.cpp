// The one end-of-run printout of run, sweep, restarts and branches.
#include "engine/cli/run_epilogue.hpp"

#include <omp.h>

#include <iostream>

#include "engine/cli/commands.hpp"
#include "engine/cli/run_summary.hpp"

namespace icbsim::cli {

int finish_run(const app::RunOutcome& outcome, bool quiet, bool show_tasks) {
  const RunReport& report = outcome.report;
  if (outcome.interrupted) {
    std::cerr << "interrupted: " << report.not_run << " of " << report.tasks
              << " task(s) not run; the finished ones are in " << outcome.unfinished << "\n";
    if (outcome.resumable)
      std::cerr << "complete them with: icbsim run SCENARIO -o " << outcome.output << " --resume\n";
    else
      std::cerr << "run the command again to start over\n";
    return kTasksFailed;
  }
  if (!outcome.holds_result) return report.failed > 0 ? kTasksFailed : kOk;
  if (quiet) std::cout << outcome.output << "\n";
  if (!quiet) {
    if (outcome.resumed_ranges > 0) std::cout << "resumed " << outcome.resumed_ranges << " range(s) of not-run tasks\n";
    print_result_summary(read_result_file(outcome.output), outcome.output, std::cout, show_tasks, false);
    print_sweep_report(outcome.output, std::cout);
    std::cout << "\nwall time     " << report.wall_seconds << " s on " << report.threads << " thread(s)"
              << (outcome.ranks > 1 ? " x " + std::to_string(outcome.ranks) + " MPI ranks" : std::string()) << "\n";
  }
  if (report.failed > 0) {
    std::cerr << report.failed << " of " << report.tasks
              << " task(s) failed; reasons are in /outcomes/failure_reason\n";
    return kTasksFailed;
  }
  return kOk;
}

void print_run_header(const Scenario& scenario, std::size_t tasks, const std::string& what) {
  std::cout << what << " " << scenario.source_name << ": model " << scenario.model->name << ", " << tasks
            << (tasks == 1 ? " task" : " tasks") << ", " << omp_get_max_threads() << " thread(s) -> "
            << scenario.output_path << std::endl;
}

}  // namespace icbsim::cli
