// TGI-OS survival: the Stein fit recovers known tumour dynamics, and the log-normal survival model
// reproduces the published coefficients of Struemper 2025 (CPT Pharmacometrics Syst Pharmacol 14:1006).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

#include "engine/readout/patient_readout.hpp"
#include "engine/readout/tgi_os.hpp"

using namespace icbsim::readout;

namespace {
double stein(double tsb, double kg, double ks, double week) {
  return tsb * (std::exp(kg * week) + std::exp(-ks * week) - 1.0);
}
}  // namespace

TEST_CASE("the Stein fit recovers the tumour dynamics it was given", "[readout][tgi_os]") {
  // Assessments every 6 weeks for two years, no noise.
  for (const auto& [tsb, kg, ks] :
       {std::tuple{74.0, 0.013, 0.05}, std::tuple{120.0, 0.06, 0.002}, std::tuple{40.0, 0.002, 0.2}}) {
    std::vector<double> weeks, sld;
    for (double w = 0; w <= 102; w += 6) {
      weeks.push_back(w);
      sld.push_back(stein(tsb, kg, ks, w));
    }
    const SteinFit fit = fit_stein(weeks, sld);
    INFO("TSb " << tsb << " kg " << kg << " ks " << ks << " -> " << fit.baseline_mm << " " << fit.kg_per_week << " "
                << fit.ks_per_week);
    CHECK(fit.baseline_mm == Approx(tsb).epsilon(1e-3));
    CHECK(fit.kg_per_week == Approx(kg).epsilon(1e-3));
    CHECK(fit.ks_per_week == Approx(ks).epsilon(1e-2));
    CHECK(fit.ttg_weeks == Approx(std::max(0.0, std::log(ks / kg) / (kg + ks))).epsilon(1e-2));
  }
}

TEST_CASE("TGI-OS: Struemper 2025's typical patient and its published effects per unit", "[readout][tgi_os]") {
  const TgiOsModel os;  // the published final model (Table 3)
  // Struemper 2025's illustrative typical subject (TSb 74 mm, kg 0.013/week, TTG 14 weeks, laboratory
  // covariates at their medians): μ = 6.94 − 6.91·0.013/(0.013 + 0.109) + 0.00366·26 − 0.0124·25.9.
  SteinFit typical;
  typical.baseline_mm = 74.0;
  typical.kg_per_week = 0.013;
  typical.ttg_weeks = 14.0;
  const double mu = os.location(typical, 0.0);
  CHECK(mu == Approx(6.94 - 6.91 * 0.013 / 0.122 + 0.00366 * 26 - 0.0124 * 25.9).epsilon(1e-12));
  CHECK(mu == Approx(5.97769).epsilon(1e-5));
  CHECK(os.survival_days(mu, 0.0) == Approx(394.5).epsilon(1e-3));  // median OS 13.0 months
  CHECK(std::exp(os.log_sigma) == Approx(0.7182).epsilon(1e-3));

  // The published effect of the tumour metric: each mm of baseline tumour size multiplies survival
  // time by exp(−0.00366) (time ratio 0.99635/mm; 0.9641 per 10 mm), at any draw.
  SteinFit bigger = typical;
  bigger.baseline_mm += 10.0;
  for (double z : {-1.5, 0.0, 0.7}) {
    CHECK(os.survival_days(os.location(bigger, 0.0), z) / os.survival_days(mu, z) ==
          Approx(std::exp(-0.0366)).epsilon(1e-12));
  }
  // Growth rate: Emax −6.91 with EC50 0.109/week — at kg = EC50 the log time falls by 6.91·(1/2 − 0.013/0.122).
  SteinFit fast = typical;
  fast.kg_per_week = 0.109;
  CHECK(os.location(fast, 0.0) - mu == Approx(-6.91 * (0.5 - 0.013 / 0.122)).epsilon(1e-12));
  // Time to growth: +0.0124 log-days per week.
  SteinFit later = typical;
  later.ttg_weeks += 1.0;
  CHECK(os.location(later, 0.0) - mu == Approx(0.0124).epsilon(1e-12));
  // A prognostic shift moves log time one to one.
  CHECK(os.location(typical, -0.284) - mu == Approx(-0.284).epsilon(1e-12));
}

