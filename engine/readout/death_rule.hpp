// Survival end points of one simulated patient: overall survival from a lethal tumour-burden
// rule, and progression-free survival from RECIST or iRECIST progression and death.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "engine/readout/irecist.hpp"
#include "engine/readout/recist.hpp"
#include "engine/readout/sld_sample.hpp"
#include "engine/readout/survival.hpp"

namespace icbsim::readout {

/// When a simulated patient dies.
struct DeathRule {
  /// Death when the SLD first exceeds this [mm]. Assumed default: 300 mm is about five 6-cm
  /// lesions, ~0.6 L of tumour, the order of the ~1 kg (1e12-cell) burden usually quoted as
  /// lethal; not a published threshold, set it per scenario.
  double lethal_sld_mm = 300.0;
};

/// Overall survival from an SLD series sampled in increasing time [day, mm]: event at the first
/// crossing of the lethal SLD (linear interpolation between the two samples around it; the first
/// sample itself if it already exceeds), otherwise censored at the earlier of the end of
/// follow-up and the last sample. Time counted from `start_day` [day].
SurvivalTime overall_survival(std::span<const SldSample> series, double start_day,
                              double end_of_follow_up_day, const DeathRule& rule = {});

/// Progression-free survival: the earlier of progression and death (both only when on or before
/// the end of follow-up), otherwise censored at the last adequate assessment (or at start when
/// there is none). `death` is the OS of the same patient, counted from `start_day` [day].
SurvivalTime progression_free_survival(std::optional<double> progression_day, const SurvivalTime& death,
                                       std::optional<double> last_assessment_day, double start_day,
                                       double end_of_follow_up_day);

/// One scheduled post-baseline tumour assessment as PFS sees it.
struct TumourAssessment {
  double day = 0.0;        ///< scheduled scan day [day]
  bool evaluable = false;  ///< the scan gave a response (any call but NE); false for a missed scan
};

/// Scheduled assessments in a row, missed or not evaluable, after which a progression or death is
/// not counted as an event but censored at the last evaluable assessment (FDA 2018, Appendix 3,
/// Table A: "deaths occurring after two or more missed visits are censored at the last visit").
inline constexpr int kMissedAssessmentsBeforeCensoring = 2;

/// PFS censored as RECIST-based trial analyses do (FDA 2018, Appendix 3, Table A): the event is
/// the earlier of progression and death on or before the end of follow-up, unless
/// kMissedAssessmentsBeforeCensoring or more assessments in a row before it were missed or not
/// evaluable; otherwise PFS is censored at the last *evaluable* assessment, not the last scheduled
/// one. A scan after death was never done and a scan after the end of follow-up is not seen: neither
/// counts. With no evaluable assessment PFS is censored at start. `new_therapy_day` is the start of
/// a next line of therapy [day]: scans after it do not count and a progression or death after it
/// is censored at the last evaluable assessment on or before it (FDA 2018 Table A, "new anticancer
/// treatment started"). `assessments` are the scheduled scans after baseline in increasing day
/// order; `death` is the OS counted from `start_day` [day].
SurvivalTime progression_free_survival(std::span<const TumourAssessment> assessments,
                                       std::optional<double> progression_day, const SurvivalTime& death,
                                       double start_day, double end_of_follow_up_day,
                                       std::optional<double> new_therapy_day = std::nullopt);

/// The scans of a RECIST 1.1 assessment as PFS assessments (evaluable: overall call other than NE).
std::vector<TumourAssessment> tumour_assessments(const RecistResult& recist);

/// The scans of an iRECIST assessment as PFS assessments (evaluable: call other than NE).
std::vector<TumourAssessment> tumour_assessments(const IrecistResult& irecist);

/// PFS with RECIST 1.1 progression, censored at the last evaluable scan (rules above).
SurvivalTime progression_free_survival(const RecistResult& recist, const SurvivalTime& death, double start_day,
                                       double end_of_follow_up_day,
                                       std::optional<double> new_therapy_day = std::nullopt);

/// PFS with iRECIST progression (the date of the iUPD that iCPD confirmed); censoring at the last
/// scan that was not NE, so an unconfirmed iUPD is censored at the last assessment. An iUPD
/// confirmed only after `new_therapy_day` was not documented under this therapy: censored.
SurvivalTime progression_free_survival(const IrecistResult& irecist, const SurvivalTime& death, double start_day,
                                       double end_of_follow_up_day,
                                       std::optional<double> new_therapy_day = std::nullopt);

}  // namespace icbsim::readout
