// Layout of the result file: /time, /trajectories, /parameters, /tasks, /outcomes, /scans,
// /doses and root attributes.
#include "engine/io/results/result_writer.hpp"
#include "engine/io/results/sweep_results.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <limits>

#include <icbsim/build_info.hpp>

#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_writer.hpp"
#include "engine/io/h5/complete_file.hpp"
#include "engine/io/results/netcdf_dimensions.hpp"
#include "engine/io/results/result_layout.hpp"

namespace icbsim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The HDF5 filters of a compression choice (docs/hdf5-layout.md "Compression").
h5::DatasetFilters filters_for(OutputCompression c) {
  switch (c) {
    case OutputCompression::kNone:
      return {false, -1};
    case OutputCompression::kFast:
      return {true, 1};
    case OutputCompression::kSmall:
      return {true, 4};
  }
  return {};
}

void describe(hid_t object, std::string_view unit, std::string_view description) {
  h5::set_attribute(object, "units", std::string(unit.empty() ? "1" : unit));
  h5::set_attribute(object, "description", std::string(description));
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

/// Refuses a target that is not a regular file, creates its folder and locks it.
OutputLock lock_target(const std::string& path) {
  refuse_non_regular(path);
  std::error_code ec;
  const auto folder = std::filesystem::path(path).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder, ec);
  if (ec) throw IoError("cannot create folder '" + folder.string() + "': " + ec.message());
  return OutputLock(path);
}

}  // namespace

