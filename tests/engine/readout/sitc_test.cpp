// SITC resistance classes (Kluger et al., JITC 2020, Table 1) at each boundary, and the
// perioperative pathological classes (MPR <= 10 % viable tumour, Hellmann et al. 2014).
#include "engine/readout/sitc.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "engine/core/errors.hpp"

using namespace icbsim::readout;

namespace {

std::string name(SitcClass c) { return std::string(kSitcClassNames.name(c)); }
std::string name(NeoadjuvantClass c) { return std::string(kNeoadjuvantClassNames.name(c)); }

// Progression at `pd_day`, confirmed 28 days later, on drug until progression.
SitcInput progressed(Response best, double pd_day, double exposure_days) {
  SitcInput in;
  in.exposure_days = exposure_days;
  in.best_response = best;
  in.progression_day = pd_day;
  in.confirmation_day = pd_day + 28.0;
  return in;
}

}  // namespace

TEST_CASE("SITC: constants are 6 weeks and 6 months of 30.4375 days", "[readout][sitc]") {
  CHECK(kSitcMinExposureDays == 42.0);
  CHECK(kSitcDurableBenefitDays == 182.625);
}

TEST_CASE("SITC: exposure 5.9 weeks is not evaluable and 6.1 weeks is classified", "[readout][sitc]") {
  // Best response PD at the first scan (day 41), confirmed at day 69.
  CHECK(name(classify_sitc(progressed(Response::kPD, 41.0, 5.9 * 7.0))) == "not_evaluable");  // 41.3 d
  CHECK(name(classify_sitc(progressed(Response::kPD, 41.0, 6.1 * 7.0))) == "primary_resistance");  // 42.7 d
  CHECK(name(classify_sitc(progressed(Response::kPD, 41.0, 42.0))) == "primary_resistance");
}

TEST_CASE("SITC: SD lasting 5.9 months is primary and 6.1 months secondary resistance", "[readout][sitc]") {
  const double early = 5.9 * kDaysPerMonth;  // 179.58 d
  const double late = 6.1 * kDaysPerMonth;   // 185.67 d
  CHECK(name(classify_sitc(progressed(Response::kSD, early, early))) == "primary_resistance");
  CHECK(name(classify_sitc(progressed(Response::kSD, late, late))) == "secondary_resistance");
  // Exactly 6 months of benefit and exposure counts as durable (documented choice).
  CHECK(name(classify_sitc(progressed(Response::kSD, 182.625, 182.625))) == "secondary_resistance");
  // A PR lost before 6 months is primary resistance (JITC 2021 application of Table 1).
  CHECK(name(classify_sitc(progressed(Response::kPR, early, early))) == "primary_resistance");
  // Benefit past 6 months but drug stopped at 4 months: outside Table 1.
  CHECK(name(classify_sitc(progressed(Response::kPR, late, 4.0 * kDaysPerMonth))) == "unclassified");
}

TEST_CASE("SITC: progression must be confirmed at least 4 weeks later unless rapid", "[readout][sitc]") {
  SitcInput in = progressed(Response::kPD, 63.0, 63.0);
  in.confirmation_day = 63.0 + 27.0;
  CHECK(name(classify_sitc(in)) == "unconfirmed_progression");
  in.confirmation_day = 63.0 + 28.0;
  CHECK(name(classify_sitc(in)) == "primary_resistance");
  in.confirmation_day.reset();
  CHECK(name(classify_sitc(in)) == "unconfirmed_progression");
  in.rapid_progression = true;
  CHECK(name(classify_sitc(in)) == "primary_resistance");
}

TEST_CASE("SITC: benefit without progression and bad input", "[readout][sitc]") {
  SitcInput responding;
  responding.exposure_days = 300.0;
  responding.best_response = Response::kPR;
  CHECK(name(classify_sitc(responding)) == "ongoing_benefit");
  responding.best_response = Response::kNE;
  CHECK(name(classify_sitc(responding)) == "unclassified");
  SitcInput bad;
  bad.exposure_days = 100.0;
  bad.best_response = Response::kPD;
  CHECK_THROWS_AS(classify_sitc(bad), icbsim::Error);  // PD without a progression day
  CHECK(kSitcClassNames.parse("secondary_resistance") == SitcClass::kSecondaryResistance);
}

TEST_CASE("Perioperative: pCR at 0 % and MPR up to 10.0 % and non-MPR from 10.1 %", "[readout][sitc]") {
  CHECK(classify_pathological_response(0.0) == PathologicalResponse::kComplete);
  CHECK(classify_pathological_response(0.0, true) == PathologicalResponse::kMajor);  // ypN+
  CHECK(classify_pathological_response(0.1) == PathologicalResponse::kMajor);
  CHECK(classify_pathological_response(10.0) == PathologicalResponse::kMajor);
  CHECK(classify_pathological_response(10.1) == PathologicalResponse::kNone);
  CHECK(kPathologicalResponseNames.name(classify_pathological_response(10.1)) == "non_mpr");
  CHECK_THROWS_AS(classify_pathological_response(100.5), icbsim::Error);

  NeoadjuvantInput in;
  in.viable_tumour_percent = 10.0;
  CHECK(name(classify_neoadjuvant(in)) == "mpr");
  in.viable_tumour_percent = 10.1;
  CHECK(name(classify_neoadjuvant(in)) == "primary_resistance");
  in.viable_tumour_percent = 0.0;
  CHECK(name(classify_neoadjuvant(in)) == "pcr");
  in.progression_before_surgery = true;  // progression overrides any pathology
  CHECK(name(classify_neoadjuvant(in)) == "primary_resistance");
  in.progression_before_surgery = false;
  in.viable_tumour_percent.reset();
  CHECK(name(classify_neoadjuvant(in)) == "not_evaluable");
}
