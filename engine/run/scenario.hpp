// A validated scenario as plain data: what the runner needs, with every default filled in.
// Produced by io/scenario_loader from a YAML file; the numerical core never sees YAML.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/cohort/population.hpp"
#include "engine/core/model_info.hpp"
#include "engine/core/overlay.hpp"
#include "engine/core/solver_settings.hpp"
#include "engine/pk/treatment.hpp"
#include "engine/readout/patient_readout.hpp"
#include "engine/readout/scan_schedule.hpp"
#include "engine/run/output_settings.hpp"
#include "engine/run/run_in.hpp"
#include "engine/run/spatial_spec.hpp"
#include "engine/sweep/sweep_spec.hpp"

namespace icbsim {

struct Continuation;

struct TimeSpan {
  double start = 0.0;         ///< [day]
  double end = 0.0;           ///< [day]
  double output_every = 1.0;  ///< spacing of the output grid [day]
};

/// How each task is measured like a trial patient (scenario sections tumour:, scans:, readout:).
struct ReadoutPlan {
  readout::TumourMapping tumour;
  readout::ScanSchedule scans;
  readout::ReadoutSettings settings;
};

/// When a patient moves to the second-line regimen of its arm.
enum class SwitchAt { kProgression, kConfirmedProgression, kPrimaryResistance };
inline constexpr EnumTable<SwitchAt, 3> kSwitchAtNames{{{
    {SwitchAt::kProgression, "progression"},
    {SwitchAt::kConfirmedProgression, "confirmed_progression"},
    {SwitchAt::kPrimaryResistance, "primary_resistance"},
}}};

/// Second-line therapy: at the switch day the first-line doses stop and this treatment starts
/// (its schedules shifted to begin on that day).
struct SwitchRule {
  SwitchAt at = SwitchAt::kConfirmedProgression;
  Treatment second_line;
};

/// One arm of a trial, or one entry of a phenotype panel: its own treatment and/or overlays.
struct Arm {
  std::string name;
  std::optional<Treatment> treatment;  ///< none: the scenario's treatment (or untreated)
  std::vector<Overlay> overlays;       ///< phenotypes and host factors of this arm only
  std::optional<SwitchRule> switch_rule;
};

/// How patients meet arms: every patient in every arm (paired digital twins), or one arm each,
/// drawn with the given ratio from the patient's own stream.
enum class Allocation { kPaired, kRandomised };
inline constexpr EnumTable<Allocation, 2> kAllocationNames{{{{Allocation::kPaired, "paired"},
                                                             {Allocation::kRandomised, "randomised"}}}};

/// Subgroups of the trial report by a drawn quantity (e.g. a PD-L1 expression parameter):
/// stratum k holds values in [cuts[k-1], cuts[k]).
struct Stratification {
  std::string name;                 ///< the parameter, or `tps`
  std::size_t index = 0;            ///< its index among the model's parameters
  bool by_tps = false;              ///< by the measured baseline TPS [%] (readout.tps) instead
  std::vector<double> cuts;         ///< ascending, in the parameter's unit
  std::vector<std::string> labels;  ///< cuts.size() + 1 labels

  /// The stratum of a value: the number of cuts at or below it.
  int stratum_of(double value) const {
    if (value != value) return -1;  // not measured: in no stratum
    return static_cast<int>(std::upper_bound(cuts.begin(), cuts.end(), value) - cuts.begin());
  }
};

struct Scenario {
  std::string source_name;  ///< file the scenario was read from ("<built-in quickstart>" for the default)
  std::string source_text;  ///< the YAML exactly as read
  int schema_version = 1;
  std::string description;
  const ModelInfo* model = nullptr;
  std::vector<double> parameters;     ///< every model parameter, declaration order, declared units
  std::vector<double> initial_state;  ///< every state variable, declaration order, declared units
  TimeSpan time;
  SolverSettings solver;
  std::uint64_t seed = 0;
  std::string output_path;
  OutputSettings output;               ///< which trajectories, precision, compression (output:)
  std::optional<ReadoutPlan> readout;  ///< none: trajectories only
  pk::PatientCovariates patient;        ///< covariates for dosing and PK (typical patient by default)
  std::optional<Treatment> treatment;   ///< none: untreated
  std::vector<Overlay> overlays;        ///< phenotypes and host factors every patient carries
  std::optional<cohort::PopulationSpec> population;  ///< none: the single patient the scenario describes
  Eigen::MatrixXd population_factor;    ///< Cholesky factor of the population's correlations (empty: none)
  std::vector<Arm> arms;                ///< empty: one arm with the scenario's treatment
  Allocation allocation = Allocation::kPaired;
  std::vector<double> ratio;            ///< randomised allocation weights, one per arm
  std::optional<Stratification> strata; ///< report subgroups (report: {stratify: ...})
  std::optional<sweep::SweepSpec> sweep; ///< design over parameters, overlays and treatments (sweep:)
  /// Times where every task's integration restarts, so that a checkpoint taken there continues
  /// bit-identically (checkpoints:, docs/checkpoints.md) [day], ascending.
  std::vector<double> checkpoints;
  /// Continue every task from a checkpoint: a restart, or a branch into new arms (engine/run/checkpoint.hpp).
  std::shared_ptr<const Continuation> continuation;
  /// Run every task as a spatial patient of the model's spatial mode (spatial:, docs/models/nsclc_spatial.md).
  std::optional<SpatialSpec> spatial;
  /// Bring each task's drawn initial state to its own untreated quasi-steady state first (run_in:).
  std::optional<RunInSpec> run_in;
};

/// The output grid: start, start + every, ..., and the end itself [day].
std::vector<double> output_grid(const TimeSpan& span);

}  // namespace icbsim
