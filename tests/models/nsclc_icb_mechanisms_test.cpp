// nsclc_icb with each resistance phenotype and host factor of configs/ (loaded with the overlay
// loader) against the inflamed responder under the same pembrolizumab schedule: the documented
// direction of each mechanism, that it leaves alone what it should (intrinsic growth, PK, other
// parameters), and non-negative populations over two years in every run.
#include <catch2/catch.hpp>

#include <map>

#include "engine/core/errors.hpp"
#include "models/register_builtin.hpp"
#include "nsclc_icb_harness.hpp"

namespace {

using namespace nsclc_test;

std::vector<std::string> overlay_files() {
  return {
    "phenotypes/low_tmb.yaml",          "phenotypes/b2m_loss.yaml",          "phenotypes/jak_loss.yaml",
    "phenotypes/pdl1_negative.yaml",    "phenotypes/stk11_keap1.yaml",       "phenotypes/wnt_beta_catenin.yaml",
    "phenotypes/oncogenic_driver.yaml", "phenotypes/treg_rich.yaml",         "phenotypes/mdsc_rich.yaml",
    "phenotypes/m2_macrophages.yaml",   "phenotypes/tgfb_caf_barrier.yaml",  "phenotypes/alternative_checkpoints.yaml",
    "phenotypes/hypoxia_adenosine.yaml", "host/antibiotics.yaml",            "host/corticosteroids.yaml",
    "host/age_immunosenescence.yaml"};
}

/// One phenotype: treated (pembrolizumab) and untreated from the same run-in baseline.
struct Arm {
  std::vector<double> parameters;
  Trajectory on;
  Trajectory off;
  Response on_response;
  Response off_response;

  double baseline(std::string_view name) const { return on.at(name, 0.0); }
  /// Benefit of anti-PD-1 at day d: untreated minus treated diameter change [percentage points].
  double benefit(double day) const { return off_response.change_pct(day) - on_response.change_pct(day); }
};

Arm make_arm(const std::vector<double>& p0) {
  const pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(configs() + "/drugs");
  const std::vector<double> x0 = run_in(p0, default_state());
  std::vector<double> p = p0;
  const auto doses = pembrolizumab(catalogue, p);
  Trajectory on(make_task(p, x0, kTwoYears, doses));
  Trajectory off(make_task(p0, x0, kTwoYears));
  Response r_on = response(on);
  Response r_off = response(off);
  return Arm{p0, std::move(on), std::move(off), std::move(r_on), std::move(r_off)};
}

Arm responder() { return make_arm(default_parameters()); }

Arm with_overlay(const std::string& file) {
  const auto registry = icbsim::models::builtin_registry();
  std::vector<double> p = default_parameters();
  apply_overlay_file(file, registry, p);
  return make_arm(p);
}

/// A weaker response at the week-18 scan than the responder's, by at least `margin` points.
void check_weaker(const Arm& x, const Arm& r, double margin) {
  INFO("diameter change at day 126: mechanism " << x.on_response.change_pct(126) << "%, responder "
                                                 << r.on_response.change_pct(126) << "%");
  CHECK(x.on_response.change_pct(126) > r.on_response.change_pct(126) + margin);
}

}  // namespace

TEST_CASE("low TMB: fewer primed T cells, no response", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("phenotypes/low_tmb.yaml");
  CHECK(x.baseline("priming_rate") < 0.5 * r.baseline("priming_rate"));
  CHECK(x.baseline("cd8_infiltrate") < 0.6 * r.baseline("cd8_infiltrate"));
  CHECK(x.on_response.best_pct > -30.0);
  check_weaker(x, r, 30.0);
}

TEST_CASE("MHC-I/B2M loss: the visible clone is no longer killed and no longer shrinks", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("phenotypes/b2m_loss.yaml");
  for (double k : x.on.series("kill_rate_visible")) CHECK(k == 0.0);
  const double base = x.baseline("tumour_visible");
  CHECK(x.on.at("tumour_visible", 365) > 2.0 * base);  // grows on treatment
  CHECK(x.on.at("tumour_visible", 365) == Approx(x.off.at("tumour_visible", 365)).epsilon(0.01));
  CHECK(r.on.at("tumour_visible", 365) < 0.01 * r.baseline("tumour_visible"));
}

TEST_CASE("JAK1/2 loss: tumour PD-L1 and MHC-I do not rise with IFN-γ, anti-PD-1 adds less", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("phenotypes/jak_loss.yaml");
  const auto pdl1 = x.on.series("tumour_pdl1");
  const auto mhc = x.on.series("tumour_mhc");
  const auto ifng = x.on.series("ifng");
  CHECK(*std::max_element(ifng.begin(), ifng.end()) > 0.5 * r.baseline("ifng"));  // IFN-γ is there ...
  for (std::size_t d = 0; d < pdl1.size(); ++d) {
    CHECK(pdl1[d] == Approx(1.0).margin(1e-9));   // ... PD-L1 stays constitutive (tumour_pdl1_base)
    CHECK(mhc[d] == Approx(1.0 / 3.0).margin(1e-9));  // ... MHC-I stays uninduced, 1/(1 + gain)
  }
  CHECK(r.on.at("tumour_pdl1", 84) > 1.2 * r.baseline("tumour_pdl1"));  // the responder's rises
  CHECK(x.benefit(365) < 0.5 * r.benefit(365));
}

