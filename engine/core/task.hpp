// Plain description of one simulation task (one patient or one sweep point) and of its result.
// These structs are what the runner hands to a model's simulate function; they carry no file
// formats and no YAML.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/solver_settings.hpp"
#include "engine/core/spatial_snapshot.hpp"

namespace icbsim {

/// A dose into one state variable: a bolus (duration 0) or a zero-order infusion.
struct DoseEvent {
  double time = 0.0;         ///< start [day]
  std::size_t target = 0;    ///< index of the receiving state variable
  double amount = 0.0;       ///< in the target variable's unit
  double duration = 0.0;     ///< infusion length [day]; 0 for a bolus
};

struct IntegrationState;

struct TaskInput {
  std::vector<double> parameters;     ///< in declaration order, declared units
  std::vector<double> initial_state;  ///< in declaration order, declared units
  double t_start = 0.0;               ///< [day]
  double t_end = 0.0;                 ///< [day]
  std::vector<double> output_times;   ///< ascending, within [t_start, t_end] [day]
  std::vector<double> sample_times;   ///< ascending extra times recorded apart (e.g. scans) [day]
  std::vector<DoseEvent> doses;
  SolverSettings solver;
  /// Further segment cuts (a scenario's checkpoint times) [day]: the integrator restarts there as at
  /// a dose, so a run continued from a cut is bit-identical to one that went through it.
  std::vector<double> cuts;
  /// Integrate only up to this cut and return the state there in TaskOutput::captured (a checkpoint).
  std::optional<double> stop_at;
  /// Continue from this state (captured at a cut of a run with the same history) instead of t_start.
  std::shared_ptr<const IntegrationState> resume;
  /// Doses before this time belong to a fixed history (a branch of a checkpoint): readout rules
  /// (stop, switch) never cancel them [day].
  double fixed_history_until = -std::numeric_limits<double>::infinity();
  /// Spatial tasks (Scenario::spatial): the lattice parameters of the spatial mode's parameter
  /// model (declaration order, overlays applied); empty otherwise.
  std::vector<double> spatial_parameters;
  /// Key of the task's own random streams: (scenario seed, stream id of the task) (spatial tasks).
  std::uint64_t seed = 0, stream = 0;
};

/// Integration statistics of one task.
struct SolverStats {
  std::size_t steps = 0;            ///< accepted steps
  std::size_t rhs_evaluations = 0;  ///< right-hand-side calls
  std::size_t segments = 0;         ///< smooth pieces between dose discontinuities
};

/// The integrator at a segment cut: everything a task needs to continue bit-identically from there.
struct IntegrationState {
  double time = 0.0;              ///< the cut [day]; the doses at this time are not given yet
  std::vector<double> state;      ///< state variables at `time`, before its doses
  double next_step = 0.0;         ///< the step size the integrator tries next [day]
  std::vector<double> peak;       ///< largest |value| of each state variable so far
  std::array<double, 4> controller{};  ///< step-controller memory kept across cuts (Rosenbrock; 0 for dopri5)
  SolverStats stats;              ///< counts so far
  /// Rows recorded before `time` ([output][time], row-major): at the first trajectory_columns
  /// output times, and at the first sample_columns sample times.
  std::vector<double> trajectories, samples;
  std::size_t trajectory_columns = 0, sample_columns = 0;
};

struct TaskOutput {
  /// Row-major [output][time]: first the state variables, then the observables.
  std::vector<double> trajectories;
  /// Same rows at TaskInput::sample_times.
  std::vector<double> samples;
  SolverStats stats;
  std::optional<IntegrationState> captured;  ///< at TaskInput::stop_at
  bool resumed = false;                      ///< continued from TaskInput::resume
  /// Spatial tasks: the spatial mode's metrics, row-major [metric][output time]; empty otherwise.
  std::vector<double> spatial_metrics;
  /// Spatial tasks: agents and fields at the requested snapshot times.
  std::vector<SpatialSnapshot> snapshots;
};

}  // namespace icbsim
