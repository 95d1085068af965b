// Host factors carry a prognostic weight on overall survival besides their immune effect: the
// overlays' shift of log survival time, its size against the published hazard ratios, and its
// effect through the TGI-OS survival model on identical tumour dynamics.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

#include "engine/readout/tgi_os.hpp"
#include "models/register_builtin.hpp"
#include "nsclc_icb_harness.hpp"

using namespace nsclc_test;

namespace {
/// The overlay's prognostic shift and whether it also changes an immune parameter.
struct HostEffect {
  double shift = 0.0;
  bool immune = false;
};
HostEffect host_effect(const char* file) {
  const auto registry = icbsim::models::builtin_registry();
  std::vector<double> p = default_parameters();
  const std::vector<double> reference = p;
  apply_overlay_file(file, registry, p);
  HostEffect e;
  e.shift = p[parameter("prognostic_log_time")];
  for (std::size_t i = 0; i < p.size(); ++i)
    if (i != parameter("prognostic_log_time") && p[i] != reference[i]) e.immune = true;
  return e;
}
/// Hazard ratio equivalent to a log time ratio under the TGI-OS log-normal (σ = e^{−0.331}).
double hazard_ratio(double log_time_ratio) {
  const double sigma = std::exp(icbsim::readout::TgiOsModel{}.log_sigma);
  return std::exp(-log_time_ratio / (sigma * std::sqrt(6.0) / std::numbers::pi));
}
}  // namespace

TEST_CASE("corticosteroids shorten survival as a poor-prognosis marker (Arbour 2018 HR 1.66)", "[nsclc][prognosis]") {
  const HostEffect e = host_effect("host/corticosteroids.yaml");
  CHECK(e.immune);  // the immune effect stays (T-cell death, expansion)
  CHECK(e.shift == Approx(-0.284));
  CHECK(hazard_ratio(e.shift) == Approx(1.66).epsilon(0.005));
  // At identical tumour dynamics the carrier's survival time is e^{−0.284} = 0.753 of the non-carrier's.
  const icbsim::readout::TgiOsModel os;
  icbsim::readout::SteinFit fit;
  fit.baseline_mm = 80;
  fit.kg_per_week = 0.01;
  fit.ttg_weeks = 20;
  CHECK(os.survival_days(os.location(fit, e.shift), 0.3) / os.survival_days(os.location(fit, 0.0), 0.3) ==
        Approx(0.7528).epsilon(1e-3));
}

TEST_CASE("antibiotics carry a small prognostic weight besides their immune effect (Cortellini 2021)",
          "[nsclc][prognosis]") {
  const HostEffect e = host_effect("host/antibiotics.yaml");
  CHECK(e.immune);  // priming halved
  CHECK(e.shift == Approx(-0.078));
  CHECK(hazard_ratio(e.shift) == Approx(1.15).epsilon(0.005));
  // Smaller than the corticosteroids' and than the pembrolizumab-cohort HR 1.42 of Cortellini 2021,
  // whose remainder the model's weaker priming must produce.
  CHECK(hazard_ratio(e.shift) < hazard_ratio(host_effect("host/corticosteroids.yaml").shift));
  CHECK(hazard_ratio(e.shift) < 1.42);
}

TEST_CASE("the other overlays carry no prognostic shift", "[nsclc][prognosis]") {
  for (const char* file :
       {"host/age_immunosenescence.yaml", "phenotypes/low_tmb.yaml", "phenotypes/stk11_keap1.yaml"}) {
    INFO(file);
    CHECK(host_effect(file).shift == 0.0);
  }
}
