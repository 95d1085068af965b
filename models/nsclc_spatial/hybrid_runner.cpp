// A scenario task as a spatial patient: times shifted to the patient's clock (which starts at 0),
// rows recorded at the union of output, sample and snapshot times.
#include "models/nsclc_spatial/hybrid_runner.hpp"

#include <omp.h>

#include <algorithm>

#include "engine/core/errors.hpp"
#include "models/nsclc_spatial/snapshot_capture.hpp"
#include "models/nsclc_spatial/spatial_parameters.hpp"
#include "models/nsclc_spatial/spatial_patient.hpp"

namespace icbsim::models::spatial {
namespace {

/// Sets the OpenMP threads of the calling thread's later parallel regions, and restores them.
class ThreadCount {
 public:
  explicit ThreadCount(int threads) : previous_(omp_get_max_threads()) { omp_set_num_threads(std::max(1, threads)); }
  ThreadCount(const ThreadCount&) = delete;
  ThreadCount& operator=(const ThreadCount&) = delete;
  ~ThreadCount() { omp_set_num_threads(previous_); }

 private:
  int previous_;
};

SpatialPatientInput patient_input(const TaskInput& in, const SpatialRun& run) {
  if (in.spatial_parameters.size() != kParameters.size())
    throw Error("spatial task: expected " + std::to_string(kParameters.size()) + " nsclc_spatial parameters, got " +
                std::to_string(in.spatial_parameters.size()));
  SpatialPatientInput p;
  p.systemic_parameters = in.parameters;
  p.systemic_state = in.initial_state;
  p.doses = in.doses;
  for (DoseEvent& d : p.doses) d.time -= in.t_start;  // the patient's clock starts at 0
  p.solver = in.solver;
  p.spatial_parameters = in.spatial_parameters;
  const SpatialGrid& g = run.grid;
  p.settings.lattice = g.voxels;
  p.settings.voxel_um = g.voxel_um;
  p.settings.dt_days = g.step_days;
  p.settings.steps_per_coupling = g.steps_per_coupling;
  p.settings.block_size = g.block_size;
  p.settings.seed = in.seed;
  p.settings.task = in.stream;
  return p;
}

/// The metric values of a record, in kSpatialMetrics order.
std::array<double, kSpatialMetrics.size()> metric_values(const SpatialRecord& r) {
  const SpatialMetrics& m = r.metrics;
  return {m.core_cd8_density,
          m.margin_cd8_density,
          static_cast<double>(static_cast<int>(m.infiltration)),
          m.pdl1_positive_fraction,
          m.hypoxic_fraction,
          static_cast<double>(r.counts.viable()),
          static_cast<double>(r.counts.effector + r.counts.exhausted),
          m.tumour_edge_fraction};
}

/// Position of t in the ascending `times`, or -1.
std::ptrdiff_t find(const std::vector<double>& times, double t) {
  const auto it = std::lower_bound(times.begin(), times.end(), t);
  return it != times.end() && *it == t ? it - times.begin() : -1;
}

}  // namespace

TaskOutput run_hybrid_task(const TaskInput& in, const SpatialRun& run) {
  const ThreadCount threads(run.threads);
  SpatialPatient patient(patient_input(in, run));
  std::vector<double> times = in.output_times;
  times.insert(times.end(), in.sample_times.begin(), in.sample_times.end());
  times.insert(times.end(), run.snapshot_times.begin(), run.snapshot_times.end());
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());

  const std::size_t n_vars = NsclcIcb::kVariables.size();
  const std::size_t rows = n_vars + NsclcIcb::kObservables.size();
  const std::size_t n_out = in.output_times.size(), n_samples = in.sample_times.size();
  TaskOutput out;
  out.trajectories.assign(rows * n_out, 0.0);
  out.samples.assign(rows * n_samples, 0.0);
  out.spatial_metrics.assign(kSpatialMetrics.size() * n_out, 0.0);
  for (const double t : times) {
    patient.advance_to(t - in.t_start);
    const std::vector<double>& x = patient.systemic().state();
    const std::vector<double> y = patient.systemic().observables();
    auto put = [&](std::vector<double>& target, std::size_t columns, std::size_t column) {
      for (std::size_t r = 0; r < n_vars; ++r) target[r * columns + column] = x[r];
      for (std::size_t r = 0; r < y.size(); ++r) target[(n_vars + r) * columns + column] = y[r];
    };
    if (const auto j = find(in.output_times, t); j >= 0) {
      const auto column = static_cast<std::size_t>(j);
      put(out.trajectories, n_out, column);
      const auto values = metric_values(patient.snapshot());
      for (std::size_t m = 0; m < values.size(); ++m) out.spatial_metrics[m * n_out + column] = values[m];
    }
    if (const auto j = find(in.sample_times, t); j >= 0) put(out.samples, n_samples, static_cast<std::size_t>(j));
    if (find(run.snapshot_times, t) >= 0) out.snapshots.push_back(capture_snapshot(patient.lattice(), t));
  }
  out.stats.steps = static_cast<std::size_t>(patient.lattice().steps_done());
  return out;
}

SpatialMode hybrid_mode() {
  return SpatialMode{NsclcIcb::kName, NsclcSpatial::kName, std::span<const SpatialMetricSpec>(kSpatialMetrics),
                     &run_hybrid_task};
}

}  // namespace icbsim::models::spatial
