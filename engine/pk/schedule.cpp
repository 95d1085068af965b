// Dose calculation, schedule validation and expansion into DoseEvents.
#include "engine/pk/schedule.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "engine/core/errors.hpp"

namespace icbsim::pk {

namespace {

std::string fmt(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

std::string label(const DosingSchedule& s) {
  return s.drug.empty() ? std::string("schedule") : "schedule of " + s.drug;
}

}  // namespace

double dose_mg(const DoseSpec& dose, const PatientCovariates& patient) {
  const std::string amount = fmt(dose.amount) + " " + std::string(kDoseBasisNames.name(dose.basis));
  switch (dose.basis) {
    case DoseBasis::kFlat: return dose.amount;
    case DoseBasis::kPerKg:
      if (!patient.weight || !(*patient.weight > 0.0))
        throw Error("a dose of " + amount + " needs the patient's body weight, which is not recorded");
      return dose.amount * *patient.weight;
    case DoseBasis::kPerM2: {
      const std::optional<double> bsa = bsa_mosteller(patient);
      if (!bsa || !(*bsa > 0.0))
        throw Error("a dose of " + amount + " needs the patient's height and weight (Mosteller body-surface area)");
      return dose.amount * *bsa;
    }
    case DoseBasis::kCalvertAuc: {
      const std::optional<double> gfr = patient.crcl ? patient.crcl : crcl_cockcroft_gault(patient);
      if (!gfr || !(*gfr > 0.0))
        throw Error("a Calvert dose of AUC " + fmt(dose.amount) +
                    " mg*min/mL needs the creatinine clearance, or age, weight and serum creatinine");
      return dose.amount * (*gfr + 25.0);
    }
  }
  throw Error("unknown dose basis");
}

void validate(const DosingSchedule& s) {
  const std::string who = label(s);
  if (!std::isfinite(s.dose.amount) || !(s.dose.amount > 0.0))
    throw Error(who + ": the dose must be positive, got " + fmt(s.dose.amount));
  if (s.days.empty()) throw Error(who + ": at least one dosing day per cycle is needed");
  const bool single_dose = s.cycles == 1 && s.days.size() == 1;
  if (!single_dose && (!std::isfinite(s.interval) || !(s.interval > 0.0)))
    throw Error(who + ": the dosing interval must be positive, got " + fmt(s.interval) + " day");
  if (!std::isfinite(s.infusion) || s.infusion < 0.0)
    throw Error(who + ": the infusion duration must not be negative, got " + fmt(s.infusion) + " day");
  if (!std::isfinite(s.start) || s.start < 0.0)
    throw Error(who + ": the start day must not be negative, got " + fmt(s.start));
  if (!(s.max_duration > 0.0)) throw Error(who + ": the maximal duration must be positive, got " + fmt(s.max_duration));
  for (std::size_t j = 0; j < s.days.size(); ++j) {
    const double d = s.days[j];
    if (!std::isfinite(d) || d < 0.0 || (!single_dose && d >= s.interval))
      throw Error(who + ": dosing day offset " + fmt(d) + " lies outside the cycle [0, " + fmt(s.interval) + ")");
    if (j > 0 && !(d > s.days[j - 1])) throw Error(who + ": dosing day offsets must be strictly ascending");
  }
  if (single_dose) return;
  // The smallest gap between consecutive doses, including the wrap into the next cycle.
  double gap = kNoLimit;
  for (std::size_t j = 1; j < s.days.size(); ++j) gap = std::min(gap, s.days[j] - s.days[j - 1]);
  if (s.cycles != 1) gap = std::min(gap, s.interval - s.days.back() + s.days.front());
  if (s.infusion > gap)
    throw Error(who + ": the infusion (" + fmt(s.infusion) + " day) is longer than the interval between doses (" +
                fmt(gap) + " day)");
}

std::vector<DoseEvent> expand_schedule(const DosingSchedule& s, const PatientCovariates& patient,
                                       std::size_t target_state_index, double t_end) {
  validate(s);
  const double amount = dose_mg(s.dose, patient);
  const double stop = std::min(t_end, s.start + s.max_duration);  // doses strictly before
  if (s.cycles == 0 && !std::isfinite(stop))
    throw Error(label(s) + ": the schedule has no end; give cycles, a maximal duration or a finite end time");
  std::vector<DoseEvent> events;
  for (std::size_t k = 0; s.cycles == 0 || k < s.cycles; ++k) {
    const double cycle_start = s.start + static_cast<double>(k) * s.interval;
    if (!(cycle_start < stop)) break;
    for (double offset : s.days) {
      const double t = cycle_start + offset;
      if (!(t < stop)) break;
      events.push_back(DoseEvent{t, target_state_index, amount, s.infusion});
    }
  }
  return events;
}

}  // namespace icbsim::pk
