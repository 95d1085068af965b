// New lesions: appearance times from the hazard (exact inversion of a Poisson process), their RECIST 1.1
// and iRECIST calls with the reason, and their share of the burden.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>
#include <vector>

#include "engine/core/errors.hpp"
#include "engine/readout/new_lesions.hpp"
#include "engine/readout/patient_readout.hpp"

using namespace icbsim::readout;

namespace {
std::vector<double> daily(double end) {
  std::vector<double> t;
  for (double d = 0; d <= end; d += 1) t.push_back(d);
  return t;
}
}  // namespace

TEST_CASE("new lesions appear where the cumulative hazard reaches the summed draws", "[readout][new_lesions]") {
  const std::vector<double> times = daily(400);
  // Constant hazard 0.01/day: Λ(t) = 0.01·(t − 10) from day 10; draws 0.5, 1, 0.25 give days 60, 160, 185.
  const std::vector<double> constant(times.size(), 0.01);
  const std::vector<double> draws = {0.5, 1.0, 0.25};
  const std::vector<double> days = new_lesion_days(times, constant, 10.0, draws);
  REQUIRE(days.size() == 3);
  CHECK(days[0] == Approx(60.0));
  CHECK(days[1] == Approx(160.0));
  CHECK(days[2] == Approx(185.0));
  // Linear hazard h = 1e-4·t from day 0: Λ(t) = 5e-5·t², so Λ = 0.5 at t = 100 exactly (within a day
  // the trapezoid of a linear hazard is exact and the quadratic is solved exactly).
  std::vector<double> rising;
  for (double t : times) rising.push_back(1e-4 * t);
  const std::vector<double> one = {0.5};
  CHECK(new_lesion_days(times, rising, 0.0, one).front() == Approx(100.0).epsilon(1e-12));
  // Zero hazard: none; hazard ending before the draws are reached: fewer lesions.
  CHECK(new_lesion_days(times, std::vector<double>(times.size(), 0.0), 0.0, draws).empty());
  CHECK(new_lesion_days(times, constant, 0.0, std::vector<double>{5.0}).empty());  // Λ(400) = 4 < 5
}

TEST_CASE("the number of new lesions is Poisson with mean the cumulative hazard", "[readout][new_lesions]") {
  const std::vector<double> times = daily(365);
  const std::vector<double> hazard(times.size(), 2.0 / 365.0);  // Λ(365) = 2
  double sum = 0.0, sum2 = 0.0;
  const int patients = 20000;
  for (int i = 0; i < patients; ++i) {
    icbsim::RandomEngine rng =
        icbsim::random_stream(7, static_cast<std::uint64_t>(i), icbsim::StreamPurpose::kNewLesions);
    const double n = static_cast<double>(new_lesion_days(times, hazard, 0.0, draw_new_lesion_thresholds(rng)).size());
    sum += n;
    sum2 += n * n;
  }
  const double mean = sum / patients, variance = sum2 / patients - mean * mean;
  // Poisson(2): mean 2 and variance 2; standard error of the mean sqrt(2/20000) = 0.01.
  CHECK(mean == Approx(2.0).margin(0.04));
  CHECK(variance == Approx(2.0).margin(0.1));
}

TEST_CASE("a negative or non-finite new-lesion hazard is refused", "[readout][new_lesions]") {
  const std::vector<double> times = {0, 1, 2};
  const std::vector<double> one = {1.0};
  CHECK_THROWS_AS(new_lesion_days(times, std::vector<double>{0.1, -0.1, 0.1}, 0.0, one), icbsim::Error);
  CHECK_THROWS_WITH(new_lesion_days(times, std::vector<double>{0.1, -0.1, 0.1}, 0.0, one),
                    Catch::Contains("finite non-negative rate"));
  CHECK_THROWS_AS(new_lesion_days(times, std::vector<double>{0.1, std::nan(""), 0.1}, 0.0, one), icbsim::Error);
}

