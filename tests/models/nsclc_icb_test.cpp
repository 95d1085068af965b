// nsclc_icb: declarations and drug-slot naming, slot defaults against the drug catalogue, inert empty
// slots, antibody mass balance, quasi-steady-state occupancy against explicit binding kinetics, the
// stiff (automatic-differentiation) path, untreated growth calibration, the drug classes' effects,
// and the five clinical behaviours under pembrolizumab, each from a documented parameterisation.
#include <catch2/catch.hpp>

#include <array>
#include <fstream>
#include <set>
#include <span>

#include "engine/core/errors.hpp"
#include "models/register_builtin.hpp"
#include "nsclc_icb_harness.hpp"

namespace {

using namespace nsclc_test;

/// Amount of all doses of `doses` into `target` delivered by time t (zero-order infusions) [mg].
double dosed_by(const std::vector<icbsim::DoseEvent>& doses, std::size_t target, double t) {
  double total = 0.0;
  for (const auto& d : doses) {
    if (d.target != target || t < d.time) continue;
    total += d.duration > 0.0 ? d.amount * std::min(1.0, (t - d.time) / d.duration) : d.amount;
  }
  return total;
}

/// Pembrolizumab PK (pk_rhs) with explicit PD-1 binding in the tumour interstitium: states A1, A2
/// [mg] and the bound fraction b of PD-1 [-]; free interstitial antibody = partition·C;
/// db/dt = kon·C_t·(1 − b) − koff·b with koff = kon·Kd. Stiff: binding relaxes in minutes.
struct ExplicitBinding {
  static constexpr std::string_view kName = "explicit_binding";
  static constexpr std::string_view kDescription = "2-compartment antibody PK with explicit receptor binding";
  static constexpr std::string_view kReference = "test model";
  static constexpr std::array<icbsim::VariableSpec, 3> kVariables{{
      {"A1", "mg", 0, true, ""},
      {"A2", "mg", 0, true, ""},
      {"b", "", 0, true, "bound fraction of PD-1"},
  }};
  static constexpr std::array<icbsim::ParameterSpec, 8> kParameters{{
      {"cl0", "L/day", 0, 0, icbsim::kUnbounded, "", "pd1 slot"},
      {"vc", "L", 1, 0, icbsim::kUnbounded, "", "pd1 slot"},
      {"q2", "L/day", 0, 0, icbsim::kUnbounded, "", "pd1 slot"},
      {"v2", "L", 0, 0, icbsim::kUnbounded, "", "pd1 slot"},
      {"kd", "nM", 4, 0, icbsim::kUnbounded, "", "pd1 slot"},
      {"mw", "g/mol", 149000, 0, icbsim::kUnbounded, "", "pd1 slot"},
      {"partition", "", 0.114, 0, icbsim::kUnbounded, "", "pd1 slot"},
      {"kon", "1/(nM*day)", 57.888, 0, icbsim::kUnbounded, "",
       "QSP-IO kon(PD-1, anti-PD-1) = 6.7e5 1/(M*s) (Wang 2023) = 6.7e5*1e-9*86400 1/(nM*day)"},
  }};
  static constexpr std::array<icbsim::VariableSpec, 0> kObservables{};

  explicit ExplicitBinding(std::span<const double> p)
      : kd_(p[4]), mw_(p[5]), partition_(p[6]), kon_(p[7]) {
    pk_.cl0 = p[0];
    pk_.vc = p[1];
    pk_.q2 = p[2];
    pk_.v2 = p[3];
  }
  template <class Real>
  void rhs(const Real* x, Real* dx, double t) const {
    const Real a[3] = {x[0], x[1], 0.0 * x[0]};
    Real da[3];
    pk::pk_rhs(pk_, a, da, t);
    dx[0] = da[0];
    dx[1] = da[1];
    const Real c_tumour_nm = x[0] / pk_.vc * partition_ * (1e6 / mw_);
    dx[2] = kon_ * c_tumour_nm * (1.0 - x[2]) - kon_ * kd_ * x[2];
  }
  void observe(const double*, double, double*) const {}

  pk::PkParameters pk_;
  double kd_, mw_, partition_, kon_;
};

}  // namespace

