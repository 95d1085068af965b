// Calibration record: columnar datasets over evaluations, readable with h5py alone.
#include "engine/io/calibration/calibration_record.hpp"

#include <limits>

#include <icbsim/build_info.hpp>

#include "engine/core/errors.hpp"
#include "engine/io/h5/complete_file.hpp"
#include "engine/io/h5/hdf5_handle.hpp"

namespace icbsim {
namespace {

void write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values) {
  const h5::Id d = h5::create_string_dataset(parent, name, values.size());
  for (std::size_t i = 0; i < values.size(); ++i) h5::write_string_element(d.get(), i, values[i]);
}

void write_matrix(hid_t parent, const std::string& name, const std::vector<std::vector<double>>& rows, std::size_t width) {
  const std::array<hsize_t, 2> dims{rows.size(), width};
  const h5::Id d = h5::create_double_dataset(parent, name, dims);
  for (std::size_t r = 0; r < rows.size(); ++r) h5::write_row(d.get(), r, rows[r]);
}

void write_contents(hid_t file, const CalibrationConfig& c, const calibrate::CalibrationResult& r, double wall_seconds) {
  const auto& problem = c.problem;
  {
    const h5::Id g = h5::create_group(file, "parameters");
    std::vector<std::string> names, units, groups;
    std::vector<double> lower, upper, start;
    for (const auto& p : problem.parameters) {
      names.push_back(p.label);
      units.push_back(p.unit);
      groups.push_back(p.group);
      lower.push_back(p.lower);
      upper.push_back(p.upper);
      start.push_back(p.start);
    }
    write_strings(g.get(), "name", names);
    write_strings(g.get(), "unit", units);
    write_strings(g.get(), "overlay", groups);
    h5::write_doubles(g.get(), "lower", lower);
    h5::write_doubles(g.get(), "upper", upper);
    h5::write_doubles(g.get(), "start", start);
  }
  {
    const h5::Id g = h5::create_group(file, "targets");
    constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    std::vector<std::string> labels, statistics, against, sources;
    std::vector<double> values, scales, at, tps_min, tps_max;
    for (const auto& t : problem.targets) {
      labels.push_back(t.label);
      statistics.push_back(std::string(calibrate::kStatisticNames.name(t.statistic)));
      against.push_back(t.against_arm);
      sources.push_back(t.source);
      values.push_back(t.value);
      scales.push_back(t.scale);
      at.push_back(t.at.value_or(kNone));
      tps_min.push_back(t.tps ? t.tps->min.value_or(kNone) : kNone);
      tps_max.push_back(t.tps ? t.tps->max.value_or(kNone) : kNone);
    }
    write_strings(g.get(), "label", labels);
    write_strings(g.get(), "statistic", statistics);
    write_strings(g.get(), "against", against);
    write_strings(g.get(), "source", sources);
    h5::write_doubles(g.get(), "value", values);
    h5::write_doubles(g.get(), "scale", scales);
    h5::write_doubles(g.get(), "at", at);
    h5::write_doubles(g.get(), "tps_min", tps_min);
    h5::write_doubles(g.get(), "tps_max", tps_max);
    h5::set_attribute(g.get(), "units",
                      std::string("value, scale: proportions (orr, dcr, best_*, landmark_*) as fractions, times "
                                  "(median_*, rmst_*) in days, hazard ratios (hr_*) plain; at in days; tps_min, "
                                  "tps_max in %"));
    h5::set_attribute(g.get(), "none",
                      std::string("against empty: no comparator arm; at NaN: no time; tps_min NaN: no lower bound "
                                  "(inclusive), tps_max NaN: no upper bound (exclusive), both NaN: all patients"));
  }
  {
    const h5::Id g = h5::create_group(file, "evaluations");
    std::vector<std::vector<double>> values, simulated;
    std::vector<double> objective, failed;
    std::vector<std::string> errors;
    for (const auto& e : r.evaluations) {
      values.push_back(e.values);
      simulated.push_back(e.simulated);
      objective.push_back(e.objective);
      failed.push_back(static_cast<double>(e.failed_tasks));
      errors.push_back(e.error);
    }
    write_matrix(g.get(), "values", values, problem.parameters.size());
    write_matrix(g.get(), "simulated", simulated, problem.targets.size());
    h5::write_doubles(g.get(), "objective", objective);
    h5::write_doubles(g.get(), "failed_tasks", failed);
    write_strings(g.get(), "error", errors);
  }
  {
    const h5::Id g = h5::create_group(file, "final");
    const calibrate::Evaluation& best = r.evaluations.at(r.best);
    h5::write_doubles(g.get(), "values", best.values);
    h5::write_doubles(g.get(), "simulated", best.simulated);
    h5::set_attribute(g.get(), "objective", best.objective);
    h5::set_attribute(g.get(), "evaluation", static_cast<long long>(r.best));
  }
  h5::set_attribute(file, "config", c.text);
  h5::set_attribute(file, "config_path", c.path);
  h5::set_attribute(file, "optimiser", calibrate::optimiser_description(problem.optimiser.algorithm));
  h5::set_attribute(file, "optimiser_status", r.optimiser.status);
  h5::set_attribute(file, "objective_definition",
                    std::string("sum over targets of ((simulated - value) / scale)^2; a missing statistic counts ") +
                        std::to_string(calibrate::kMissingPenalty));
  h5::set_attribute(file, "seed", static_cast<long long>(c.seed));
  h5::set_attribute(file, "patients", static_cast<long long>(c.patients));
  h5::set_attribute(file, "icbsim_version", std::string(build_info::kVersion));
  h5::set_attribute(file, "git_commit", std::string(build_info::kGitCommit));
  h5::set_attribute(file, "wall_seconds", wall_seconds);
}

}  // namespace

void write_calibration_record(const std::string& path, const CalibrationConfig& config,
                              const calibrate::CalibrationResult& result, double wall_seconds) {
  if (result.evaluations.empty() || result.best >= result.evaluations.size())
    throw IoError("calibration record '" + path + "': no evaluation to record");
  write_complete_file(path, [&](const std::string& temporary) {
    const h5::Id file = h5::create_file(temporary);
    write_contents(file.get(), config, result, wall_seconds);
  });
}

}  // namespace icbsim
