// Layout of the result file: /time, /trajectories, /parameters, /outcomes and root attributes.
#include "engine/io/result_writer.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <limits>

#include <icbsim/build_info.hpp>

#include "engine/core/errors.hpp"
#include "engine/io/scenario_writer.hpp"

namespace icbsim {
namespace {

constexpr std::pair<std::string_view, int> kStatusMembers[] = {{"ok", 0}, {"failed", 1}};

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

}  // namespace

Hdf5ResultWriter::Hdf5ResultWriter(std::string path, const Scenario& scenario, const Plan& plan)
    : path_(std::move(path)),
      temp_path_(path_ + ".partial"),
      scenario_(scenario),
      n_times_(plan.tasks.front().output_times.size()) {
  const std::vector<double>& times = plan.tasks.front().output_times;
  const std::size_t n_tasks = plan.tasks.size();
  const hsize_t task_dims[1] = {n_tasks};
  std::error_code ec;
  const auto folder = std::filesystem::path(path_).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder, ec);
  if (ec) throw IoError("cannot create folder '" + folder.string() + "': " + ec.message());
  file_ = h5::create_file(temp_path_);
  const hid_t root = file_.get();
  const ModelInfo& model = *scenario.model;

  h5::write_doubles(root, "time", times);
  {
    h5::Id t(h5::check(H5Dopen2(root, "time", H5P_DEFAULT), "opening /time"));
    describe(t.get(), "day", "output time since the start of the simulation");
  }

  h5::Id trajectories = h5::create_group(root, "trajectories");
  const hsize_t dims[2] = {n_tasks, times.size()};
  auto add_trajectory = [&](const VariableSpec& v, std::string_view kind) {
    h5::Id ds = h5::create_double_dataset(trajectories.get(), std::string(v.name), dims);
    describe(ds.get(), v.unit, v.description);
    h5::set_attribute(ds.get(), "kind", std::string(kind));
    trajectories_.push_back(std::move(ds));
  };
  for (const auto& v : model.variables) add_trajectory(v, "state");
  for (const auto& v : model.observables) add_trajectory(v, "observable");

  h5::Id parameters = h5::create_group(root, "parameters");
  for (const auto& p : model.parameters) {
    h5::Id ds = h5::create_double_dataset(parameters.get(), std::string(p.name), task_dims);
    describe(ds.get(), p.unit, p.description);
    h5::set_attribute(ds.get(), "source", std::string(p.source));
    h5::set_attribute(ds.get(), "default", p.value);
    h5::set_attribute(ds.get(), "min", p.min);
    h5::set_attribute(ds.get(), "max", p.max);
    parameters_.push_back(std::move(ds));
  }

  h5::Id outcomes = h5::create_group(root, "outcomes");
  status_type_ = h5::create_enum_type(kStatusMembers);
  status_ = h5::create_dataset(outcomes.get(), "status", status_type_.get(), task_dims);
  h5::set_attribute(status_.get(), "description", std::string("whether the task completed (ok) or failed"));
  failure_ = h5::create_string_dataset(outcomes.get(), "failure_reason", n_tasks);
  h5::set_attribute(failure_.get(), "description", std::string("why the task failed; empty when ok"));
  if (scenario.treatment) {
    h5::Id doses = h5::create_group(root, "doses");
    doses_ = DoseRecords(doses.get(), scenario, plan);
  }
  if (scenario.readout) {
    h5::Id scans = h5::create_group(root, "scans");
    outcomes_ = OutcomeColumns(outcomes.get(), scans.get(), n_tasks, plan.scan_times, scenario.readout->settings);
  }
}

void Hdf5ResultWriter::close_all() noexcept {
  trajectories_.clear();
  parameters_.clear();
  status_.reset();
  failure_.reset();
  status_type_.reset();
  outcomes_.close();
  doses_.close();
  file_.reset();
}

Hdf5ResultWriter::~Hdf5ResultWriter() {
  if (finished_) return;
  close_all();
  std::remove(temp_path_.c_str());
}

void Hdf5ResultWriter::write_task(const TaskRecord& record) {
  if (record.ok) {
    const auto& traj = record.output->trajectories;
    for (std::size_t i = 0; i < trajectories_.size(); ++i)
      h5::write_row(trajectories_[i].get(), record.task, std::span<const double>(traj).subspan(i * n_times_, n_times_));
  } else {
    const std::vector<double> missing(n_times_, std::numeric_limits<double>::quiet_NaN());
    for (auto& ds : trajectories_) h5::write_row(ds.get(), record.task, missing);
  }
  for (std::size_t i = 0; i < parameters_.size(); ++i)
    h5::write_row(parameters_[i].get(), record.task, record.parameters.subspan(i, 1));
  const signed char status = record.ok ? 0 : 1;
  h5::write_block(status_.get(), status_type_.get(), record.task, &status, 1);
  h5::write_string_element(failure_.get(), record.task, record.failure);
  if (outcomes_.active()) outcomes_.write(record.task, record.readout);
  if (doses_.active()) doses_.write(record.task, record.doses_given);
}

void Hdf5ResultWriter::finish(const RunMetadata& metadata) {
  const hid_t root = file_.get();
  h5::set_attribute(root, "icbsim_version", std::string(build_info::kVersion));
  h5::set_attribute(root, "schema_version", kHdf5SchemaVersion);
  h5::set_attribute(root, "git_commit", std::string(build_info::kGitCommit));
  h5::set_attribute(root, "model", std::string(scenario_.model->name));
  h5::set_attribute(root, "seed", static_cast<long long>(scenario_.seed));
  h5::set_attribute(root, "threads", static_cast<long long>(metadata.threads));
  h5::set_attribute(root, "wall_seconds", metadata.wall_seconds);
  h5::set_attribute(root, "failed_tasks", static_cast<long long>(metadata.failed_tasks));
  h5::set_attribute(root, "created_utc", utc_now());
  h5::set_attribute(root, "scenario_file", scenario_.source_name);
  h5::set_attribute(root, "scenario", scenario_.source_text);
  h5::set_attribute(root, "scenario_resolved", resolved_scenario_yaml(scenario_));
  h5::check(H5Fflush(root, H5F_SCOPE_GLOBAL), "flushing " + temp_path_);
  close_all();
  std::error_code ec;
  std::filesystem::rename(temp_path_, path_, ec);
  if (ec) throw IoError("cannot rename '" + temp_path_ + "' to '" + path_ + "': " + ec.message());
  finished_ = true;
}

}  // namespace icbsim
