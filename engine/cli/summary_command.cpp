// `icbsim summary FILE.h5 [--format text|markdown|json|csv] [--show-tasks]`: the summary and trial
// report of a finished run, read from the file alone; the report as a table or data for a paper or
// a pipeline.
#include <iostream>

#include "engine/cli/commands.hpp"
#include "engine/cli/run_summary.hpp"
#include "engine/cohort/report_formats.hpp"
#include "engine/io/results/result_reader.hpp"
#include "engine/io/results/trial_report_file.hpp"

namespace icbsim::cli {

int summary_command(const std::string& result_file, Format format, bool show_tasks, const ModelRegistry& registry) {
  if (format == Format::kText) {
    print_result_summary(read_result_file(result_file), result_file, std::cout, show_tasks);
    print_sweep_report(result_file, std::cout);
    return kOk;
  }
  const cohort::TrialReport report = read_trial_report(result_file, registry);
  if (format == Format::kJson)
    std::cout << cohort::report_json(report);
  else if (format == Format::kCsv)
    std::cout << cohort::report_csv(report);
  else
    std::cout << cohort::report_markdown(report);
  return kOk;
}

}  // namespace icbsim::cli
