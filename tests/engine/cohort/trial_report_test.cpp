// Trial report: counts, rates, survival comparisons and attributable fractions on constructed
// patients with known answers.
#include <catch2/catch.hpp>

#include "engine/cohort/trial_report.hpp"

using namespace icbsim::cohort;
using icbsim::readout::Response;
using icbsim::readout::SitcClass;

namespace {
TaskSummary patient(std::uint16_t arm, Response best, SitcClass sitc, float pfs, bool carries) {
  TaskSummary t;
  t.arm = arm;
  t.ok = true;
  t.best = best;
  t.sitc = sitc;
  t.pfs_days = pfs;
  t.pfs_event = true;
  t.os_days = pfs + 100;
  t.os_event = false;
  t.carries = {carries};
  return t;
}
}  // namespace

TEST_CASE("the report counts responses, rates and attributable primary resistance", "[cohort][report]") {
  std::vector<TaskSummary> tasks;
  // Arm 0: 10 patients — 4 PR (ongoing benefit), 6 PD (primary resistance); carriers are 5 of the PD.
  for (int i = 0; i < 4; ++i) tasks.push_back(patient(0, Response::kPR, SitcClass::kOngoingBenefit, 300.0f + static_cast<float>(i), false));
  for (int i = 0; i < 6; ++i) tasks.push_back(patient(0, Response::kPD, SitcClass::kPrimaryResistance, 40.0f + static_cast<float>(i), i < 5));
  // Arm 1: 10 patients, all PD, progressing between day 30 and 165 (overlapping arm 0).
  for (int i = 0; i < 10; ++i) tasks.push_back(patient(1, Response::kPD, SitcClass::kPrimaryResistance, 30.0f + 15.0f * static_cast<float>(i), false));
  TaskSummary failed;
  failed.arm = 1;
  tasks.push_back(failed);

  const TrialReport r = make_trial_report(tasks, {"experimental", "control"}, {"mechanism"});
  const GroupStatistics& e = r.groups[0];
  CHECK(e.subgroup == "all");
  CHECK(e.n == 10);
  CHECK(e.best[1] == 4);
  CHECK(e.orr.estimate == Approx(0.4));
  CHECK(e.orr.wilson.lower == Approx(0.1682).margin(1e-4));  // Wilson 95 % for 4/10
  CHECK(e.primary_resistance_rate == Approx(0.6));
  const GroupStatistics& control = r.groups[3];
  CHECK(control.arm == "control");
  CHECK(control.n == 10);
  CHECK(control.failed == 1);
  // Carriers: 5 patients, all primary resistance; non-carriers: 1 of 5. Attributable: (0.6 − 0.2)/0.6.
  REQUIRE(r.attributions.size() == 2);
  CHECK(r.attributions[0].carriers_rate == Approx(1.0));
  CHECK(r.attributions[0].non_carriers_rate == Approx(0.2));
  CHECK(r.attributions[0].attributable_fraction == Approx(2.0 / 3.0));
  // The control arm progresses sooner: its PFS hazard ratio against the experimental arm is > 1.
  REQUIRE(r.comparisons.size() == 1);
  CHECK(r.comparisons[0].pfs_hr.hr > 1.0);
  CHECK(r.text.find("experimental") != std::string::npos);
}

TEST_CASE("the report breaks every arm down by stratum", "[cohort][report]") {
  std::vector<TaskSummary> tasks;
  for (int i = 0; i < 6; ++i) {
    TaskSummary t = patient(0, i < 2 ? Response::kPR : Response::kPD, SitcClass::kOngoingBenefit,
                            100.0f + static_cast<float>(i), false);
    t.stratum = i < 3 ? 0 : 1;
    tasks.push_back(t);
  }
  const TrialReport r = make_trial_report(tasks, {"arm"}, {}, {"low", "high"});
  REQUIRE(r.groups.size() == 3);
  CHECK(r.groups[1].subgroup == "stratum low");
  CHECK(r.groups[1].n == 3);
  CHECK(r.groups[1].orr.estimate == Approx(2.0 / 3.0));
  CHECK(r.groups[2].n == 3);
  CHECK(r.groups[2].orr.estimate == 0.0);
}

TEST_CASE("the report gives the share of progressions called on new lesions alone", "[cohort][report]") {
  using icbsim::readout::ProgressionReason;
  std::vector<TaskSummary> tasks;
  // Arm 0: 8 progressions — 3 on new lesions alone, 1 on targets and new lesions, 4 on targets; 2 responders.
  const ProgressionReason reasons[] = {ProgressionReason::kNewLesions,    ProgressionReason::kNewLesions,
                                       ProgressionReason::kNewLesions,    ProgressionReason::kTargetAndNewLesions,
                                       ProgressionReason::kTargetLesions, ProgressionReason::kTargetLesions,
                                       ProgressionReason::kTargetLesions, ProgressionReason::kTargetLesions};
  for (ProgressionReason reason : reasons) {
    tasks.push_back(patient(0, Response::kPD, SitcClass::kPrimaryResistance, 40.0f, false));
    tasks.back().progression_reason = reason;
  }
  for (int i = 0; i < 2; ++i) tasks.push_back(patient(0, Response::kPR, SitcClass::kOngoingBenefit, 300.0f, false));
  const TrialReport r = make_trial_report(tasks, {"anti-PD-1"}, {});
  const GroupStatistics& g = r.groups[0];
  CHECK(g.progressions == 8);
  CHECK(g.on_new_lesions_alone == 3);
  CHECK(g.with_new_lesions == 4);
  CHECK(r.text.find("new lesions alone      3 ( 37.5%)") != std::string::npos);
  CHECK(r.text.find("with new lesions      4 ( 50.0%)") != std::string::npos);

  // Without any progression involving new lesions the section is absent.
  for (TaskSummary& t : tasks)
    if (t.progression_reason != ProgressionReason::kNone) t.progression_reason = ProgressionReason::kTargetLesions;
  CHECK(make_trial_report(tasks, {"anti-PD-1"}, {}).text.find("new lesions alone") == std::string::npos);
}
