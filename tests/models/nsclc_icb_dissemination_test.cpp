// The new-lesion hazard of nsclc_icb: its burden exponent (Iwata 2000), its immune damping, its
// switch, and its direction under anti-PD-1 treatment and without it.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "nsclc_icb_harness.hpp"

using namespace nsclc_test;
using icbsim::models::nsclc::DisseminationBlock;

namespace {
DisseminationBlock::Values defaults() {
  std::vector<double> p;
  for (const auto& spec : DisseminationBlock::kParameters) p.push_back(spec.value);
  return DisseminationBlock::Values(p);
}
}  // namespace

TEST_CASE("new-lesion hazard: burden to the power 0.663, halved by the reference systemic response",
          "[nsclc][new_lesions]") {
  const DisseminationBlock::Values d = defaults();
  const double n_ref = 2.42e9, t_half = 1.21e7, rate = 0.00548;
  CHECK(d.hazard(n_ref, 0.0) == Approx(rate));
  // Doubling the burden multiplies the hazard by 2^0.663 = 1.5834 (Iwata 2000's colonisation exponent).
  CHECK(d.hazard(2 * n_ref, 0.0) / d.hazard(n_ref, 0.0) == Approx(std::pow(2.0, 0.663)).epsilon(1e-12));
  CHECK(d.hazard(10 * n_ref, 0.0) / d.hazard(n_ref, 0.0) == Approx(4.603).epsilon(1e-3));
  // Circulating primed CD8 at the half level halve it; at three times it, a quarter.
  CHECK(d.hazard(n_ref, t_half) == Approx(rate / 2));
  CHECK(d.hazard(n_ref, 3 * t_half) == Approx(rate / 4));
  // The untreated default patient: one new detectable lesion per year.
  CHECK(d.hazard(n_ref, t_half) * 365.0 == Approx(1.0).epsilon(0.001));
  // Switched off, and no tumour: no hazard.
  std::vector<double> p;
  for (const auto& spec : DisseminationBlock::kParameters) p.push_back(spec.value);
  p[0] = 0.0;
  CHECK(DisseminationBlock::Values(p).hazard(n_ref, 0.0) == 0.0);
  CHECK(d.hazard(0.0, 0.0) == 0.0);
}

TEST_CASE("the model's new-lesion hazard falls on pembrolizumab and rises untreated", "[nsclc][new_lesions]") {
  const pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(configs() + "/drugs");
  std::vector<double> p = default_parameters();
  const std::vector<double> x0 = run_in(p, default_state());
  const Trajectory untreated(make_task(p, x0, 365.0));
  const std::vector<icbsim::DoseEvent> doses = pembrolizumab(catalogue, p, 0.0, 365.0);
  const Trajectory treated(make_task(p, x0, 365.0, doses));
  const double h0 = untreated.at("new_lesion_hazard", 0.0);
  // At day 0 the observable is the hazard of the model's state (burden and circulating CD8).
  const DisseminationBlock::Values d = defaults();
  CHECK(h0 == Approx(d.hazard(x0[Model::kVisible] + x0[Model::kEscape], x0[Model::kBlood])).epsilon(1e-12));
  INFO("hazard [1/year] day 0 " << 365 * h0 << ", untreated day 365 " << 365 * untreated.at("new_lesion_hazard", 365.0)
                                << ", pembrolizumab day 84 " << 365 * treated.at("new_lesion_hazard", 84.0));
  CHECK(untreated.at("new_lesion_hazard", 365.0) > 1.2 * h0);  // the untreated tumour grows
  CHECK(treated.at("new_lesion_hazard", 84.0) < 0.5 * h0);     // the responder shrinks and primes more CD8
  // With the rate 0 the observable is exactly 0 and nothing else changes.
  std::vector<double> off = p;
  off[parameter("new_lesion_rate")] = 0.0;
  const Trajectory treated_off(make_task(off, x0, 365.0, doses));
  for (double v : treated_off.series("new_lesion_hazard")) CHECK(v == 0.0);
  CHECK(treated_off.series("tumour_diameter") == treated.series("tumour_diameter"));
}
