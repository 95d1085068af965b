// The limits of what one scenario may ask for, checked when it is loaded so that a size no machine
// can hold is a located error at `icbsim validate` with the estimate, never std::bad_alloc in a run
// (docs/scenario.md, "Limits").
#pragma once

#include "engine/io/config/config_node.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim {

/// Largest |time.start| and |time.end| [day] (2,700 years): keeps a day resolved to 1e-10 day, so
/// the integrator's steps never vanish in rounding (engineering limit of IEEE doubles).
inline constexpr double kMaxAbsTimeDays = 1e6;
/// Most output times of one task's trajectory row.
inline constexpr double kMaxOutputPoints = 5e7;
/// Most tasks of one scenario (patients x arms x sweep points x replicates).
inline constexpr double kMaxTasks = 1e9;
/// Most doses of one drug in one task.
inline constexpr double kMaxDosesPerTask = 1e6;
/// Most scans of one task.
inline constexpr double kMaxScansPerTask = 1e5;
/// Largest result file one scenario may write [byte] (100 TB): tasks x output times x trajectory rows.
inline constexpr double kMaxResultBytes = 1e14;

/// The design points a sweep will make (make_sweep_points), estimated without making them.
double sweep_design_points(const sweep::SweepSpec& spec);

/// Throws a located ScenarioError naming the estimate when the loaded scenario `s` (read from
/// `root`) exceeds a limit: tasks, doses or scans per task, the output grid, the result size.
void check_scenario_limits(const Scenario& s, const ConfigNode& root);

}  // namespace icbsim
