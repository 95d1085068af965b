// /spatial metric columns and /snapshots groups of a result file.
#include "engine/io/results/spatial_results.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>

namespace icbsim {
namespace {

constexpr signed char kNoClass = -1;  ///< class code of a failed task

void describe(hid_t object, std::string_view unit, std::string_view description) {
  h5::set_attribute(object, "units", std::string(unit.empty() ? "1" : unit));
  h5::set_attribute(object, "description", std::string(description));
}

/// Writes a whole dataset of `dims` from `data` (nothing to write when it is empty).
void write_all(hid_t parent, const std::string& name, hid_t file_type, hid_t mem_type, std::vector<hsize_t> dims,
               const void* data, std::string_view unit, std::string_view description) {
  h5::Id ds = h5::create_dataset(parent, name, file_type, dims);
  describe(ds.get(), unit, description);
  std::size_t n = 1;
  for (const hsize_t d : dims) n *= d;
  if (n > 0) h5::check(H5Dwrite(ds.get(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "writing " + name);
}

std::string time_name(double t) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "t%.10g", t);
  return buffer;
}

}  // namespace

SpatialResults::SpatialResults(hid_t root, const SpatialSpec& spec, std::size_t n_tasks, std::size_t n_times)
    : spec_(&spec), n_times_(n_times) {
  group_ = h5::create_group(root, "spatial");
  h5::set_attribute(group_.get(), "description",
                    std::string("spatial metrics of each task's lattice over the output grid (model ") +
                        std::string(spec.mode.parameters_model) + ")");
  const hsize_t dims[2] = {n_tasks, n_times};
  for (const SpatialMetricSpec& m : spec.mode.metrics) {
    const std::string name(m.variable.name);
    if (m.levels.empty()) {
      h5::Id ds = h5::create_double_dataset(group_.get(), name, dims);
      describe(ds.get(), m.variable.unit, m.variable.description);
      metrics_.emplace_back(std::move(ds), H5T_NATIVE_DOUBLE, sizeof(double), n_tasks, n_times);
    } else {
      std::vector<std::pair<std::string_view, int>> members(m.levels.begin(), m.levels.end());
      members.emplace_back("none", kNoClass);
      types_.push_back(h5::create_enum_type(members));
      h5::Id ds = h5::create_dataset(group_.get(), name, types_.back().get(), dims);
      describe(ds.get(), "1", std::string(m.variable.description) + " (none: the task failed)");
      metrics_.emplace_back(std::move(ds), types_.back().get(), 1, n_tasks, n_times);
    }
  }
}

void SpatialResults::write(std::size_t task, std::size_t global_task, const TaskOutput* output) {
  const auto& metrics = spec_->mode.metrics;
  std::vector<double> row(n_times_);
  std::vector<signed char> codes(n_times_);
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    const bool have = output != nullptr && output->spatial_metrics.size() == metrics.size() * n_times_;
    for (std::size_t j = 0; j < n_times_; ++j) {
      const double v = have ? output->spatial_metrics[m * n_times_ + j] : std::numeric_limits<double>::quiet_NaN();
      row[j] = v;
      codes[j] = std::isfinite(v) ? static_cast<signed char>(v) : kNoClass;
    }
    metrics_[m].put(task, metrics[m].levels.empty() ? static_cast<const void*>(row.data()) : codes.data());
  }
  if (output != nullptr)
    for (const SpatialSnapshot& s : output->snapshots) write_snapshot(global_task, s);
}

void SpatialResults::write_snapshot(std::size_t global_task, const SpatialSnapshot& s) {
  const hid_t file = H5Iget_file_id(group_.get());
  h5::Id file_id(h5::check(file, "file of /spatial"));
  if (snapshots_.get() == H5I_INVALID_HID) {
    snapshots_ = h5::create_group(file_id.get(), "snapshots");
    h5::set_attribute(snapshots_.get(), "description",
                      std::string("lattice snapshots: /snapshots/task<k>/t<day>/{agents,fields}; XDMF beside the file"));
  }
  const std::string task_name = "task" + std::to_string(global_task);
  if (!h5::exists(file_id.get(), "/snapshots/" + task_name)) h5::create_group(snapshots_.get(), task_name);
  const std::string path = "/snapshots/" + task_name + "/" + time_name(s.time);
  h5::Id group(h5::check(H5Gopen2(snapshots_.get(), task_name.c_str(), H5P_DEFAULT), "opening " + task_name));
  h5::Id at = h5::create_group(group.get(), time_name(s.time));
  h5::set_attribute(at.get(), "time", s.time);
  h5::set_attribute(at.get(), "voxel_um", s.voxel_um);
  XdmfSnapshot entry{global_task, s.time, path, s.voxels, s.voxel_um, s.agents(), {}, {}, {}};

  h5::Id agents = h5::create_group(at.get(), "agents");
  const hsize_t n = s.agents();
  write_all(agents.get(), "position", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, {n, 3}, s.positions.data(), "um",
            "voxel centre of each agent (x, y, z) from the lattice corner");
  std::string names;
  for (std::size_t k = 0; k < s.type_names.size(); ++k)
    names += (names.empty() ? "" : ", ") + std::to_string(k) + " " + s.type_names[k];
  write_all(agents.get(), "type", H5T_STD_U8LE, H5T_NATIVE_UINT8, {n}, s.types.data(), "", "cell type: " + names);
  {
    h5::Id type(h5::check(H5Dopen2(agents.get(), "type", H5P_DEFAULT), "opening type"));
    h5::set_attribute(type.get(), "names", names);
  }
  for (const auto& c : s.agent_reals) {
    write_all(agents.get(), c.name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, {n}, c.values.data(), c.unit,
              "agent column '" + c.name + "' (docs/models/nsclc_spatial.md)");
    entry.agent_reals.push_back(c.name);
  }
  for (const auto& c : s.agent_ints) {
    write_all(agents.get(), c.name, H5T_STD_I32LE, H5T_NATIVE_INT32, {n}, c.values.data(), c.unit,
              "agent column '" + c.name + "' (docs/models/nsclc_spatial.md)");
    entry.agent_ints.push_back(c.name);
  }
  h5::Id fields = h5::create_group(at.get(), "fields");
  const std::vector<hsize_t> dims{static_cast<hsize_t>(s.voxels[2]), static_cast<hsize_t>(s.voxels[1]),
                                  static_cast<hsize_t>(s.voxels[0])};
  for (const auto& f : s.fields) {
    write_all(fields.get(), f.name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, dims, f.values.data(), f.unit,
              "field '" + f.name + "' per voxel [z, y, x]");
    entry.fields.push_back(f.name);
  }
  written_.push_back(std::move(entry));
}

void SpatialResults::check_complete() const {
  for (const auto& column : metrics_) column.check_complete();
}

void SpatialResults::close() noexcept {
  metrics_.clear();
  types_.clear();
  snapshots_.reset();
  group_.reset();
}

}  // namespace icbsim
