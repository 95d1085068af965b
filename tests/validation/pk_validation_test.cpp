// Validation of the PK engine against reference values derived outside icbsim from the published
// population-PK models (typical 70-kg NSCLC patient; explicit 8th-order Runge–Kutta, rtol 1e-10; the
// table of docs/pk.md): the primary regimen of each checkpoint antibody (Cmax,1, Cmin,1, Cmax,ss,
// Cmin,ss) and the terminal half-lives, with the drugs loaded from configs/drugs and their standard
// regimens expanded. Metrics: Cmax,1 = C(Tinf); Cmin,1 = C(τ); steady-state interval [168, 168 + τ).
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "engine/io/config/drug_catalogue_loader.hpp"
#include "engine/ode/simulator.hpp"
#include "engine/pk/closed_form.hpp"
#include "models/pk_compartmental.hpp"

namespace pk = icbsim::pk;
using icbsim::models::PkCompartmental;

namespace {

constexpr double kTolerance = 0.005;  // ±0.5 %: the references are rounded to 4-5 significant digits
constexpr double kSteadyStart = 168.0;

pk::DrugCatalogue load_catalogue() {
  return icbsim::load_drug_catalogue(std::string(ICBSIM_SOURCE_DIR) + "/configs/drugs");
}

struct Metrics {
  double cmax1, cmin1, auc1, cmax_ss, cmin_ss, auc_ss;
};

/// Simulates `model` for the typical patient on `regimen` (first phase) and reads the metrics above.
Metrics simulate(const pk::PkModelSpec& model, const pk::NamedRegimen& regimen, bool regimen_covariates) {
  const pk::PatientCovariates patient =
      regimen_covariates ? pk::on_regimen(pk::PatientCovariates{}, regimen) : pk::PatientCovariates{};
  const pk::DosingSchedule& schedule = regimen.phases.front();
  const double tau = schedule.interval, tinf = schedule.infusion;
  const double t_end = kSteadyStart + tau;
  icbsim::TaskInput in;
  in.parameters = PkCompartmental::parameters_from(pk::resolve(model, patient));
  in.initial_state.assign(PkCompartmental::kVariables.size(), 0.0);
  in.t_end = t_end;
  in.output_times = {0.0, tinf, tau, kSteadyStart, kSteadyStart + tinf, t_end};
  in.doses = pk::expand_schedule(schedule, patient, PkCompartmental::kCentral, t_end);
  in.solver.rtol = 1e-10;  // as the reference integration
  in.solver.atol = 1e-12;
  const icbsim::TaskOutput out = icbsim::simulate<PkCompartmental>(in);
  const std::size_t n = in.output_times.size();
  const auto c = [&](std::size_t i) { return out.trajectories[PkCompartmental::kVariables.size() * n + i]; };
  const auto auc = [&](std::size_t i) { return out.trajectories[3 * n + i]; };
  return Metrics{c(1), c(2), auc(2) - auc(0), c(4), c(5), auc(5) - auc(3)};
}

struct Row {
  const char* drug;
  const char* model;  // "" = the drug's default PK model
  const char* regimen;
  double cmax1, cmin1, auc1, cmax_ss, cmin_ss, auc_ss;
};

void check_row(const pk::DrugCatalogue& catalogue, const Row& row, bool regimen_covariates = true) {
  const pk::Drug& drug = catalogue.get(row.drug);
  const pk::PkModelSpec& model = std::string(row.model).empty() ? drug.pk : drug.pk_model(row.model);
  const Metrics m = simulate(model, drug.regimen(row.regimen), regimen_covariates);
  INFO(row.drug << " / " << model.name << " / " << row.regimen);
  CHECK(m.cmax1 == Approx(row.cmax1).epsilon(kTolerance));
  CHECK(m.cmin1 == Approx(row.cmin1).epsilon(kTolerance));
  CHECK(m.cmax_ss == Approx(row.cmax_ss).epsilon(kTolerance));
  CHECK(m.cmin_ss == Approx(row.cmin_ss).epsilon(kTolerance));
  CHECK(m.auc1 == Approx(row.auc1).epsilon(kTolerance));
  CHECK(m.auc_ss == Approx(row.auc_ss).epsilon(kTolerance));
}

}  // namespace

