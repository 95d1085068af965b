// What every running verb prints when its run ends (interruption, summary, trial and sweep
// reports, wall time, failures), and the exit code it ends with.
#pragma once

#include "engine/app/run_scenario.hpp"

namespace icbsim::cli {

/// Prints the end of `outcome` (only errors and interruptions when `quiet`); returns the exit code.
int finish_run(const app::RunOutcome& outcome, bool quiet);

}  // namespace icbsim::cli
