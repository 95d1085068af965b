// Overall survival from the lethal-SLD rule and progression-free survival, on hand-built series.
#include "engine/readout/death_rule.hpp"

#include <catch2/catch.hpp>

#include <vector>

#include "engine/core/errors.hpp"

using namespace icbsim::readout;

namespace {

/// One 50-mm lung target lesion at day 0, no non-targets.
Baseline one_lung_lesion() { return Baseline{0.0, {TargetLesion{"lung", false, 50.0}}, NonTargetStatus::kNone}; }

/// A scan on day `t` measuring the target at `mm`.
Scan measured(double t, double mm) {
  Scan s;
  s.time = t;
  s.target_mm = {mm};
  return s;
}

/// A scan on day `t` whose targets were not assessed (NE).
Scan not_assessed(double t) {
  Scan s;
  s.time = t;
  s.not_evaluable = true;
  return s;
}

}  // namespace

TEST_CASE("OS: death at the interpolated crossing of the lethal SLD", "[readout][death_rule]") {
  const DeathRule rule;  // 300 mm
  CHECK(rule.lethal_sld_mm == 300.0);
  // 200 mm at day 30, 400 mm at day 60: 300 mm is crossed at day 45.
  const std::vector<SldSample> series{{0, 100}, {30, 200}, {60, 400}, {90, 500}};
  const SurvivalTime os = overall_survival(series, 0.0, 365.0, rule);
  CHECK(os.event);
  CHECK(os.time == Approx(45.0).epsilon(1e-12));
  // Counted from the start of treatment.
  const std::vector<SldSample> later{{10, 100}, {40, 200}, {70, 400}};
  CHECK(overall_survival(later, 10.0, 365.0).time == Approx(45.0).epsilon(1e-12));
  // Exactly at the threshold is not above it.
  const std::vector<SldSample> at{{0, 100}, {30, 300}, {60, 300}};
  CHECK_FALSE(overall_survival(at, 0.0, 60.0).event);
  // Already above at the first sample: death there.
  const std::vector<SldSample> above{{5, 310}, {30, 320}};
  CHECK(overall_survival(above, 0.0, 60.0).time == Approx(5.0).epsilon(1e-12));
  CHECK(overall_survival(above, 0.0, 60.0).event);
}

TEST_CASE("OS: censoring at end of follow-up or at the last sample", "[readout][death_rule]") {
  const std::vector<SldSample> series{{0, 100}, {30, 200}, {60, 400}};
  const SurvivalTime cut = overall_survival(series, 0.0, 40.0);  // crossing at 45 is after follow-up
  CHECK_FALSE(cut.event);
  CHECK(cut.time == Approx(40.0).epsilon(1e-12));
  const std::vector<SldSample> short_series{{0, 100}, {30, 150}};
  const SurvivalTime last = overall_survival(short_series, 0.0, 100.0);
  CHECK_FALSE(last.event);
  CHECK(last.time == Approx(30.0).epsilon(1e-12));
  const std::vector<SldSample> unsorted{{0, 100}, {0, 150}};
  CHECK_THROWS_AS(overall_survival(unsorted, 0.0, 100.0), icbsim::Error);
  DeathRule bad;
  bad.lethal_sld_mm = 0.0;
  CHECK_THROWS_AS(overall_survival(series, 0.0, 100.0, bad), icbsim::Error);
}

TEST_CASE("PFS: earlier of progression and death else censored at the last assessment",
          "[readout][death_rule]") {
  const SurvivalTime died_45{45.0, true};
  const SurvivalTime alive_300{300.0, false};
  CHECK(progression_free_survival(84.0, died_45, 42.0, 0.0, 365.0).time == Approx(45.0).epsilon(1e-12));
  const SurvivalTime progressed = progression_free_survival(84.0, SurvivalTime{200.0, true}, 168.0, 0.0, 365.0);
  CHECK(progressed.event);
  CHECK(progressed.time == Approx(84.0).epsilon(1e-12));
  const SurvivalTime censored = progression_free_survival(std::nullopt, alive_300, 252.0, 0.0, 300.0);
  CHECK_FALSE(censored.event);
  CHECK(censored.time == Approx(252.0).epsilon(1e-12));
  // Progression after the end of follow-up is not seen.
  CHECK_FALSE(progression_free_survival(400.0, alive_300, 252.0, 0.0, 300.0).event);
  // No assessment at all: censored at start.
  CHECK(progression_free_survival(std::nullopt, alive_300, std::nullopt, 0.0, 300.0).time == 0.0);
}

