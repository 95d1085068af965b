// The engine (the registered pk_compartmental model) against the analytic 1-/2-/3-compartment
// solutions: bolus and infusion, single and repeated doses, steady-state trough, AUC.
#include "engine/pk/closed_form.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "engine/ode/simulator.hpp"
#include "models/pk_compartmental.hpp"
#include "models/register_builtin.hpp"

using icbsim::DoseEvent;
using icbsim::models::PkCompartmental;
namespace pk = icbsim::pk;

namespace {

constexpr double kRelTol = 1e-8;
constexpr std::size_t kConcentrationRow = PkCompartmental::kVariables.size();  // observable C
constexpr std::size_t kAucRow = 3;

struct Run {
  std::vector<double> times;
  icbsim::TaskOutput out;
  double row(std::size_t r, std::size_t i) const { return out.trajectories[r * times.size() + i]; }
};

Run run_engine(const pk::PkParameters& p, std::vector<DoseEvent> doses, std::vector<double> times, double t_end,
               icbsim::SolverMethod method = icbsim::SolverMethod::kDopri5, double tol = 1e-12) {
  icbsim::TaskInput in;
  in.parameters = PkCompartmental::parameters_from(p);
  in.initial_state.assign(PkCompartmental::kVariables.size(), 0.0);
  in.t_start = 0.0;
  in.t_end = t_end;
  in.output_times = times;
  in.doses = std::move(doses);
  in.solver.method = method;
  in.solver.rtol = tol;
  in.solver.atol = tol;
  Run run{std::move(times), {}};
  // Through the registry, as a scenario runs it: the model is registered as "pk_compartmental".
  run.out = icbsim::models::builtin_registry().get("pk_compartmental").simulate(in);
  return run;
}

pk::PkParameters one_compartment() {
  pk::PkParameters p;
  p.cl0 = 0.5;
  p.vc = 3.0;
  return p;
}

/// Ahamadi 2017 pembrolizumab at the 70-kg NSCLC patient (covariates applied, docs/pk.md), a typical mAb.
pk::PkParameters two_compartment() {
  pk::PkParameters p;
  p.cl0 = 0.2384;
  p.vc = 3.326;
  p.q2 = 0.7523;
  p.v2 = 3.880;
  return p;
}

/// Ozawa 2007 docetaxel (Table 2) in L/day.
pk::PkParameters three_compartment() {
  pk::PkParameters p;
  p.cl0 = 35.7 * 24;
  p.vc = 6.94;
  p.q2 = 5.58 * 24;
  p.v2 = 7.39;
  p.q3 = 12.5 * 24;
  p.v3 = 225;
  return p;
}

std::vector<DoseEvent> repeated(double amount, double tau, double duration, int n) {
  std::vector<DoseEvent> doses;
  for (int k = 0; k < n; ++k) doses.push_back(DoseEvent{k * tau, PkCompartmental::kCentral, amount, duration});
  return doses;
}

void check_against_closed_form(const pk::PkParameters& p, const std::vector<DoseEvent>& doses,
                               const std::vector<double>& times, double t_end) {
  const Run run = run_engine(p, doses, times, t_end);
  const pk::Disposition d = pk::disposition(p);
  for (std::size_t i = 0; i < times.size(); ++i) {
    const double exact = pk::concentration(d, doses, times[i]);
    INFO("t = " << times[i]);
    CHECK(run.row(kConcentrationRow, i) == Approx(exact).epsilon(kRelTol));
  }
}

}  // namespace

TEST_CASE("disposition: coefficients sum to 1/Vc and integrate to 1/CL", "[pk][closed_form]") {
  for (const pk::PkParameters& p : {one_compartment(), two_compartment(), three_compartment()}) {
    const pk::Disposition d = pk::disposition(p);
    double c0 = 0.0, auc = 0.0;
    for (std::size_t k = 0; k < d.rate.size(); ++k) {
      c0 += d.coefficient[k];
      auc += d.coefficient[k] / d.rate[k];
      if (k > 0) CHECK(d.rate[k] > d.rate[k - 1]);
    }
    CHECK(c0 == Approx(1.0 / p.vc).epsilon(1e-13));
    CHECK(auc == Approx(1.0 / p.cl0).epsilon(1e-12));
  }
  // λz = (s − sqrt(s² − 4·k10·k21))/2, the smaller root of the 2-compartment characteristic equation.
  const pk::PkParameters p = two_compartment();
  const double k10 = p.cl0 / p.vc, k12 = p.q2 / p.vc, k21 = p.q2 / p.v2, s = k10 + k12 + k21;
  CHECK(pk::disposition(p).rate.front() == Approx((s - std::sqrt(s * s - 4 * k10 * k21)) / 2).epsilon(1e-12));
}

TEST_CASE("disposition refuses a Michaelis-Menten model", "[pk][closed_form]") {
  pk::PkParameters p = two_compartment();
  p.vmax = 1.0;
  CHECK_THROWS_WITH(pk::disposition(p), Catch::Contains("linear model"));
}

TEST_CASE("engine = closed form: one-compartment IV bolus and infusion", "[pk][closed_form]") {
  const pk::PkParameters p = one_compartment();
  const std::vector<double> times{0.0, 0.25, 0.5, 1.0, 3.0, 7.0, 10.0, 20.0};
  SECTION("single bolus, right-continuous at the dose") {
    check_against_closed_form(p, repeated(100, 1, 0, 1), times, 20.0);
  }
  SECTION("single infusion") { check_against_closed_form(p, repeated(100, 1, 0.5, 1), {0.25, 0.5, 1, 3, 7, 20}, 20.0); }
  SECTION("repeated boluses") { check_against_closed_form(p, repeated(100, 3, 0, 6), times, 20.0); }
  SECTION("repeated infusions") {
    check_against_closed_form(p, repeated(100, 3, 0.5, 6), {0.25, 1, 3, 7.25, 10, 20}, 20.0);
  }
}