// Primary regimens; models: Ahamadi 2017 (CPT PSP 6:49), Bajaj 2017 (CPT PSP 6:58), Stroh 2017
// (Clin Pharmacol Ther 102:305), Baverel 2018 (Clin Pharmacol Ther 103:631; with its Michaelis–Menten
// term), Sanghavi 2020 (CPT PSP 9:29; with nivolumab 3 mg/kg q2w, first line), Hwang 2022 (Br J Clin
// Pharmacol 89:1601; with durvalumab). AUCτ columns are checked too.
TEST_CASE("published PK models, primary regimens: checkpoint antibodies, typical 70-kg NSCLC patient",
          "[pk][validation]") {
  const std::vector<Row> rows{
      {"pembrolizumab", "", "200mg_q3w", 59.95, 12.14, 436, 85.67, 25.81, 836},
      {"nivolumab", "", "240mg_q2w", 61.34, 19.59, 411, 131.72, 71.21, 1265},
      {"nivolumab", "", "3mgkg_q2w", 53.67, 17.14, 360, 115.26, 62.31, 1106},
      {"atezolizumab", "", "1200mg_q3w", 383.99, 85.82, 3029, 591.55, 209.10, 6427},
      {"durvalumab", "", "10mgkg_q2w", 198.36, 51.18, 1259, 346.53, 148.73, 2952},
      {"ipilimumab", "", "1mgkg_q6w_with_nivolumab", 19.15, 1.21, 180, 21.38, 2.41, 263},
      {"tremelimumab", "", "75mg_q4w_with_durvalumab", 20.71, 3.06, 197, 26.47, 5.94, 319},
  };
  const pk::DrugCatalogue catalogue = load_catalogue();
  for (const Row& row : rows) check_row(catalogue, row);
}

// Alternative published models and monotherapy variants: Zhang 2019
// (CPT PSP 8:962), FDA review BLA 761041 (atezolizumab, time-varying CL), Zhao 2026 (Br J Clin
// Pharmacol 92:980), Feng 2014 (Br J Clin Pharmacol 78:106), Hwang 2022 monotherapy.
TEST_CASE("published PK models: alternative models and monotherapy variants", "[pk][validation]") {
  const pk::DrugCatalogue catalogue = load_catalogue();
  check_row(catalogue, {"nivolumab", "Zhang 2019", "240mg_q2w", 60.20, 20.38, 419, 124.95, 65.80, 1186});
  check_row(catalogue, {"nivolumab", "Zhang 2019", "3mgkg_q2w", 52.67, 17.83, 367, 109.33, 57.57, 1038});
  check_row(catalogue, {"atezolizumab", "FDA review 2016", "1200mg_q3w", 386.34, 83.90, 3037, 595.62, 212.38, 6564});
  check_row(catalogue, {"durvalumab", "Zhao 2026", "10mgkg_q2w", 202.97, 53.09, 1322, 370.59, 169.66, 3327});
  // Feng 2014 is a monotherapy model: no regimen covariates apply.
  check_row(catalogue, {"ipilimumab", "Feng 2014", "1mgkg_q6w_with_nivolumab", 18.47, 1.34, 182, 20.06, 1.58, 212},
            false);
  check_row(catalogue, {"tremelimumab", "", "75mg_q4w_with_durvalumab", 20.71, 3.06, 197, 24.21, 3.48, 237}, false);
}

