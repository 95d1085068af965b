// Exploration (hidden): prints the course of spatial patients.
#include <catch2/catch.hpp>
#include <cstdio>
#include <chrono>

#include "tests/models/nsclc_spatial_harness.hpp"

namespace sp = icbsim::models::spatial;

static void show(const char* name, const std::vector<std::string>& overlays, bool treated, sp::SpatialSettings s, double days) {
  auto t0 = std::chrono::steady_clock::now();
  sp::SpatialPatient patient(spatial_test::patient_input(overlays, s, treated));
  std::printf("== %s scale %.3g\n", name, patient.scale());
  for (double t = 0; t <= days + 1e-9; t += 4) {
    patient.advance_to(t);
    auto r = patient.snapshot();
    const auto& c = r.counts;
    std::printf("t %5.1f V %.2f mL D %.1f mm | ag %zu esc %zu dead %zu | E %zu X %zu R %zu M %zu m1 %zu m2 %zu | core %.0f margin %.0f %s pdl1+ %.2f hyp %.2f sig %.2f blood %.3g dc %.3g\n",
                r.t, r.tumour_volume_ml, r.tumour_diameter_mm, c.antigenic, c.escape, c.dead, c.effector, c.exhausted, c.treg, c.mdsc, c.m1, c.m2,
                r.metrics.core_cd8_density, r.metrics.margin_cd8_density, std::string(sp::kInfiltrationNames.name(r.metrics.infiltration)).c_str(),
                r.metrics.pdl1_positive_fraction, r.metrics.hypoxic_fraction, c.mean_signal,
                patient.systemic().state()[icbsim::models::NsclcIcb::kBlood], patient.systemic().state()[icbsim::models::NsclcIcb::kDc]);
  }
  std::printf("wall %.2f s\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
}

TEST_CASE("explore spatial", "[.explore]") {
  auto s = spatial_test::small_section();
  show("default", {}, false, s, 20);
  show("default+pembro", {}, true, s, 20);
  show("wnt", {"phenotypes/wnt_beta_catenin.yaml"}, false, s, 20);
  show("caf", {"phenotypes/tgfb_caf_barrier.yaml"}, false, s, 20);
  show("low_tmb", {"phenotypes/low_tmb.yaml"}, false, s, 20);
}