TEST_CASE("PD-L1-negative tumour: anti-PD-1 has (almost) nothing to relieve", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("phenotypes/pdl1_negative.yaml");
  CHECK(x.baseline("tumour_pdl1") == 0.0);
  CHECK(x.baseline("kill_inhibition_pd1") < 0.01);  // only myeloid PD-L1 engages PD-1
  CHECK(r.baseline("kill_inhibition_pd1") > 0.3);
  CHECK(std::abs(x.benefit(365)) < 2.0);           // treated vs untreated, percentage points
  CHECK(r.benefit(365) > 50.0);
}

TEST_CASE("STK11/KEAP1: cold, MDSC-rich, PD-L1-low, weaker response", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("phenotypes/stk11_keap1.yaml");
  CHECK(x.baseline("cd8_infiltrate") < r.baseline("cd8_infiltrate"));
  CHECK(x.baseline("mdsc") > 2.0 * r.baseline("mdsc"));
  CHECK(x.baseline("tumour_pdl1") < r.baseline("tumour_pdl1"));
  check_weaker(x, r, 25.0);
}

TEST_CASE("WNT/β-catenin: T cells kept out of the tumour, hence less antigen and priming, no response", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("phenotypes/wnt_beta_catenin.yaml");
  CHECK(x.parameters[parameter("dc_function")] == r.parameters[parameter("dc_function")]);  // no priming defect imposed
  CHECK(x.baseline("cd8_infiltrate") < 0.5 * r.baseline("cd8_infiltrate"));
  // Fewer kills release less antigen: fewer dendritic cells reach the lymph node, priming falls.
  CHECK(x.baseline("dc_ln") < r.baseline("dc_ln"));
  CHECK(x.baseline("priming_rate") < r.baseline("priming_rate"));
  CHECK(x.on_response.best_pct > -30.0);
  check_weaker(x, r, 30.0);
}

TEST_CASE("oncogenic driver (EGFR/ALK): low priming and infiltration, no response", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("phenotypes/oncogenic_driver.yaml");
  CHECK(x.baseline("priming_rate") < 0.5 * r.baseline("priming_rate"));
  CHECK(x.baseline("cd8_infiltrate") < 0.5 * r.baseline("cd8_infiltrate"));
  CHECK(x.on_response.best_pct > -30.0);
  check_weaker(x, r, 30.0);
}

TEST_CASE("Treg-rich: more Tregs, lower effector function, slower response", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("phenotypes/treg_rich.yaml");
  CHECK(x.baseline("treg") > 3.0 * r.baseline("treg"));
  CHECK(x.baseline("effector_function") < r.baseline("effector_function"));
  check_weaker(x, r, 25.0);
}

TEST_CASE("MDSC-rich: more MDSCs, lower effector function, slower response", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("phenotypes/mdsc_rich.yaml");
  CHECK(x.baseline("mdsc") > 3.0 * r.baseline("mdsc"));
  CHECK(x.baseline("effector_function") < r.baseline("effector_function"));
  check_weaker(x, r, 25.0);
}

TEST_CASE("M2 macrophages: M2-skewed, lower effector function, slower response", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("phenotypes/m2_macrophages.yaml");
  CHECK(x.baseline("macrophage_m2") / x.baseline("macrophage_m1") >
        2.0 * r.baseline("macrophage_m2") / r.baseline("macrophage_m1"));
  CHECK(x.baseline("effector_function") < r.baseline("effector_function"));
  check_weaker(x, r, 25.0);
}

TEST_CASE("TGF-β/CAF barrier: TGF-β high, T cells excluded, slower response", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("phenotypes/tgfb_caf_barrier.yaml");
  CHECK(x.baseline("tgfb") > 2.0 * r.baseline("tgfb"));
  CHECK(x.baseline("infiltration_per_cell") < 0.5 * r.baseline("infiltration_per_cell"));
  CHECK(x.baseline("cd8_infiltrate") < r.baseline("cd8_infiltrate"));
  check_weaker(x, r, 25.0);
}

TEST_CASE("alternative checkpoints: an inhibition anti-PD-1 does not relieve, no response", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("phenotypes/alternative_checkpoints.yaml");
  for (double h : x.on.series("kill_inhibition_alt")) CHECK(h == Approx(1.5 * 1.5 / (1.0 + 1.5 * 1.5)));
  CHECK(x.on.at("kill_inhibition_pd1", 84) < 0.5 * x.baseline("kill_inhibition_pd1"));  // PD-1 is relieved ...
  CHECK(x.on_response.best_pct > -30.0);                                                // ... to no avail
  check_weaker(x, r, 30.0);
}

