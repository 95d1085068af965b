// Treatment binding: drugs fill the model's slot parameters for the patient and dose into the
// slot's state; the stopping rule cancels doses after progression.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/ode/model_entry.hpp"
#include "engine/pk/pk_parameters.hpp"
#include "engine/run/execute_task.hpp"
#include "engine/run/treatment_binding.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"

namespace {

using icbsim::testing::registry;

double parameter(const icbsim::Scenario& s, const icbsim::TaskInput& task, std::string_view name) {
  return task.parameters[static_cast<std::size_t>(s.model->parameter_index(name))];
}

/// A tumour killed by an antibody-like drug in slot "pd1": T' = g·T − k·C·T, C = a1/V, a1' = −ke·a1.
struct DrugKilledTumour {
  static constexpr std::string_view kName = "test_drug_killed_tumour";
  static constexpr std::string_view kDescription = "test";
  static constexpr std::string_view kReference = "test";
  static constexpr std::array<icbsim::VariableSpec, 2> kVariables{{
      {"diameter", "mm", 30.0, true, "tumour diameter"},
      {"pd1_a1", "mg", 0.0, true, "drug amount"},
  }};
  static constexpr std::array<icbsim::ParameterSpec, 4> kParameters{{
      {"g", "1/day", 0.01, 0, icbsim::kUnbounded, "growth", "test"},
      {"k", "L/(mg*day)", 0.002, 0, icbsim::kUnbounded, "kill", "test"},
      {"pd1_vc", "L", 3.0, 1e-6, icbsim::kUnbounded, "volume", "test"},
      {"pd1_cl0", "L/day", 0.3, 0, icbsim::kUnbounded, "clearance", "test"},
  }};
  static constexpr std::array<icbsim::VariableSpec, 0> kObservables{};
  explicit DrugKilledTumour(std::span<const double> p) : g_(p[0]), k_(p[1]), v_(p[2]), cl_(p[3]) {}
  template <typename Real>
  void rhs(const Real* x, Real* dxdt, double) const {
    dxdt[0] = g_ * x[0] - k_ * (x[1] / v_) * x[0];
    dxdt[1] = -(cl_ / v_) * x[1];
  }
  void observe(const double*, double, double*) const {}
  double g_, k_, v_, cl_;
};

}  // namespace

TEST_CASE("pembrolizumab binds its resolved PK and doses into the central compartment", "[run][treatment]") {
  const auto s = icbsim::load_scenario_text(
      "model: pk_compartmental\npatient: {weight: 70 kg}\n"
      "treatment: {drugs: [{drug: pembrolizumab, regimen: 200mg_q3w}]}\ntime: {end: 100 days}\n",
      "t.yaml", registry());
  const icbsim::Plan plan(s);
  const auto task = plan.task(0);
  // Ahamadi 2017 at 70 kg, NSCLC: CL0 = 0.2384 L/day, Vc = 3.326 L (the covariate model of its Table 3).
  CHECK(parameter(s, task, "CL0") == Approx(0.2384).epsilon(5e-4));
  CHECK(parameter(s, task, "Vc") == Approx(3.326).epsilon(5e-4));
  CHECK(parameter(s, task, "kd") == 0.029);  // pembrolizumab KD [nM] (Fessas 2017)
  REQUIRE(task.doses.size() == 5);          // days 0, 21, 42, 63, 84 before day 100
  for (std::size_t i = 0; i < task.doses.size(); ++i) {
    CHECK(task.doses[i].time == 21.0 * static_cast<double>(i));
    CHECK(task.doses[i].amount == 200.0);
    CHECK(task.doses[i].duration == Approx(30.0 / 1440));
    CHECK(task.doses[i].target == 0);
  }
}

TEST_CASE("weight-based doses follow the patient's weight", "[run][treatment]") {
  const auto s = icbsim::load_scenario_text(
      "model: pk_compartmental\npatient: {weight: 80 kg}\n"
      "treatment: {drugs: [{drug: nivolumab, dose: 3 mg/kg, every: 2 weeks, infusion: 30 min}]}\n"
      "time: {end: 30 days}\n",
      "t.yaml", registry());
  const icbsim::Plan plan(s);
  REQUIRE(plan.task(0).doses.size() == 3);
  CHECK(plan.task(0).doses.front().amount == Approx(240.0));
}

