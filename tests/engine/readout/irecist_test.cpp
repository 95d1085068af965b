// iRECIST (Seymour et al., Lancet Oncol 2017; recist.eortc.org iRECIST FAQ): iUPD, iCPD,
// reset, confirmation timing and new-lesion rules on hand-worked series (one 50 mm target).
#include "engine/readout/irecist.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/core/errors.hpp"

using namespace icbsim::readout;

namespace {

using Calls = std::vector<std::string>;

Scan scan(double t, double sld, NonTargetStatus nt = NonTargetStatus::kNone) {
  Scan s;
  s.time = t;
  s.target_mm = {sld};
  s.non_target = nt;
  return s;
}

Scan with_new(Scan s, int count, double new_sld) {
  s.new_lesion = true;
  s.new_lesion_count = count;
  s.new_lesion_sld_mm = new_sld;
  return s;
}

Scan not_evaluable(double t) {
  Scan s;
  s.time = t;
  s.not_evaluable = true;
  return s;
}

// Seymour 2017 Table 3 assumes a randomised study: no confirmation of CR/PR.
IrecistResult assess(const std::vector<Scan>& scans,
                     NonTargetStatus baseline_nt = NonTargetStatus::kNone) {
  IrecistOptions options;
  options.recist.confirm_response = false;
  return assess_irecist(Baseline{0.0, {TargetLesion{"lung", false, 50.0}}, baseline_nt}, scans, options);
}

Calls calls(const IrecistResult& r) {
  Calls out;
  for (const IrecistScanCall& c : r.scans) out.emplace_back(kIrecistResponseNames.name(c.response));
  return out;
}

std::string best(const IrecistResult& r) { return std::string(kIrecistResponseNames.name(r.best_response)); }

}  // namespace

TEST_CASE("iRECIST: iUPD then iCPD by a further +5 mm in the target sum", "[readout][irecist]") {
  // 50 -> 40 (iSD) -> 50 (+10 mm, +25% over nadir 40: iUPD) -> 55 (+5 mm since iUPD, 42 days).
  const std::vector<Scan> scans{scan(42, 40), scan(84, 50), scan(126, 55)};
  const IrecistResult r = assess(scans);
  CHECK(calls(r) == Calls{"iSD", "iUPD", "iCPD"});
  CHECK(best(r) == "iSD");
  CHECK(r.progression_day == 84.0);  // the date of the confirmed iUPD
  CHECK(r.icpd_day == 126.0);
  CHECK_FALSE(r.open_iupd_day);
  // RECIST 1.1 on the same scans stops at the first PD.
  const RecistResult recist = assess_recist(Baseline{0.0, {TargetLesion{"lung", false, 50.0}}, {}}, scans);
  CHECK(recist.progression_day == 84.0);
  CHECK(recist.best_response == Response::kSD);
}

TEST_CASE("iRECIST: +4.9 mm does not confirm, increases add up", "[readout][irecist]") {
  const IrecistResult short_of = assess({scan(42, 40), scan(84, 50), scan(126, 54.9)});
  CHECK(calls(short_of) == Calls{"iSD", "iUPD", "iUPD"});
  CHECK_FALSE(short_of.icpd_day);
  CHECK(short_of.open_iupd_day == 84.0);
  // +3 mm then +2 mm more: 5 mm since iUPD confirms (FAQ: sequential increases are additive).
  const IrecistResult additive = assess({scan(42, 40), scan(84, 50), scan(126, 53), scan(168, 55)});
  CHECK(calls(additive) == Calls{"iSD", "iUPD", "iUPD", "iCPD"});
  CHECK(additive.icpd_day == 168.0);
  CHECK(additive.progression_day == 84.0);
}

TEST_CASE("iRECIST: reset by iSD then a new iUPD needs its own confirmation", "[readout][irecist]") {
  // 62: +12 mm/+24% over 50 -> iUPD. 55: +10% over nadir 50 -> iSD (reset).
  // 68: PD over nadir 50 -> iUPD again, although +6 mm over the first iUPD (62) would confirm it.
  // 74: +6 mm over 68 -> iCPD.
  const IrecistResult r = assess({scan(42, 62), scan(84, 55), scan(126, 68), scan(168, 74)});
  CHECK(calls(r) == Calls{"iUPD", "iSD", "iUPD", "iCPD"});
  CHECK(r.progression_day == 126.0);
  CHECK(r.icpd_day == 168.0);
  CHECK(best(r) == "iSD");
}