TEST_CASE("nsclc_icb is registered with complete declarations and slot naming", "[nsclc]") {
  const auto registry = icbsim::models::builtin_registry();
  const icbsim::ModelInfo& info = registry.get("nsclc_icb");
  CHECK(info.variables.size() >= 25);
  CHECK(info.variables.size() <= 40);

  std::set<std::string_view> names;
  for (const auto& p : Model::kParameters) CHECK(names.insert(p.name).second);
  std::set<std::string_view> rows;
  for (const auto& v : Model::kVariables) CHECK(rows.insert(v.name).second);
  for (const auto& v : Model::kObservables) CHECK(rows.insert(v.name).second);
  for (const auto& v : Model::kVariables) CHECK(v.nonnegative);

  const std::vector<std::string> pk_fields = {"cl0", "vc", "q2", "v2", "q3", "v3", "emax",
                                              "t50", "hill", "vmax", "km", "t_first_dose"};
  const std::vector<std::string> binding = {"kd", "mw", "partition"};
  const std::vector<std::string> kill = {"tumour_kmax", "tumour_sensitivity", "lymphocyte_kmax", "lymphocyte_sensitivity"};
  auto has_parameters = [&](const std::string& prefix, const std::vector<std::vector<std::string>>& groups) {
    for (const auto& group : groups)
      for (const auto& field : group) {
        INFO(prefix + "_" + field);
        CHECK(info.parameter_index(prefix + "_" + field) >= 0);
      }
  };
  for (const std::string slot : {"pd1", "pdl1", "ctla4"}) {
    has_parameters(slot, {pk_fields, binding});
    for (const std::string s : {"_a1", "_a2", "_a3", "_eliminated"}) CHECK(info.variable_index(slot + s) >= 0);
  }
  for (const std::string slot : {"cyto1", "cyto2"}) {
    has_parameters(slot, {pk_fields, kill});
    for (const std::string s : {"_a1", "_a2", "_a3"}) CHECK(info.variable_index(slot + s) >= 0);
  }
  has_parameters("adc", {pk_fields, binding, {"kill_max", "target_fraction", "bystander_fraction", "icd"}});
  has_parameters("vaccine", {{"cl0", "vc", "boost_max", "half_boost_amount"}});
  CHECK(info.variable_index("vaccine_a1") >= 0);
  CHECK(info.variable_index("adc_a1") >= 0);

  // Only slot parameters carry a slot prefix (the treatment binding fills `<slot>_<field>`).
  std::size_t slot_parameters = 0;
  for (const auto& p : Model::kParameters)
    for (std::string_view prefix : {"pd1_", "pdl1_", "ctla4_", "cyto1_", "cyto2_", "vaccine_", "adc_"})
      if (p.name.rfind(prefix, 0) == 0) ++slot_parameters;
  CHECK(slot_parameters == 3 * 15 + 2 * 16 + 4 + 19);

  for (const char* observable :
       {"tumour_diameter", "tumour_volume", "tumour_cells_total", "fraction_escape_clone", "cd8_infiltrate",
        "tumour_pdl1", "pd1_occupancy", "pdl1_occupancy", "ctla4_occupancy", "pd1_concentration", "pdl1_concentration",
        "ctla4_concentration", "kill_inhibition_pd1", "priming_rate", "ifng"}) {
    bool found = false;
    for (const auto& v : Model::kObservables) found = found || v.name == observable;
    INFO(observable);
    CHECK(found);
  }
}

TEST_CASE("the model document's tables are the generated description of the model", "[nsclc]") {
  // The content of the block (every state, observable and parameter with unit, default, range and
  // source) is compared with `icbsim models --describe nsclc_icb` by the ctest docs.model_tables; this
  // test keeps the block itself in the document.
  std::ifstream in(std::string(ICBSIM_SOURCE_DIR) + "/docs/models/nsclc_icb.md");
  REQUIRE(in);
  const std::string begin = "<!-- BEGIN generated: icbsim models --describe nsclc_icb --format markdown -->";
  std::set<std::string> rows;  // names of the "| `name` | ..." rows inside the block
  bool opened = false;
  bool closed = false;
  std::string line;
  while (!closed && std::getline(in, line)) {
    if (line == begin) {
      opened = true;
    } else if (opened && line == "<!-- END generated -->") {
      closed = true;
    } else if (opened && line.rfind("| `", 0) == 0) {
      rows.insert(line.substr(3, line.find('`', 3) - 3));
    }
  }
  REQUIRE(opened);
  REQUIRE(closed);
  for (const auto& spec : Model::kParameters) {
    INFO(spec.name);
    CHECK(rows.count(std::string(spec.name)) == 1);
  }
}

