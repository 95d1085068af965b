// The flat list of tasks of a scenario, generated on demand: task id -> (patient, arm) -> inputs.
// A task is pure: its inputs depend only on (scenario, task id), so tasks can run in any order, on
// any thread or rank, and a cohort never has to be held in memory.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/core/task.hpp"
#include "engine/run/checkpoint.hpp"
#include "engine/run/scenario.hpp"
#include "engine/sweep/sweep_points.hpp"

namespace icbsim {

/// Who a task is: the virtual patient, the arm, the sweep point, and the mechanisms the patient
/// carries.
struct TaskLabel {
  std::size_t patient = 0;
  std::size_t arm = 0;
  std::size_t point = 0;  ///< sweep point (0 without a sweep)
  std::vector<bool> carries;  ///< per population overlay
  /// Measured TPS [%] of the screening biopsy that enrolled the patient (population.include.tps).
  std::optional<double> screened_tps;
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
  /// Patients per sweep point (the whole cohort without a sweep).
  std::size_t patients() const noexcept { return n_patients_; }
  /// The sweep's points, or nullptr without a sweep. With a sweep, global task id =
  /// (point · patients() + patient) · arms + arm, and every point sees the same patients.
  const sweep::SweepPoints* sweep_points() const noexcept { return sweep_points_ ? &*sweep_points_ : nullptr; }
  /// Sweep points (1 without a sweep).
  std::size_t points() const noexcept { return sweep_points_ ? sweep_points_->size() : 1; }
  const std::vector<std::string>& arm_names() const noexcept { return arm_names_; }

  /// Patient and arm of local task `id` (no sampling).
  std::pair<std::size_t, std::size_t> patient_and_arm(std::size_t id) const;
  /// Sweep point of local task `id` (0 without a sweep).
  std::size_t point_of(std::size_t id) const noexcept {
    return sweep_points_ ? global_id(id) / (n_patients_ * arm_names_.size()) : 0;
  }
  /// The task id that keys the random streams of local task `id` (measurement error): its global
  /// id, except in a sweep, where every point reuses its patients' streams (common random numbers).
  std::size_t stream_id(std::size_t id) const noexcept {
    if (scenario_.continuation)  // the checkpointed task's streams, in every branch of it
      return continued_checkpoint_task(*scenario_.continuation, global_id(id), arm_names_.size()).stream;
    return sweep_points_ ? global_id(id) % (n_patients_ * arm_names_.size()) : global_id(id);
  }
  /// The inputs of local task `id`, with its label. Throws icbsim::Error when the patient cannot be
  /// drawn (inclusion criteria unmet) or the treatment cannot be bound.
  TaskInput task(std::size_t id, TaskLabel* label = nullptr) const;
  /// The treatment of an arm (none: untreated).
  const Treatment* treatment(std::size_t arm) const;
  /// The treatment of an arm at sweep point `point`, as bound into its tasks (none: untreated).
  std::optional<Treatment> treatment_at(std::size_t arm, std::size_t point) const {
    const Treatment* t = treatment(arm);
    return t ? std::optional<Treatment>(point_treatment(*t, point)) : std::nullopt;
  }
  /// The second-line switch rule of an arm, or none.
  const SwitchRule* switch_rule(std::size_t arm) const {
    return !scenario_.arms.empty() && scenario_.arms[arm].switch_rule ? &*scenario_.arms[arm].switch_rule : nullptr;
  }
  const Scenario& scenario() const noexcept { return scenario_; }
  /// Planned doses of global task `id` (they depend on its arm and sweep point, not on the patient).
  std::size_t planned_doses(std::size_t global_task) const;

  const std::vector<double>& output_times() const noexcept { return base_.output_times; }
  /// The times recorded apart for the readout (scans, surgery, a weekly grid) [day].
  const std::vector<double>& sample_times() const noexcept { return base_.sample_times; }
  const std::vector<double>& scan_times() const noexcept { return scan_times_; }
  std::optional<double> pre_baseline_scan() const noexcept { return pre_baseline_scan_; }

 private:
  /// The treatment as sweep point `point` changes it.
  Treatment point_treatment(const Treatment& treatment, std::size_t point) const;

  const Scenario& scenario_;
  TaskInput base_;  ///< grids, solver, base parameters and initial state
  std::size_t n_patients_ = 1;
  std::size_t n_tasks_ = 1;  ///< of the whole scenario
  std::size_t first_ = 0;    ///< global id of local task 0
  std::size_t count_ = 1;
  std::vector<std::string> arm_names_;
  std::optional<sweep::SweepPoints> sweep_points_;
  std::vector<std::size_t> planned_doses_;  ///< per (point, arm): point · arms + arm
  std::vector<double> scan_times_;
  std::optional<double> pre_baseline_scan_;
};

}  // namespace icbsim