std::string interrupted_path(const std::string& path) {
  const std::string suffix = ".h5";
  if (path.size() > suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
    return path.substr(0, path.size() - suffix.size()) + ".interrupted.h5";
  return path + ".interrupted.h5";
}

Hdf5ResultWriter::Hdf5ResultWriter(std::string path, const Scenario& scenario, const Plan& plan)
    : path_(std::move(path)),
      lock_(lock_target(path_)),
      temp_path_(partial_path(path_)),
      scenario_(scenario),
      plan_(plan),
      n_times_(plan.output_times().size()),
      n_parameters_(scenario.model->parameters.size()) {
  const std::vector<double>& times = plan.output_times();
  const std::size_t n_tasks = plan.size();
  const hsize_t task_dims[1] = {n_tasks};
  file_ = h5::create_file(temp_path_);
  const hid_t root = file_.get();
  const ModelInfo& model = *scenario.model;
  const h5::DatasetFilters filters = filters_for(scenario.output.compression);

  h5::write_doubles(root, "time", times);
  {
    h5::Id t(h5::check(H5Dopen2(root, "time", H5P_DEFAULT), "opening /time"));
    describe(t.get(), "day", "output time since the start of the simulation");
  }

  h5::Id trajectories = h5::create_group(root, "trajectories");
  const hsize_t dims[2] = {n_tasks, times.size()};
  const hid_t trajectory_type = scenario.output.precision == OutputPrecision::kSingle ? H5T_IEEE_F32LE : H5T_IEEE_F64LE;
  std::size_t row = 0;
  auto add_trajectory = [&](const VariableSpec& v, std::string_view kind) {
    if (scenario.output.stores(row)) {
      h5::Id ds = h5::create_dataset(trajectories.get(), std::string(v.name), trajectory_type, dims, filters);
      describe(ds.get(), v.unit, v.description);
      h5::set_attribute(ds.get(), "kind", std::string(kind));
      trajectories_.emplace_back(std::move(ds), H5T_NATIVE_DOUBLE, sizeof(double), n_tasks, times.size());
      trajectory_rows_.push_back(row);
    }
    ++row;
  };
  for (const auto& v : model.variables) add_trajectory(v, "state");
  for (const auto& v : model.observables) add_trajectory(v, "observable");

  h5::Id parameters = h5::create_group(root, "parameters");
  for (const auto& p : model.parameters) {
    h5::Id ds = h5::create_double_dataset(parameters.get(), std::string(p.name), task_dims, filters);
    describe(ds.get(), p.unit, p.description);
    h5::set_attribute(ds.get(), "source", std::string(p.source));
    h5::set_attribute(ds.get(), "default", p.value);
    h5::set_attribute(ds.get(), "min", p.min);
    h5::set_attribute(ds.get(), "max", p.max);
    parameters_.emplace_back(std::move(ds), H5T_NATIVE_DOUBLE, sizeof(double), n_tasks, 1);
  }

  h5::Id tasks = h5::create_group(root, "tasks");
  bool_type_ = h5::create_bool_type();
  {
    h5::Id id = h5::create_dataset(tasks.get(), "id", H5T_STD_I64LE, task_dims, filters);
    describe(id.get(), "1", "global task id (rows of a slice of the scenario's tasks keep their ids)");
    task_ids_ = std::make_unique<BlockedColumn>(std::move(id), H5T_NATIVE_LLONG, sizeof(long long), n_tasks, 1);
    h5::Id ds = h5::create_dataset(tasks.get(), "patient", H5T_STD_I64LE, task_dims, filters);
    describe(ds.get(), "1", "virtual patient of the task (the same patient in every arm of a paired design)");
    tasks_.emplace_back(std::move(ds), H5T_NATIVE_LLONG, sizeof(long long), n_tasks, 1);
    std::vector<std::pair<std::string_view, int>> arms;
    for (std::size_t a = 0; a < plan.arm_names().size(); ++a) arms.emplace_back(plan.arm_names()[a], static_cast<int>(a));
    arm_type_ = h5::create_enum_type(arms);
    h5::Id arm = h5::create_dataset(tasks.get(), "arm", arm_type_.get(), task_dims, filters);
    describe(arm.get(), "1", "arm (or panel entry) of the task");
    tasks_.emplace_back(std::move(arm), arm_type_.get(), 1, n_tasks, 1);
  }
  if (plan.sweep_points()) {
    h5::Id ds = h5::create_dataset(tasks.get(), "point", H5T_STD_I64LE, task_dims, filters);
    describe(ds.get(), "1", "sweep point of the task (row of /sweep/values)");
    point_ = std::make_unique<BlockedColumn>(std::move(ds), H5T_NATIVE_LLONG, sizeof(long long), n_tasks, 1);
    write_sweep_design(root, scenario, plan);
  }
  if (scenario.population && !scenario.population->overlays.empty()) {
    h5::Id carries = h5::create_group(tasks.get(), "carries");
    for (const auto& o : scenario.population->overlays) {
      h5::Id ds = h5::create_dataset(carries.get(), o.overlay.name, bool_type_.get(), task_dims, filters);
      describe(ds.get(), "1", "the patient carries " + std::string(kOverlayKindNames.name(o.overlay.kind)) + " '" +
                                  o.overlay.name + "' (prevalence " + std::to_string(o.prevalence) + ")");
      carries_.emplace_back(std::move(ds), bool_type_.get(), 1, n_tasks, 1);
    }
  }

  h5::Id outcomes = h5::create_group(root, "outcomes");
  status_type_ = h5::create_enum_type(results::kTaskStatusNames);
  {
    h5::Id ds = h5::create_dataset(outcomes.get(), "status", status_type_.get(), task_dims, filters);
    h5::set_attribute(ds.get(), "description", std::string("whether the task completed (ok) or failed"));
    tasks_.emplace_back(std::move(ds), status_type_.get(), 1, n_tasks, 1);
  }
  failure_ = h5::create_string_dataset(outcomes.get(), "failure_reason", n_tasks);
  h5::set_attribute(failure_.get(), "description", std::string("why the task failed; empty when ok"));
  bool treated = false;
  for (std::size_t a = 0; a < plan.arm_names().size(); ++a) treated = treated || plan.treatment(a) != nullptr;
  if (treated) {
    h5::Id doses = h5::create_group(root, "doses");
    doses_ = DoseRecords(doses.get(), scenario, plan, filters);
  }
  if (scenario.spatial) spatial_ = SpatialResults(root, *scenario.spatial, n_tasks, times.size());
  if (scenario.readout) {
    h5::Id scans = h5::create_group(root, "scans");
    outcomes_ =
        OutcomeColumns(outcomes.get(), scans.get(), n_tasks, plan.scan_times(), scenario.readout->settings, filters);
  }
  // Completed blocks wait in the queue until a worker thread encodes and stores them (drain()).
  for (auto* group : {&trajectories_, &parameters_, &tasks_, &carries_})
    for (auto& column : *group) column.defer_to(&queue_);
  task_ids_->defer_to(&queue_);
  if (point_) point_->defer_to(&queue_);
  outcomes_.defer_to(&queue_);
  doses_.defer_to(&queue_);
}

void Hdf5ResultWriter::close_all() noexcept {
  queue_.clear();
  trajectories_.clear();
  parameters_.clear();
  tasks_.clear();
  task_ids_.reset();
  point_.reset();
  carries_.clear();
  failure_.reset();
  status_type_.reset();
  arm_type_.reset();
  bool_type_.reset();
  outcomes_.close();
  doses_.close();
  spatial_.close();
  file_.reset();
}

Hdf5ResultWriter::~Hdf5ResultWriter() {
  if (finished_) return;
  close_all();
  std::remove(temp_path_.c_str());
}

void Hdf5ResultWriter::drain() { queue_.drain(); }

void Hdf5ResultWriter::write_task(const TaskRecord& record) {
  const std::lock_guard lock(hdf5_);
  const std::size_t task = record.task;
  if (record.ok) {
    const auto& traj = record.output->trajectories;
    for (std::size_t i = 0; i < trajectories_.size(); ++i)
      trajectories_[i].put(task, traj.data() + trajectory_rows_[i] * n_times_);
  } else {
    const std::vector<double> missing(n_times_, kNaN);
    for (auto& column : trajectories_) column.put(task, missing.data());
  }
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    const double value = i < record.parameters.size() ? record.parameters[i] : kNaN;  // NaN: never drawn
    parameters_[i].put(task, &value);
  }
  const long long patient = static_cast<long long>(record.patient);
  const auto arm = static_cast<signed char>(record.arm);
  const auto status = static_cast<signed char>(record.ok        ? results::TaskStatus::kOk
                                               : record.not_run ? results::TaskStatus::kNotRun
                                                                : results::TaskStatus::kFailed);
  const long long global = static_cast<long long>(plan_.global_id(task));
  task_ids_->put(task, &global);
  if (point_) {
    const long long point = static_cast<long long>(plan_.point_of(task));
    point_->put(task, &point);
  }
  tasks_[0].put(task, &patient);
  tasks_[1].put(task, &arm);
  tasks_[2].put(task, &status);
  for (std::size_t k = 0; k < carries_.size(); ++k) {
    const signed char carries = k < record.carries.size() && record.carries[k] ? 1 : 0;
    carries_[k].put(task, &carries);
  }
  if (!record.ok && !record.not_run) h5::write_string_element(failure_.get(), task, record.failure);  // rare
  if (outcomes_.active()) outcomes_.write(task, record.readout);
  if (doses_.active()) doses_.write(task, record.arm, record.doses, record.doses_given);
  if (spatial_.active()) spatial_.write(task, plan_.global_id(task), record.ok ? record.output : nullptr);
}

