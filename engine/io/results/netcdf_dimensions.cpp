// Named dimensions for result files: HDF5 dimension scales on every axis and CF flag attributes
// on every enum dataset (netCDF-4 conventions).
#include "engine/io/results/netcdf_dimensions.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <map>
#include <string_view>
#include <vector>

#include "engine/core/errors.hpp"
#include "engine/io/h5/dimension_scales.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/h5/object_list.hpp"

namespace icbsim::results {
namespace {

/// One axis: the dimension's name and the group whose dataset of that name is its scale.
struct Axis {
  std::string_view name;
  std::string_view home;  // "" = the dataset's own group
};

/// The axes of every dataset of the layout (docs/hdf5-layout.md), first matching pattern wins;
/// `*` matches one path component, a trailing `**` any number. The coordinates this pass creates
/// (/task, /sweep/axis) and the bare dimensions are not listed.
struct AxisRule {
  std::string_view pattern;
  std::size_t rank;
  std::array<Axis, 3> axes;
};

constexpr Axis kTask{"task", "/"};
constexpr Axis kTime{"time", "/"};
constexpr Axis kPoint{"point", "/sweep"};
constexpr Axis kSweepAxis{"axis", "/sweep"};

constexpr std::array kRules{
    AxisRule{"time", 1, {kTime}},
    AxisRule{"trajectories/*", 2, {kTask, kTime}},
    AxisRule{"spatial/*", 2, {kTask, kTime}},
    AxisRule{"parameters/*", 1, {kTask}},
    AxisRule{"outcomes/*", 1, {kTask}},
    AxisRule{"tasks/**", 1, {kTask}},
    AxisRule{"scans/time", 1, {Axis{"time", "/scans"}}},
    AxisRule{"scans/*", 2, {kTask, Axis{"time", "/scans"}}},
    AxisRule{"doses/*", 1, {Axis{"dose", "/doses"}}},
    AxisRule{"sweep/unit", 2, {kPoint, kSweepAxis}},
    AxisRule{"sweep/values", 2, {kPoint, kSweepAxis}},
    AxisRule{"sweep/outputs/**", 1, {kPoint}},
    AxisRule{"sweep/sensitivity/**", 1, {kSweepAxis}},
    AxisRule{"snapshots/*/*/agents/position", 2, {Axis{"agent", ""}, Axis{"component", ""}}},
    AxisRule{"snapshots/*/*/agents/*", 1, {Axis{"agent", ""}}},
    AxisRule{"snapshots/*/*/fields/*", 3, {Axis{"z", ""}, Axis{"y", ""}, Axis{"x", ""}}},
};

std::vector<std::string_view> components(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool matches(std::string_view pattern, std::string_view path) {
  const auto want = components(pattern);
  const auto have = components(path);
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i] == "**") return have.size() > i;
    if (i >= have.size() || (want[i] != "*" && want[i] != have[i])) return false;
  }
  return want.size() == have.size();
}

const AxisRule& rule_for(const std::string& path, int rank) {
  for (const AxisRule& rule : kRules)
    if (matches(rule.pattern, path)) {
      if (static_cast<int>(rule.rank) != rank)
        throw IoError("dataset /" + path + " has " + std::to_string(rank) + " dimensions; the result layout gives it " +
                      std::to_string(rule.rank));
      return rule;
    }
  throw IoError("dataset /" + path + " is not in the result layout: no named dimensions for it");
}

std::string parent_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? "/" : "/" + path.substr(0, slash);
}

std::string join(std::string_view group, std::string_view name) {
  return group == "/" ? "/" + std::string(name) : std::string(group) + "/" + std::string(name);
}

/// Removes attribute `name` of `object` if it has one (before writing it anew).
void remove_attribute(hid_t object, const char* name) {
  if (H5Aexists(object, name) > 0) h5::check(H5Adelete(object, name), std::string("removing attribute ") + name);
}

/// The task coordinate: the global ids of /tasks/id.
void create_task_coordinate(hid_t file) {
  if (!h5::exists(file, "/tasks/id")) throw IoError("result file has no /tasks/id for its task coordinate");
  h5::check(H5Ocopy(file, "/tasks/id", file, "/task", H5P_DEFAULT, H5P_DEFAULT), "creating /task");
  h5::Id ds(h5::check(H5Dopen2(file, "/task", H5P_DEFAULT), "opening /task"));
  remove_attribute(ds.get(), "description");
  h5::set_attribute(ds.get(), "description", std::string("global task id of each row (the task coordinate)"));
}

