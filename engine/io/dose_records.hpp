// The dose table of a result file (/doses/<field>): one row per planned dose of every task, in
// task order, with whether it was given (a stopping rule may cancel the later ones).
#pragma once

#include <vector>

#include "engine/io/hdf5_handle.hpp"
#include "engine/run/plan.hpp"

namespace icbsim {

class DoseRecords {
 public:
  DoseRecords() = default;
  /// Creates /doses for the plan's doses; `group` is the open /doses group.
  DoseRecords(hid_t group, const Scenario& scenario, const Plan& plan);
  /// Writes task `task`'s rows; the first `given` doses were given.
  void write(std::size_t task, std::size_t given);
  void close() noexcept;
  bool active() const noexcept { return !datasets_.empty(); }

 private:
  const Plan* plan_ = nullptr;
  std::vector<std::size_t> offsets_;   ///< first row of each task
  std::vector<int> drug_of_state_;     ///< drug index by target state (-1: none)
  h5::Id drug_type_, bool_type_;
  std::vector<h5::Id> datasets_;       ///< task, time, drug, amount_mg, duration, given
};

}  // namespace icbsim
