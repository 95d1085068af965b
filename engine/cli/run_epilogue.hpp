// What every running verb prints when its run ends (interruption, summary, trial and sweep
// reports, wall time, failures), and the exit code it ends with.
#pragma once

#include "engine/app/run_scenario.hpp"

namespace icbsim::cli {

/// Prints the end of `outcome`: the summary and trial report (the per-task tables with
/// `show_tasks`), or with `quiet` only the output path; errors and interruptions on stderr.
/// Returns the exit code.
int finish_run(const app::RunOutcome& outcome, bool quiet, bool show_tasks = false);

/// The one line printed before a run: what runs, on how many threads, into which file.
void print_run_header(const Scenario& scenario, std::size_t tasks, const std::string& what);

}  // namespace icbsim::cli
