// Kuznetsov et al. 1994 (Bull Math Biol 56:295), standard parameters of BIOMD0000000762:
// equilibria, their stability and the damped oscillation, against values derived from Kuznetsov 1994
// and BIOMD0000000762 outside icbsim (equilibria by bisection on the T-nullcline, Jacobian eigenvalues).
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "engine/ode/jacobian.hpp"
#include "engine/ode/simulator.hpp"
#include "models/kuznetsov1994.hpp"

using icbsim::models::Kuznetsov1994;

namespace {
std::vector<double> defaults() {
  std::vector<double> p;
  for (const auto& spec : Kuznetsov1994::kParameters) p.push_back(spec.value);
  return p;
}

icbsim::TaskOutput run(std::vector<double> params, double E0, double T0, double days, double every = 1.0) {
  icbsim::TaskInput in;
  in.parameters = std::move(params);
  in.initial_state = {E0, T0};
  in.t_end = days;
  for (double t = 0; t <= days; t += every) in.output_times.push_back(t);
  in.solver.rtol = 1e-10;
  in.solver.atol = 1e-6;
  return icbsim::Simulator<Kuznetsov1994>(in).run();
}

constexpr double kDormantT = 8.186e6, kDormantE = 1.608e6;  // derived from Kuznetsov 1994 (bisection)
constexpr double kEscapeT = 4.470e8, kEscapeE = 1.732e5;    // derived from Kuznetsov 1994 (bisection)
constexpr double kSaddleT = 2.680e8, kSaddleE = 7.585e5;    // derived from Kuznetsov 1994 (bisection)
}  // namespace

TEST_CASE("Kuznetsov: a start near the dormant state converges to it", "[validation][kuznetsov]") {
  const auto out = run(defaults(), kDormantE * 0.9, kDormantT * 1.2, 4000);
  const std::size_t n = out.trajectories.size() / 2;
  CHECK(out.trajectories[n - 1] == Approx(kDormantE).epsilon(1e-3));
  CHECK(out.trajectories[2 * n - 1] == Approx(kDormantT).epsilon(1e-3));
}

TEST_CASE("Kuznetsov: the approach to dormancy oscillates with a period of about 99 days", "[validation][kuznetsov]") {
  const auto out = run(defaults(), kDormantE * 0.9, kDormantT * 1.2, 1500, 0.05);
  const std::size_t n = out.trajectories.size() / 2;
  std::vector<double> peaks;
  for (std::size_t j = 1; j + 1 < n; ++j) {
    const double* T = &out.trajectories[n];
    if (T[j] > T[j - 1] && T[j] >= T[j + 1]) peaks.push_back(0.05 * static_cast<double>(j));
  }
  REQUIRE(peaks.size() >= 5);
  // Period of the linearisation 2π/0.0634 = 99 days (eigenvalues −0.0055 ± 0.0634i /day at the dormant state,
  // derived from Kuznetsov 1994); skip the first, nonlinear swing.
  const double period = (peaks[4] - peaks[1]) / 3.0;
  CHECK(period == Approx(99.0).epsilon(0.02));
}

TEST_CASE("Kuznetsov: a start near the escape state converges to it", "[validation][kuznetsov]") {
  const auto out = run(defaults(), kEscapeE * 1.3, kEscapeT * 0.9, 1000);
  const std::size_t n = out.trajectories.size() / 2;
  CHECK(out.trajectories[n - 1] == Approx(kEscapeE).epsilon(1e-3));
  CHECK(out.trajectories[2 * n - 1] == Approx(kEscapeT).epsilon(1e-3));
}

TEST_CASE("Kuznetsov: the saddle at T = 2.680e8 separates dormancy from escape", "[validation][kuznetsov]") {
  const auto below = run(defaults(), kSaddleE, kSaddleT * 0.99, 3000);
  const auto above = run(defaults(), kSaddleE, kSaddleT * 1.01, 3000);
  const std::size_t n = below.trajectories.size() / 2;
  CHECK(below.trajectories[2 * n - 1] == Approx(kDormantT).epsilon(1e-2));
  CHECK(above.trajectories[2 * n - 1] == Approx(kEscapeT).epsilon(1e-2));
}

TEST_CASE("Kuznetsov: the tumour-free state is unstable for s < a d / n and stable above", "[validation][kuznetsov]") {
  auto p = defaults();
  const Kuznetsov1994 model(p);
  // Eigenvalue in the tumour direction at (s/d, 0): a − n s/d = +0.145 /day (exact, Kuznetsov 1994 parameters).
  const double E0 = 1.3e4 / 0.0412;
  const double x[2] = {E0, 0.0};
  double dT_dT = 0;
  icbsim::model_jacobian<Kuznetsov1994, 2>(model, x, 0.0, [&](std::size_t i, std::size_t j, double v) {
    if (i == 1 && j == 1) dT_dT = v;
  });
  CHECK(dT_dT == Approx(0.18 - 1.101e-7 * E0).epsilon(1e-12));
  CHECK(dT_dT == Approx(0.145).epsilon(2e-3));

  const double threshold = 0.18 * 0.0412 / 1.101e-7;  // 6.74e4 cells/day
  CHECK(threshold == Approx(6.74e4).epsilon(1e-3));
  for (double factor : {0.97, 1.03}) {
    p[icbsim::index_of(Kuznetsov1994::kParameters, "s")] = threshold * factor;
    const double E_free = threshold * factor / 0.0412;
    const auto out = run(p, E_free, 100.0, 1000);
    const std::size_t n = out.trajectories.size() / 2;
    INFO("s = " << threshold * factor);
    if (factor < 1)
      CHECK(out.trajectories[2 * n - 1] > 100.0);  // a small tumour grows
    else
      CHECK(out.trajectories[2 * n - 1] < 100.0 * 0.5);  // and is cleared above the threshold
  }
}