/// The sweep-axis coordinate: the labels of the /sweep:axes attribute.
void create_sweep_axis_coordinate(hid_t file, hsize_t size) {
  h5::Id sweep(h5::check(H5Gopen2(file, "/sweep", H5P_DEFAULT), "opening /sweep"));
  const std::string axes = h5::read_string_attribute(sweep.get(), "axes");
  std::vector<std::string> labels;
  for (std::string_view rest = axes; !rest.empty();) {
    const std::size_t comma = rest.find(',');
    labels.emplace_back(rest.substr(0, comma));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  if (labels.size() != size)
    throw IoError("/sweep:axes names " + std::to_string(labels.size()) + " axes; the design has " +
                  std::to_string(size));
  h5::Id ds = h5::create_string_dataset(file, "/sweep/axis", labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) h5::write_string_element(ds.get(), i, labels[i]);
  h5::set_attribute(ds.get(), "units", std::string("1"));
  h5::set_attribute(ds.get(), "description", std::string("label of each sweep axis"));
}

/// CF flag_values / flag_meanings beside an enum type (member names with blanks joined by '_');
/// booleans ({FALSE, TRUE}) have none.
void write_flags(hid_t dataset) {
  h5::Id type(h5::check(H5Dget_type(dataset), "dataset type"));
  if (H5Tget_class(type.get()) != H5T_ENUM) return;
  const int n = H5Tget_nmembers(type.get());
  std::vector<signed char> values(static_cast<std::size_t>(n));
  std::string meanings;
  for (int i = 0; i < n; ++i) {
    h5::check(H5Tget_member_value(type.get(), static_cast<unsigned>(i), &values[static_cast<std::size_t>(i)]),
              "enum member value");
    char* name = H5Tget_member_name(type.get(), static_cast<unsigned>(i));
    std::string word = name ? name : "";
    H5free_memory(name);
    for (char& c : word)
      if (std::isspace(static_cast<unsigned char>(c))) c = '_';
    meanings += (i ? " " : "") + word;
  }
  if (meanings == "FALSE TRUE") return;  // a boolean, read as such (h5py, xarray), not a category
  remove_attribute(dataset, "flag_values");
  remove_attribute(dataset, "flag_meanings");
  const hsize_t count = values.size();
  h5::Id space(h5::check(H5Screate_simple(1, &count, nullptr), "flag_values space"));
  h5::Id attr(h5::check(H5Acreate2(dataset, "flag_values", H5T_STD_I8LE, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                        "attribute flag_values"));
  h5::check(H5Awrite(attr.get(), H5T_NATIVE_SCHAR, values.data()), "writing flag_values");
  h5::set_attribute(dataset, "flag_meanings", meanings);
}

}  // namespace

bool is_dimension_label(hid_t file, const std::string& path) {
  const std::string relative = path.starts_with('/') ? path.substr(1) : path;
  if (relative == "task" || relative == "sweep/axis") return true;
  h5::Id ds(h5::check(H5Dopen2(file, path.c_str(), H5P_DEFAULT), "opening " + path));
  return h5::scale_name(ds.get()).starts_with(h5::kNotAVariable);
}

void label_dimensions(hid_t file) {
  struct Dataset {
    std::string path;  // relative to the root
    std::vector<hsize_t> dims;
    const AxisRule* rule;
  };
  std::vector<Dataset> datasets;
  for (const auto& [path, type] : h5::list_objects(file)) {
    if (type != H5O_TYPE_DATASET || is_dimension_label(file, "/" + path)) continue;
    std::vector<hsize_t> dims = h5::dataset_dims(file, "/" + path);
    const AxisRule& rule = rule_for(path, static_cast<int>(dims.size()));
    datasets.push_back({path, std::move(dims), &rule});
  }

  // The scale of each axis, created on first use; its length must agree with every user.
  std::map<std::string, hsize_t> lengths;
  auto scale_path = [&](const Dataset& d, std::size_t axis) {
    const Axis& a = d.rule->axes[axis];
    const std::string path = join(a.home.empty() ? parent_of(d.path) : std::string(a.home), a.name);
    const hsize_t length = d.dims[axis];
    const auto [known, added] = lengths.emplace(path, length);
    if (!added && known->second != length)
      throw IoError("dimension " + path + " has length " + std::to_string(known->second) + " but /" + d.path +
                    " gives it " + std::to_string(length));
    if (added) {
      if (path == "/task" && !h5::exists(file, path))
        create_task_coordinate(file);
      else if (path == "/sweep/axis" && !h5::exists(file, path))
        create_sweep_axis_coordinate(file, length);
      else if (!h5::exists(file, path))
        h5::create_bare_dimension(file, path, length);
      h5::Id scale(h5::check(H5Dopen2(file, path.c_str(), H5P_DEFAULT), "opening " + path));
      if (h5::dataset_dims(file, path) != std::vector<hsize_t>{length})
        throw IoError("dimension " + path + " does not have the length " + std::to_string(length) + " of /" + d.path);
      h5::make_scale(scale.get(), std::string(a.name));
    }
    return path;
  };

  for (const Dataset& d : datasets) {
    h5::Id ds(h5::check(H5Dopen2(file, d.path.c_str(), H5P_DEFAULT), "opening /" + d.path));
    write_flags(ds.get());
    for (std::size_t axis = 0; axis < d.dims.size(); ++axis) {
      const std::string path = scale_path(d, axis);
      if (path == "/" + d.path) continue;  // a coordinate is its own scale
      h5::Id scale(h5::check(H5Dopen2(file, path.c_str(), H5P_DEFAULT), "opening " + path));
      h5::attach_scale(ds.get(), scale.get(), static_cast<unsigned>(axis));
    }
  }
}

}  // namespace icbsim::results
