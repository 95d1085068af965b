// Overall survival from the lethal-SLD rule and progression-free survival, on hand-built series.
#include "engine/readout/death_rule.hpp"

#include <catch2/catch.hpp>

#include <vector>

#include "engine/core/errors.hpp"

using namespace icbsim::readout;

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
  const Baseline baseline{0.0, {TargetLesion{"lung", false, 50.0}}, NonTargetStatus::kNone};
  auto scan = [](double t, double mm) {
    Scan s;
    s.time = t;
    s.target_mm = {mm};
    return s;
  };
  // 62 mm at day 42 is RECIST PD (iUPD); 64 mm at day 84 does not confirm; NE at day 126.
  Scan ne;
  ne.time = 126;
  ne.not_evaluable = true;
  const std::vector<Scan> scans{scan(42, 62), scan(84, 64), ne};
  const SurvivalTime alive{365.0, false};
  const SurvivalTime recist_pfs = progression_free_survival(assess_recist(baseline, scans), alive, 0.0, 365.0);
  CHECK(recist_pfs.event);
  CHECK(recist_pfs.time == Approx(42.0).epsilon(1e-12));
  // iRECIST: iUPD never confirmed -> censored at the last assessment that was not NE (day 84).
  const SurvivalTime irecist_pfs = progression_free_survival(assess_irecist(baseline, scans), alive, 0.0, 365.0);
  CHECK_FALSE(irecist_pfs.event);
  CHECK(irecist_pfs.time == Approx(84.0).epsilon(1e-12));
  // With a confirming scan the event is dated at the iUPD (day 42).
  const std::vector<Scan> confirmed{scan(42, 62), scan(84, 70)};
  const SurvivalTime icpd = progression_free_survival(assess_irecist(baseline, confirmed), alive, 0.0, 365.0);
  CHECK(icpd.event);
  CHECK(icpd.time == Approx(42.0).epsilon(1e-12));
}