TEST_CASE("a new lesion on a stable tumour is progression on new lesions alone", "[readout][new_lesions]") {
  // A stable 40-mm tumour; the hazard 0.02/day from day 0 with the draw 1.0 gives a lesion at day 50:
  // seen at the day-84 scan (10 mm, measurable), PD by RECIST 1.1 with the targets stable.
  const std::vector<double> times = daily(200);
  const std::vector<double> sizes(times.size(), 40.0);
  const std::vector<double> hazard(times.size(), 0.02);
  const std::vector<double> draws = {1.0, 100.0};
  TumourMapping m;
  m.new_lesions = NewLesionProcess{};
  ReadoutSettings settings;
  settings.death.lethal_sld_mm = 45.0;  // the burden with the new lesion (40 + 10 mm) crosses it
  icbsim::RandomEngine rng = icbsim::random_stream(1, 0, icbsim::StreamPurpose::kMeasurement);
  PatientInputs series;
  series.new_lesion_hazard = hazard;
  series.new_lesion_thresholds = draws;
  const std::vector<double> scans = {0, 42, 84, 126};
  const PatientReadout out = read_patient(m, settings, times, sizes, scans, std::nullopt, {}, 0, 200, rng, &series);
  REQUIRE(out.new_lesion_days.size() == 1);
  CHECK(out.new_lesion_days[0] == Approx(50.0));
  CHECK(out.new_lesion == std::vector<bool>{false, false, true, true});
  REQUIRE(out.progression_day);
  CHECK(*out.progression_day == Approx(84.0));
  CHECK(out.progression_reason == ProgressionReason::kNewLesions);
  CHECK(out.recist[1] == Response::kSD);
  // The new lesion adds its 10 mm to the burden: 50 mm > 45 mm from day 50 on, so the patient dies
  // there (without it the 40-mm tumour never reaches the lethal SLD).
  CHECK(out.os.event);
  CHECK(out.os.time == Approx(50.0).margin(1.0));

  // Without the process the same tumour is stable throughout.
  TumourMapping without;
  icbsim::RandomEngine rng2 = icbsim::random_stream(1, 0, icbsim::StreamPurpose::kMeasurement);
  const PatientReadout plain = read_patient(without, settings, times, sizes, scans, std::nullopt, {}, 0, 200, rng2);
  CHECK_FALSE(plain.progression_day);
  CHECK(plain.progression_reason == ProgressionReason::kNone);
  CHECK_FALSE(plain.os.event);
}

TEST_CASE("a growing tumour with a new lesion is progression on both, and iRECIST counts it",
          "[readout][new_lesions]") {
  // 40 mm growing 1 %/day: +52 % at day 42; the lesion (day 20) has grown with it: 10·D(42)/D(20) mm.
  const std::vector<double> times = daily(200);
  std::vector<double> sizes;
  for (double t : times) sizes.push_back(40.0 * std::exp(0.01 * t));
  const std::vector<double> hazard(times.size(), 0.05);
  const std::vector<double> draws = {1.0, 100.0};
  TumourMapping m;
  m.new_lesions = NewLesionProcess{};
  ReadoutSettings settings;
  settings.criteria = Criteria::kIrecist;
  icbsim::RandomEngine rng = icbsim::random_stream(1, 0, icbsim::StreamPurpose::kMeasurement);
  PatientInputs series;
  series.new_lesion_hazard = hazard;
  series.new_lesion_thresholds = draws;
  const std::vector<double> scans = {0, 42, 84};
  const PatientReadout out = read_patient(m, settings, times, sizes, scans, std::nullopt, {}, 0, 200, rng, &series);
  REQUIRE(out.progression_day);
  CHECK(*out.progression_day == Approx(42.0));
  CHECK(out.progression_reason == ProgressionReason::kTargetAndNewLesions);
  CHECK(out.irecist[1] == IrecistResponse::kIUPD);
  CHECK(out.irecist[2] == IrecistResponse::kICPD);
}
