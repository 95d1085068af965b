// Antibody-Fc-dependent hyperprogression (Lo Russo 2019) in nsclc_icb: absent without the drug and
// with the target blocked only (an Fc-silent antibody), absent on chemotherapy, and beyond the
// Ferrara 2018 threshold in a macrophage-rich cold tumour on an Fc-competent anti-PD-1.
#include <catch2/catch.hpp>

#include <vector>

#include "engine/readout/hyperprogression.hpp"
#include "models/register_builtin.hpp"
#include "nsclc_icb_harness.hpp"

using namespace nsclc_test;
namespace readout = icbsim::readout;

namespace {
constexpr double kSixWeeks = 42.0;
constexpr double kFcHpdGrowth = 0.04;  // [1/day] the size the mechanism is switched on with

/// A TAM-rich, poorly immunogenic patient at the 3.7-cm baseline (overlays m2_macrophages + low_tmb).
std::vector<double> susceptible_parameters() {
  const auto registry = icbsim::models::builtin_registry();
  std::vector<double> p = default_parameters();
  apply_overlay_file("phenotypes/m2_macrophages.yaml", registry, p);
  apply_overlay_file("phenotypes/low_tmb.yaml", registry, p);
  p[parameter("fc_hpd_growth")] = kFcHpdGrowth;  // the mechanism is off by default
  return p;
}

/// Tumour growth rate [% per month] (Ferrara 2018) of the diameter over days 0..42.
double tgr(const Trajectory& t) {
  return readout::tumour_growth_rate({0.0, t.at("tumour_diameter", 0.0)},
                                     {kSixWeeks, t.at("tumour_diameter", kSixWeeks)});
}

bool all_zero(const std::vector<double>& v) {
  for (double x : v)
    if (x != 0.0) return false;
  return true;
}
}  // namespace

TEST_CASE("Fc-dependent hyperprogression is absent without the antibody and with the target blocked only",
          "[nsclc][hyperprogression]") {
  const pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(configs() + "/drugs");
  std::vector<double> p = susceptible_parameters();
  const std::vector<double> x0 = run_in(p, default_state());
  std::vector<double> off = p;
  off[parameter("fc_hpd_growth")] = 0.0;

  // No drug: the drive is exactly 0 and the tumour identical to one without the mechanism.
  const Trajectory untreated(make_task(p, x0, 120.0));
  CHECK(all_zero(untreated.series("fc_hpd_drive")));
  CHECK(untreated.series("tumour_diameter") == Trajectory(make_task(off, x0, 120.0)).series("tumour_diameter"));

  // PD-1 blocked by an Fc-silent antibody (fc_engagement 0): occupancy as with pembrolizumab, no drive.
  std::vector<double> silent = p;
  const auto doses = pembrolizumab(catalogue, silent, 0.0, 120.0);
  silent[parameter("fc_engagement")] = 0.0;
  const Trajectory blocked(make_task(silent, x0, 120.0, doses));
  CHECK(blocked.at("pd1_occupancy", 21.0) > 0.99);
  CHECK(all_zero(blocked.series("fc_hpd_drive")));
  std::vector<double> blocked_off = silent;
  blocked_off[parameter("fc_hpd_growth")] = 0.0;
  CHECK(blocked.series("tumour_diameter") ==
        Trajectory(make_task(blocked_off, x0, 120.0, doses)).series("tumour_diameter"));

  // Chemotherapy (no antibody): no drive.
  std::vector<double> chemo = p;
  const pk::PatientCovariates patient;
  set_slot(chemo, "cyto1", catalogue.get("carboplatin"), patient, 0.0);
  const auto carboplatin =
      regimen_doses(catalogue.get("carboplatin"), "auc5_q3w_x4", patient, Model::kCyto1, 0.0, 120.0);
  CHECK(all_zero(Trajectory(make_task(chemo, x0, 120.0, carboplatin)).series("fc_hpd_drive")));
}

TEST_CASE("an Fc-competent anti-PD-1 hyperprogresses a macrophage-rich cold tumour (Ferrara 2018)",
          "[nsclc][hyperprogression]") {
  const pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(configs() + "/drugs");
  std::vector<double> p = susceptible_parameters();
  const std::vector<double> x0 = run_in(p, default_state());
  const auto doses = pembrolizumab(catalogue, p, 0.0, 120.0);
  std::vector<double> silent = p;
  silent[parameter("fc_engagement")] = 0.0;
  const Trajectory untreated(make_task(p, x0, 120.0));
  const Trajectory fc(make_task(p, x0, 120.0, doses));
  const Trajectory blocked(make_task(silent, x0, 120.0, doses));
  const double m2_per_cell = x0[Model::kM2] / (x0[Model::kVisible] + x0[Model::kEscape]);
  INFO("M2 per tumour cell " << m2_per_cell << "; drive day 21 " << fc.at("fc_hpd_drive", 21.0) << "; TGR untreated "
                             << tgr(untreated) << ", Fc-competent " << tgr(fc) << ", Fc-silent " << tgr(blocked)
                             << " %/month");
  CHECK(fc.at("fc_hpd_drive", 21.0) > 0.005);
  // Hyperprogression by Ferrara 2018: TGR on treatment exceeds the untreated rate by > 50 %/month.
  CHECK(tgr(fc) - tgr(untreated) > readout::kFerraraDeltaTgr);
  // Blocking PD-1 alone does not accelerate this tumour.
  CHECK(tgr(blocked) <= tgr(untreated) + 1e-9);
}
