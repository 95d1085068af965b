// Writing the sweep design and analysis; reading task columns back in row blocks.
#include "engine/io/results/sweep_results.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/core/errors.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/results/result_layout.hpp"
#include "engine/io/results/result_reader.hpp"
#include "engine/readout/recist.hpp"
#include "engine/readout/sitc.hpp"
#include "engine/sweep/sweep_analysis.hpp"

namespace icbsim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr hsize_t kBlockRows = 4096;

/// `units` (unless empty) and `description` attributes.
void describe(hid_t object, const std::string& unit, const std::string& description) {
  if (!unit.empty()) h5::set_attribute(object, "units", unit);
  h5::set_attribute(object, "description", description);
}

/// A dense 2-D dataset of doubles, written whole (row-major copy of an Eigen matrix).
void write_matrix(hid_t parent, const std::string& name, const Eigen::MatrixXd& m, const std::string& unit,
                  const std::string& description) {
  const hsize_t dims[2] = {static_cast<hsize_t>(m.rows()), static_cast<hsize_t>(m.cols())};
  h5::Id ds = h5::create_double_dataset(parent, name, dims);
  const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rows = m;
  if (m.size() > 0) h5::write_rows(ds.get(), H5T_NATIVE_DOUBLE, 0, dims[0], dims[1], rows.data());
  describe(ds.get(), unit, description);
}

void write_vector(hid_t parent, const std::string& name, const Eigen::VectorXd& v, const std::string& unit,
                  const std::string& description) {
  h5::write_doubles(parent, name, std::span<const double>(v.data(), static_cast<std::size_t>(v.size())));
  h5::Id ds(h5::check(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "opening " + name));
  describe(ds.get(), unit, description);
}

/// final:/min:/max: of a trajectory, task by task, reading blocks of rows.
std::vector<double> trajectory_column(hid_t file, const std::string& column) {
  const std::string kind = column.substr(0, column.find(':'));
  const std::string path = "/trajectories/" + column.substr(column.find(':') + 1);
  const std::vector<hsize_t> dims = h5::dataset_dims(file, path);
  const hsize_t tasks = dims.at(0), times = dims.at(1);
  std::vector<double> out(tasks, kNaN), block;
  h5::Id ds(h5::check(H5Dopen2(file, path.c_str(), H5P_DEFAULT), "opening " + path));
  h5::Id space(H5Dget_space(ds.get()));
  for (hsize_t first = 0; first < tasks; first += kBlockRows) {
    const hsize_t n = std::min(kBlockRows, tasks - first);
    const hsize_t start[2] = {first, kind == "final" ? times - 1 : 0};
    const hsize_t count[2] = {n, kind == "final" ? 1 : times};
    h5::check(H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr), "selecting " + path);
    const hsize_t mem_dims[1] = {count[0] * count[1]};
    h5::Id mem(H5Screate_simple(1, mem_dims, nullptr));
    block.resize(mem_dims[0]);
    h5::check(H5Dread(ds.get(), H5T_NATIVE_DOUBLE, mem.get(), space.get(), H5P_DEFAULT, block.data()), "reading " + path);
    for (hsize_t r = 0; r < n; ++r) {
      const double* row = block.data() + r * count[1];
      double v = row[0];
      for (hsize_t t = 1; t < count[1]; ++t) v = kind == "min" ? std::min(v, row[t]) : std::max(v, row[t]);
      out[first + r] = v;
    }
  }
  return out;
}

/// The unit of a state variable or observable (the unit of a final:/min:/max: output).
std::string variable_unit(const ModelInfo& model, std::string_view name) {
  for (const VariableSpec& v : model.variables)
    if (v.name == name) return std::string(v.unit);
  for (const VariableSpec& v : model.observables)
    if (v.name == name) return std::string(v.unit);
  return {};
}

/// The per-task values of one column (NaN for tasks that did not complete).
std::vector<double> task_column(hid_t file, const std::string& column, const std::vector<int>& status) {
  std::vector<double> out;
  auto codes_to = [&](const char* path, auto&& predicate) {
    for (int code : h5::read_enum_codes(file, path)) out.push_back(predicate(code) ? 1.0 : 0.0);
  };
  using readout::Response;
  if (column == "responder") {
    codes_to("/outcomes/best_response", [](int c) { return c == int(Response::kCR) || c == int(Response::kPR); });
  } else if (column == "disease_control") {
    codes_to("/outcomes/best_response",
             [](int c) { return c == int(Response::kCR) || c == int(Response::kPR) || c == int(Response::kSD); });
  } else if (column == "primary_resistance") {
    codes_to("/outcomes/sitc_class", [](int c) { return c == int(readout::SitcClass::kPrimaryResistance); });
  } else if (column == "hyperprogression" || column == "pfs_event" || column == "os_event") {
    codes_to(("/outcomes/" + column).c_str(), [](int c) { return c != 0; });
  } else if (column.find(':') != std::string::npos) {
    out = trajectory_column(file, column);
  } else {
    const std::string path = "/outcomes/" + column;
    if (!h5::exists(file, path)) throw Error("the result file has no " + path);
    out = h5::read_doubles(file, path);
  }
  for (std::size_t t = 0; t < out.size(); ++t)
    if (!results::is(status[t], results::TaskStatus::kOk)) out[t] = kNaN;
  return out;
}

}  // namespace

