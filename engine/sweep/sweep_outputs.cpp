// Output names -> columns and aggregation; per-point aggregation over a point's patients.
#include "engine/sweep/sweep_outputs.hpp"

#include <cmath>
#include <limits>

#include "engine/core/errors.hpp"
#include "engine/readout/survival.hpp"

namespace icbsim::sweep {

namespace {

struct Named {
  std::string_view name;
  std::string_view column;
  std::string_view unit;
};
constexpr Named kRates[] = {{"orr", "responder", "1"},
                            {"dcr", "disease_control", "1"},
                            {"primary_resistance_rate", "primary_resistance", "1"},
                            {"hyperprogression_rate", "hyperprogression", "1"}};
constexpr Named kMeans[] = {{"best_change_pct", "best_change_pct", "%"}, {"pfs_days", "pfs_days", "day"},
                            {"os_days", "os_days", "day"},               {"exposure_days", "exposure_days", "day"},
                            {"tgr_pre", "tgr_pre", "%/month"},           {"tgr_on", "tgr_on", "%/month"},
                            {"viable_tumour_pct", "viable_tumour_pct", "%"}};
constexpr Named kMedians[] = {{"median_pfs_days", "pfs_days", "day"}, {"median_os_days", "os_days", "day"}};

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

OutputDefinition define_output(std::string_view name) {
  OutputDefinition d;
  d.name = std::string(name);
  for (const Named& n : kRates)
    if (n.name == name) {
      d.column = n.column;
      d.unit = n.unit;
      return d;
    }
  for (const Named& n : kMeans)
    if (n.name == name) {
      d.column = n.column;
      d.unit = n.unit;
      return d;
    }
  for (const Named& n : kMedians)
    if (n.name == name) {
      d.aggregate = Aggregate::kMedianSurvival;
      d.column = n.column;
      d.event_column = std::string(n.column.substr(0, n.column.find('_'))) + "_event";
      d.unit = n.unit;
      return d;
    }
  for (std::string_view prefix : {"final:", "min:", "max:"})
    if (name.substr(0, prefix.size()) == prefix && name.size() > prefix.size()) {
      d.column = d.name;
      d.needs_readout = false;
      return d;  // the unit is the variable's: filled in by io/sweep_results
    }
  std::string known;
  for (const Named& n : kRates) known += std::string(n.name) + ", ";
  for (const Named& n : kMedians) known += std::string(n.name) + ", ";
  for (const Named& n : kMeans) known += std::string(n.name) + ", ";
  throw Error("unknown sweep output '" + d.name + "'; known: " + known + "final:VAR, min:VAR, max:VAR");
}

Eigen::VectorXd point_values(const OutputDefinition& output, const TaskTable& table, std::size_t arm) {
  const std::vector<double>& values = table.columns.at(output.column);
  const std::vector<double>* events =
      output.aggregate == Aggregate::kMedianSurvival ? &table.columns.at(output.event_column) : nullptr;
  Eigen::VectorXd result(static_cast<Eigen::Index>(table.points));
  std::vector<readout::SurvivalTime> times;
  for (std::size_t point = 0; point < table.points; ++point) {
    double sum = 0.0;
    std::size_t n = 0;
    times.clear();
    for (std::size_t patient = 0; patient < table.patients; ++patient) {
      const std::size_t task = (point * table.patients + patient) * table.arms + arm;
      const double v = values[task];
      if (!std::isfinite(v)) continue;
      if (events) {
        times.push_back({v, (*events)[task] != 0.0});
      } else {
        sum += v;
        ++n;
      }
    }
    double value = kNaN;
    if (events && !times.empty()) {
      const auto median = readout::median_survival(readout::kaplan_meier(times)).median;
      value = median ? *median : kNaN;  // not reached: NaN (the sweep reports it)
    } else if (!events && n > 0) {
      value = sum / static_cast<double>(n);
    }
    result(static_cast<Eigen::Index>(point)) = value;
  }
  return result;
}

}  // namespace icbsim::sweep
