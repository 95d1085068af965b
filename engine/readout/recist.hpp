// RECIST 1.1 response assessment (Eisenhauer et al., Eur J Cancer 2009;45:228-247): per-scan
// overall response, best overall response, nadir and time of progression from recorded
// target-lesion diameters. Rules and every choice where RECIST is silent: docs/readouts.md.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/core/enum_table.hpp"

namespace icbsim::readout {

/// Response category of RECIST 1.1, for one scan or as best overall response.
enum class Response { kCR, kPR, kSD, kPD, kNE };

/// Names of Response in output files and messages.
inline constexpr EnumTable<Response, 5> kResponseNames{{{
    {Response::kCR, "CR"},
    {Response::kPR, "PR"},
    {Response::kSD, "SD"},
    {Response::kPD, "PD"},
    {Response::kNE, "NE"},
}}};

/// State of the non-target disease at one assessment.
enum class NonTargetStatus {
  kNone,                    ///< no non-target lesion (none at baseline, or all gone and nodes normal)
  kPresent,                 ///< non-target lesions persist: non-CR/non-PD
  kUnequivocalProgression,  ///< unequivocal progression of existing non-target lesions
};

/// Names of NonTargetStatus in input files and messages.
inline constexpr EnumTable<NonTargetStatus, 3> kNonTargetStatusNames{{{
    {NonTargetStatus::kNone, "none"},
    {NonTargetStatus::kPresent, "present"},
    {NonTargetStatus::kUnequivocalProgression, "unequivocal_progression"},
}}};

/// Smallest longest diameter of a measurable non-nodal lesion at baseline [mm] (CT, RECIST 1.1 §3.1).
inline constexpr double kMinMeasurableLesionMm = 10.0;
/// Smallest short axis of a measurable (target) lymph node at baseline [mm].
inline constexpr double kMinMeasurableNodeMm = 15.0;
/// A node with short axis below this is normal; all target nodes below it allow CR [mm].
inline constexpr double kNormalNodeMm = 10.0;
/// Value recorded for a lesion that is present but too small to measure (RECIST 1.1 appendix) [mm].
inline constexpr double kTooSmallToMeasureMm = 5.0;
/// Most target lesions in total.
inline constexpr int kMaxTargets = 5;
/// Most target lesions per organ; all lymph nodes together count as one organ (EORTC RECIST FAQ).
inline constexpr int kMaxTargetsPerOrgan = 2;

/// One target lesion chosen at baseline.
struct TargetLesion {
  std::string organ;         ///< organ or site; ignored for nodes (all nodes are one organ)
  bool is_node = false;      ///< lymph node: measured in short axis; < 10 mm is normal
  double baseline_mm = 0.0;  ///< longest diameter, short axis for a node [mm]
};

/// The baseline assessment: the target lesions and the non-target disease.
struct Baseline {
  double time = 0.0;                                  ///< [day]; SD duration is counted from here
  std::vector<TargetLesion> targets;                  ///< 1 to 5 measurable lesions
  NonTargetStatus non_target = NonTargetStatus::kNone;  ///< kNone or kPresent
};

/// One follow-up assessment. Diameters are the recorded values: the true measurement, 0 for a
/// disappeared lesion, kTooSmallToMeasureMm for one present but too small to measure.
struct Scan {
  double time = 0.0;                                    ///< [day]
  std::vector<double> target_mm;                        ///< one per baseline target, same order [mm]
  NonTargetStatus non_target = NonTargetStatus::kNone;  ///< state of the non-target disease
  bool non_target_increase = false;  ///< iRECIST only: non-target disease grew since the last scan
  bool new_lesion = false;           ///< a lesion absent at baseline is seen
  int new_lesion_count = 0;          ///< iRECIST only: number of new lesions seen
  double new_lesion_sld_mm = 0.0;    ///< iRECIST only: sum of new-lesion target diameters [mm]
  bool not_evaluable = false;        ///< targets not (all) assessed; target_mm is then ignored
};

/// How best overall response is derived.
struct RecistOptions {
  /// CR/PR count only when confirmed by a later scan. Default on: the calibration trials report
  /// confirmed ORR (RECIST 1.1 itself requires it only when response is the primary end point).
  bool confirm_response = true;
  double confirmation_interval_days = 28.0;  ///< least gap to the confirming scan [day]
  double min_sd_duration_days = 42.0;        ///< least time from baseline for SD to count [day]
};

/// How a simulated (true) diameter becomes the value a radiologist records.
struct MeasurementModel {
  double detection_limit_mm = 3.0;  ///< non-nodal lesion below this is recorded as gone (0) [mm]
  double min_measurable_mm = 5.0;   ///< below this (and visible) it is recorded as 5 mm [mm]
};

/// The assessment of one scan.
struct RecistScanCall {
  double time = 0.0;                   ///< [day]
  Response target = Response::kNE;     ///< target-lesion response
  Response overall = Response::kNE;    ///< overall time-point response (RECIST 1.1 Table 4)
  double sld_mm = 0.0;                 ///< sum of recorded diameters [mm]; NaN when not evaluable
  double change_from_baseline_pct = 0.0;  ///< 100·(SLD − baseline)/baseline [%]; NaN when NE
  double reference_nadir_mm = 0.0;     ///< smallest SLD before this scan, baseline included [mm]
  bool confirmed = false;              ///< a CR/PR confirmed by a later scan (false otherwise)
};

/// The assessment of one patient.
struct RecistResult {
  std::vector<RecistScanCall> scans;        ///< one per scan, in order
  Response best_response = Response::kNE;   ///< best overall response (RECIST 1.1 §4.4)
  std::optional<double> progression_day;    ///< time of the first PD scan [day]
  std::optional<double> response_day;       ///< first scan of the CR/PR that made the best response [day]
  double nadir_mm = 0.0;  ///< smallest SLD from baseline up to the first PD (inclusive) [mm]
  std::optional<double> best_change_pct;    ///< most negative % change from baseline up to the first PD [%]
};

/// Throws icbsim::Error naming the problem when the baseline or a scan breaks RECIST 1.1 rules
/// (target count, per-organ limit, measurability) or is malformed (times, sizes, signs).
void validate_recist_input(const Baseline& baseline, std::span<const Scan> scans);

/// Sum of the baseline target diameters [mm].
double baseline_sld_mm(const Baseline& baseline);

/// Target-lesion response of recorded diameters [mm] against the baseline SLD and the nadir [mm].
Response target_response(const Baseline& baseline, std::span<const double> target_mm,
                         double baseline_sld, double nadir_sld);

/// Best non-progressive response reached by a sequence of time-point responses.
struct ResponseSummary {
  std::optional<Response> best;         ///< CR, PR or SD; nothing when none qualifies
  std::optional<double> response_day;   ///< first scan of the counted CR/PR [day]
  std::vector<bool> confirmed;          ///< per call: a CR/PR confirmed at its own level
};

/// Best of CR/PR/SD among time-point responses `calls` at `times` [day] (RECIST 1.1 §4.4 and
/// Table 6). With confirmation a CR counts as CR if a call >= the interval later is CR, as PR if
/// it is PR or CR, with only calls of that level or NE between (SD and PD interrupt); a PR alike.
/// Unconfirmed CR/PR and SD give SD if seen >= min_sd_duration_days after `baseline_time` [day].
ResponseSummary summarise_responses(std::span<const double> times, std::span<const Response> calls,
                                    double baseline_time, const RecistOptions& options);

/// Full RECIST 1.1 assessment of one patient; validates its input first.
RecistResult assess_recist(const Baseline& baseline, std::span<const Scan> scans,
                           const RecistOptions& options = {});

/// Value recorded for a lesion of true size `true_mm` [mm] (nodes: short axis, always as
/// measured; other lesions: 0 below the detection limit, 5 mm when too small to measure).
double recorded_diameter_mm(double true_mm, bool is_node, const MeasurementModel& model = {});

}  // namespace icbsim::readout
