// The dose table of a result file (/doses/<field>): one row per planned dose of every task, in
// task order, with whether it was given (a stopping rule may cancel the later ones). Rows are
// gathered in blocks like every task-indexed column.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "engine/io/h5/blocked_column.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/run/plan.hpp"

namespace icbsim {

class DoseRecords {
 public:
  DoseRecords() = default;
  /// Creates /doses for the plan's doses; `group` is the open /doses group.
  DoseRecords(hid_t group, const Scenario& scenario, const Plan& plan, const h5::DatasetFilters& filters = {});
  /// Writes task `task`'s rows (`doses` planned, the first `given` given); a task that never got
  /// its inputs (no doses) fills its rows with NaN, not given.
  void write(std::size_t task, std::size_t arm, std::span<const DoseEvent> doses, std::size_t given);
  void check_complete() const;
  void close() noexcept;
  bool active() const noexcept { return !columns_.empty(); }
  /// Hands completed blocks to `queue` (BlockedColumn::defer_to).
  void defer_to(h5::ChunkQueue* queue) noexcept {
    for (auto& c : columns_) c.defer_to(queue);
  }

 private:
  std::vector<std::size_t> offsets_;   ///< first row of each task, then the row count
  std::vector<std::string> drug_names_;  ///< the enum's members, over all arms
  const Plan* plan_ = nullptr;
  h5::Id drug_type_, bool_type_;
  std::vector<BlockedColumn> columns_; ///< task, time, drug, amount_mg, duration, given
};

}  // namespace icbsim
