// Dosing schedules: a dose with its basis (flat, per kg, per m², Calvert AUC), repeated every
// interval for a number of cycles or a maximal duration, expanded into the simulator's DoseEvents.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "engine/core/enum_table.hpp"
#include "engine/core/task.hpp"
#include "engine/pk/patient_covariates.hpp"

namespace icbsim::pk {

/// How a dose amount scales with the patient.
enum class DoseBasis {
  kFlat,       ///< amount in mg
  kPerKg,      ///< amount in mg/kg body weight
  kPerM2,      ///< amount in mg/m² body-surface area (Mosteller)
  kCalvertAuc  ///< target AUC in mg·min/mL: dose = AUC·(GFR + 25) mg (Calvert 1989)
};
inline constexpr EnumTable<DoseBasis, 4> kDoseBasisNames{{{
    {DoseBasis::kFlat, "mg"},
    {DoseBasis::kPerKg, "mg/kg"},
    {DoseBasis::kPerM2, "mg/m^2"},
    {DoseBasis::kCalvertAuc, "calvert_auc"},
}}};

struct DoseSpec {
  double amount = 0.0;  ///< in the unit of `basis` (mg, mg/kg, mg/m², mg·min/mL)
  DoseBasis basis = DoseBasis::kFlat;
};

/// The dose in mg for `patient`. Calvert's GFR is the patient's `crcl` when recorded, else the
/// Cockcroft–Gault estimate [mL/min]. Throws icbsim::Error when the patient lacks what the basis
/// needs (weight for mg/kg; height and weight for mg/m²; creatinine clearance inputs for AUC).
double dose_mg(const DoseSpec& dose, const PatientCovariates& patient);

inline constexpr double kNoLimit = std::numeric_limits<double>::infinity();

/// A repeated regimen of one drug. Cycle k (k = 0, 1, ...) starts at start + k·interval; within a
/// cycle a dose is given at each offset of `days` (default: day 0 only, e.g. {0, 7} for days 1 and
/// 8 of a 21-day cycle). Cycles stop at `cycles` (0 = no limit) or when a dose time would reach
/// start + max_duration, whichever comes first.
struct DosingSchedule {
  std::string drug;
  DoseSpec dose;
  double interval = 0.0;           ///< cycle length [day]
  std::size_t cycles = 0;          ///< number of cycles; 0 = limited by max_duration / t_end only
  double max_duration = kNoLimit;  ///< doses are given at times < start + max_duration [day]
  double infusion = 0.0;           ///< infusion duration [day]; 0 = bolus
  double start = 0.0;              ///< first cycle's start [day]
  std::vector<double> days{0.0};   ///< dose offsets within each cycle [day], ascending, in [0, interval)
};

/// Throws icbsim::Error with a clear message for: a non-positive or non-finite dose; a
/// non-positive interval (unless a single cycle of a single dose); a negative infusion or start; an
/// infusion longer than the gap to the next dose; offsets outside [0, interval) or not ascending; a
/// non-positive maximal duration. A schedule with neither cycles nor max_duration is bounded by t_end.
void validate(const DosingSchedule& schedule);

/// The schedule's doses before `t_end` [day] for `patient`, into state `target_state_index`, sorted
/// by time. Validates the schedule first and computes each amount with dose_mg().
std::vector<DoseEvent> expand_schedule(const DosingSchedule& schedule, const PatientCovariates& patient,
                                       std::size_t target_state_index, double t_end);

}  // namespace icbsim::pk
