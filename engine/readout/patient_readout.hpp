// From a simulated tumour to a trial patient's readout: the model's tumour size sampled at scan
// times becomes target lesions (sum of longest diameters), RECIST 1.1 / iRECIST calls, best
// response, PFS, OS, SITC class and hyperprogression — measured the way trial patients are.
#pragma once

#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/core/enum_table.hpp"
#include "engine/core/random_stream.hpp"
#include "engine/readout/death_rule.hpp"
#include "engine/readout/hyperprogression.hpp"
#include "engine/readout/irecist.hpp"
#include "engine/readout/new_lesions.hpp"
#include "engine/readout/recist.hpp"
#include "engine/readout/sitc.hpp"
#include "engine/readout/tgi_os.hpp"
#include "engine/readout/tps_assay.hpp"

namespace icbsim::readout {

/// What the model's size variable measures.
enum class SizeKind { kDiameter, kVolume, kCells };
inline constexpr EnumTable<SizeKind, 3> kSizeKindNames{{{
    {SizeKind::kDiameter, "diameter"},
    {SizeKind::kVolume, "volume"},
    {SizeKind::kCells, "cells"},
}}};

enum class Criteria { kRecist11, kIrecist };
inline constexpr EnumTable<Criteria, 2> kCriteriaNames{{{{Criteria::kRecist11, "recist1.1"}, {Criteria::kIrecist, "irecist"}}}};

/// One target lesion: its share of the tumour volume.
struct LesionSpec {
  std::string organ = "lung";
  double share = 1.0;    ///< fraction of the total tumour volume [-]
  bool is_node = false;  ///< a lymph node (short axis; < 10 mm is normal)
};

/// How the model's tumour becomes measured lesions. Every lesion shares the systemic immune state:
/// lesion i holds share_i of the volume, so its diameter is D·share_i^(1/3), D being the
/// spherical-equivalent diameter of the whole tumour.
struct TumourMapping {
  std::size_t row = 0;                 ///< state/observable row of the sampled size
  SizeKind kind = SizeKind::kDiameter;
  double to_base_unit = 1.0;           ///< factor from the row's unit to mm, mL or cells
  double cells_per_ml = 1e9;           ///< tumour cell density for kCells [cells/mL]
  std::vector<LesionSpec> lesions{LesionSpec{}};
  double measurement_cv = 0.0;         ///< coefficient of variation of each measured diameter [-]
  /// A new lesion appears at the first scan whose tumour volume exceeds this multiple of the
  /// baseline volume (none when unset).
  std::optional<double> new_lesion_volume_fold;
  /// New lesions from the model's new-lesion hazard (tumour.new_lesions; none when unset).
  std::optional<NewLesionProcess> new_lesions;
};

struct ReadoutSettings {
  Criteria criteria = Criteria::kRecist11;
  RecistOptions recist;
  IrecistOptions irecist;
  std::optional<HyperprogressionDefinition> hyperprogression;
  DeathRule death;
  /// Overall survival from the TGI-OS model (readout.survival); none: the lethal-SLD rule `death`.
  std::optional<TgiOsModel> survival;
  MeasurementModel measurement;
  /// Perioperative setting: day of resection after neoadjuvant therapy (none: advanced setting).
  std::optional<double> surgery_day;
  /// Baseline PD-L1 assay (readout.tps): the TPS is read from the model at the baseline scan.
  std::optional<TpsAssay> tps;
};

/// The exposure to therapy: dose start times of every drug [day].
struct TreatmentExposure {
  std::vector<double> dose_times;
  /// Start of a next line of therapy [day]: PFS is censored at the last evaluable scan on or
  /// before it when progression or death comes later (none: no next line).
  std::optional<double> new_therapy_day = std::nullopt;
};

/// Why the first RECIST 1.1 progression was called.
enum class ProgressionReason { kNone, kTargetLesions, kNewLesions, kTargetAndNewLesions, kNonTarget };
inline constexpr EnumTable<ProgressionReason, 5> kProgressionReasonNames{{{
    {ProgressionReason::kNone, "none"},
    {ProgressionReason::kTargetLesions, "target_lesions"},
    {ProgressionReason::kNewLesions, "new_lesions"},
    {ProgressionReason::kTargetAndNewLesions, "target_and_new_lesions"},
    {ProgressionReason::kNonTarget, "non_target"},
}}};

/// What one patient brings to its readout besides the tumour size: the model's new-lesion hazard
/// sampled at the readout's times [1/day] with the patient's unit-exponential draws
/// (draw_new_lesion_thresholds), and for the TGI-OS survival model the patient's standard-normal
/// survival draw and prognostic shift of log survival time.
struct PatientInputs {
  std::span<const double> new_lesion_hazard;
  std::span<const double> new_lesion_thresholds;
  SurvivalDraw survival;
  double prognostic_log_shift = 0.0;
};

/// Per-scan record and per-patient outcomes.
struct PatientReadout {
  bool measurable = false;          ///< at least one target lesion at baseline
  std::vector<double> scan_times;   ///< baseline first [day]
  std::vector<double> sld_mm;       ///< recorded SLD per scan [mm]
  std::vector<Response> recist;     ///< RECIST 1.1 overall response per scan (baseline: NE)
  std::vector<IrecistResponse> irecist;  ///< per scan, when criteria is iRECIST
  std::vector<bool> new_lesion;     ///< per scan
  std::vector<double> new_lesion_days;  ///< appearance of each new lesion from the hazard [day]
  ProgressionReason progression_reason = ProgressionReason::kNone;  ///< of the first RECIST 1.1 PD
  /// TGI-OS only: the Stein fit of the tumour burden at the assessments (NaN otherwise).
  double tgi_kg_per_week = std::numeric_limits<double>::quiet_NaN();
  double tgi_ttg_weeks = std::numeric_limits<double>::quiet_NaN();
  Response best_response = Response::kNE;
  IrecistResponse best_irecist = IrecistResponse::kNE;
  double best_change_pct = 0.0;     ///< NaN when no evaluable scan
  std::optional<double> progression_day;
  std::optional<double> confirmation_day;  ///< first scan >= 28 days after progression still showing PD
  std::optional<double> response_day;
  SurvivalTime pfs;                 ///< from treatment start [day]
  SurvivalTime os;                  ///< from treatment start [day]
  double exposure_days = 0.0;
  SitcClass sitc = SitcClass::kNotEvaluable;
  bool hyperprogression = false;
  double tgr_pre = 0.0;             ///< [% per month]; NaN when not assessed
  double tgr_on = 0.0;              ///< [% per month]; NaN when not assessed
  std::optional<double> switch_day; ///< day of the move to second-line therapy (set by the runner)
  /// Measured PD-L1 tumour proportion score at baseline [%] (set by the runner with readout.tps;
  /// NaN without an assay).
  double tps_pct = std::numeric_limits<double>::quiet_NaN();
  /// Perioperative setting only: viable tumour at surgery as a share of the tumour at baseline
  /// [%] (the rest of the tumour bed has regressed), the pathological response and the
  /// neoadjuvant resistance class.
  double viable_tumour_pct = 0.0;
  PathologicalResponse pathological = PathologicalResponse::kNone;
  NeoadjuvantClass neoadjuvant = NeoadjuvantClass::kNotEvaluable;
};

/// Spherical-equivalent diameter [mm] of the whole tumour from one sampled size value.
double tumour_diameter_mm(const TumourMapping& mapping, double size_value);

/// Reads one patient. `times`/`sizes` are the sampled size series (ascending, covering the scans
/// and the follow-up); `scan_times` the scans, baseline first, each also in `times`;
/// `pre_baseline_time` an optional pre-treatment scan for tumour growth rates; `start_day` the
/// treatment start; `end_day` the end of follow-up. Measurement errors are drawn from `rng`.
/// `inputs` (required with a new-lesion process or the TGI-OS survival model) gives the hazard series
/// and the patient's draws: new lesions appear after the baseline scan, count in the RECIST/iRECIST
/// calls and add their diameters to the tumour burden that survival reads.
PatientReadout read_patient(const TumourMapping& mapping, const ReadoutSettings& settings,
                            std::span<const double> times, std::span<const double> sizes,
                            std::span<const double> scan_times, std::optional<double> pre_baseline_time,
                            const TreatmentExposure& exposure, double start_day, double end_day, RandomEngine& rng,
                            const PatientInputs* inputs = nullptr);

}  // namespace icbsim::readout
