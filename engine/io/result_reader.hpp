// Reads back what a result file holds, for `icbsim summary`, the end-of-run summary and tests.
#pragma once

#include <string>
#include <vector>

namespace icbsim {

struct TrajectoryColumn {
  std::string name;
  std::string unit;
  std::string kind;            ///< "state" or "observable"
  std::vector<double> values;  ///< [task][time], row-major
};

struct ResultFileContents {
  std::string model;
  std::string icbsim_version;
  std::string git_commit;
  std::string scenario_file;
  std::size_t tasks = 0;
  std::size_t failed = 0;
  std::vector<std::string> failure_reasons;  ///< one per task; empty when ok
  std::vector<double> time;                  ///< [day]
  std::vector<TrajectoryColumn> trajectories;
};

/// Reads `path`; throws IoError when it is not an icbsim result file.
ResultFileContents read_result_file(const std::string& path);

}  // namespace icbsim