TEST_CASE("PFS from RECIST and iRECIST assessments", "[readout][death_rule]") {
  const Baseline baseline = one_lung_lesion();
  // 62 mm at day 42 is RECIST PD (iUPD); 64 mm at day 84 does not confirm; NE at day 126.
  const std::vector<Scan> scans{measured(42, 62), measured(84, 64), not_assessed(126)};
  const SurvivalTime alive{365.0, false};
  const SurvivalTime recist_pfs = progression_free_survival(assess_recist(baseline, scans), alive, 0.0, 365.0);
  CHECK(recist_pfs.event);
  CHECK(recist_pfs.time == Approx(42.0).epsilon(1e-12));
  // iRECIST: iUPD never confirmed -> censored at the last assessment that was not NE (day 84).
  const SurvivalTime irecist_pfs = progression_free_survival(assess_irecist(baseline, scans), alive, 0.0, 365.0);
  CHECK_FALSE(irecist_pfs.event);
  CHECK(irecist_pfs.time == Approx(84.0).epsilon(1e-12));
  // With a confirming scan the event is dated at the iUPD (day 42).
  const std::vector<Scan> confirmed{measured(42, 62), measured(84, 70)};
  const SurvivalTime icpd = progression_free_survival(assess_irecist(baseline, confirmed), alive, 0.0, 365.0);
  CHECK(icpd.event);
  CHECK(icpd.time == Approx(42.0).epsilon(1e-12));
}

TEST_CASE("PFS is censored at the last evaluable assessment, not the last scheduled one", "[readout][death_rule]") {
  // Hand-worked patient (FDA 2018, Appendix 3, Table A): treatment starts on day 0, scans are
  // scheduled every 42 days, follow-up ends on day 200.
  //   day  42  SD      evaluable
  //   day  84  SD      evaluable                       <- last evaluable assessment
  //   day 126  NE      targets not assessed
  //   day 168  missed  scan not done (NE without measurements)
  // No progression, alive at day 200: PFS is censored at day 84 (84 - 0 = 84 days), not at the
  // last scheduled scan (168 days) nor at the end of follow-up (200 days).
  const Baseline baseline = one_lung_lesion();
  const SurvivalTime alive{200.0, false};
  const std::vector<Scan> scans{measured(42, 48), measured(84, 47), not_assessed(126), not_assessed(168)};
  const RecistResult recist = assess_recist(baseline, scans);
  REQUIRE(recist.scans[1].overall == Response::kSD);
  REQUIRE(recist.scans[2].overall == Response::kNE);
  const SurvivalTime pfs = progression_free_survival(recist, alive, 0.0, 200.0);
  CHECK_FALSE(pfs.event);
  CHECK(pfs.time == Approx(84.0).epsilon(1e-12));
  // Counted from the start of treatment: the same scans with treatment starting on day 10 give
  // 84 - 10 = 74 days.
  CHECK(progression_free_survival(recist, SurvivalTime{190.0, false}, 10.0, 200.0).time == Approx(74.0).epsilon(1e-12));

  // The same schedule as bare assessments (true = evaluable) for the event cases.
  const std::vector<TumourAssessment> sd_ne_missed{{42, true}, {84, true}, {126, false}, {168, false}};
  const std::vector<TumourAssessment> sd_missed_missed{{42, true}, {84, false}, {126, false}, {168, true}};
  CHECK(progression_free_survival(sd_ne_missed, std::nullopt, alive, 0.0, 200.0).time == Approx(84.0));

  // Death on day 100, after the day-84 scan: PFS event at day 100. The scans of days 126 and 168
  // come after death (never done) and neither censor nor count as missed: 100 days, event.
  const SurvivalTime died_100{100.0, true};
  const SurvivalTime death_event = progression_free_survival(sd_ne_missed, std::nullopt, died_100, 0.0, 200.0);
  CHECK(death_event.event);
  CHECK(death_event.time == Approx(100.0).epsilon(1e-12));
  // A progression "seen" on day 126, after death on day 100, cannot move the event: still day 100.
  CHECK(progression_free_survival(sd_ne_missed, 126.0, died_100, 0.0, 200.0).time == Approx(100.0).epsilon(1e-12));

  // Death on day 150 after the scans of days 84 and 126 were both missed: two missed assessments
  // in a row before the event, so the death is censored at the last evaluable scan, day 42.
  const SurvivalTime died_150{150.0, true};
  const SurvivalTime after_two_missed = progression_free_survival(sd_missed_missed, std::nullopt, died_150, 0.0, 200.0);
  CHECK_FALSE(after_two_missed.event);
  CHECK(after_two_missed.time == Approx(42.0).epsilon(1e-12));
  // Progression on day 168 after the same two missed scans: censored at day 42 too.
  const SurvivalTime pd_after_two_missed = progression_free_survival(sd_missed_missed, 168.0, alive, 0.0, 200.0);
  CHECK_FALSE(pd_after_two_missed.event);
  CHECK(pd_after_two_missed.time == Approx(42.0).epsilon(1e-12));
  // Death on day 110 after one missed scan (day 84) only: an event at 110 days.
  const SurvivalTime died_110{110.0, true};
  const SurvivalTime after_one_missed = progression_free_survival(sd_missed_missed, std::nullopt, died_110, 0.0, 200.0);
  CHECK(after_one_missed.event);
  CHECK(after_one_missed.time == Approx(110.0).epsilon(1e-12));

  // A scan with targets not assessed but a new lesion is PD (RECIST Table 4), hence evaluable and
  // the event: 42 SD, 84 NE + new lesion -> PD on day 84, 84 days.
  Scan new_lesion = not_assessed(84);
  new_lesion.new_lesion = true;
  new_lesion.new_lesion_count = 1;
  const std::vector<Scan> with_new_lesion{measured(42, 48), new_lesion};
  const SurvivalTime pd = progression_free_survival(assess_recist(baseline, with_new_lesion), alive, 0.0, 200.0);
  CHECK(pd.event);
  CHECK(pd.time == Approx(84.0).epsilon(1e-12));

  // No evaluable assessment at all (every scan NE): censored at start, 0 days.
  const std::vector<TumourAssessment> none{{42, false}, {84, false}};
  const SurvivalTime unassessed = progression_free_survival(none, std::nullopt, alive, 0.0, 200.0);
  CHECK_FALSE(unassessed.event);
  CHECK(unassessed.time == 0.0);
  // A scan after the end of follow-up is not seen: censored at day 84 with follow-up ending on 100.
  const std::vector<TumourAssessment> beyond{{42, true}, {84, true}, {126, true}};
  CHECK(progression_free_survival(beyond, std::nullopt, SurvivalTime{100.0, false}, 0.0, 100.0).time == Approx(84.0));
  // Assessments out of order are refused.
  const std::vector<TumourAssessment> unordered{{84, true}, {42, true}};
  CHECK_THROWS_AS(progression_free_survival(unordered, std::nullopt, alive, 0.0, 200.0), icbsim::Error);
}

