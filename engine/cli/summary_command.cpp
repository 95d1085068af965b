// `icbsim summary FILE.h5`: the summary tables of a finished run, read from the file alone.
#include <iostream>

#include "engine/cli/commands.hpp"
#include "engine/cli/run_summary.hpp"
#include "engine/io/results/result_reader.hpp"

namespace icbsim::cli {

int summary_command(const std::string& result_file) {
  print_result_summary(read_result_file(result_file), result_file, std::cout);
  print_sweep_report(result_file, std::cout);
  return kOk;
}

}  // namespace icbsim::cli
