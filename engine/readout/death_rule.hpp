// Survival end points of one simulated patient: overall survival from a lethal tumour-burden
// rule, and progression-free survival from RECIST or iRECIST progression and death.
#pragma once

#include <optional>
#include <span>

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

/// PFS with RECIST 1.1 progression; censoring at the last evaluable scan.
SurvivalTime progression_free_survival(const RecistResult& recist, const SurvivalTime& death,
                                       double start_day, double end_of_follow_up_day);

/// PFS with iRECIST progression (the date of the iUPD that iCPD confirmed); censoring at the last
/// scan that was not NE, so an unconfirmed iUPD is censored at the last assessment.
SurvivalTime progression_free_survival(const IrecistResult& irecist, const SurvivalTime& death,
                                       double start_day, double end_of_follow_up_day);

}  // namespace icbsim::readout
