// SITC resistance classification (Kluger 2020 Table 1) and perioperative pathological classes.
#include "engine/readout/sitc.hpp"

#include <cmath>

#include "engine/core/errors.hpp"

namespace icbsim::readout {

SitcClass classify_sitc(const SitcInput& input) {
  if (!std::isfinite(input.exposure_days) || input.exposure_days < 0.0)
    throw Error("SITC: exposure must be finite and >= 0 days");
  if (input.progression_day && (!std::isfinite(*input.progression_day) || *input.progression_day < 0.0))
    throw Error("SITC: progression day must be finite and >= 0");
  if (input.confirmation_day && !input.progression_day)
    throw Error("SITC: a confirmation day is given without a progression day");
  if (input.confirmation_day && !(*input.confirmation_day > *input.progression_day))
    throw Error("SITC: the confirming scan must follow the first progression");
  if (input.best_response == Response::kPD && !input.progression_day)
    throw Error("SITC: best response PD needs a progression day");

  if (input.exposure_days < kSitcMinExposureDays) return SitcClass::kNotEvaluable;

  const bool benefit = input.best_response == Response::kCR ||
                       input.best_response == Response::kPR || input.best_response == Response::kSD;
  if (!input.progression_day) return benefit ? SitcClass::kOngoingBenefit : SitcClass::kUnclassified;

  const bool confirmed =
      input.rapid_progression ||
      (input.confirmation_day && *input.confirmation_day - *input.progression_day >= kSitcConfirmationDays);
  if (!confirmed) return SitcClass::kUnconfirmedProgression;

  if (input.best_response == Response::kPD || *input.progression_day < kSitcDurableBenefitDays)
    return SitcClass::kPrimaryResistance;
  if (benefit && input.exposure_days >= kSitcDurableBenefitDays) return SitcClass::kSecondaryResistance;
  return SitcClass::kUnclassified;
}

PathologicalResponse classify_pathological_response(double viable_tumour_percent,
                                                    bool viable_tumour_in_nodes) {
  if (!std::isfinite(viable_tumour_percent) || viable_tumour_percent < 0.0 ||
      viable_tumour_percent > 100.0)
    throw Error("pathological response: viable tumour must be within 0-100 %");
  if (viable_tumour_percent == 0.0 && !viable_tumour_in_nodes) return PathologicalResponse::kComplete;
  if (viable_tumour_percent <= kMprMaxViablePercent) return PathologicalResponse::kMajor;
  return PathologicalResponse::kNone;
}

NeoadjuvantClass classify_neoadjuvant(const NeoadjuvantInput& input) {
  if (input.progression_before_surgery) return NeoadjuvantClass::kPrimaryResistance;
  if (!input.viable_tumour_percent) return NeoadjuvantClass::kNotEvaluable;
  switch (classify_pathological_response(*input.viable_tumour_percent, input.viable_tumour_in_nodes)) {
    case PathologicalResponse::kComplete: return NeoadjuvantClass::kPathologicalCompleteResponse;
    case PathologicalResponse::kMajor: return NeoadjuvantClass::kMajorPathologicalResponse;
    case PathologicalResponse::kNone: break;
  }
  return NeoadjuvantClass::kPrimaryResistance;
}

}  // namespace icbsim::readout
