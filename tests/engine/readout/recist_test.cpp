// RECIST 1.1 (Eisenhauer et al. 2009): a table of hand-worked SLD series covering each rule,
// with the expected call of every scan, best overall response and progression day.
#include "engine/readout/recist.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/errors.hpp"

using namespace icbsim::readout;

namespace {

constexpr Response CR = Response::kCR;
constexpr Response PR = Response::kPR;
constexpr Response SD = Response::kSD;
constexpr Response PD = Response::kPD;
constexpr Response NE = Response::kNE;
constexpr NonTargetStatus kNone = NonTargetStatus::kNone;
constexpr NonTargetStatus kPresent = NonTargetStatus::kPresent;
constexpr NonTargetStatus kUp = NonTargetStatus::kUnequivocalProgression;

TargetLesion lesion(double mm, const char* organ = "lung") { return {organ, false, mm}; }
TargetLesion node(double mm) { return {"lymph node", true, mm}; }

Scan scan(double t, std::vector<double> mm, NonTargetStatus nt = kNone) {
  Scan s;
  s.time = t;
  s.target_mm = std::move(mm);
  s.non_target = nt;
  return s;
}

Scan with_new_lesion(Scan s) {
  s.new_lesion = true;
  s.new_lesion_count = 1;
  return s;
}

Scan not_evaluable(double t) {
  Scan s;
  s.time = t;
  s.not_evaluable = true;
  return s;
}

struct Case {
  std::string name;
  std::vector<TargetLesion> targets;
  NonTargetStatus baseline_non_target;
  bool confirm;
  std::vector<Scan> scans;
  std::vector<Response> calls;
  Response best;
  std::optional<double> progression_day;
};

template <typename F>
std::string error_of(F f) {
  try {
    f();
  } catch (const icbsim::Error& e) {
    return e.what();
  }
  return "<no icbsim::Error thrown>";
}

// Two non-nodal targets, baseline SLD 100 mm.
const std::vector<TargetLesion> kHundred{lesion(60.0), lesion(40.0, "liver")};

}  // namespace

