// The spatial part of a result file (docs/hdf5-layout.md): /spatial/<metric> [task, time] over the
// output grid (a class metric as an HDF5 enum), and the lattice snapshots under
// /snapshots/task<k>/t<day>/{agents,fields}/... that the XDMF file beside the .h5 points into.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/core/task.hpp"
#include "engine/io/h5/blocked_column.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/results/xdmf_writer.hpp"
#include "engine/run/spatial_spec.hpp"

namespace icbsim {

class SpatialResults {
 public:
  SpatialResults() = default;
  /// Creates /spatial (and /snapshots) in `root` for `n_tasks` rows over `n_times` output times.
  SpatialResults(hid_t root, const SpatialSpec& spec, std::size_t n_tasks, std::size_t n_times);

  bool active() const noexcept { return !metrics_.empty(); }
  /// Stores the metrics of local row `task` (missing values when `output` is null) and the
  /// snapshots it carries, under its global id.
  void write(std::size_t task, std::size_t global_task, const TaskOutput* output);
  /// Throws IoError if a row was never written.
  void check_complete() const;
  /// The snapshots written so far (for the XDMF file).
  const std::vector<XdmfSnapshot>& snapshots() const noexcept { return written_; }
  void close() noexcept;

 private:
  void write_snapshot(std::size_t global_task, const SpatialSnapshot& s);

  const SpatialSpec* spec_ = nullptr;
  std::size_t n_times_ = 0;
  h5::Id group_, snapshots_;
  std::vector<h5::Id> types_;  ///< enum types of class metrics (kept open for writing)
  std::vector<BlockedColumn> metrics_;
  std::vector<XdmfSnapshot> written_;
};

}  // namespace icbsim