TEST_CASE("TGI-OS survival times are log-normal around the location, background death competes", "[readout][tgi_os]") {
  TgiOsModel os;
  const double mu = 6.0;
  int below = 0;
  double sum = 0.0, sum2 = 0.0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    icbsim::RandomEngine rng =
        icbsim::random_stream(11, static_cast<std::uint64_t>(i), icbsim::StreamPurpose::kSurvival);
    const SurvivalDraw d = draw_survival(rng);
    const double t = os.survival_days(mu, d.z);
    below += t < std::exp(mu);
    sum += std::log(t);
    sum2 += std::log(t) * std::log(t);
  }
  const double mean = sum / n, sd = std::sqrt(sum2 / n - mean * mean);
  CHECK(static_cast<double>(below) / n == Approx(0.5).margin(0.015));
  CHECK(mean == Approx(mu).margin(0.02));
  CHECK(sd == Approx(std::exp(-0.331)).margin(0.02));
  // Background hazard alone (a tumour that never kills): exponential with mean 1/h.
  os.background_per_day = 1.0 / 3650.0;
  SteinFit harmless;
  harmless.kg_per_week = 1e-4;
  harmless.ttg_weeks = 1e4;
  double mean_t = 0.0;
  for (int i = 0; i < n; ++i) {
    icbsim::RandomEngine rng =
        icbsim::random_stream(12, static_cast<std::uint64_t>(i), icbsim::StreamPurpose::kSurvival);
    mean_t += overall_survival_days(os, harmless, 0.0, draw_survival(rng)) / n;
  }
  CHECK(mean_t == Approx(3650.0).epsilon(0.03));
}

TEST_CASE("with the TGI-OS model a growing tumour dies earlier than a shrinking one", "[readout][tgi_os]") {
  std::vector<double> times;
  for (double d = 0; d <= 730; d += 7) times.push_back(d);
  std::vector<double> growing, shrinking;
  for (double t : times) {
    growing.push_back(stein(60.0, 0.03, 0.01, t / 7.0));
    shrinking.push_back(stein(60.0, 0.002, 0.08, t / 7.0));
  }
  std::vector<double> scans;
  for (double d = 0; d <= 728; d += 42) scans.push_back(d);
  ReadoutSettings settings;
  settings.survival = TgiOsModel{};
  PatientInputs inputs;  // z = 0: the median patient
  TumourMapping m;
  icbsim::RandomEngine r1 = icbsim::random_stream(1, 0, icbsim::StreamPurpose::kMeasurement);
  const PatientReadout g = read_patient(m, settings, times, growing, scans, std::nullopt, {}, 0, 728, r1, &inputs);
  icbsim::RandomEngine r2 = icbsim::random_stream(1, 0, icbsim::StreamPurpose::kMeasurement);
  const PatientReadout s = read_patient(m, settings, times, shrinking, scans, std::nullopt, {}, 0, 728, r2, &inputs);
  INFO("growing: kg " << g.tgi_kg_per_week << " OS " << g.os.time << "; shrinking: kg " << s.tgi_kg_per_week << " OS "
                      << s.os.time);
  CHECK(g.tgi_kg_per_week == Approx(0.03).epsilon(0.02));
  CHECK(s.tgi_kg_per_week == Approx(0.002).epsilon(0.05));
  REQUIRE(g.os.event);
  CHECK(g.os.time < 365.0);
  CHECK((!s.os.event || s.os.time > 2 * g.os.time));
  // The lethal-SLD rule stays available: without readout.survival the same 60-mm tumours live.
  ReadoutSettings lethal;
  icbsim::RandomEngine r3 = icbsim::random_stream(1, 0, icbsim::StreamPurpose::kMeasurement);
  CHECK_FALSE(read_patient(m, lethal, times, shrinking, scans, std::nullopt, {}, 0, 728, r3).os.event);
}
