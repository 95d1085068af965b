// The scalar outputs a sweep analyses: their names, which per-task column each is made from, and
// how a point's patients are aggregated (mean, rate, or Kaplan–Meier median).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>

namespace icbsim::sweep {

enum class Aggregate {
  kMean,            ///< mean over the point's completed tasks (a rate for 0/1 columns)
  kMedianSurvival,  ///< Kaplan–Meier median of a time with its event column
};

struct OutputDefinition {
  std::string name;          ///< as written in the scenario
  Aggregate aggregate = Aggregate::kMean;
  std::string column;        ///< per-task column: an /outcomes name, "responder", "final:VAR", ...
  std::string event_column;  ///< kMedianSurvival: the event indicator column
  bool needs_readout = true; ///< made from the readout (false for trajectory columns)
  std::string unit;          ///< unit of the point value
};

/// The definition of output `name`; throws icbsim::Error (listing the known forms) when unknown.
/// Forms: orr, dcr, primary_resistance_rate, hyperprogression_rate, median_pfs_days,
/// median_os_days, a numeric outcome (best_change_pct, pfs_days, os_days, exposure_days, tgr_pre,
/// tgr_on, viable_tumour_pct), and final:VAR, min:VAR, max:VAR of a state or observable VAR.
OutputDefinition define_output(std::string_view name);

/// The task-level values of a sweep, task ids in the plan's order ((point · patients + patient)
/// · arms + arm). Failed tasks hold NaN.
struct TaskTable {
  std::size_t points = 0;
  std::size_t patients = 0;  ///< per point
  std::size_t arms = 1;
  std::map<std::string, std::vector<double>> columns;
};

/// The output at every point for one arm; NaN where no task of the point completed.
Eigen::VectorXd point_values(const OutputDefinition& output, const TaskTable& table, std::size_t arm);

}  // namespace icbsim::sweep
