// Patient readout: sampled tumour sizes become lesions, scans, calls and outcomes.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

#include "engine/readout/patient_readout.hpp"
#include "engine/readout/scan_schedule.hpp"

using namespace icbsim::readout;

namespace {
struct Series {
  std::vector<double> times, sizes;
};
/// A diameter series [mm] sampled weekly from day 0 to `end`, with d(t) given.
template <typename F>
Series weekly(double end, F d) {
  Series s;
  for (double t = 0; t <= end; t += 7) {
    s.times.push_back(t);
    s.sizes.push_back(d(t));
  }
  return s;
}
const std::vector<double> kScans = {0, 42, 84, 126, 168};
icbsim::RandomEngine rng() { return icbsim::random_stream(1, 0, icbsim::StreamPurpose::kMeasurement); }
}  // namespace

TEST_CASE("sizes convert to a spherical-equivalent diameter", "[readout][patient]") {
  TumourMapping m;
  m.kind = SizeKind::kCells;
  CHECK(tumour_diameter_mm(m, 1e9) == Approx(10.0 * std::cbrt(6.0 / std::numbers::pi)).epsilon(1e-14));  // 12.41 mm
  m.kind = SizeKind::kVolume;
  CHECK(tumour_diameter_mm(m, 1.0) == Approx(12.407).epsilon(1e-4));
  m.kind = SizeKind::kDiameter;
  m.to_base_unit = 10.0;  // a size in cm
  CHECK(tumour_diameter_mm(m, 3.7) == Approx(37.0));
}

TEST_CASE("a shrinking tumour is a confirmed partial response", "[readout][patient]") {
  const Series s = weekly(200, [](double t) { return 40.0 * std::exp(-0.01 * t); });
  TumourMapping m;
  auto r = rng();
  const auto out = read_patient(m, {}, s.times, s.sizes, kScans, std::nullopt, {{0, 21, 42, 63, 84, 105, 126, 147}}, 0,
                                200, r);
  REQUIRE(out.measurable);
  CHECK(out.best_response == Response::kPR);
  // Day 84: 40·e^-0.84 = 17.27 mm (−56.8 %), the first scan below −30 % is day 42 (−34.3 %).
  CHECK(out.response_day == Approx(42.0));
  CHECK(out.best_change_pct == Approx(100.0 * (std::exp(-1.68) - 1.0)).epsilon(1e-9));
  CHECK_FALSE(out.progression_day);
  CHECK_FALSE(out.pfs.event);
  CHECK(out.pfs.time == Approx(168.0));  // censored at the last scan
  CHECK(out.sitc == icbsim::readout::SitcClass::kOngoingBenefit);
  CHECK(out.exposure_days == Approx(147.0 + 21.0));
}

TEST_CASE("lesions share the tumour volume, small ones are non-target", "[readout][patient]") {
  const Series s = weekly(200, [](double) { return 40.0; });
  TumourMapping m;
  m.lesions = {{"lung", 0.7, false}, {"liver", 0.29, false}, {"lung", 0.01, false}};
  auto r = rng();
  const auto out = read_patient(m, {}, s.times, s.sizes, kScans, std::nullopt, {}, 0, 200, r);
  // 40·0.7^(1/3) = 35.52 and 40·0.29^(1/3) = 26.48 are targets; 40·0.01^(1/3) = 8.6 mm is not.
  CHECK(out.sld_mm[0] == Approx(40.0 * (std::cbrt(0.7) + std::cbrt(0.29))).epsilon(1e-12));
  CHECK(out.best_response == Response::kSD);
}

TEST_CASE("growth to progression ends PFS, lethal burden ends OS", "[readout][patient]") {
  // 30 mm doubling in diameter every 60 days: PD (+20 % and +5 mm) first seen at day 42.
  const Series s = weekly(400, [](double t) { return 30.0 * std::pow(2.0, t / 60.0); });
  TumourMapping m;
  ReadoutSettings settings;
  settings.death.lethal_sld_mm = 300.0;
  auto r = rng();
  const auto out = read_patient(m, settings, s.times, s.sizes, kScans, std::nullopt, {{0, 21, 42}}, 0, 400, r);
  CHECK(out.best_response == Response::kPD);
  CHECK(out.progression_day == Approx(42.0));
  CHECK(out.pfs.event);
  CHECK(out.pfs.time == Approx(42.0));
  // 30·2^(t/60) = 300 at t = 60·log2(10) = 199.3 days; linear interpolation between weekly samples.
  CHECK(out.os.event);
  CHECK(out.os.time == Approx(60.0 * std::log2(10.0)).epsilon(0.01));
  CHECK(out.sitc == icbsim::readout::SitcClass::kPrimaryResistance);
}

TEST_CASE("hyperprogression compares growth before and on treatment", "[readout][patient]") {
  // Slow growth before treatment (day -42 to 0), then fast: Ferrara ΔTGR > 50 %/month.
  Series s;
  for (double t = -42; t <= 200; t += 7) {
    s.times.push_back(t);
    s.sizes.push_back(t < 0 ? 30.0 * std::exp(0.002 * t) : 30.0 * std::exp(0.02 * t));
  }
  ReadoutSettings settings;
  settings.hyperprogression = HyperprogressionDefinition::kFerrara2018;
  TumourMapping m;
  auto r = rng();
  const auto out = read_patient(m, settings, s.times, s.sizes, kScans, -42.0, {{0}}, 0, 200, r);
  CHECK(out.hyperprogression);
  // TGR = 100·(exp(3·ln(D1/D0)/months) − 1): pre 3·0.002·30.4375 per month, on 3·0.02·30.4375.
  CHECK(out.tgr_pre == Approx(100.0 * (std::exp(3 * 0.002 * 30.4375) - 1)).epsilon(1e-9));
  CHECK(out.tgr_on == Approx(100.0 * (std::exp(3 * 0.02 * 30.4375) - 1)).epsilon(1e-9));
}

