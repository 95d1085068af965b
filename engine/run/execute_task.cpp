// Integration, then the patient readout with the task's own measurement stream.
#include "engine/run/execute_task.hpp"

#include "engine/run/checkpoint.hpp"
#include "engine/run/spatial_task.hpp"
#include "engine/run/treatment_binding.hpp"

#include <algorithm>
#include <exception>
#include <optional>
#include <span>

namespace icbsim {

namespace {

/// Integrates the task and reads the patient (when the scenario has a readout); `screened_tps` is
/// the TPS of the biopsy that enrolled the patient, `second_line_day` the start of second-line
/// therapy, where first-line PFS ends.
void simulate_and_read(const Scenario& scenario, const Plan& plan, std::size_t id, const TaskInput& input,
                       std::optional<double> screened_tps, TaskResult& result,
                       std::optional<double> second_line_day = std::nullopt) {
  result.output = scenario.spatial  // whole runs snapshot their listed tasks (docs/hdf5-layout.md)
                      ? run_spatial_task(scenario, input,
                                         plan.size() == plan.total_tasks() && scenario.spatial->snapshots(plan.global_id(id)))
                      : scenario.model->simulate(input);
  if (!scenario.readout) return;
  const std::vector<double>& scans = plan.scan_times();
  const ReadoutPlan& r = *scenario.readout;
  const std::size_t n = input.sample_times.size();
  const std::span<const double> sizes(result.output.samples.data() + r.tumour.row * n, n);
  readout::TreatmentExposure exposure;
  for (const DoseEvent& d : input.doses) exposure.dose_times.push_back(d.time);
  exposure.new_therapy_day = second_line_day;
  const double start = exposure.dose_times.empty()
                           ? scans.front()
                           : *std::min_element(exposure.dose_times.begin(), exposure.dose_times.end());
  RandomEngine rng = random_stream(scenario.seed, plan.stream_id(id), StreamPurpose::kMeasurement);
  // The patient's own draws, shared by its arms (arms differ by their hazards and tumours only).
  readout::PatientInputs inputs;
  std::vector<double> thresholds;
  const std::size_t patient = plan.patient_and_arm(id).first;
  if (r.tumour.new_lesions) {
    RandomEngine draws = random_stream(scenario.seed, patient, StreamPurpose::kNewLesions);
    thresholds = readout::draw_new_lesion_thresholds(draws);
    inputs.new_lesion_hazard =
        std::span<const double>(result.output.samples.data() + r.tumour.new_lesions->hazard_row * n, n);
    inputs.new_lesion_thresholds = thresholds;
  }
  if (const auto& os = r.settings.survival) {
    RandomEngine draw = random_stream(scenario.seed, patient, StreamPurpose::kSurvival);
    inputs.survival = readout::draw_survival(draw);
    inputs.prognostic_log_shift = os->prognostic_shift(input.parameters);
  }
  result.readout = readout::read_patient(r.tumour, r.settings, input.sample_times, sizes, scans,
                                         plan.pre_baseline_scan(), exposure, start, input.t_end, rng, &inputs);
  if (screened_tps) {  // enrolled by its screening biopsy, which is its baseline TPS
    result.readout->tps_pct = *screened_tps;
  } else if (const auto& assay = r.settings.tps) {  // the baseline biopsy: one per patient, shared by its arms
    const auto at = std::lower_bound(input.sample_times.begin(), input.sample_times.end(), scans.front());
    const double true_tps =
        result.output.samples[assay->row * n + static_cast<std::size_t>(at - input.sample_times.begin())];
    RandomEngine biopsy = random_stream(scenario.seed, plan.patient_and_arm(id).first, StreamPurpose::kAssay);
    result.readout->tps_pct = readout::measured_tps_pct(true_tps, assay->cells_scored, biopsy);
  }
}

/// The day dosing stops under the treatment's rule, or nothing.
std::optional<double> stop_day(StopRule rule, const readout::PatientReadout& r) {
  if (rule == StopRule::kNever || !r.progression_day) return std::nullopt;
  if (rule == StopRule::kProgression) return r.progression_day;
  return r.confirmation_day;  // confirmed: the readout's confirming scan (or none yet)
}

/// The day a patient moves to second line under `rule`, or nothing.
std::optional<double> switch_day(SwitchAt at, const readout::PatientReadout& r) {
  switch (at) {
    case SwitchAt::kProgression: return stop_day(StopRule::kProgression, r);
    case SwitchAt::kConfirmedProgression: return stop_day(StopRule::kConfirmedProgression, r);
    case SwitchAt::kPrimaryResistance:
      if (r.sitc != readout::SitcClass::kPrimaryResistance) return std::nullopt;
      return stop_day(StopRule::kConfirmedProgression, r);
  }
  return std::nullopt;
}

}  // namespace

TaskResult execute_task(const Scenario& scenario, const Plan& plan, std::size_t id) {
  try {
    TaskLabel label;
    const TaskInput input = plan.task(id, &label);
    return execute_task(scenario, plan, id, input, label);
  } catch (const std::exception& e) {  // the patient could not be drawn or treated
    TaskResult result;
    result.ok = false;
    result.failure = e.what();
    return result;
  }
}

TaskResult execute_task(const Scenario& scenario, const Plan& plan, std::size_t id, const TaskInput& input,
                        const TaskLabel& label) {
  TaskResult result;
  const Treatment* treatment = plan.treatment(label.arm);
  try {
    simulate_and_read(scenario, plan, id, input, label.screened_tps, result);
    result.doses_given = input.doses.size();
    // Treatment stopped at (confirmed) progression: the history up to the stop is unchanged, so
    // integrating again without the later doses gives the stopped patient exactly.
    const SwitchRule* rule = plan.switch_rule(label.arm);
    if (rule && result.readout) {
      // Second line: first-line doses end at the switch day, the second-line schedules start on it.
      if (const auto found = switch_day(rule->at, *result.readout)) {
        // A branch's history is fixed: a switch found before it happens when the branch starts.
        const double day = std::max(*found, input.fixed_history_until);
        TaskInput switched = input;
        std::erase_if(switched.doses, [&](const DoseEvent& d) { return d.time > *found && d.time >= day; });
        const std::size_t first_line = switched.doses.size();
        Treatment second = rule->second_line;
        for (TreatmentItem& item : second.items)
          for (pk::DosingSchedule& phase : item.phases) phase.start += day;
        bind_treatment(*scenario.model, second, scenario.patient, switched);
        keep_resume_if_same_history(switched, input);
        simulate_and_read(scenario, plan, id, switched, label.screened_tps, result, day);
        result.doses_given = first_line;
        result.readout->switch_day = day;
      }
    } else if (treatment && result.readout) {
      if (const auto stop = stop_day(treatment->stop, *result.readout)) {
        TaskInput stopped = input;
        std::erase_if(stopped.doses,
                      [&](const DoseEvent& d) { return d.time > *stop && d.time >= input.fixed_history_until; });
        keep_resume_if_same_history(stopped, input);
        if (stopped.doses.size() != input.doses.size()) {
          simulate_and_read(scenario, plan, id, stopped, label.screened_tps, result);
          result.doses_given = stopped.doses.size();
        }
      }
    }
  } catch (const std::exception& e) {  // SolverError, or a model or readout refusing its input
    result.ok = false;
    result.failure = e.what();
    result.readout.reset();
  }
  return result;
}

}  // namespace icbsim
