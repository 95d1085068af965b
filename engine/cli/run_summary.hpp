// Text summary of a result file: what `icbsim run` prints at the end and `icbsim summary` prints.
#pragma once

#include <ostream>

#include "engine/io/results/result_reader.hpp"

namespace icbsim::cli {

/// The file's summary and trial report; the per-task tables of the first tasks with `show_tasks`.
/// With `carrier_rows` false the report leaves out its carrier and non-carrier rows (the attribution
/// section sums them up; `icbsim summary` prints them).
void print_result_summary(const ResultFileContents& contents, const std::string& path, std::ostream& out,
                          bool show_tasks, bool carrier_rows = true);

/// The sensitivity tables of a finished sweep (nothing for other runs).
void print_sweep_report(const std::string& path, std::ostream& out);

}  // namespace icbsim::cli