TEST_CASE("slot defaults are the catalogue drugs resolved for the typical patient", "[nsclc]") {
  const pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(configs() + "/drugs");
  const pk::PatientCovariates patient;
  const std::vector<std::pair<std::string, std::string>> slots = {
      {"pd1", "pembrolizumab"}, {"pdl1", "atezolizumab"}, {"ctla4", "ipilimumab"}, {"cyto1", "carboplatin"},
      {"cyto2", "pemetrexed"},  {"vaccine", "tecemotide"}, {"adc", "sacituzumab_govitecan"}};
  for (const auto& [slot, name] : slots) {
    INFO(slot << " <- " << name);
    const pk::Drug& drug = catalogue.get(name);
    // Ipilimumab's default is its NSCLC regimen with nivolumab (regimen covariates switched on).
    const pk::PatientCovariates p = name == "ipilimumab" ? pk::on_regimen(patient, drug.standard_regimen()) : patient;
    std::vector<double> resolved = default_parameters();
    set_slot(resolved, slot, drug, p, 0.0);
    const std::vector<double> defaults = default_parameters();
    for (std::size_t i = 0; i < defaults.size(); ++i) {
      INFO(Model::kParameters[i].name);
      CHECK(defaults[i] == Approx(resolved[i]).epsilon(1e-6).margin(1e-12));
    }
  }
}

TEST_CASE("an empty drug slot is exactly inert", "[nsclc]") {
  const std::vector<double> p = default_parameters();
  std::vector<double> changed = p;
  // Every slot parameter moved (within its range); no doses anywhere.
  for (std::size_t i = 0; i < p.size(); ++i) {
    const std::string_view name = Model::kParameters[i].name;
    for (std::string_view prefix : {"pd1_", "pdl1_", "ctla4_", "cyto1_", "cyto2_", "vaccine_", "adc_"})
      if (name.rfind(prefix, 0) == 0) {
        const auto& spec = Model::kParameters[i];
        changed[i] = std::clamp(p[i] == 0.0 ? 0.5 : 1.7 * p[i], spec.min, spec.max);
      }
  }
  const Trajectory a(make_task(p, default_state(), 365.0));
  const Trajectory b(make_task(changed, default_state(), 365.0));
  CHECK(a.output().trajectories == b.output().trajectories);  // bit for bit
  for (const char* zero : {"pd1_occupancy", "pdl1_occupancy", "ctla4_occupancy", "pd1_concentration",
                           "cyto1_concentration", "cyto2_concentration", "adc_concentration"})
    for (double v : b.series(zero)) CHECK(v == 0.0);
  for (double v : b.series("vaccine_boost")) CHECK(v == 1.0);
}

