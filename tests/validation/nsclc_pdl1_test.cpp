// PD-L1 as biology in the NSCLC population: the tumour proportion score is read from the model's
// constitutive + IFN-γ-induced PD-L1 at baseline, its classes hold the shares of screened NSCLC
// (C6: ~35 / 35 / 30 %, Huang 2021), and it marks a pre-existing CD8 response (adaptive
// resistance: Taube 2012; Teng 2015).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/run/execute_task.hpp"
#include "engine/run/plan.hpp"
#include "tests/models/nsclc_icb_harness.hpp"
#include "tests/support/builtin_registry.hpp"

namespace {

std::vector<double> ranks(const std::vector<double>& v) {
  std::vector<std::size_t> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  std::vector<double> r(v.size());
  for (std::size_t i = 0; i < order.size();) {  // ties share their mean rank
    std::size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    for (std::size_t k = i; k <= j; ++k) r[order[k]] = 0.5 * static_cast<double>(i + j);
    i = j + 1;
  }
  return r;
}

double spearman(const std::vector<double>& a, const std::vector<double>& b) {
  const std::vector<double> ra = ranks(a), rb = ranks(b);
  const double ma = std::accumulate(ra.begin(), ra.end(), 0.0) / static_cast<double>(ra.size());
  const double mb = std::accumulate(rb.begin(), rb.end(), 0.0) / static_cast<double>(rb.size());
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < ra.size(); ++i) {
    sab += (ra[i] - ma) * (rb[i] - mb);
    saa += (ra[i] - ma) * (ra[i] - ma);
    sbb += (rb[i] - mb) * (rb[i] - mb);
  }
  return sab / std::sqrt(saa * sbb);
}

}  // namespace

TEST_CASE("baseline TPS of the NSCLC population: C6 class shares and a positive link to CD8 infiltration",
          "[validation][nsclc][tps]") {
  const auto path = std::filesystem::path(ICBSIM_SOURCE_DIR) / "tests/data/nsclc/untreated_tps.yaml";
  const icbsim::Scenario s = icbsim::load_scenario_file(path.string(), icbsim::testing::registry());
  REQUIRE(s.readout->settings.tps);
  const icbsim::Plan plan(s);
  const std::size_t n = plan.sample_times().size();
  const auto baseline = static_cast<std::size_t>(
      std::find(plan.sample_times().begin(), plan.sample_times().end(), 0.0) - plan.sample_times().begin());
  const auto cd8_row = s.model->variables.size() + 5;  // cd8_per_tumour_cell
  REQUIRE(s.model->observables[5].name == "cd8_per_tumour_cell");
  std::vector<double> tps, cd8;
  std::size_t negative = 0, high = 0;
  for (std::size_t id = 0; id < plan.size(); ++id) {
    const icbsim::TaskResult r = icbsim::execute_task(s, plan, id);
    REQUIRE(r.ok);
    const double t = r.readout->tps_pct;
    REQUIRE((t >= 0.0 && t <= 100.0));
    CHECK(t == std::round(t));  // 100 cells scored
    tps.push_back(t);
    cd8.push_back(r.output.samples[cd8_row * n + baseline]);
    if (t < 1.0) ++negative;
    if (t >= 50.0) ++high;
  }
  const double patients = static_cast<double>(tps.size());
  const double rho = spearman(tps, cd8);
  INFO("TPS <1 %: " << negative << ", >=50 %: " << high << " of " << tps.size() << "; Spearman(TPS, CD8) = " << rho);
  // C6: TPS <1 % ~35 %, >=50 % ~30 % of screened NSCLC (binomial 95 % half-width ~4 points at 600).
  CHECK(static_cast<double>(negative) / patients == Approx(0.35).margin(0.06));
  CHECK(static_cast<double>(high) / patients == Approx(0.30).margin(0.06));
  // A positive rank correlation with the pre-existing infiltrate (|rho| > 0.08 is p < 0.05 at 600).
  CHECK(rho > 0.15);
}

TEST_CASE("TPS follows the tumour's IFN-γ-induced PD-L1", "[nsclc][tps]") {
  using namespace nsclc_test;
  std::vector<double> p = default_parameters();
  const std::vector<double> x0 = run_in(p, default_state());
  const Trajectory intact(make_task(p, x0, 1.0));
  // At the staining threshold exactly half the cells are positive.
  const double threshold = p[parameter("tps_threshold")];
  std::vector<double> at_threshold = p;
  at_threshold[parameter("tumour_pdl1_base")] =
      threshold / (1.0 + (p[parameter("tumour_pdl1_ifng_fold")] - 1.0) * x0[Model::kSignal]);
  CHECK(Trajectory(make_task(at_threshold, x0, 1.0)).series("pdl1_tps")[0] == Approx(50.0).epsilon(1e-12));
  // The same tumour without IFN-γ signalling (JAK1/2 loss) keeps only its constitutive PD-L1.
  std::vector<double> no_jak = p;
  no_jak[parameter("jak_signalling")] = 0.0;
  std::vector<double> x_no_jak = x0;
  x_no_jak[Model::kSignal] = 0.0;
  const Trajectory constitutive(make_task(no_jak, x_no_jak, 1.0));
  INFO("TPS with IFN-γ " << intact.series("pdl1_tps")[0] << " %, constitutive only "
                         << constitutive.series("pdl1_tps")[0] << " %");
  CHECK(intact.series("pdl1_tps")[0] > 2.0 * constitutive.series("pdl1_tps")[0]);
  // PD-L1-negative tumours score 0.
  std::vector<double> negative = p;
  negative[parameter("tumour_pdl1_base")] = 0.0;
  CHECK(Trajectory(make_task(negative, x0, 1.0)).series("pdl1_tps")[0] == 0.0);
}
