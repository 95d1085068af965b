// Hdf5ResultWriter: the ResultSink that writes one self-describing HDF5 file per run
// (docs/hdf5-layout.md). It writes under a temporary name and renames the file only in finish(),
// so a crash never leaves a half-written file that looks whole.
#pragma once

#include <string>
#include <vector>

#include "engine/io/dose_records.hpp"
#include "engine/io/hdf5_handle.hpp"
#include "engine/io/outcome_columns.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/result_sink.hpp"

namespace icbsim {

/// Version of the file layout; bumped whenever a reader would need to change.
inline constexpr long long kHdf5SchemaVersion = 1;

class Hdf5ResultWriter final : public ResultSink {
 public:
  /// Creates `<path>.partial` laid out for the plan's tasks of the scenario's model.
  Hdf5ResultWriter(std::string path, const Scenario& scenario, const Plan& plan);
  Hdf5ResultWriter(const Hdf5ResultWriter&) = delete;
  Hdf5ResultWriter& operator=(const Hdf5ResultWriter&) = delete;
  /// Removes the temporary file when finish() was never reached.
  ~Hdf5ResultWriter() override;

  void write_task(const TaskRecord& record) override;
  void finish(const RunMetadata& metadata) override;

  const std::string& path() const noexcept { return path_; }

 private:
  void close_all() noexcept;

  std::string path_;
  std::string temp_path_;
  const Scenario& scenario_;
  std::size_t n_times_;
  bool finished_ = false;
  h5::Id file_;
  h5::Id status_type_;
  std::vector<h5::Id> trajectories_;
  std::vector<h5::Id> parameters_;
  h5::Id status_;
  h5::Id failure_;
  OutcomeColumns outcomes_;
  DoseRecords doses_;
};

}  // namespace icbsim