TEST_CASE("drug classes look for their own slot, then a single-drug model", "[run][treatment]") {
  const icbsim::ModelInfo tumour = icbsim::model_entry<DrugKilledTumour>();
  const auto pd1 = icbsim::find_drug_slot(tumour, icbsim::pk::DrugClass::kAntiPd1, {});
  REQUIRE(pd1);
  CHECK(pd1->prefix == "pd1");
  CHECK(pd1->target_state == 1);
  CHECK_FALSE(icbsim::find_drug_slot(tumour, icbsim::pk::DrugClass::kAntiCtla4, {}));
  CHECK_FALSE(icbsim::find_drug_slot(tumour, icbsim::pk::DrugClass::kAntiPd1, {"pd1"}));
  const auto pk = registry().get("pk_compartmental");
  const auto single = icbsim::find_drug_slot(pk, icbsim::pk::DrugClass::kCytotoxic, {});
  REQUIRE(single);
  CHECK(single->prefix.empty());
}

TEST_CASE("stopping at progression cancels the later doses and changes the course", "[run][treatment]") {
  // A tumour the drug slows but does not stop: progression, then faster growth once dosing stops.
  const icbsim::ModelInfo model = icbsim::model_entry<DrugKilledTumour>();
  icbsim::Scenario s;
  s.model = &model;
  s.parameters = {0.01, 0.0001, 3.0, 0.3};  // net growth 0.0037/day on drug: PD at day 84
  s.initial_state = {30.0, 0.0};
  s.time = {0.0, 365.0, 1.0};
  icbsim::ReadoutPlan readout;
  readout.tumour.row = 0;
  readout.scans.every = 42;
  s.readout = readout;
  icbsim::Treatment t;
  icbsim::TreatmentItem item;
  item.drug.name = "test_antibody";
  item.pk.typical.cl0 = 0.3;
  item.pk.typical.vc = 3.0;
  item.regimen = "custom";
  icbsim::pk::DosingSchedule schedule;
  schedule.dose.amount = 400;
  schedule.interval = 21;
  item.phases = {schedule};
  item.slot = "pd1";
  item.target_state = 1;
  t.items = {item};
  t.stop = icbsim::StopRule::kProgression;
  s.treatment = t;

  const icbsim::Plan plan(s);
  const auto stopped = icbsim::execute_task(s, plan, 0);
  REQUIRE(stopped.ok);
  REQUIRE(stopped.readout->progression_day);
  const double progression = *stopped.readout->progression_day;
  std::size_t before = 0;
  for (const auto& d : plan.task(0).doses) before += d.time <= progression ? 1 : 0;
  CHECK(stopped.doses_given == before);
  CHECK(stopped.doses_given < plan.task(0).doses.size());

  s.treatment->stop = icbsim::StopRule::kNever;
  const auto continued = icbsim::execute_task(s, plan, 0);
  CHECK(continued.doses_given == plan.task(0).doses.size());
  // Identical up to progression, different afterwards.
  CHECK(continued.readout->progression_day == progression);
  CHECK(stopped.output.trajectories.back() != continued.output.trajectories.back());
}

TEST_CASE("a switch rule moves a progressing patient to second line on the switch day", "[run][treatment][switch]") {
  const auto s = icbsim::load_scenario_text(
      "model: nsclc_icb\nphenotypes: [b2m_loss]\npatient: {weight: 70 kg, height: 175 cm}\n"
      "time: {end: 1 year, output_every: 1 day}\n"
      "tumour: {size: tumour_diameter}\nscans: {every: 6 weeks}\n"
      "arms:\n"
      "  pembrolizumab_then_docetaxel:\n"
      "    treatment: {drugs: [{drug: pembrolizumab}]}\n"
      "    switch: {at: confirmed_progression, to: {drugs: [{drug: docetaxel}]}}\n",
      "switch.yaml", registry());
  const icbsim::Plan plan(s);
  const auto result = icbsim::execute_task(s, plan, 0);
  REQUIRE(result.ok);
  REQUIRE(result.readout->switch_day);
  const double day = *result.readout->switch_day;
  // b2m_loss progresses at the first scans; confirmation is a later scan >= 28 days after.
  CHECK(day >= *result.readout->progression_day + 28);
  // No pembrolizumab dose after the switch; docetaxel given from the switch day on.
  const auto input = plan.task(0);
  std::size_t after = 0;
  for (const auto& d : input.doses) after += d.time > day ? 1 : 0;
  CHECK(result.doses_given == input.doses.size() - after);
  const std::size_t n = input.output_times.size();
  const std::size_t docetaxel_row = s.model->variables.size() + [&] {
    for (std::size_t k = 0; k < s.model->observables.size(); ++k)
      if (s.model->observables[k].name == "cyto1_concentration") return k;
    return std::size_t{0};
  }();
  const auto at = [&](double t) { return result.output.trajectories[docetaxel_row * n + static_cast<std::size_t>(t)]; };
  CHECK(at(day - 1) == 0.0);
  CHECK(at(std::ceil(day) + 1.0) > 0.0);  // the 1-h infusion starts on the switch day
}