TEST_CASE("engine = closed form: two-compartment IV bolus and infusion", "[pk][closed_form]") {
  const pk::PkParameters p = two_compartment();
  const double tinf = 30.0 / 1440.0;
  SECTION("single bolus") { check_against_closed_form(p, repeated(200, 21, 0, 1), {0.0, 0.1, 1, 5, 21, 60}, 60.0); }
  SECTION("single 30-min infusion") {
    check_against_closed_form(p, repeated(200, 21, tinf, 1), {0.01, tinf, 0.5, 1, 5, 21, 60}, 60.0);
  }
  SECTION("repeated boluses q3w") {
    check_against_closed_form(p, repeated(200, 21, 0, 8), {1, 21, 42.5, 100, 168}, 170.0);
  }
  SECTION("repeated infusions q3w") {
    check_against_closed_form(p, repeated(200, 21, tinf, 8), {tinf, 21, 21 + tinf, 100, 147 + tinf, 168}, 170.0);
  }
}

TEST_CASE("engine = closed form: three-compartment infusion (docetaxel, Ozawa 2007)", "[pk][closed_form]") {
  const pk::PkParameters p = three_compartment();
  const double tinf = 1.0 / 24.0;
  check_against_closed_form(p, repeated(138.35, 21, tinf, 3), {0.01, tinf, 0.2, 1, 5, 21 + tinf, 43, 44}, 45.0);
}

TEST_CASE("steady-state trough after many doses = accumulation-factor formula", "[pk][closed_form]") {
  const pk::PkParameters p = two_compartment();
  const pk::Disposition d = pk::disposition(p);
  const double tinf = 30.0 / 1440.0, tau = 21.0;
  const int n = 60;  // 1260 days: ~55 terminal half-lives, the residual from steady state is < 1e-16
  const double t_trough = n * tau;
  const double t_peak = (n - 1) * tau + tinf;
  const Run run = run_engine(p, repeated(200, tau, tinf, n), {t_peak, t_trough}, t_trough);
  CHECK(run.row(kConcentrationRow, 0) ==
        Approx(pk::steady_state_concentration(d, 200, tau, tinf, tinf)).epsilon(kRelTol));
  CHECK(run.row(kConcentrationRow, 1) == Approx(pk::steady_state_trough(d, 200, tau, tinf)).epsilon(kRelTol));
  // Bolus steady state: the trough is Σ D·c·e^{−λτ}/(1 − e^{−λτ}).
  double expected = 0.0;
  for (std::size_t k = 0; k < d.rate.size(); ++k)
    expected += 200 * d.coefficient[k] * std::exp(-d.rate[k] * tau) / (1 - std::exp(-d.rate[k] * tau));
  CHECK(pk::steady_state_trough(d, 200, tau, 0.0) == Approx(expected).epsilon(1e-14));
  // The schedule ends with dose n−1, so the state at t_trough is the trough before a next dose.
  const Run bolus = run_engine(p, repeated(200, tau, 0.0, n), {(n - 1) * tau + 1.0, t_trough}, t_trough);
  CHECK(bolus.row(kConcentrationRow, 0) ==
        Approx(pk::steady_state_concentration(d, 200, tau, 0.0, 1.0)).epsilon(kRelTol));
  CHECK(bolus.row(kConcentrationRow, 1) == Approx(expected).epsilon(kRelTol));
}

TEST_CASE("stiff path: Rosenbrock with the automatic Jacobian agrees with the closed form", "[pk][closed_form]") {
  // Docetaxel's rate constants span 0.04-140 1/day; the time-varying and Michaelis-Menten terms
  // also differentiate through pk_rhs<AutoDiffScalar>.
  const pk::PkParameters p = three_compartment();
  const double tinf = 1.0 / 24.0;
  const std::vector<DoseEvent> doses = repeated(138.35, 21, tinf, 2);
  const std::vector<double> times{0.02, tinf, 0.5, 2, 21 + tinf, 23};
  const Run run = run_engine(p, doses, times, 24.0, icbsim::SolverMethod::kRosenbrock4, 1e-10);
  const pk::Disposition d = pk::disposition(p);
  for (std::size_t i = 0; i < times.size(); ++i) {
    INFO("t = " << times[i]);
    CHECK(run.row(kConcentrationRow, i) == Approx(pk::concentration(d, doses, times[i])).epsilon(1e-6));
  }
}

TEST_CASE("AUC state integrates the concentration: AUC(inf) = dose/CL", "[pk][closed_form]") {
  const pk::PkParameters p = one_compartment();  // t1/2 = 4.16 day; 400 days = 96 half-lives
  const Run run = run_engine(p, repeated(100, 1, 0.5, 1), {400.0}, 400.0);
  CHECK(run.row(kAucRow, 0) == Approx(100 / p.cl0).epsilon(kRelTol));
}

TEST_CASE("pk_compartmental rejects a peripheral clearance without its volume", "[pk][closed_form]") {
  pk::PkParameters p = two_compartment();
  p.v2 = 0.0;
  const std::vector<double> params = PkCompartmental::parameters_from(p);
  CHECK_THROWS_WITH(PkCompartmental(params), Catch::Contains("pk_compartmental") && Catch::Contains("v2"));
}
