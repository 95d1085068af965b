// Task generation: patients from the population, arms by allocation, treatments bound per arm.
#include "engine/run/plan.hpp"

#include <algorithm>

#include <boost/random/discrete_distribution.hpp>

#include "engine/core/errors.hpp"
#include "engine/core/random_stream.hpp"
#include "engine/readout/calendar.hpp"
#include "engine/run/spatial_task.hpp"
#include "engine/run/sweep_point.hpp"
#include "engine/run/tps_screening.hpp"
#include "engine/run/treatment_binding.hpp"

namespace icbsim {

Plan::Plan(const Scenario& scenario, TaskRange range) : scenario_(scenario) {
  base_.parameters = scenario.parameters;
  apply_overlays(scenario.overlays, *scenario.model, base_.parameters);
  base_.initial_state = scenario.initial_state;
  base_.t_start = scenario.time.start;
  base_.t_end = scenario.time.end;
  base_.output_times = output_grid(scenario.time);
  base_.solver = scenario.solver;
  base_.cuts = scenario.checkpoints;
  if (scenario.readout) {
    scan_times_ = readout::scan_times(scenario.readout->scans, scenario.time.end);
    pre_baseline_scan_ = scenario.readout->scans.pre_treatment;
    // Samples: the scans, the surgery, and a weekly grid from the first scan for the death rule.
    std::vector<double>& s = base_.sample_times;
    s = scan_times_;
    if (pre_baseline_scan_) s.push_back(*pre_baseline_scan_);
    if (scenario.readout->settings.surgery_day) s.push_back(*scenario.readout->settings.surgery_day);
    const double first = pre_baseline_scan_.value_or(scan_times_.front());
    for (double t = first; t < scenario.time.end; t += readout::kDaysPerWeek) s.push_back(t);
    s.push_back(scenario.time.end);
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
  }
  n_patients_ = scenario.population ? scenario.population->size : 1;
  if (scenario.sweep) {
    sweep_points_ = sweep::make_sweep_points(*scenario.sweep, scenario.seed);
    n_patients_ *= scenario.sweep->replicates;
  }
  if (scenario.arms.empty()) {
    arm_names_ = {"all"};
  } else {
    for (const Arm& arm : scenario.arms) arm_names_.push_back(arm.name);
  }
  const bool paired = scenario.allocation == Allocation::kPaired;
  n_tasks_ = (paired ? n_patients_ * arm_names_.size() : n_patients_) * points();
  first_ = std::min(range.begin, n_tasks_);
  count_ = std::min(range.end, n_tasks_) - first_;
  if (count_ == 0 || range.end <= range.begin)
    throw Error("the task range selects none of the scenario's " + std::to_string(n_tasks_) + " tasks");
  if (scenario.continuation) check_continuation_shape(scenario, n_tasks_, n_patients_);
  const std::size_t dose_points = scenario.sweep && sweep_changes_treatment(*scenario.sweep) ? points() : 1;
  for (std::size_t point = 0; point < dose_points; ++point) {
    for (std::size_t a = 0; a < arm_names_.size(); ++a) {
      TaskInput probe = base_;
      probe.doses.clear();
      try {
        if (const Treatment* t = treatment(a)) bind_treatment(*scenario.model, point_treatment(*t, point), scenario.patient, probe);
      } catch (const Error&) {  // the point's schedule is invalid: its tasks fail with the reason
        probe.doses.clear();
      }
      planned_doses_.push_back(probe.doses.size());
    }
  }
}

std::size_t Plan::planned_doses(std::size_t global_task) const {
  const std::size_t n_arms = arm_names_.size();
  const std::size_t arm = scenario_.allocation == Allocation::kPaired ? global_task % n_arms : patient_and_arm(global_task - first_).second;
  const std::size_t point = planned_doses_.size() > n_arms ? global_task / (n_patients_ * n_arms) : 0;
  return planned_doses_[point * n_arms + arm];
}

Treatment Plan::point_treatment(const Treatment& treatment, std::size_t point) const {
  if (!sweep_points_) return treatment;
  return apply_point_treatment(*scenario_.sweep, sweep_points_->values.row(static_cast<Eigen::Index>(point)).transpose(),
                               treatment);
}

const Treatment* Plan::treatment(std::size_t arm) const {
  if (!scenario_.arms.empty() && scenario_.arms[arm].treatment) return &*scenario_.arms[arm].treatment;
  return scenario_.treatment ? &*scenario_.treatment : nullptr;
}

std::pair<std::size_t, std::size_t> Plan::patient_and_arm(std::size_t local) const {
  const std::size_t id = global_id(local);
  const std::size_t n_arms = arm_names_.size();
  if (scenario_.allocation == Allocation::kPaired) return {(id / n_arms) % n_patients_, id % n_arms};
  if (n_arms == 1) return {id, 0};
  RandomEngine rng = random_stream(scenario_.seed, id, StreamPurpose::kArm);
  boost::random::discrete_distribution<std::size_t> pick(scenario_.ratio.begin(), scenario_.ratio.end());
  return {id, pick(rng)};
}

TaskInput Plan::task(std::size_t local, TaskLabel* label) const {
  const auto [patient, arm] = patient_and_arm(local);
  TaskInput task = base_;
  const std::size_t point = point_of(local);
  if (label) {
    label->patient = patient;
    label->arm = arm;
    label->point = point;
  }
  if (scenario_.continuation) {  // the checkpoint's patient, continued from its state
    const TaskCheckpoint& c = continued_checkpoint_task(*scenario_.continuation, global_id(local), arm_names_.size());
    if (label) {
      label->patient = c.patient;
      label->carries = c.carries;
    }
    return continued_task(scenario_, base_, c, treatment(arm));
  }
  std::vector<bool> carries;
  std::optional<TaskInput> screened;  // the enrolled candidate after its run-in (TPS screening)
  if (const auto& population = scenario_.population) {
    for (std::size_t candidate = 0;; ++candidate) {
      const cohort::VirtualPatient p =
          cohort::sample_patient(*population, scenario_.population_factor, *scenario_.model, base_.parameters,
                                 base_.initial_state, scenario_.seed, patient, candidate);
      task.parameters = p.parameters;
      task.initial_state = p.initial_state;
      carries = p.carries;
      if (!population->tps_inclusion) break;
      const cohort::Inclusion& range = *population->tps_inclusion;
      screened = task;
      if (scenario_.run_in) screened->initial_state = run_in_state(*scenario_.model, *scenario_.run_in, *screened);
      RandomEngine biopsy = random_stream(scenario_.seed, patient, StreamPurpose::kAssay, candidate);
      const double tps =
          screening_tps(*scenario_.model, *scenario_.readout->settings.tps, *screened, scan_times_.front(), biopsy);
      if (tps >= range.min && tps < range.max) {
        if (label) label->screened_tps = tps;
        break;
      }
      if (candidate + 1 >= population->max_attempts)
        throw Error("no candidate for patient " + std::to_string(patient) + " had a measured baseline TPS in [" +
                    std::to_string(range.min) + ", " + std::to_string(range.max) + ") % in " +
                    std::to_string(population->max_attempts) + " screenings");
    }
    if (label) label->carries = carries;
  }
  if (!scenario_.arms.empty()) apply_overlays(scenario_.arms[arm].overlays, *scenario_.model, task.parameters);
  if (sweep_points_)
    apply_point_parameters(*scenario_.sweep, sweep_points_->values.row(static_cast<Eigen::Index>(point)).transpose(),
                           *scenario_.model, task.parameters);
  for (std::size_t i = 0; i < task.parameters.size(); ++i) {
    const ParameterSpec& spec = scenario_.model->parameters[i];
    if (!(task.parameters[i] >= spec.min && task.parameters[i] <= spec.max))
      throw Error("parameter '" + std::string(spec.name) + "' = " + std::to_string(task.parameters[i]) +
                  " is outside its admissible range after sampling and overlays");
  }
  if (screened && screened->parameters == task.parameters)
    task.initial_state = screened->initial_state;  // same run-in
  else if (scenario_.run_in)
    task.initial_state = run_in_state(*scenario_.model, *scenario_.run_in, task);
  if (scenario_.spatial) {  // the same overlays on the lattice; the task's own random streams
    task.spatial_parameters = spatial_task_parameters(scenario_, carries, arm);
    task.seed = scenario_.seed;
    task.stream = stream_id(local);
  }
  if (const Treatment* t = treatment(arm)) bind_treatment(*scenario_.model, point_treatment(*t, point), scenario_.patient, task);
  return task;
}

}  // namespace icbsim
