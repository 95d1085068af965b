// A scenario's treatment as plain data: which drugs, on which schedules, into which of the model's
// drug slots, for which patient, and when dosing stops.
#pragma once

#include <string>
#include <vector>

#include "engine/core/enum_table.hpp"
#include "engine/pk/drug.hpp"
#include "engine/pk/patient_covariates.hpp"
#include "engine/pk/schedule.hpp"

namespace icbsim {

/// When dosing stops because of the readout (the "treatment beyond progression" choice).
enum class StopRule { kNever, kProgression, kConfirmedProgression };
inline constexpr EnumTable<StopRule, 3> kStopRuleNames{{{
    {StopRule::kNever, "never"},
    {StopRule::kProgression, "progression"},
    {StopRule::kConfirmedProgression, "confirmed_progression"},
}}};

/// One drug of a treatment.
struct TreatmentItem {
  pk::Drug drug;                          ///< the catalogue entry
  pk::PkModelSpec pk;                     ///< the population-PK model used (the drug's default or an alternative)
  std::string regimen;                    ///< the catalogue regimen's name, or "custom"
  std::vector<pk::DosingSchedule> phases; ///< the schedule(s)
  std::string slot;                       ///< model slot prefix ("" for a single-drug model)
  std::size_t target_state = 0;           ///< state variable receiving the doses
};

struct Treatment {
  std::vector<TreatmentItem> items;
  StopRule stop = StopRule::kNever;
};

}  // namespace icbsim
