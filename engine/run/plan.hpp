// The flat list of tasks of a scenario, generated on demand: task id -> (patient, arm) -> inputs.
// A task is pure: its inputs depend only on (scenario, task id), so tasks can run in any order, on
// any thread or rank, and a cohort never has to be held in memory.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/core/task.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

/// Who a task is: the virtual patient, the arm, and the mechanisms the patient carries.
struct TaskLabel {
  std::size_t patient = 0;
  std::size_t arm = 0;
  std::vector<bool> carries;  ///< per population overlay
};

/// A contiguous slice of a scenario's tasks: [begin, end) in global task ids.
struct TaskRange {
  std::size_t begin = 0;
  std::size_t end = static_cast<std::size_t>(-1);  ///< clipped to the scenario's task count
};

class Plan {
 public:
  /// The plan of the tasks in `range` (all by default). Local task ids run from 0 to size() − 1;
  /// random streams and labels use the global id, so a slice reproduces its rows of the whole.
  explicit Plan(const Scenario& scenario, TaskRange range = {});

  std::size_t size() const noexcept { return count_; }
  std::size_t total_tasks() const noexcept { return n_tasks_; }
  std::size_t global_id(std::size_t local) const noexcept { return first_ + local; }
  std::size_t patients() const noexcept { return n_patients_; }
  const std::vector<std::string>& arm_names() const noexcept { return arm_names_; }

  /// Patient and arm of local task `id` (no sampling).
  std::pair<std::size_t, std::size_t> patient_and_arm(std::size_t id) const;
  /// The inputs of local task `id`, with its label. Throws icbsim::Error when the patient cannot be
  /// drawn (inclusion criteria unmet) or the treatment cannot be bound.
  TaskInput task(std::size_t id, TaskLabel* label = nullptr) const;
  /// The treatment of an arm (none: untreated).
  const Treatment* treatment(std::size_t arm) const;
  /// The second-line switch rule of an arm, or none.
  const SwitchRule* switch_rule(std::size_t arm) const {
    return !scenario_.arms.empty() && scenario_.arms[arm].switch_rule ? &*scenario_.arms[arm].switch_rule : nullptr;
  }
  const Scenario& scenario() const noexcept { return scenario_; }
  /// Planned doses of every task of an arm (they do not depend on the sampled patient).
  std::size_t doses_per_task(std::size_t arm) const { return doses_per_arm_[arm]; }

  const std::vector<double>& output_times() const noexcept { return base_.output_times; }
  const std::vector<double>& scan_times() const noexcept { return scan_times_; }
  std::optional<double> pre_baseline_scan() const noexcept { return pre_baseline_scan_; }

 private:
  const Scenario& scenario_;
  TaskInput base_;  ///< grids, solver, base parameters and initial state
  std::size_t n_patients_ = 1;
  std::size_t n_tasks_ = 1;  ///< of the whole scenario
  std::size_t first_ = 0;    ///< global id of local task 0
  std::size_t count_ = 1;
  std::vector<std::string> arm_names_;
  std::vector<std::size_t> doses_per_arm_;
  std::vector<double> scan_times_;
  std::optional<double> pre_baseline_scan_;
};

}  // namespace icbsim
