// The readout part of a result file: per-task outcomes (/outcomes/<field>) and per-scan records
// (/scans/<field>), each field declared once in outcome_columns.cpp with its unit and meaning.
#pragma once

#include <vector>

#include "engine/io/h5/blocked_column.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/readout/patient_readout.hpp"

namespace icbsim {

class OutcomeColumns {
 public:
  OutcomeColumns() = default;
  /// Creates the datasets for `n_tasks` tasks and the given scans in the open groups.
  OutcomeColumns(hid_t outcomes_group, hid_t scans_group, std::size_t n_tasks, const std::vector<double>& scan_times,
                 const readout::ReadoutSettings& settings, const h5::DatasetFilters& filters = {});
  /// Writes task `task`'s readout; a null readout (failed task) writes NaN / not-evaluable.
  void write(std::size_t task, const readout::PatientReadout* readout);
  void close() noexcept;
  void check_complete() const;
  bool active() const noexcept { return !outcome_sets_.empty(); }
  /// Hands completed blocks to `queue` (BlockedColumn::defer_to).
  void defer_to(h5::ChunkQueue* queue) noexcept {
    for (auto& c : outcome_sets_) c.defer_to(queue);
    for (auto& c : scan_sets_) c.defer_to(queue);
  }

 private:
  using Dataset = BlockedColumn;
  std::size_t n_scans_ = 0;
  bool irecist_ = false;
  bool perioperative_ = false;
  bool tps_ = false;
  bool tgi_os_ = false;
  h5::Id bool_type_, response_type_, irecist_type_, sitc_type_, pathological_type_, neoadjuvant_type_,
      progression_reason_type_;
  std::vector<Dataset> outcome_sets_;
  std::vector<Dataset> scan_sets_;
};

}  // namespace icbsim