TEST_CASE("iRECIST: scans under 28 days after iUPD do not confirm", "[readout][irecist]") {
  // 68 at 13 days after iUPD would confirm (+6 mm) but is too early; 64 at 42 days is only +2 mm.
  const IrecistResult r = assess({scan(42, 62), scan(55, 68), scan(84, 64)});
  CHECK(calls(r) == Calls{"iUPD", "iUPD", "iUPD"});
  CHECK_FALSE(r.icpd_day);
  CHECK(r.open_iupd_day == 42.0);
  CHECK(best(r) == "iUPD");
  // Boundary: 27 days after iUPD is too early, 28 days is enough.
  CHECK(calls(assess({scan(42, 62), scan(69, 68)})) == Calls{"iUPD", "iUPD"});
  CHECK(calls(assess({scan(42, 62), scan(70, 68)})) == Calls{"iUPD", "iCPD"});
}

TEST_CASE("iRECIST: iCPD by growth or number of new lesions", "[readout][irecist]") {
  // iUPD by a new lesion (sum 10 mm) while the target shrinks to 45 mm.
  const Scan iupd = with_new(scan(42, 45), 1, 10.0);
  CHECK(calls(assess({iupd, with_new(scan(84, 45), 1, 15.0)})) == Calls{"iUPD", "iCPD"});
  CHECK(calls(assess({iupd, with_new(scan(84, 45), 2, 10.0)})) == Calls{"iUPD", "iCPD"});
  // +4 mm in new lesions, target unchanged: remains iUPD.
  CHECK(calls(assess({iupd, with_new(scan(84, 45), 1, 14.0)})) == Calls{"iUPD", "iUPD"});
  // A new lesion appearing after a target iUPD is progression in another category: iCPD.
  CHECK(calls(assess({scan(42, 62), with_new(scan(84, 62), 1, 8.0)})) == Calls{"iUPD", "iCPD"});
}

TEST_CASE("iRECIST: non-target iUPD is confirmed by any further non-target increase",
          "[readout][irecist]") {
  const NonTargetStatus up = NonTargetStatus::kUnequivocalProgression;
  Scan grown = scan(84, 48, up);
  grown.non_target_increase = true;
  CHECK(calls(assess({scan(42, 48, up), grown}, NonTargetStatus::kPresent)) == Calls{"iUPD", "iCPD"});
  CHECK(calls(assess({scan(42, 48, up), scan(84, 48, up)}, NonTargetStatus::kPresent)) ==
        Calls{"iUPD", "iUPD"});
}

TEST_CASE("iRECIST: persisting new lesions (FAQ scenarios B and F)", "[readout][irecist]") {
  // B: new lesion at iUPD, then the baseline disease shrinks further -> iPR with the lesion still
  // there; it stays accepted until more new lesions appear.
  const IrecistResult b = assess({with_new(scan(42, 40), 1, 10.0), with_new(scan(84, 30), 1, 10.0),
                                  with_new(scan(126, 30), 1, 10.0), with_new(scan(168, 30), 2, 12.0)});
  CHECK(calls(b) == Calls{"iUPD", "iPR", "iPR", "iUPD"});
  CHECK(best(b) == "iPR");
  // F: PR first, then a new lesion with no further change -> remains iUPD.
  const IrecistResult f = assess({scan(42, 30), with_new(scan(84, 30), 1, 10.0), with_new(scan(126, 30), 1, 10.0)});
  CHECK(calls(f) == Calls{"iPR", "iUPD", "iUPD"});
  CHECK(best(f) == "iPR");
}

TEST_CASE("iRECIST: best overall response follows Seymour 2017 Table 3 examples", "[readout][irecist]") {
  // Example 8: iUPD then NE only -> iUPD.
  const IrecistResult e8 = assess({scan(42, 62), not_evaluable(84), not_evaluable(126)});
  CHECK(calls(e8) == Calls{"iUPD", "NE", "NE"});
  CHECK(best(e8) == "iUPD");
  // Example 6: iUPD then iCPD -> iCPD; later scans stay iCPD.
  const IrecistResult e6 = assess({scan(42, 62), scan(84, 70), scan(126, 20)});
  CHECK(calls(e6) == Calls{"iUPD", "iCPD", "iCPD"});
  CHECK(best(e6) == "iCPD");
  // Example 2: iUPD, iSD, iCR -> iCR.
  const IrecistResult e2 = assess({scan(42, 62), scan(84, 55), scan(126, 0)});
  CHECK(calls(e2) == Calls{"iUPD", "iSD", "iCR"});
  CHECK(best(e2) == "iCR");
}

TEST_CASE("iRECIST: a new lesion without its count is rejected", "[readout][irecist]") {
  Scan s = scan(42, 50);
  s.new_lesion = true;
  try {
    assess({s});
    FAIL("no icbsim::Error thrown");
  } catch (const icbsim::Error& e) {
    CHECK_THAT(std::string(e.what()), Catch::Contains("iRECIST scan 1: new_lesion is set but new_lesion_count is 0"));
  }
  for (IrecistResponse r : {IrecistResponse::kICR, IrecistResponse::kIUPD, IrecistResponse::kICPD})
    CHECK(kIrecistResponseNames.parse(kIrecistResponseNames.name(r)) == r);
}