void Hdf5ResultWriter::finish(const RunMetadata& metadata) {
  queue_.drain();
  for (const auto* group : {&trajectories_, &parameters_, &tasks_, &carries_})
    for (const auto& column : *group) column.check_complete();
  task_ids_->check_complete();
  if (point_) point_->check_complete();
  outcomes_.check_complete();
  doses_.check_complete();
  spatial_.check_complete();
  const std::vector<XdmfSnapshot> snapshots = spatial_.snapshots();
  const hid_t root = file_.get();
  h5::set_attribute(root, "icbsim_version", std::string(build_info::kVersion));
  h5::set_attribute(root, "schema_version", kHdf5SchemaVersion);
  h5::set_attribute(root, "git_commit", std::string(build_info::kGitCommit));
  h5::set_attribute(root, "model", std::string(scenario_.model->name));
  h5::set_attribute(root, "seed", static_cast<long long>(scenario_.seed));
  h5::set_attribute(root, "threads", static_cast<long long>(metadata.threads));
  h5::set_attribute(root, "total_tasks", static_cast<long long>(plan_.total_tasks()));
  h5::set_attribute(root, "first_task", static_cast<long long>(plan_.global_id(0)));
  h5::set_attribute(root, "wall_seconds", metadata.wall_seconds);
  h5::set_attribute(root, "failed_tasks", static_cast<long long>(metadata.failed_tasks));
  h5::set_attribute(root, "not_run_tasks", static_cast<long long>(metadata.not_run_tasks));
  h5::set_attribute(root, "created_utc", utc_now());
  h5::set_attribute(root, "scenario_file", scenario_.source_name);
  h5::set_attribute(root, "scenario", scenario_.source_text);
  h5::set_attribute(root, "scenario_resolved", resolved_scenario_yaml(scenario_));
  if (!report_.empty()) h5::set_attribute(root, "report", report_);
  // A whole sweep is analysed now; slices are analysed when merged.
  if (scenario_.sweep && plan_.size() == plan_.total_tasks() && metadata.not_run_tasks == 0) {
    h5::check(H5Fflush(root, H5F_SCOPE_GLOBAL), "flushing " + temp_path_);
    try {
      write_sweep_analysis(root, scenario_);
    } catch (const std::exception& e) {  // the tasks' results stay; the analysis can be redone
      h5::Id group(h5::check(H5Gopen2(root, "sweep", H5P_DEFAULT), "opening /sweep"));
      h5::set_attribute(group.get(), "analysis_error", std::string(e.what()));
    }
  }
  results::label_dimensions(root);
  h5::check(H5Fflush(root, H5F_SCOPE_GLOBAL), "flushing " + temp_path_);
  close_all();
  check_complete_hdf5(temp_path_);
  sync_file(temp_path_);
  if (metadata.not_run_tasks > 0) path_ = interrupted_path(path_);  // never looks whole
  refuse_non_regular(path_);
  std::error_code ec;
  std::filesystem::rename(temp_path_, path_, ec);
  if (ec) throw IoError("cannot rename '" + temp_path_ + "' to '" + path_ + "': " + ec.message());
  finished_ = true;
  if (!snapshots.empty())  // beside the file, for ParaView
    write_xdmf(xdmf_path(path_), std::filesystem::path(path_).filename().string(), snapshots);
}

}  // namespace icbsim
