// Lethal-burden overall survival and progression-free survival of one simulated patient.
#include "engine/readout/death_rule.hpp"

#include <algorithm>
#include <cmath>

#include "engine/core/errors.hpp"

namespace icbsim::readout {

namespace {

void check_window(double start_day, double end_of_follow_up_day) {
  if (!std::isfinite(start_day) || !std::isfinite(end_of_follow_up_day) ||
      end_of_follow_up_day < start_day)
    throw Error("survival end point: need finite start <= end of follow-up");
}

}  // namespace

SurvivalTime overall_survival(std::span<const SldSample> series, double start_day,
                              double end_of_follow_up_day, const DeathRule& rule) {
  check_window(start_day, end_of_follow_up_day);
  if (!(rule.lethal_sld_mm > 0.0)) throw Error("death rule: lethal SLD must be > 0 mm");
  if (series.empty()) throw Error("overall survival: empty SLD series");
  for (std::size_t i = 0; i < series.size(); ++i) {
    if (!std::isfinite(series[i].time) || !std::isfinite(series[i].sld_mm) || series[i].sld_mm < 0.0)
      throw Error("overall survival: SLD samples must be finite with SLD >= 0 mm");
    if (i > 0 && !(series[i].time > series[i - 1].time))
      throw Error("overall survival: sample times must increase strictly");
  }
  if (series.front().time < start_day) throw Error("overall survival: series starts before start_day");

  for (std::size_t i = 0; i < series.size() && series[i].time <= end_of_follow_up_day; ++i) {
    if (series[i].sld_mm <= rule.lethal_sld_mm) continue;
    double death = series[i].time;
    if (i > 0) {
      const SldSample& a = series[i - 1];
      const SldSample& b = series[i];
      death = a.time + (rule.lethal_sld_mm - a.sld_mm) / (b.sld_mm - a.sld_mm) * (b.time - a.time);
    }
    return {death - start_day, true};
  }
  const double censor = std::min(end_of_follow_up_day, series.back().time);
  return {censor - start_day, false};
}

SurvivalTime progression_free_survival(std::optional<double> progression_day, const SurvivalTime& death,
                                       std::optional<double> last_assessment_day, double start_day,
                                       double end_of_follow_up_day) {
  check_window(start_day, end_of_follow_up_day);
  if (!std::isfinite(death.time) || death.time < 0.0) throw Error("PFS: death time must be finite and >= 0");
  std::optional<double> event;
  if (progression_day && *progression_day <= end_of_follow_up_day) event = *progression_day - start_day;
  if (death.event && death.time + start_day <= end_of_follow_up_day)
    event = event ? std::min(*event, death.time) : death.time;
  if (event) return {std::max(0.0, *event), true};
  double censor = 0.0;
  if (last_assessment_day)
    censor = std::clamp(*last_assessment_day, start_day, end_of_follow_up_day) - start_day;
  return {censor, false};
}

SurvivalTime progression_free_survival(std::span<const TumourAssessment> assessments,
                                       std::optional<double> progression_day, const SurvivalTime& death,
                                       double start_day, double end_of_follow_up_day,
                                       std::optional<double> new_therapy_day) {
  check_window(start_day, end_of_follow_up_day);
  if (new_therapy_day && !std::isfinite(*new_therapy_day)) throw Error("PFS: new-therapy day must be finite");
  if (!std::isfinite(death.time) || death.time < 0.0) throw Error("PFS: death time must be finite and >= 0");
  for (std::size_t i = 0; i < assessments.size(); ++i) {
    if (!std::isfinite(assessments[i].day)) throw Error("PFS: assessment days must be finite");
    if (i > 0 && !(assessments[i].day > assessments[i - 1].day))
      throw Error("PFS: assessment days must increase strictly");
  }
  // The event the patient would count with, and the day it happens.
  const SurvivalTime outcome =
      progression_free_survival(progression_day, death, std::nullopt, start_day, end_of_follow_up_day);
  const double death_day = start_day + death.time;
  // Assessments that count: done (not after death) and seen (not after the end of follow-up); for
  // an event, those before it (the progression scan itself is the event).
  const double horizon = outcome.event ? start_day + outcome.time : end_of_follow_up_day;
  std::optional<double> last_evaluable;
  int missed_in_a_row = 0;
  for (const TumourAssessment& a : assessments) {
    if (a.day > end_of_follow_up_day || (death.event && a.day > death_day)) break;
    if (new_therapy_day && a.day > *new_therapy_day) break;  // first-line PFS ends with first-line therapy
    if (outcome.event ? a.day >= horizon : a.day > horizon) break;
    if (a.evaluable) {
      last_evaluable = a.day;
      missed_in_a_row = 0;
    } else {
      ++missed_in_a_row;
    }
  }
  const bool after_new_therapy = new_therapy_day && start_day + outcome.time > *new_therapy_day;
  if (outcome.event && !after_new_therapy && missed_in_a_row < kMissedAssessmentsBeforeCensoring) return outcome;
  return progression_free_survival(std::nullopt, SurvivalTime{death.time, false}, last_evaluable, start_day,
                                   end_of_follow_up_day);
}

std::vector<TumourAssessment> tumour_assessments(const RecistResult& recist) {
  std::vector<TumourAssessment> out;
  for (const RecistScanCall& c : recist.scans) out.push_back({c.time, c.overall != Response::kNE});
  return out;
}

std::vector<TumourAssessment> tumour_assessments(const IrecistResult& irecist) {
  std::vector<TumourAssessment> out;
  for (const IrecistScanCall& c : irecist.scans) out.push_back({c.time, c.response != IrecistResponse::kNE});
  return out;
}

SurvivalTime progression_free_survival(const RecistResult& recist, const SurvivalTime& death, double start_day,
                                       double end_of_follow_up_day, std::optional<double> new_therapy_day) {
  return progression_free_survival(tumour_assessments(recist), recist.progression_day, death, start_day,
                                   end_of_follow_up_day, new_therapy_day);
}

SurvivalTime progression_free_survival(const IrecistResult& irecist, const SurvivalTime& death, double start_day,
                                       double end_of_follow_up_day, std::optional<double> new_therapy_day) {
  // Progression is documented at iCPD: confirmed only after the next line started, it was not
  // documented under this therapy.
  std::optional<double> progression = irecist.progression_day;
  if (new_therapy_day && irecist.icpd_day && *irecist.icpd_day > *new_therapy_day) progression.reset();
  return progression_free_survival(tumour_assessments(irecist), progression, death, start_day, end_of_follow_up_day,
                                   new_therapy_day);
}

}  // namespace icbsim::readout