TEST_CASE("antibody mass balance: dosed = in the compartments + eliminated", "[nsclc]") {
  const pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(configs() + "/drugs");
  std::vector<double> p = default_parameters();
  // Pembrolizumab (linear), atezolizumab (linear) and ipilimumab (time-varying CL) together.
  std::vector<icbsim::DoseEvent> doses = pembrolizumab(catalogue, p);
  pk::PatientCovariates ipi_patient = pk::on_regimen(pk::PatientCovariates{}, catalogue.get("ipilimumab").standard_regimen());
  set_slot(p, "pdl1", catalogue.get("atezolizumab"), pk::PatientCovariates{}, 0.0);
  set_slot(p, "ctla4", catalogue.get("ipilimumab"), ipi_patient, 0.0);
  for (const auto& d : regimen_doses(catalogue.get("atezolizumab"), "1200mg_q3w", {}, Model::kPdl1, 0.0, kTwoYears))
    doses.push_back(d);
  for (const auto& d : regimen_doses(catalogue.get("ipilimumab"), "1mgkg_q6w_with_nivolumab", ipi_patient,
                                     Model::kCtla4, 0.0, kTwoYears))
    doses.push_back(d);
  std::sort(doses.begin(), doses.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
  const Trajectory t(make_task(p, default_state(), kTwoYears, doses));

  for (const std::string slot : {"pd1", "pdl1", "ctla4"}) {
    INFO(slot);
    const std::size_t target = variable(slot + "_a1");
    const auto a1 = t.series(slot + "_a1");
    const auto a2 = t.series(slot + "_a2");
    const auto a3 = t.series(slot + "_a3");
    const auto eliminated = t.series(slot + "_eliminated");
    const double total = dosed_by(doses, target, kTwoYears);
    REQUIRE(total > 0.0);
    double worst = 0.0;
    for (std::size_t d = 0; d < a1.size(); ++d) {
      const double balance = a1[d] + a2[d] + a3[d] + eliminated[d] - dosed_by(doses, target, static_cast<double>(d));
      worst = std::max(worst, std::abs(balance) / total);
    }
    INFO("worst relative imbalance " << worst << " of " << total << " mg dosed");
    CHECK(worst < 1e-8);
    CHECK(eliminated.back() > 0.5 * total);  // most of two years' doses has been cleared
  }
}

TEST_CASE("quasi-steady-state PD-1 occupancy agrees with explicit binding kinetics", "[nsclc]") {
  const pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(configs() + "/drugs");
  std::vector<double> p = default_parameters();
  const std::vector<icbsim::DoseEvent> doses = pembrolizumab(catalogue, p);
  const Model model(p);

  // Explicit kinetics with the same PK; doses go into A1 (state 0 of the small model).
  icbsim::TaskInput in;
  const pk::PkParameters& pk = model.pd1().pk_parameters();
  in.parameters = {pk.cl0, pk.vc, pk.q2, pk.v2, p[parameter("pd1_kd")], p[parameter("pd1_mw")],
                   p[parameter("pd1_partition")], 6.7e5 * 1e-9 * 86400.0};
  in.initial_state = {0.0, 0.0, 0.0};
  in.t_end = kTwoYears;
  for (double t = 0.0; t <= 2.0; t += 0.005) in.output_times.push_back(t);  // through the first infusion
  for (int d = 3; d <= static_cast<int>(kTwoYears); ++d) in.output_times.push_back(d);
  in.doses = doses;
  for (auto& d : in.doses) d.target = 0;
  in.solver.method = icbsim::SolverMethod::kRosenbrock4;
  in.solver.rtol = 1e-8;
  in.solver.atol = 1e-10;
  const icbsim::TaskOutput out = icbsim::Simulator<ExplicitBinding>(in).run();
  const std::size_t n = in.output_times.size();

  double worst_daily = 0.0;
  double worst_after_first_hour = 0.0;
  double worst_first_hour = 0.0;
  bool lags_behind = true;  // during the first (30-min) infusion binding trails the rising QSS occupancy
  for (std::size_t k = 1; k < n; ++k) {
    const double t = in.output_times[k];
    const double a[4] = {out.trajectories[k], out.trajectories[n + k], 0.0, 0.0};
    const double bound = out.trajectories[2 * n + k];
    const double qss = model.pd1().occupancy(a);
    const double diff = std::abs(bound - qss);
    if (t < 1.0 / 24.0) {
      worst_first_hour = std::max(worst_first_hour, diff);
      if (t <= 0.5 / 24.0) lags_behind = lags_behind && bound <= qss + 1e-9;
    } else {
      worst_after_first_hour = std::max(worst_after_first_hour, diff);
    }
    if (t >= 1.0 && t == std::floor(t)) worst_daily = std::max(worst_daily, diff);
  }
  INFO("max |b - RO_qss|: daily " << worst_daily << ", after the first hour " << worst_after_first_hour
                                  << ", first hour " << worst_first_hour);
  // Binding relaxes at kon·C_t + koff: with KD 29 pM (Fessas 2017) koff = 57.9·0.029 = 1.7/day, and
  // kon·C_t >= 57.9·9.3 nM ~ 540/day at the lowest (first) trough (~3 min). Between infusions the
  // occupancy drifts at < 0.2/day, so the lag error is below 0.2/540 < 1e-3. Only while the first infusion
  // starts does the QSS occupancy rise faster (~500/day) than binding can follow: a lag of minutes.
  CHECK(worst_daily < 1e-3);
  CHECK(worst_after_first_hour < 1e-3);
  CHECK(lags_behind);
  CHECK(worst_first_hour > worst_after_first_hour);
}

TEST_CASE("the stiff path (automatic-differentiation Jacobian) agrees with dopri5", "[nsclc]") {
  const pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(configs() + "/drugs");
  std::vector<double> p = default_parameters();
  const auto doses = pembrolizumab(catalogue, p, 0.0, 365.0);
  icbsim::TaskInput explicit_in = make_task(p, default_state(), 365.0, doses);
  explicit_in.solver.rtol = explicit_in.solver.atol = 1e-8;
  icbsim::TaskInput stiff_in = explicit_in;
  stiff_in.solver.method = icbsim::SolverMethod::kRosenbrock4;
  const Trajectory a(explicit_in);
  const Trajectory b(stiff_in);
  const auto da = a.series("tumour_diameter");
  const auto db = b.series("tumour_diameter");
  for (std::size_t d = 0; d < da.size(); ++d) CHECK(db[d] == Approx(da[d]).epsilon(1e-4));
}

TEST_CASE("untreated growth is calibrated to NSCLC volume doubling times", "[nsclc]") {
  // NSCLC median VDT ~130-260 days (Honda 2009; Mackintosh 2014); Mackintosh 2014 median growth rate 0.0038/day.
  const std::vector<double> p = default_parameters();
  const Trajectory t(make_task(p, run_in(p, default_state()), 180.0));
  const auto v = t.series("tumour_volume");
  const double vdt = 90.0 * std::log(2.0) / std::log(v[90] / v[0]);
  CHECK(vdt > 130.0);
  CHECK(vdt < 260.0);
  CHECK(t.at("tumour_diameter", 0) == Approx(37.0).margin(1.0));  // the 3.7-cm reference lesion
  // Without T cells the tumour grows at its intrinsic rate, faster than under immune attack.
  std::vector<double> x = default_state();
  for (std::size_t i : {Model::kEffector, Model::kExhausted, Model::kBlood, Model::kM1, Model::kSignal}) x[i] = 0.0;
  std::vector<double> no_priming = p;
  no_priming[parameter("priming_rate")] = 0.0;
  const Trajectory naked(make_task(no_priming, x, 180.0));
  const auto cells = naked.series("tumour_cells_total");
  const double intrinsic = std::log(cells[90] / cells[0]) / 90.0;
  CHECK(intrinsic == Approx(0.0115 * (1.0 - 2.42e9 / 1e12) - 0.002).epsilon(0.01));
  CHECK(std::log(2.0) / intrinsic < vdt);
}

TEST_CASE("drug classes act through their slots", "[nsclc]") {
  const pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(configs() + "/drugs");
  const pk::PatientCovariates patient;
  const std::vector<double> p0 = default_parameters();
  const std::vector<double> x0 = run_in(p0, default_state());
  const Trajectory untreated(make_task(p0, x0, 120.0));

  SECTION("anti-CTLA-4 raises priming") {
    std::vector<double> p = p0;
    const pk::Drug& ipi = catalogue.get("ipilimumab");
    const auto on = pk::on_regimen(patient, ipi.standard_regimen());
    set_slot(p, "ctla4", ipi, on, 0.0);
    const Trajectory t(make_task(p, x0, 120.0, regimen_doses(ipi, "1mgkg_q6w_with_nivolumab", on, Model::kCtla4, 0.0, 120.0)));
    CHECK(t.at("ctla4_occupancy", 2) > 0.2);
    CHECK(t.at("priming_rate", 2) > 1.3 * untreated.at("priming_rate", 2));
    CHECK(t.at("treg", 30) < untreated.at("treg", 30));  // Fc-mediated Treg depletion
  }
  SECTION("the vaccine depot decays first-order and raises priming") {
    std::vector<double> p = p0;
    const pk::Drug& vaccine = catalogue.get("tecemotide");
    set_slot(p, "vaccine", vaccine, patient, 0.0);
    icbsim::TaskInput in = make_task(p, x0, 120.0, {{0.0, Model::kVaccine, 0.806, 0.0}});
    const Trajectory t(in);
    CHECK(t.at("vaccine_a1", 2) == Approx(0.806 * std::exp(-0.3466 * 2)).epsilon(1e-5));  // 2-day half-life
    CHECK(t.at("vaccine_boost", 1) == Approx(1.0 + t.at("vaccine_a1", 1) / (t.at("vaccine_a1", 1) + 0.1)));
    CHECK(t.at("priming_rate", 1) > 1.5 * untreated.at("priming_rate", 1));
  }
  SECTION("a platinum doublet kills proliferating tumour cells and lymphocytes") {
    std::vector<double> p = p0;
    const pk::Drug& carbo = catalogue.get("carboplatin");
    const pk::Drug& pem = catalogue.get("pemetrexed");
    set_slot(p, "cyto1", carbo, patient, 0.0);
    set_slot(p, "cyto2", pem, patient, 0.0);
    auto doses = regimen_doses(carbo, "auc5_q3w_x4", patient, Model::kCyto1, 0.0, 120.0);
    for (const auto& d : regimen_doses(pem, "500mgm2_q3w", patient, Model::kCyto2, 0.0, 120.0, 4)) doses.push_back(d);
    std::sort(doses.begin(), doses.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
    const Trajectory t(make_task(p, x0, 120.0, doses));
    CHECK(t.at("cyto1_concentration", 0) == 0.0);
    CHECK(t.at("tumour_cells_total", 84) < 0.8 * untreated.at("tumour_cells_total", 84));
    // Lymphocyte kill, isolated from the priming that immunogenic cell death adds.
    std::vector<double> spare_lymphocytes = p;
    spare_lymphocytes[parameter("cyto1_lymphocyte_kmax")] = 0.0;
    spare_lymphocytes[parameter("cyto2_lymphocyte_kmax")] = 0.0;
    const Trajectory spared(make_task(spare_lymphocytes, x0, 120.0, doses));
    CHECK(t.at("cd8_blood", 2) < spared.at("cd8_blood", 2));
    CHECK(t.at("cd8_effector", 2) < spared.at("cd8_effector", 2));
    CHECK(t.at("tumour_cells_total", 2) == Approx(spared.at("tumour_cells_total", 2)).epsilon(1e-3));
  }
  SECTION("an ADC kills target cells, antigen-negative neighbours (bystander) and feeds priming") {
    std::vector<double> p = p0;
    const pk::Drug& sg = catalogue.get("sacituzumab_govitecan");
    set_slot(p, "adc", sg, patient, 0.0);
    const Trajectory t(make_task(p, x0, 120.0, regimen_doses(sg, "10mgkg_d1d8_q3w", patient, Model::kAdc, 0.0, 120.0)));
    CHECK(t.at("tumour_cells_total", 42) < 0.8 * untreated.at("tumour_cells_total", 42));
    CHECK(t.at("tumour_escape", 42) < untreated.at("tumour_escape", 42));
    CHECK(t.at("antigen_flux", 3) > untreated.at("antigen_flux", 3));
    std::vector<double> no_bystander = p;
    no_bystander[parameter("adc_bystander_fraction")] = 0.0;
    const Trajectory nb(
        make_task(no_bystander, x0, 120.0, regimen_doses(sg, "10mgkg_d1d8_q3w", patient, Model::kAdc, 0.0, 120.0)));
    CHECK(t.at("tumour_cells_total", 42) < nb.at("tumour_cells_total", 42));
  }
}

// ---- The five behaviours under pembrolizumab 200 mg q3w (35 cycles), each from its own
// ---- parameterisation; the run-in brings every tumour to the same 3.7-cm baseline.

namespace {

struct Outcome {
  Trajectory trajectory;
  Response response;
};

Outcome treated(const std::vector<double>& p0, std::vector<double> x0) {
  const pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(configs() + "/drugs");
  std::vector<double> p = p0;
  const auto doses = pembrolizumab(catalogue, p);
  Trajectory t(make_task(p, run_in(p0, std::move(x0)), kTwoYears, doses));
  Response r = response(t);
  return {std::move(t), std::move(r)};
}

Response untreated(const std::vector<double>& p, std::vector<double> x0) {
  return response(Trajectory(make_task(p, run_in(p, std::move(x0)), kTwoYears)));
}

}  // namespace

TEST_CASE("behaviour 1: durable response (the inflamed responder, defaults)", "[nsclc][behaviour]") {
  const Response r = treated(default_parameters(), default_state()).response;
  CHECK(r.change_pct(126) <= -30.0);  // partial response by the week-18 scan
  CHECK(r.best_pct <= -65.0);
  CHECK(r.progression_day < 0.0);     // no progression within two years
  CHECK(r.change_pct(kTwoYears) <= -50.0);
  const Response u = untreated(default_parameters(), default_state());
  CHECK(u.change_pct(365) >= 20.0);   // the same tumour progresses without treatment
}

TEST_CASE("behaviour 2: stable disease (indolent, weakly immunogenic tumour)", "[nsclc][behaviour]") {
  // tumour_growth_rate 0.006/day (untreated VDT ~210 d, the slow adenocarcinomas of Honda
  // 2009) and antigenicity 0.26.
  std::vector<double> p = default_parameters();
  p[parameter("tumour_growth_rate")] = 0.006;
  p[parameter("antigenicity")] = 0.26;
  const Response r = treated(p, default_state()).response;
  for (int d = 0; d <= 365; ++d) {
    INFO("day " << d);
    CHECK(r.change_pct(d) > -30.0);
    CHECK(r.change_pct(d) < 20.0);
  }
  CHECK((r.progression_day < 0.0 || r.progression_day > 365.0));
  const Response u = untreated(p, default_state());
  CHECK(u.change_pct(365) > 20.0);  // stable only on treatment
}

TEST_CASE("behaviour 3: progression despite therapy (low TMB overlay)", "[nsclc][behaviour]") {
  const auto registry = icbsim::models::builtin_registry();
  std::vector<double> p = default_parameters();
  apply_overlay_file("phenotypes/low_tmb.yaml", registry, p);
  const Response r = treated(p, default_state()).response;
  CHECK(r.change_pct(84) >= 20.0);
  CHECK(r.progression_day > 0.0);
  CHECK(r.progression_day <= 126.0);
  CHECK(r.best_pct > -30.0);
}

TEST_CASE("behaviour 4: delayed response after pseudo-progression-like growth", "[nsclc][behaviour]") {
  // antigenicity 0.37: priming too weak for an immediate response; anti-PD-1 builds it up.
  std::vector<double> p = default_parameters();
  p[parameter("antigenicity")] = 0.37;
  const Response r = treated(p, default_state()).response;
  CHECK(r.peak_pct >= 20.0);           // RECIST-PD-sized growth first ...
  double peak_day = 0.0;
  for (std::size_t d = 0; d <= static_cast<std::size_t>(r.best_day); ++d)
    if (100.0 * (r.diameter[d] / r.baseline_mm - 1.0) >= r.peak_pct - 1e-12) peak_day = static_cast<double>(d);
  CHECK(peak_day <= 182.0);            // ... within six months
  CHECK(r.best_pct <= -30.0);          // ... then a response
  CHECK(r.best_day > peak_day + 84.0);
}

TEST_CASE("behaviour 5: acquired resistance by outgrowth of the escape clone", "[nsclc][behaviour]") {
  // An MHC-I-null escape subclone (escape_clone_mhc 0) of 1% at baseline.
  std::vector<double> p = default_parameters();
  p[parameter("escape_clone_mhc")] = 0.0;
  std::vector<double> x = default_state();
  x[Model::kEscape] = 0.01 * kBaselineCells;
  x[Model::kVisible] = 0.99 * kBaselineCells;
  const Outcome outcome = treated(p, x);
  const Trajectory& t = outcome.trajectory;
  const Response& r = outcome.response;
  CHECK(r.best_pct <= -30.0);            // an initial response ...
  REQUIRE(r.progression_day > 0.0);      // ... then progression
  CHECK(r.progression_day > r.best_day);
  CHECK(r.progression_day > 182.0);      // after > 6 months of benefit (SITC acquired resistance)
  CHECK(t.at("fraction_escape_clone", r.progression_day) > 0.9);
  CHECK(t.at("tumour_visible", r.progression_day) < 0.01 * kBaselineCells);  // the visible clone stays controlled
}
