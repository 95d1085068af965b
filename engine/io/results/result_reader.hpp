// Reads back what a result file holds, for `icbsim summary`, the end-of-run summary and tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/io/h5/hdf5_handle.hpp"

namespace icbsim {

/// Opens an icbsim result file for reading. IoError naming the file when it is missing, is not an
/// HDF5 file or is damaged (truncated), was not written by icbsim, or has another schema_version.
h5::Id open_result_file(const std::string& path);

struct TrajectoryColumn {
  std::string name;
  std::string unit;
  std::string kind;            ///< "state" or "observable"
  std::vector<double> values;  ///< [task][time], row-major
};

/// A per-task outcome column: numbers, or names for categorical ones.
struct OutcomeColumn {
  std::string name;
  std::string unit;
  std::vector<double> values;      ///< numeric columns
  std::vector<std::string> names;  ///< categorical columns (HDF5 enums)
};

struct ResultFileContents {
  std::string model;
  std::string icbsim_version;
  std::string git_commit;
  std::string scenario_file;
  std::string report;  ///< the trial report text; empty without a readout
  std::size_t tasks = 0;
  std::size_t failed = 0;
  std::vector<std::string> failure_reasons;  ///< one per task; empty when ok
  std::vector<double> time;                  ///< [day]
  std::vector<TrajectoryColumn> trajectories;
  std::vector<OutcomeColumn> outcomes;  ///< /outcomes/* except status and failure_reason
  std::vector<double> scan_times;       ///< /scans/time; empty without a readout [day]
  std::vector<double> scan_sld_mm;      ///< /scans/sld_mm [task][scan]
  std::vector<std::string> scan_recist; ///< /scans/recist [task][scan]

  /// The outcome column called `name`, or nullptr.
  const OutcomeColumn* outcome(std::string_view name) const;
};

/// Reads `path`; throws IoError when it is not an icbsim result file.
ResultFileContents read_result_file(const std::string& path);

}  // namespace icbsim