TEST_CASE("RECIST 1.1: table of hand-worked series", "[readout][recist]") {
  // Baseline at day 0; minimum SD duration 42 days; confirmation interval 28 days.
  const std::vector<Case> cases{
      {"PR at exactly -30% (100 -> 70)", kHundred, kNone, false,
       {scan(42, {42, 28})}, {PR}, PR, {}},
      {"-29.9% is SD (100 -> 70.1)", kHundred, kNone, false,
       {scan(42, {42, 28.1})}, {SD}, SD, {}},
      {"PD at +20% and +10 mm (50 -> 60)", {lesion(50)}, kNone, false,
       {scan(42, {60})}, {PD}, PD, 42.0},
      {"PD at exactly +20% and +5 mm (25 -> 30)", {lesion(25)}, kNone, false,
       {scan(42, {30})}, {PD}, PD, 42.0},
      {"+20% but only +4 mm is not PD; +5 mm later is (20 -> 24 -> 25)", {lesion(20)}, kNone, false,
       {scan(42, {24}), scan(84, {25})}, {SD, PD}, SD, 84.0},
      {"+19.9 mm but only +19.9% is not PD; +20% is (100 -> 119.9 -> 120)", kHundred, kNone, false,
       {scan(42, {70, 49.9}), scan(84, {70, 50})}, {SD, PD}, SD, 84.0},
      {"PD against a nadir below baseline (100 -> 50 -> 60)", kHundred, kNone, false,
       {scan(42, {30, 20}), scan(84, {36, 24})}, {PR, PD}, PR, 84.0},
      {"same series with confirmation: unconfirmed PR at day 42 becomes SD", kHundred, kNone, true,
       {scan(42, {30, 20}), scan(84, {36, 24})}, {PR, PD}, SD, 84.0},
      {"nadir is the smallest sum, not the previous scan (100 -> 60 -> 65 -> 72)", kHundred, kNone,
       false, {scan(42, {36, 24}), scan(84, {39, 26}), scan(126, {42, 30})}, {PR, PR, PD}, PR, 126.0},
      {"new lesion is PD despite shrinkage", kHundred, kNone, false,
       {with_new_lesion(scan(42, {30, 20}))}, {PD}, PD, 42.0},
      {"unequivocal non-target progression is PD", kHundred, kPresent, false,
       {scan(42, {57, 38}, kUp)}, {PD}, PD, 42.0},
      {"non-target disease present with stable targets is SD", {lesion(50)}, kPresent, false,
       {scan(42, {45}, kPresent)}, {SD}, SD, {}},
      {"CR with a target node at 9.9 mm short axis", {lesion(30), node(20)}, kNone, false,
       {scan(42, {0, 9.9})}, {CR}, CR, {}},
      {"a target node at 10 mm blocks CR: PR", {lesion(30), node(20)}, kNone, false,
       {scan(42, {0, 10})}, {PR}, PR, {}},
      {"target CR with non-target disease present is PR", {lesion(30)}, kPresent, false,
       {scan(42, {0}, kPresent)}, {PR}, PR, {}},
      {"lesion too small to measure counts 5 mm: PR, not CR", {lesion(30)}, kNone, false,
       {scan(42, {kTooSmallToMeasureMm})}, {PR}, PR, {}},
      {"PR confirmed by a PR exactly 28 days later", kHundred, kNone, true,
       {scan(42, {36, 24}), scan(70, {37, 25})}, {PR, PR}, PR, {}},
      {"PR seen again after 27 days does not confirm; later SD: best SD", kHundred, kNone, true,
       {scan(42, {36, 24}), scan(69, {36, 24}), scan(126, {42.6, 28.4})}, {PR, PR, SD}, SD, {}},
      {"unconfirmed PR then PD: SD when the PR scan meets the SD duration", kHundred, kNone, true,
       {scan(42, {36, 24}), scan(84, {48, 32})}, {PR, PD}, SD, 84.0},
      {"unconfirmed PR before the SD duration then PD: PD", kHundred, kNone, true,
       {scan(35, {36, 24}), scan(63, {48, 32})}, {PR, PD}, PD, 63.0},
      {"SD before the SD duration then PD: PD", kHundred, kNone, false,
       {scan(35, {57, 38}), scan(63, {78, 52})}, {SD, PD}, PD, 63.0},
      {"SD before the SD duration then NE: NE", kHundred, kNone, false,
       {scan(35, {57, 38}), not_evaluable(63)}, {SD, NE}, NE, {}},
      {"SD at exactly the SD duration (day 42) counts", kHundred, kNone, false,
       {scan(42, {57, 38})}, {SD}, SD, {}},
      {"NE scan is skipped; later PR counts", kHundred, kNone, false,
       {not_evaluable(42), scan(84, {39, 26})}, {NE, PR}, PR, {}},
      {"NE scan with a new lesion is PD", kHundred, kNone, false,
       {with_new_lesion(not_evaluable(42))}, {PD}, PD, 42.0},
      {"CR confirmed by a CR 28 days later", {lesion(30)}, kNone, true,
       {scan(42, {0}), scan(70, {0})}, {CR, CR}, CR, {}},
      {"CR followed by PR-level disease 42 days later: confirmed PR", {lesion(30), node(20)}, kNone,
       true, {scan(42, {0, 8}), scan(84, {0, 11})}, {CR, PR}, PR, {}},
      {"unconfirmed CR then NE: SD (duration met)", {lesion(30)}, kNone, true,
       {scan(42, {0}), not_evaluable(84)}, {CR, NE}, SD, {}},
      {"without confirmation a CR is best even if PD follows (reappearance at 5 mm)", {lesion(30)},
       kNone, false, {scan(42, {0}), scan(84, {kTooSmallToMeasureMm})}, {CR, PD}, CR, 84.0},
      {"PR confirmation interrupted by SD: best SD", kHundred, kNone, true,
       {scan(42, {39, 26}), scan(70, {43, 29}), scan(98, {41, 27})}, {PR, SD, PR}, SD, {}},
      {"three targets with a node: PR at -30%, then PD +20.6% / +13 mm over nadir",
       {lesion(40), lesion(30, "liver"), node(20)}, kNone, false,
       {scan(42, {28, 21, 14}), scan(84, {34, 25, 17})}, {PR, PD}, PR, 84.0},
      {"without confirmation a PR needs no SD duration", kHundred, kNone, false,
       {scan(21, {36, 24}), scan(63, {48, 32})}, {PR, PD}, PR, 63.0},
      {"no follow-up scan: NE", {lesion(30)}, kNone, false, {}, {}, NE, {}},
  };
  REQUIRE(cases.size() >= 25);

  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      Baseline baseline{0.0, c.targets, c.baseline_non_target};
      RecistOptions options;
      options.confirm_response = c.confirm;
      const RecistResult r = assess_recist(baseline, c.scans, options);
      REQUIRE(r.scans.size() == c.calls.size());
      for (std::size_t i = 0; i < c.calls.size(); ++i) {
        INFO("scan " << i + 1);
        CHECK(kResponseNames.name(r.scans[i].overall) == kResponseNames.name(c.calls[i]));
      }
      CHECK(kResponseNames.name(r.best_response) == kResponseNames.name(c.best));
      CHECK(r.progression_day == c.progression_day);
    }
  }
}

