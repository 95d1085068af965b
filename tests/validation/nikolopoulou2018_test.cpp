// Nikolopoulou et al. 2018 (Lett Biomath 5:S137), parameters of BioModels MODEL1908270001:
// untreated trajectories at days 10, 30, 60, 100, 365 against values derived from Nikolopoulou 2018 and
// MODEL1908270001 outside icbsim (reference integration, RK4 h = 0.001 day), and the anti-PD-1 input
// bracket for eradication.
#include <catch2/catch.hpp>

#include <vector>

#include "engine/ode/simulator.hpp"
#include "models/nikolopoulou2018.hpp"

using icbsim::models::Nikolopoulou2018;

namespace {
icbsim::TaskOutput run(double gamma_A, std::vector<double> times) {
  std::vector<double> p;
  for (const auto& spec : Nikolopoulou2018::kParameters) p.push_back(spec.value);
  p[icbsim::index_of(Nikolopoulou2018::kParameters, "gamma_A")] = gamma_A;
  icbsim::TaskInput in;
  in.parameters = p;
  in.initial_state = {0.3968, 0.006, 0.0};
  in.t_end = times.back();
  in.output_times = std::move(times);
  in.solver.rtol = 1e-10;
  in.solver.atol = 1e-14;
  return icbsim::Simulator<Nikolopoulou2018>(in).run();
}
}  // namespace

TEST_CASE("Nikolopoulou: untreated C and T match the tabulated values within 0.1%", "[validation][nikolopoulou]") {
  const std::vector<double> times = {0, 10, 30, 60, 100, 365};
  const auto out = run(0.0, times);
  const std::size_t n = times.size();
  const double* C = &out.trajectories[0];
  const double* T = &out.trajectories[n];
  CHECK(C[1] == Approx(0.26894).epsilon(1e-3));
  CHECK(C[2] == Approx(0.3708).epsilon(1e-3));
  CHECK(C[3] == Approx(0.52664).epsilon(1e-3));
  CHECK(C[4] == Approx(0.6102).epsilon(1e-3));
  CHECK(C[5] == Approx(0.64147).epsilon(1e-3));  // tumorous equilibrium, reached by ~200 days
  CHECK(T[1] == Approx(0.0051051).epsilon(1e-3));
  CHECK(T[4] == Approx(0.0021918).epsilon(1e-3));
  CHECK(T[5] == Approx(0.0019572).epsilon(1e-3));
  // The checkpoint factor at the start, from the SBML's stored initial assignment: F(0) = 0.0082968.
  const double* F = &out.trajectories[6 * n];
  CHECK(F[0] == Approx(0.0082968).epsilon(1e-4));
}

TEST_CASE("Nikolopoulou: eradication within a year needs an anti-PD-1 input between 1e-8 and 3e-8",
          "[validation][nikolopoulou]") {
  const std::vector<double> times = {0, 365};
  const auto partial = run(1e-8, times);
  const auto eradicated = run(3e-8, times);
  CHECK(partial.trajectories[1] == Approx(0.601).epsilon(2e-3));  // C(365), reference integration
  CHECK(eradicated.trajectories[1] < 1e-6);                       // C(365) ≈ 0
  CHECK(eradicated.trajectories[3] == Approx(0.105).epsilon(1e-2));  // T(365) ≈ 0.105
  // Continuous 1e-10 has essentially no effect: C(365) = 0.64114.
  CHECK(run(1e-10, times).trajectories[1] == Approx(0.64114).epsilon(1e-3));
}