TEST_CASE("hypoxia/adenosine: lower effector function, slower response", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("phenotypes/hypoxia_adenosine.yaml");
  CHECK(x.baseline("effector_function") < 0.6 * r.baseline("effector_function"));
  check_weaker(x, r, 25.0);
}

TEST_CASE("antibiotics: weaker priming, slower response", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("host/antibiotics.yaml");
  CHECK(x.baseline("priming_rate") < 0.75 * r.baseline("priming_rate"));
  check_weaker(x, r, 25.0);
}

TEST_CASE("corticosteroids: fewer effector T cells, no response", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("host/corticosteroids.yaml");
  CHECK(x.baseline("cd8_infiltrate") < 0.6 * r.baseline("cd8_infiltrate"));
  CHECK(x.baseline("cd8_blood") < 0.6 * r.baseline("cd8_blood"));
  check_weaker(x, r, 30.0);
}

TEST_CASE("age/immunosenescence: smaller naive pool, less priming, slower response", "[nsclc][mechanism]") {
  const Arm r = responder();
  const Arm x = with_overlay("host/age_immunosenescence.yaml");
  CHECK(x.baseline("naive_cd8") < 0.6 * r.baseline("naive_cd8"));
  CHECK(x.baseline("priming_rate") < r.baseline("priming_rate"));
  check_weaker(x, r, 25.0);
}

TEST_CASE("every overlay leaves intrinsic growth, PK and unnamed parameters alone", "[nsclc][mechanism]") {
  const auto registry = icbsim::models::builtin_registry();
  const icbsim::ModelInfo& info = registry.get("nsclc_icb");
  const pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(configs() + "/drugs");

  // Immune-free growth: no T cells, no priming, no IFN-γ, no M1 (whose kill needs IFN-γ to arise).
  auto immune_free = [](std::vector<double> p) {
    p[parameter("priming_rate")] = 0.0;
    std::vector<double> x = default_state();
    for (std::size_t i : {Model::kEffector, Model::kExhausted, Model::kBlood, Model::kM1, Model::kSignal}) x[i] = 0.0;
    icbsim::TaskInput in = make_task(p, x, 365.0);
    in.solver.rtol = 1e-10;
    in.solver.atol = 1e-6;
    return Trajectory(in).series("tumour_cells_total");
  };
  const std::vector<double> defaults = default_parameters();
  const auto growth_reference = immune_free(defaults);
  std::vector<double> p_ref = defaults;
  const auto doses = pembrolizumab(catalogue, p_ref);
  const auto pk_reference = Trajectory(make_task(p_ref, default_state(), kTwoYears, doses)).series("pd1_concentration");

  for (const std::string& file : overlay_files()) {
    INFO(file);
    const icbsim::Overlay overlay = icbsim::load_overlay_file(configs() + "/" + file, registry);
    std::vector<double> p = defaults;
    icbsim::apply_overlay(overlay, info, p);
    // Only the named parameters differ.
    for (std::size_t i = 0; i < p.size(); ++i) {
      bool named = false;
      for (const auto& c : overlay.changes_by_model.at("nsclc_icb")) named = named || c.parameter == Model::kParameters[i].name;
      if (!named) CHECK(p[i] == defaults[i]);
    }
    // Immune-only mechanisms: the tumour's own growth is unchanged.
    const auto growth = immune_free(p);
    for (std::size_t d = 0; d < growth.size(); ++d) CHECK(growth[d] == Approx(growth_reference[d]).epsilon(1e-7));
    // The PK of the antibody is unchanged (to the integration tolerance, rtol 1e-6).
    std::vector<double> p_treated = p;
    const auto pembro = pembrolizumab(catalogue, p_treated);
    const auto concentration = Trajectory(make_task(p_treated, default_state(), kTwoYears, pembro)).series("pd1_concentration");
    for (std::size_t d = 0; d < concentration.size(); ++d)
      CHECK(concentration[d] == Approx(pk_reference[d]).epsilon(1e-5).margin(1e-9));
  }
}

TEST_CASE("populations stay non-negative over two years for the responder and every overlay", "[nsclc][mechanism]") {
  std::vector<std::string> files = overlay_files();
  files.insert(files.begin(), "");  // the responder
  for (const std::string& file : files) {
    INFO((file.empty() ? std::string("responder") : file));
    const Arm a = file.empty() ? responder() : with_overlay(file);
    for (const Trajectory* t : {&a.on, &a.off}) {
      const std::size_t n = t->input().output_times.size();
      for (std::size_t i = 0; i < Model::kVariables.size(); ++i) {
        INFO(Model::kVariables[i].name);
        const auto first = t->output().trajectories.begin() + static_cast<std::ptrdiff_t>(i * n);
        CHECK(*std::min_element(first, first + static_cast<std::ptrdiff_t>(n)) >= -1e-6);
      }
    }
  }
}