void write_sweep_design(hid_t file, const Scenario& scenario, const Plan& plan) {
  const sweep::SweepSpec& spec = *scenario.sweep;
  const sweep::SweepPoints& points = *plan.sweep_points();
  h5::Id group = h5::create_group(file, "sweep");
  std::string axes, units;
  for (const sweep::Axis& axis : spec.axes) {
    axes += (axes.empty() ? "" : ",") + axis.label;
    units += (units.empty() ? "" : ",") + axis.unit;
  }
  h5::set_attribute(group.get(), "design", std::string(sweep::kDesignNames.name(spec.design)));
  h5::set_attribute(group.get(), "axes", axes);
  h5::set_attribute(group.get(), "axis_units", units);
  h5::set_attribute(group.get(), "points", static_cast<long long>(points.size()));
  h5::set_attribute(group.get(), "patients_per_point", static_cast<long long>(plan.patients()));
  write_matrix(group.get(), "unit", points.unit, "1", "design points in the unit cube [point, axis] (axes: attribute /sweep:axes)");
  write_matrix(group.get(), "values", points.values, "",
               "axis values at each point [point, axis]: parameter values or factors, 0/1 for overlays, drug index for "
               "drug axes");
  // One unit per column: no single `units` (netCDF readers would misread it), axis_units instead.
  h5::Id values(h5::check(H5Dopen2(group.get(), "values", H5P_DEFAULT), "opening /sweep/values"));
  h5::set_attribute(values.get(), "axis_units", units);
}

std::string write_sweep_analysis(hid_t file, const Scenario& scenario) {
  const sweep::SweepSpec& spec = *scenario.sweep;
  const Plan plan(scenario);
  const sweep::SweepPoints& points = *plan.sweep_points();
  std::vector<sweep::OutputDefinition> outputs;
  sweep::TaskTable table;
  table.points = plan.points();
  table.patients = plan.patients();
  table.arms = plan.arm_names().size();
  const std::vector<int> status = h5::read_enum_codes(file, std::string(results::kStatus));
  for (const std::string& name : spec.outputs) {
    outputs.push_back(sweep::define_output(name));
    if (!outputs.back().needs_readout)
      outputs.back().unit = variable_unit(*scenario.model, std::string_view(name).substr(name.find(':') + 1));
    for (const std::string& column : {outputs.back().column, outputs.back().event_column})
      if (!column.empty() && !table.columns.contains(column)) table.columns[column] = task_column(file, column, status);
  }
  const sweep::SweepAnalysis analysis = sweep::analyse_sweep(spec, points, outputs, plan.arm_names(), table, scenario.seed);

  h5::Id group(h5::check(H5Gopen2(file, "sweep", H5P_DEFAULT), "opening /sweep"));
  h5::Id values = h5::create_group(group.get(), "outputs");
  h5::Id indices = h5::create_group(group.get(), "sensitivity");
  for (const sweep::OutputAnalysis& a : analysis.outputs) {
    const std::string arm = a.arm.empty() ? plan.arm_names().front() : a.arm;
    if (!h5::exists(values.get(), arm)) {
      h5::Id g1 = h5::create_group(values.get(), arm);
      h5::Id g2 = h5::create_group(indices.get(), arm);
    }
    h5::Id out_arm(H5Gopen2(values.get(), arm.c_str(), H5P_DEFAULT));
    write_vector(out_arm.get(), a.output.name, a.values, a.output.unit, "output " + a.output.name + " at each point");
    h5::Id in_arm(H5Gopen2(indices.get(), arm.c_str(), H5P_DEFAULT));
    h5::Id g = h5::create_group(in_arm.get(), a.output.name);
    if (!a.problem.empty()) h5::set_attribute(g.get(), "not_computed", a.problem);
    if (a.sobol) {
      const auto& s = *a.sobol;
      h5::set_attribute(g.get(), "method", std::string("Sobol' indices: S1 Saltelli 2010, ST Jansen 1999, percentile bootstrap"));
      h5::set_attribute(g.get(), "level", s.level);
      h5::set_attribute(g.get(), "resamples", static_cast<long long>(spec.bootstrap));
      h5::set_attribute(g.get(), "variance", s.estimate.variance);
      write_vector(g.get(), "first", s.estimate.first, "1", "first-order index of each axis");
      write_vector(g.get(), "total", s.estimate.total, "1", "total index of each axis");
      write_vector(g.get(), "first_lower", s.first_lower, "1", "bootstrap interval of the first-order index");
      write_vector(g.get(), "first_upper", s.first_upper, "1", "bootstrap interval of the first-order index");
      write_vector(g.get(), "total_lower", s.total_lower, "1", "bootstrap interval of the total index");
      write_vector(g.get(), "total_upper", s.total_upper, "1", "bootstrap interval of the total index");
    } else if (a.morris) {
      h5::set_attribute(g.get(), "method", std::string("Morris elementary effects (Campolongo 2007 mu*)"));
      write_vector(g.get(), "mu_star", a.morris->mu_star, a.output.unit,
                   "mean absolute elementary effect (output unit per unit-cube axis)");
      write_vector(g.get(), "mu", a.morris->mu, a.output.unit,
                   "mean elementary effect (output unit per unit-cube axis)");
      write_vector(g.get(), "sigma", a.morris->sigma, a.output.unit,
                   "standard deviation of the effects (output unit per unit-cube axis)");
    } else if (a.prcc) {
      h5::set_attribute(g.get(), "method", std::string("partial rank correlation coefficients (Marino 2008)"));
      write_vector(g.get(), "prcc", *a.prcc, "1", "PRCC of each axis with the output");
    }
  }
  h5::set_attribute(group.get(), "report", analysis.text);
  return analysis.text;
}

std::string read_sweep_report(const std::string& path) {
  h5::Id file = open_result_file(path);
  if (!h5::exists(file.get(), "/sweep")) return {};
  h5::Id group(h5::check(H5Gopen2(file.get(), "sweep", H5P_DEFAULT), "opening /sweep"));
  if (H5Aexists(group.get(), "report") <= 0) return {};
  return h5::read_string_attribute(group.get(), "report");
}

}  // namespace icbsim