TEST_CASE("PFS ends with first-line therapy when a next line starts before progression", "[readout][death_rule]") {
  // Hand-worked (FDA 2018, Appendix 3, Table A, "new anticancer treatment started"): scans every
  // 42 days, all evaluable; second-line therapy starts on day 100; follow-up ends on day 300.
  //   progression on day 168 (after the new therapy): censored at the last evaluable scan on or
  //     before day 100, day 84 -> 84 days, no event;
  //   progression on day 84 (before the new therapy): an event at 84 days;
  //   death on day 150 without progression: censored at day 84 as well;
  //   no progression, alive: censored at day 84, not at the last scan (day 252).
  const std::vector<TumourAssessment> scans{{42, true}, {84, true}, {126, true}, {168, true}, {210, true}, {252, true}};
  const SurvivalTime alive{300.0, false};
  const SurvivalTime late = progression_free_survival(scans, 168.0, alive, 0.0, 300.0, 100.0);
  CHECK_FALSE(late.event);
  CHECK(late.time == Approx(84.0).epsilon(1e-12));
  const SurvivalTime before = progression_free_survival(scans, 84.0, alive, 0.0, 300.0, 100.0);
  CHECK(before.event);
  CHECK(before.time == Approx(84.0).epsilon(1e-12));
  const SurvivalTime died =
      progression_free_survival(scans, std::nullopt, SurvivalTime{150.0, true}, 0.0, 300.0, 100.0);
  CHECK_FALSE(died.event);
  CHECK(died.time == Approx(84.0).epsilon(1e-12));
  CHECK(progression_free_survival(scans, std::nullopt, alive, 0.0, 300.0, 100.0).time == Approx(84.0));
  // A progression scan on the day the next line starts is before it (scan, then dosing): event.
  CHECK(progression_free_survival(scans, 84.0, alive, 0.0, 300.0, 84.0).event);
  // Without a next line the same patient progresses on day 168: an event at 168 days.
  CHECK(progression_free_survival(scans, 168.0, alive, 0.0, 300.0).time == Approx(168.0));
}

TEST_CASE("iRECIST PFS: an iUPD confirmed only after the next line started is censored", "[readout][death_rule]") {
  // Baseline 50 mm. Day 42: 62 mm (+24 %, +12 mm) is iUPD. Day 84: 70 mm (+8 mm since iUPD,
  // >= 5 mm and >= 28 days later) is iCPD, so progression is dated at the iUPD, day 42.
  //   second line from day 60 (between iUPD and iCPD): the progression was documented only under
  //     the new therapy -> censored at the last evaluable scan on or before day 60: day 42, 42 days;
  //   second line from day 90 (after iCPD): an event at 42 days.
  const Baseline baseline = one_lung_lesion();
  const std::vector<Scan> scans{measured(42, 62), measured(84, 70)};
  const IrecistResult irecist = assess_irecist(baseline, scans);
  REQUIRE(irecist.icpd_day == Approx(84.0));
  REQUIRE(irecist.progression_day == Approx(42.0));
  const SurvivalTime alive{365.0, false};
  const SurvivalTime switched_early = progression_free_survival(irecist, alive, 0.0, 365.0, 60.0);
  CHECK_FALSE(switched_early.event);
  CHECK(switched_early.time == Approx(42.0).epsilon(1e-12));
  const SurvivalTime switched_late = progression_free_survival(irecist, alive, 0.0, 365.0, 90.0);
  CHECK(switched_late.event);
  CHECK(switched_late.time == Approx(42.0).epsilon(1e-12));
}