// Terminal half-lives t½,β at CL0 from the resolved parameters of the typical patient.
TEST_CASE("published PK models: terminal half-lives at CL0", "[pk][validation]") {
  struct HalfLife {
    const char* drug;
    const char* model;
    const char* regimen;  // whose regimen covariates apply
    double t_half;        // [day]
  };
  const std::vector<HalfLife> expected{
      {"pembrolizumab", "Ahamadi 2017", "200mg_q3w", 23.03},
      {"nivolumab", "Bajaj 2017", "240mg_q2w", 19.90},
      {"nivolumab", "Zhang 2019", "240mg_q2w", 19.56},
      {"atezolizumab", "Stroh 2017", "1200mg_q3w", 27.91},
      {"atezolizumab", "FDA review 2016", "1200mg_q3w", 20.91},
      {"durvalumab", "Baverel 2018 (linear + Michaelis-Menten)", "10mgkg_q2w", 23.57},
      {"durvalumab", "Zhao 2026", "10mgkg_q2w", 15.89},
      {"ipilimumab", "Sanghavi 2020", "1mgkg_q6w_with_nivolumab", 15.13},
      {"tremelimumab", "Hwang 2022", "75mg_q4w_with_durvalumab", 17.44},
  };
  const pk::DrugCatalogue catalogue = load_catalogue();
  for (const HalfLife& h : expected) {
    const pk::Drug& drug = catalogue.get(h.drug);
    const pk::PkParameters p = pk::resolve(drug.pk_model(h.model), pk::on_regimen({}, drug.regimen(h.regimen)));
    INFO(h.drug << " / " << h.model);
    CHECK(pk::terminal_half_life(p, p.cl0) == Approx(h.t_half).epsilon(kTolerance));
  }
  // Feng 2014 (monotherapy, no regimen covariates)
  const pk::Drug& ipi = catalogue.get("ipilimumab");
  const pk::PkParameters feng = pk::resolve(ipi.pk_model("Feng 2014"), {});
  CHECK(pk::terminal_half_life(feng, feng.cl0) == Approx(15.51).epsilon(kTolerance));
}

// Single-dose references for the cytotoxics whose catalogue model is the published one:
// Ozawa 2007 docetaxel (Cancer Sci 98:1985) and Zandvliet 2008 carboplatin (Br J Clin Pharmacol 66:485).
TEST_CASE("published PK models: docetaxel and carboplatin single doses", "[pk][validation]") {
  const pk::DrugCatalogue catalogue = load_catalogue();
  const pk::PatientCovariates typical;
  SECTION("docetaxel 75 mg/m^2 over 1 h") {
    const pk::Drug& d = catalogue.get("docetaxel");
    const pk::PkParameters p = pk::resolve(d.pk, typical);
    const pk::DosingSchedule& s = d.standard_regimen().phases.front();
    const double dose = pk::dose_mg(s.dose, typical);
    CHECK(dose == Approx(138.3).epsilon(kTolerance));
    const pk::Disposition disp = pk::disposition(p);
    CHECK(pk::single_dose_concentration(disp, dose, s.infusion, s.infusion) == Approx(2.712).epsilon(kTolerance));
    CHECK(dose / p.cl0 * 24 == Approx(3.875).epsilon(kTolerance));            // AUC∞ [mg·h/L]
    CHECK(std::log(2.0) / disp.rate[2] * 24 == Approx(0.088).epsilon(0.01));  // printed to 2 digits
    CHECK(std::log(2.0) / disp.rate[1] * 24 == Approx(1.03).epsilon(kTolerance));
    CHECK(std::log(2.0) / disp.rate[0] * 24 == Approx(16.9).epsilon(kTolerance));
    CHECK(p.vc + p.v2 + p.v3 == Approx(239).epsilon(kTolerance));
  }
  SECTION("carboplatin Calvert AUC 5 over 30 min") {
    const pk::Drug& d = catalogue.get("carboplatin");
    const pk::PkParameters p = pk::resolve(d.pk, typical);
    const pk::DosingSchedule& s = d.regimen("auc5_q3w_x4").phases.front();
    const double dose = pk::dose_mg(s.dose, typical);
    CHECK(dose == Approx(529.7).epsilon(kTolerance));
    CHECK(p.cl0 / 24 == Approx(5.191).epsilon(kTolerance));
    const pk::Disposition disp = pk::disposition(p);
    CHECK(pk::single_dose_concentration(disp, dose, s.infusion, s.infusion) == Approx(29.91).epsilon(kTolerance));
    CHECK(dose / p.cl0 * 24 == Approx(102.0).epsilon(kTolerance));
    CHECK(std::log(2.0) / disp.rate[1] * 24 == Approx(0.92).epsilon(kTolerance));
    CHECK(std::log(2.0) / disp.rate[0] * 24 == Approx(4.44).epsilon(kTolerance));
  }
}
