// Hdf5ResultWriter: the ResultSink that writes one self-describing HDF5 file per run
// (docs/hdf5-layout.md). Rows are gathered in blocks of consecutive tasks, one block per chunk;
// completed blocks are encoded (shuffle, deflate) by the worker threads in drain() and stored as
// whole chunks, so memory does not grow with the number of tasks and compression runs in
// parallel. The file is written under a temporary name and renamed only in finish(): a crash never
// leaves a half-written file that looks whole.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/io/h5/blocked_column.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/h5/output_target.hpp"
#include "engine/io/results/dose_records.hpp"
#include "engine/io/results/outcome_columns.hpp"
#include "engine/io/results/spatial_results.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/result_sink.hpp"

namespace icbsim {

/// Version of the file layout; bumped whenever the layout changes (2: the /task coordinate and
/// named dimensions, docs/hdf5-layout.md). Schema 1 files read as before.
inline constexpr long long kHdf5SchemaVersion = 2;

/// Where an interrupted run's file goes: "run.h5" -> "run.interrupted.h5". It is a valid file
/// whose unfinished tasks have status not_run; `icbsim run --resume` completes it.
std::string interrupted_path(const std::string& path);

class Hdf5ResultWriter final : public ResultSink {
 public:
  /// Creates `<path>.partial` laid out for the plan's tasks of the scenario's model.
  Hdf5ResultWriter(std::string path, const Scenario& scenario, const Plan& plan);
  Hdf5ResultWriter(const Hdf5ResultWriter&) = delete;
  Hdf5ResultWriter& operator=(const Hdf5ResultWriter&) = delete;
  /// Removes the temporary file when finish() was never reached.
  ~Hdf5ResultWriter() override;

  void write_task(const TaskRecord& record) override;
  /// Encodes and stores the blocks completed so far (any thread, several at once).
  void drain() override;
  void write_report(const std::string& text) override { report_ = text; }
  void finish(const RunMetadata& metadata) override;

  /// The file written by finish(): path(), or interrupted_path(path()) after an interruption.
  const std::string& path() const noexcept { return path_; }

 private:
  void close_all() noexcept;

  std::string path_;
  OutputLock lock_;  ///< held from creation to the rename: a second writer of path_ refuses
  std::string temp_path_;
  const Scenario& scenario_;
  const Plan& plan_;
  std::size_t n_times_;
  std::size_t n_parameters_;
  bool finished_ = false;
  std::string report_;
  h5::Id file_;
  h5::Id status_type_, arm_type_, bool_type_;
  std::mutex hdf5_;  ///< every HDF5 call of the writer happens under it
  h5::ChunkQueue queue_{hdf5_};
  std::vector<std::size_t> trajectory_rows_;  ///< stored rows of the task's trajectories
  std::vector<BlockedColumn> trajectories_;
  std::vector<BlockedColumn> parameters_;
  std::vector<BlockedColumn> tasks_;    ///< patient, arm, status
  std::unique_ptr<BlockedColumn> task_ids_;
  std::unique_ptr<BlockedColumn> point_;  ///< sweep point of each task (sweeps only)
  std::vector<BlockedColumn> carries_;  ///< one per population overlay
  h5::Id failure_;
  OutcomeColumns outcomes_;
  DoseRecords doses_;
  SpatialResults spatial_;  ///< spatial scenarios: /spatial, /snapshots (XDMF written by finish)
};

}  // namespace icbsim