TEST_CASE("RECIST 1.1: nadir and change from baseline and flags of one series", "[readout][recist]") {
  // 100 -> 60 (PR) -> NE -> 65 (PR, confirmed 60 by 65) -> 72 (PD against nadir 60).
  const Baseline baseline{0.0, kHundred, kNone};
  const std::vector<Scan> scans{scan(42, {36, 24}), not_evaluable(63), scan(84, {39, 26}),
                                scan(126, {42, 30}), scan(168, {10, 10})};
  const RecistResult r = assess_recist(baseline, scans);  // default: confirmation required
  REQUIRE(r.scans.size() == 5);
  CHECK(r.scans[0].reference_nadir_mm == Approx(100.0).epsilon(1e-12));
  CHECK(r.scans[0].change_from_baseline_pct == Approx(-40.0).epsilon(1e-12));
  CHECK(std::isnan(r.scans[1].sld_mm));
  CHECK(r.scans[1].target == NE);
  CHECK(r.scans[2].reference_nadir_mm == Approx(60.0).epsilon(1e-12));  // the NE scan did not move the nadir
  CHECK(r.scans[3].reference_nadir_mm == Approx(60.0).epsilon(1e-12));
  CHECK(r.scans[3].overall == PD);
  CHECK(r.scans[0].confirmed);   // PR at 42 confirmed by PR at 84 (42 days later, NE between)
  CHECK_FALSE(r.scans[2].confirmed);  // PR at 84 has no later PR before PD
  CHECK(r.best_response == PR);
  REQUIRE(r.response_day);
  CHECK(*r.response_day == 42.0);
  REQUIRE(r.progression_day);
  CHECK(*r.progression_day == 126.0);
  // The scan after PD (20 mm) does not count towards nadir or best change.
  CHECK(r.nadir_mm == Approx(60.0).epsilon(1e-12));
  REQUIRE(r.best_change_pct);
  CHECK(*r.best_change_pct == Approx(-40.0).epsilon(1e-12));
}

TEST_CASE("RECIST 1.1: summarise_responses on bare calls", "[readout][recist]") {
  RecistOptions options;
  const std::vector<double> times{28, 56, 84};
  const std::vector<Response> calls{CR, PR, CR};
  const ResponseSummary s = summarise_responses(times, calls, 0.0, options);
  REQUIRE(s.best);
  CHECK(*s.best == PR);  // the CR at 28 is confirmed only at PR level; the CR at 84 not at all
  CHECK(s.confirmed == std::vector<bool>{false, true, false});
  options.min_sd_duration_days = 90.0;
  const std::vector<Response> stable{SD, SD, SD};
  CHECK_FALSE(summarise_responses(times, stable, 0.0, options).best);
}