TEST_CASE("measurement error is reproducible from the patient's stream", "[readout][patient]") {
  const Series s = weekly(200, [](double t) { return 40.0 - 0.05 * t; });
  TumourMapping m;
  m.measurement_cv = 0.1;
  auto r1 = icbsim::random_stream(5, 3, icbsim::StreamPurpose::kMeasurement);
  auto r2 = icbsim::random_stream(5, 3, icbsim::StreamPurpose::kMeasurement);
  auto r3 = icbsim::random_stream(5, 4, icbsim::StreamPurpose::kMeasurement);
  const auto a = read_patient(m, {}, s.times, s.sizes, kScans, std::nullopt, {}, 0, 200, r1);
  const auto b = read_patient(m, {}, s.times, s.sizes, kScans, std::nullopt, {}, 0, 200, r2);
  const auto c = read_patient(m, {}, s.times, s.sizes, kScans, std::nullopt, {}, 0, 200, r3);
  CHECK(a.sld_mm == b.sld_mm);
  CHECK(a.sld_mm != c.sld_mm);
  CHECK(a.sld_mm[0] != 40.0);
}

TEST_CASE("a tumour too small to measure at baseline has no target lesions", "[readout][patient]") {
  const Series s = weekly(200, [](double) { return 8.0; });
  TumourMapping m;
  auto r = rng();
  const auto out = read_patient(m, {}, s.times, s.sizes, kScans, std::nullopt, {}, 0, 200, r);
  CHECK_FALSE(out.measurable);
  CHECK(out.best_response == Response::kNE);
  CHECK(std::isnan(out.best_change_pct));
  CHECK_FALSE(out.os.event);
}

TEST_CASE("a two-phase scan schedule: every 6 weeks to week 48, then every 9 weeks", "[readout][scans]") {
  ScanSchedule s;
  s.every = 42;
  s.until = 48 * 7;
  s.then_every = 63;
  const auto t = scan_times(s, 500);
  // 0, 42, ..., 336 (9 scans), then 399, 462.
  REQUIRE(t.size() == 11);
  CHECK(t[8] == 336);
  CHECK(t[9] == 399);
  CHECK(t[10] == 462);
  s.every = 0;
  CHECK_THROWS_WITH(scan_times(s, 500), Catch::Contains("scan interval must be positive"));
}

TEST_CASE("perioperative: pathological response from the viable tumour at surgery", "[readout][perioperative]") {
  // Neoadjuvant therapy shrinks the diameter; surgery at day 42. Viable % = (D_s/D_0)^3 · 100.
  auto readout_for = [](double shrink) {
    const Series s = weekly(100, [&](double t) { return 40.0 * (t >= 42 ? shrink : 1.0 - (1.0 - shrink) * t / 42); });
    ReadoutSettings settings;
    settings.surgery_day = 42.0;
    TumourMapping m;
    auto r = rng();
    return read_patient(m, settings, s.times, s.sizes, std::vector<double>{0, 42}, std::nullopt, {{0, 21}}, 0, 100, r);
  };
  const auto mpr = readout_for(0.4);  // 6.4 % viable
  CHECK(mpr.viable_tumour_pct == Approx(6.4).epsilon(1e-12));
  CHECK(mpr.pathological == PathologicalResponse::kMajor);
  CHECK(mpr.neoadjuvant == NeoadjuvantClass::kMajorPathologicalResponse);
  const auto none = readout_for(0.5);  // 12.5 % viable: no MPR, primary resistance
  CHECK(none.viable_tumour_pct == Approx(12.5).epsilon(1e-12));
  CHECK(none.pathological == PathologicalResponse::kNone);
  CHECK(none.neoadjuvant == NeoadjuvantClass::kPrimaryResistance);
  const auto complete = readout_for(0.0);
  CHECK(complete.pathological == PathologicalResponse::kComplete);
}

TEST_CASE("a patient without measurable disease has no evaluable assessment for PFS", "[readout][patient]") {
  // An 8 mm tumour (below the 10 mm a target needs) that stays 8 mm: every scan is NE, the patient
  // lives to the last weekly sample (day 196; follow-up ends on day 200). PFS is censored at start
  // (0 days), not at the last scheduled scan (168) nor with OS (196).
  const Series s = weekly(200, [](double) { return 8.0; });
  TumourMapping m;
  auto r = rng();
  const auto out = read_patient(m, {}, s.times, s.sizes, kScans, std::nullopt, {{0, 21, 42}}, 0, 200, r);
  REQUIRE_FALSE(out.measurable);
  CHECK_FALSE(out.os.event);
  CHECK(out.os.time == Approx(196.0));
  CHECK_FALSE(out.pfs.event);
  CHECK(out.pfs.time == 0.0);
}