TEST_CASE("RECIST 1.1: recorded diameters of simulated lesions", "[readout][recist]") {
  CHECK(recorded_diameter_mm(2.9, false) == 0.0);  // below detection: disappeared
  CHECK(recorded_diameter_mm(3.0, false) == kTooSmallToMeasureMm);
  CHECK(recorded_diameter_mm(4.99, false) == kTooSmallToMeasureMm);
  CHECK(recorded_diameter_mm(5.0, false) == 5.0);
  CHECK(recorded_diameter_mm(7.3, false) == 7.3);
  CHECK(recorded_diameter_mm(2.0, true) == 2.0);  // nodes: short axis as measured
  CHECK(recorded_diameter_mm(9.9, true) == 9.9);
  CHECK_THAT(error_of([] { recorded_diameter_mm(-1.0, false); }), Catch::Contains(">= 0 mm"));
}

TEST_CASE("RECIST 1.1: input that breaks the rules is rejected", "[readout][recist]") {
  const auto assess = [](std::vector<TargetLesion> targets, std::vector<Scan> scans,
                         NonTargetStatus nt = kNone) {
    return [targets, scans, nt] { assess_recist(Baseline{0.0, targets, nt}, scans); };
  };
  CHECK_THAT(error_of(assess({}, {})), Catch::Contains("no target lesion"));
  CHECK_THAT(error_of(assess({lesion(20, "a"), lesion(20, "b"), lesion(20, "c"), lesion(20, "d"),
                              lesion(20, "e"), lesion(20, "f")},
                             {})),
             Catch::Contains("6 target lesions; RECIST 1.1 allows at most 5"));
  CHECK_THAT(error_of(assess({lesion(20), lesion(20), lesion(20)}, {})),
             Catch::Contains("more than 2 target lesions in organ 'lung'"));
  // Nodes count as one organ whatever site is written.
  CHECK_THAT(error_of(assess({TargetLesion{"mediastinum", true, 20}, TargetLesion{"axilla", true, 20},
                              TargetLesion{"neck", true, 20}},
                             {})),
             Catch::Contains("organ 'lymph nodes'"));
  CHECK_THAT(error_of(assess({lesion(9.9)}, {})), Catch::Contains("9.9 mm is not measurable"));
  CHECK_THAT(error_of(assess({node(14.9)}, {})), Catch::Contains("short axis of at least 15 mm"));
  CHECK_NOTHROW(assess({node(15), lesion(10)}, {})());
  CHECK_THAT(error_of(assess({lesion(20)}, {scan(42, {20}), scan(42, {20})})),
             Catch::Contains("RECIST scan 2 (day 42): scan times must increase strictly"));
  CHECK_THAT(error_of(assess({lesion(20)}, {scan(42, {20, 5})})),
             Catch::Contains("2 target diameters for 1 baseline targets"));
  CHECK_THAT(error_of(assess({lesion(20)}, {scan(42, {-1})})), Catch::Contains("finite and >= 0 mm"));
  CHECK_THAT(error_of(assess({lesion(20)}, {scan(42, {20}, kPresent)})),
             Catch::Contains("there was none at baseline"));
  Scan count_without_flag = scan(42, {20});
  count_without_flag.new_lesion_count = 2;
  CHECK_THAT(error_of(assess({lesion(20)}, {count_without_flag})),
             Catch::Contains("without the new-lesion flag"));
  CHECK_THAT(error_of(assess({lesion(20)}, {}, kUp)), Catch::Contains("at baseline"));
}

TEST_CASE("RECIST 1.1: enum names map both ways", "[readout][recist]") {
  for (Response r : {CR, PR, SD, PD, NE}) CHECK(kResponseNames.parse(kResponseNames.name(r)) == r);
  CHECK(kNonTargetStatusNames.parse("unequivocal_progression") == kUp);
  CHECK_FALSE(kResponseNames.parse("iCR"));
}
