// Tests of RosenbrockDenseStepper: accuracy on stiff problems with closed forms, convergence order,
// Robertson's kinetics, dense output, the odeint-like interface and failure by SolverError.
#include "engine/ode/rosenbrock_stepper.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/core/errors.hpp"

namespace {

using icbsim::RosenbrockDenseStepper;
using icbsim::SolverError;

// ---- problems with analytic Jacobians --------------------------------------------------------

// x' = -1000 (x - cos t) - sin t, x(0) = 1: exact x = cos t.
using Stepper1 = RosenbrockDenseStepper<1>;
auto scalar_stiff() {
  auto rhs = [](const Stepper1::State& x, Stepper1::State& f, double t) {
    f[0] = -1000.0 * (x[0] - std::cos(t)) - std::sin(t);
  };
  auto jac = [](const Stepper1::State&, Stepper1::Matrix& J, double t, Stepper1::State& dfdt) {
    J(0, 0) = -1000.0;
    dfdt[0] = -1000.0 * std::sin(t) - std::cos(t);
  };
  return std::make_pair(rhs, jac);
}

// x' = A x with A = V diag(-1, -1e4) V^-1, V = [[1, 1], [1, 2]]: A = [[9998, -9999], [19998, -19999]].
// From x(0) = (1, 0): x(t) = 2 e^-t (1, 1) - e^(-1e4 t) (1, 2).
using Stepper2 = RosenbrockDenseStepper<2>;
auto linear_2x2() {
  auto rhs = [](const Stepper2::State& x, Stepper2::State& f, double) {
    f[0] = 9998.0 * x[0] - 9999.0 * x[1];
    f[1] = 19998.0 * x[0] - 19999.0 * x[1];
  };
  auto jac = [](const Stepper2::State&, Stepper2::Matrix& J, double, Stepper2::State& dfdt) {
    J << 9998.0, -9999.0, 19998.0, -19999.0;
    dfdt = {0.0, 0.0};
  };
  return std::make_pair(rhs, jac);
}
Stepper2::State linear_2x2_exact(double t) {
  return {2.0 * std::exp(-t) - std::exp(-1e4 * t), 2.0 * std::exp(-t) - 2.0 * std::exp(-1e4 * t)};
}

// Smooth, non-stiff, nonlinear and non-autonomous: a damped rotation (x0, x1)' = [[-0.5, 2], [-2, -0.5]] x
// and x2' = x2^2 cos t. From (1, 0, 0.5): x0 = e^(-t/2) cos 2t, x1 = -e^(-t/2) sin 2t, x2 = 1/(2 - sin t).
using Stepper3 = RosenbrockDenseStepper<3>;
auto smooth_problem() {
  auto rhs = [](const Stepper3::State& x, Stepper3::State& f, double t) {
    f[0] = -0.5 * x[0] + 2.0 * x[1];
    f[1] = -2.0 * x[0] - 0.5 * x[1];
    f[2] = x[2] * x[2] * std::cos(t);
  };
  auto jac = [](const Stepper3::State& x, Stepper3::Matrix& J, double t, Stepper3::State& dfdt) {
    J << -0.5, 2.0, 0.0, -2.0, -0.5, 0.0, 0.0, 0.0, 2.0 * x[2] * std::cos(t);
    dfdt = {0.0, 0.0, -x[2] * x[2] * std::sin(t)};
  };
  return std::make_pair(rhs, jac);
}
const Stepper3::State kSmoothStart{1.0, 0.0, 0.5};
Stepper3::State smooth_exact(double t) {
  return {std::exp(-0.5 * t) * std::cos(2.0 * t), -std::exp(-0.5 * t) * std::sin(2.0 * t), 1.0 / (2.0 - std::sin(t))};
}

// Robertson's chemical kinetics (k1 = 0.04, k2 = 3e7, k3 = 1e4) from (1, 0, 0).
auto robertson() {
  auto rhs = [](const Stepper3::State& y, Stepper3::State& f, double) {
    f[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
    f[1] = 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1];
    f[2] = 3e7 * y[1] * y[1];
  };
  auto jac = [](const Stepper3::State& y, Stepper3::Matrix& J, double, Stepper3::State& dfdt) {
    J << -0.04, 1e4 * y[2], 1e4 * y[1],  //
        0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1],  //
        0.0, 6e7 * y[1], 0.0;
    dfdt = {0.0, 0.0, 0.0};
  };
  return std::make_pair(rhs, jac);
}

// ---- helpers ---------------------------------------------------------------------------------

/// Drives the stepper like the simulator's segment loop (clipping the last step to t_end) and
/// returns the number of accepted steps. Stops within 1e-12 relative of t_end.
template <std::size_t N, class System>
int integrate_to(RosenbrockDenseStepper<N>& stepper, System system, double t_end) {
  int steps = 0;
  while (t_end - stepper.current_time() > 1e-12 * std::max(1.0, std::abs(t_end))) {
    const double t = stepper.current_time();
    if (t + stepper.current_time_step() > t_end) stepper.initialize(stepper.current_state(), t, t_end - t);
    stepper.do_step(system);
    ++steps;
  }
  return steps;
}

/// max_i |x_i - exact_i| / (atol + rtol |exact_i|): the error in units of the tolerance.
template <std::size_t N>
double scaled_error(const std::array<double, N>& x, const std::array<double, N>& exact, double atol, double rtol) {
  double e = 0.0;
  for (std::size_t i = 0; i < N; ++i) e = std::max(e, std::abs(x[i] - exact[i]) / (atol + rtol * std::abs(exact[i])));
  return e;
}

/// max_i |a_i - b_i|.
template <std::size_t N>
double max_abs_difference(const std::array<double, N>& a, const std::array<double, N>& b) {
  double e = 0.0;
  for (std::size_t i = 0; i < N; ++i) e = std::max(e, std::abs(a[i] - b[i]));
  return e;
}

/// max_i |a_i|.
template <std::size_t N>
double max_abs(const std::array<double, N>& a) {
  double e = 0.0;
  for (double v : a) e = std::max(e, std::abs(v));
  return e;
}

/// The tolerances (atol = rtol) of the accuracy tests.
const std::array<double, 3> kTolerances{1e-4, 1e-6, 1e-8};

}  // namespace

TEST_CASE("rosenbrock: scalar stiff problem x' = -1000(x - cos t) - sin t", "[ode][rosenbrock]") {
  // atol = rtol = tol; end-point error at t = 10 must be <= 10 tol-units, and must fall by >= 10x
  // for each 100x tightening of the tolerance.
  std::array<double, 3> errors{};
  for (std::size_t k = 0; k < kTolerances.size(); ++k) {
    const double tol = kTolerances[k];
    Stepper1 stepper(tol, tol, 0.0);
    stepper.initialize({1.0}, 0.0, 1e-3);
    const int steps = integrate_to(stepper, scalar_stiff(), 10.0);
    const double t = stepper.current_time();
    errors[k] = std::abs(stepper.current_state()[0] - std::cos(t));
    INFO("tol " << tol << ": error " << errors[k] << " in " << steps << " steps");
    CHECK(scaled_error(stepper.current_state(), Stepper1::State{std::cos(t)}, tol, tol) <= 10.0);
  }
  INFO("errors " << errors[0] << ", " << errors[1] << ", " << errors[2]);
  CHECK(errors[0] / errors[1] >= 10.0);
  CHECK(errors[1] / errors[2] >= 10.0);
}

TEST_CASE("rosenbrock: 2x2 linear system with eigenvalues -1 and -1e4", "[ode][rosenbrock]") {
  // atol = rtol = tol; end-point error at t = 2 (max over components) must be <= 10 tol-units, and
  // must fall by >= 10x for each 100x tightening of the tolerance.
  std::array<double, 3> errors{};
  for (std::size_t k = 0; k < kTolerances.size(); ++k) {
    const double tol = kTolerances[k];
    Stepper2 stepper(tol, tol, 0.0);
    stepper.initialize({1.0, 0.0}, 0.0, 1e-6);
    const int steps = integrate_to(stepper, linear_2x2(), 2.0);
    const auto exact = linear_2x2_exact(stepper.current_time());
    errors[k] = max_abs_difference(stepper.current_state(), exact);
    INFO("tol " << tol << ": error " << errors[k] << " in " << steps << " steps");
    CHECK(scaled_error(stepper.current_state(), exact, tol, tol) <= 10.0);
    // Stiff: an explicit method would need ~ 2 / (2.8e-4) ≈ 7000 steps just for stability.
    CHECK(steps < 700);
  }
  INFO("errors " << errors[0] << ", " << errors[1] << ", " << errors[2]);
  CHECK(errors[0] / errors[1] >= 10.0);
  CHECK(errors[1] / errors[2] >= 10.0);
}

TEST_CASE("rosenbrock: fixed-step convergence orders", "[ode][rosenbrock]") {
  const auto system = smooth_problem();

  SECTION("global error at t = 1 is 4th order") {
    // x2 is non-autonomous: this also guards the sign of d4 (odeint's +0.0362 gives order 1 here).
    // h = 0.1 / 2^k, k = 0..4; observed order log2(e_k / e_{k+1}) must lie in [3.6, 4.4].
    std::vector<double> errors;
    for (int k = 0; k <= 4; ++k) {
      const int n = 10 << k;
      const double h = 1.0 / n;
      Stepper3 stepper(1e-6, 1e-6, 0.0);
      stepper.initialize(kSmoothStart, 0.0, h);
      for (int i = 0; i < n; ++i) stepper.do_fixed_step(system, h);
      errors.push_back(max_abs_difference(stepper.current_state(), smooth_exact(1.0)));
    }
    for (std::size_t k = 0; k + 1 < errors.size(); ++k) {
      const double order = std::log2(errors[k] / errors[k + 1]);
      INFO("h = " << 0.1 / (1 << k) << ": error " << errors[k] << " -> " << errors[k + 1] << ", order " << order);
      CHECK(order >= 3.6);
      CHECK(order <= 4.4);
    }
  }

  SECTION("one step from t = 0.3: local error O(h^5), embedded estimate O(h^4), i.e. error order 3") {
    // h = 0.2 / 2^k, k = 0..4. Exponents log2 of successive ratios: local error of the solution
    // in [4.6, 5.4]; norm of the embedded estimate in [3.6, 4.4].
    std::vector<double> local, estimate;
    const double t0 = 0.3;
    for (int k = 0; k <= 4; ++k) {
      const double h = 0.2 / (1 << k);
      Stepper3 stepper(1e-6, 1e-6, 0.0);
      stepper.initialize(smooth_exact(t0), t0, h);
      stepper.do_fixed_step(system, h);
      local.push_back(max_abs_difference(stepper.current_state(), smooth_exact(t0 + h)));
      estimate.push_back(max_abs(stepper.last_error_estimate()));
    }
    for (std::size_t k = 0; k + 1 < local.size(); ++k) {
      const double local_exponent = std::log2(local[k] / local[k + 1]);
      const double estimate_exponent = std::log2(estimate[k] / estimate[k + 1]);
      INFO("k " << k << ": local error " << local[k] << " exponent " << local_exponent << "; estimate " << estimate[k]
                << " exponent " << estimate_exponent);
      CHECK(local_exponent >= 4.6);
      CHECK(local_exponent <= 5.4);
      CHECK(estimate_exponent >= 3.6);
      CHECK(estimate_exponent <= 4.4);
    }
  }
}

TEST_CASE("rosenbrock: Robertson's chemical kinetics to t = 40", "[ode][rosenbrock]") {
  // rtol = 1e-7, atol = 1e-12. Reference (Hairer & Wanner II; IVP test set):
  // y1 = 0.7158270687, y2 = 9.185534764e-6, y3 = 0.2841637457. Checks: y1, y2, y3 within 1e-6
  // relative, y1 + y2 + y3 = 1 within 1e-12, fewer than 500 accepted steps (an explicit method is
  // limited to steps below ~1e-3 here by stability, i.e. tens of thousands of steps).
  const double rtol = 1e-7, atol = 1e-12;
  Stepper3 stepper(atol, rtol, 0.0);
  stepper.initialize({1.0, 0.0, 0.0}, 0.0, 1e-6);
  const int steps = integrate_to(stepper, robertson(), 40.0);
  const auto& y = stepper.current_state();
  INFO("y(40) = " << y[0] << ", " << y[1] << ", " << y[2] << " in " << steps << " steps");
  CHECK(stepper.current_time() == Approx(40.0).epsilon(1e-12));
  CHECK(std::abs(y[0] / 0.7158270687 - 1.0) < 1e-6);
  CHECK(std::abs(y[1] / 9.185534764e-6 - 1.0) < 1e-6);
  CHECK(std::abs(y[2] / 0.2841637457 - 1.0) < 1e-6);
  CHECK(std::abs(y[0] + y[1] + y[2] - 1.0) < 1e-12);  // Rosenbrock steps keep linear invariants
  CHECK(steps < 500);
}

TEST_CASE("rosenbrock: dense output", "[ode][rosenbrock]") {
  SECTION("reproduces both ends of the step exactly") {
    Stepper3 stepper(1e-6, 1e-6, 0.0);
    stepper.initialize(kSmoothStart, 0.0, 0.05);
    Stepper3::State x{};
    stepper.calc_state(0.0, x);  // before any step: the initial state
    CHECK(x == kSmoothStart);
    stepper.do_step(smooth_problem());
    stepper.calc_state(stepper.previous_time(), x);
    CHECK(x == stepper.previous_state());
    stepper.calc_state(stepper.current_time(), x);
    CHECK(x == stepper.current_state());
  }

  SECTION("mid-step values of the non-stiff problem agree with the exact solution within the tolerance scale") {
    // atol = rtol = tol; at s = 0.25, 0.5, 0.75 of every adaptive step to t = 2 the dense-output
    // error must stay <= 10 tol-units.
    for (double tol : kTolerances) {
      double worst = 0.0;
      Stepper3 stepper(tol, tol, 0.0);
      stepper.initialize(kSmoothStart, 0.0, 1e-3);
      while (stepper.current_time() < 2.0) {
        stepper.do_step(smooth_problem());
        for (double s : {0.25, 0.5, 0.75}) {
          const double t = stepper.previous_time() + s * (stepper.current_time() - stepper.previous_time());
          Stepper3::State x{};
          stepper.calc_state(t, x);
          worst = std::max(worst, scaled_error(x, smooth_exact(t), tol, tol));
        }
      }
      INFO("tol " << tol << ": worst dense-output error " << worst << " tol-units");
      CHECK(worst <= 10.0);
    }
  }

  SECTION("interpolation error order: O(h^4) non-stiff, O(h^3) in the stiff limit") {
    // One fixed step of h = 0.4 / 2^k (k = 0..5) from the exact solution at t0 = 1.8 of
    // x' = -lambda (x - cos t) - sin t; worst error at s = 0.25, 0.5, 0.75. Exponents
    // log2(e_k / e_{k+1}) must lie in [3.6, 4.4] for lambda = 1 (non-stiff) and in [2.6, 3.4] for
    // lambda = 1e6 (lambda h >> 1): odeint's interpolant loses an order on stiff components.
    for (double lambda : {1.0, 1e6}) {
      auto rhs = [lambda](const Stepper1::State& x, Stepper1::State& f, double t) {
        f[0] = -lambda * (x[0] - std::cos(t)) - std::sin(t);
      };
      auto jac = [lambda](const Stepper1::State&, Stepper1::Matrix& J, double t, Stepper1::State& dfdt) {
        J(0, 0) = -lambda;
        dfdt[0] = -lambda * std::sin(t) - std::cos(t);
      };
      const double t0 = 1.8;
      std::vector<double> errors;
      for (int k = 0; k <= 5; ++k) {
        const double h = 0.4 / (1 << k);
        Stepper1 stepper(1e-6, 1e-6, 0.0);
        stepper.initialize({std::cos(t0)}, t0, h);
        stepper.do_fixed_step(std::make_pair(rhs, jac), h);
        double worst = 0.0;
        for (double s : {0.25, 0.5, 0.75}) {
          Stepper1::State x{};
          stepper.calc_state(t0 + s * h, x);
          worst = std::max(worst, std::abs(x[0] - std::cos(t0 + s * h)));
        }
        errors.push_back(worst);
      }
      const double low = lambda > 1.0 ? 2.6 : 3.6;
      for (std::size_t k = 0; k + 1 < errors.size(); ++k) {
        const double exponent = std::log2(errors[k] / errors[k + 1]);
        INFO("lambda " << lambda << ", k " << k << ": dense error " << errors[k] << " -> " << errors[k + 1]
                       << ", exponent " << exponent);
        CHECK(exponent >= low);
        CHECK(exponent <= low + 0.8);
      }
    }
  }
}

TEST_CASE("rosenbrock: odeint dense-output interface", "[ode][rosenbrock]") {
  const double max_dt = 0.05;
  Stepper3 stepper(1e-6, 1e-6, max_dt);
  stepper.initialize(kSmoothStart, 0.0, 1.0);  // larger than max_dt: clipped, not an error
  CHECK(stepper.current_time() == 0.0);
  CHECK(stepper.previous_time() == 0.0);
  CHECK(stepper.current_time_step() == 1.0);
  CHECK(stepper.current_state() == kSmoothStart);

  double t_prev = 0.0;
  for (int i = 0; i < 50; ++i) {
    const auto [t_old, t_new] = stepper.do_step(smooth_problem());
    CHECK(t_old == t_prev);
    CHECK(t_old == stepper.previous_time());
    CHECK(t_new == stepper.current_time());
    CHECK(t_new - t_old <= max_dt * (1.0 + 1e-12));
    CHECK(stepper.current_time_step() > 0.0);
    CHECK(stepper.current_time_step() <= max_dt);
    t_prev = t_new;
  }
  CHECK(stepper.current_time() > 1.0);  // 50 steps of at most 0.05, mostly of exactly 0.05

  // initialize resets state, time and proposed step.
  stepper.initialize({2.0, 0.0, 0.5}, 5.0, 0.01);
  CHECK(stepper.current_time() == 5.0);
  CHECK(stepper.previous_time() == 5.0);
  CHECK(stepper.current_time_step() == 0.01);
  CHECK(stepper.current_state() == Stepper3::State{2.0, 0.0, 0.5});
  const auto [t_old, t_new] = stepper.do_step(smooth_problem());
  CHECK(t_old == 5.0);
  CHECK(t_new == 5.01);
}

TEST_CASE("rosenbrock: failures raise SolverError", "[ode][rosenbrock]") {
  SECTION("finite-time blow-up x' = x^2, x(0) = 1, integrated to t = 2") {
    auto rhs = [](const Stepper1::State& x, Stepper1::State& f, double) { f[0] = x[0] * x[0]; };
    auto jac = [](const Stepper1::State& x, Stepper1::Matrix& J, double, Stepper1::State& dfdt) {
      J(0, 0) = 2.0 * x[0];
      dfdt[0] = 0.0;
    };
    Stepper1 stepper(1e-8, 1e-8, 0.0);
    stepper.initialize({1.0}, 0.0, 1e-3);
    try {
      integrate_to(stepper, std::make_pair(rhs, jac), 2.0);
      FAIL("no SolverError");
    } catch (const SolverError& e) {
      INFO(e.what());
      // The solution 1 / (1 - t) blows up at t = 1; the numerical one a hair later.
      CHECK(std::abs(e.t() - 1.0) < 1e-6);
      CHECK(e.dt() < 1e-14 * std::max(1.0, e.t()));
    }
  }

  SECTION("a right-hand side that turns NaN at t > 0.5") {
    auto rhs = [](const Stepper1::State& x, Stepper1::State& f, double t) {
      f[0] = t > 0.5 ? std::numeric_limits<double>::quiet_NaN() : -x[0];
    };
    auto jac = [](const Stepper1::State&, Stepper1::Matrix& J, double, Stepper1::State& dfdt) {
      J(0, 0) = -1.0;
      dfdt[0] = 0.0;
    };
    Stepper1 stepper(1e-6, 1e-6, 0.0);
    stepper.initialize({1.0}, 0.0, 0.1);
    try {
      integrate_to(stepper, std::make_pair(rhs, jac), 2.0);
      FAIL("no SolverError");
    } catch (const SolverError& e) {
      INFO(e.what());
      CHECK(std::string(e.what()).find("underflow") != std::string::npos);
      CHECK(e.t() <= 0.5);
      CHECK(e.t() > 0.5 - 1e-6);
      CHECK(e.dt() < 1e-14);
    }
  }

  SECTION("a non-positive step") {
    Stepper1 stepper(1e-6, 1e-6, 0.0);
    stepper.initialize({1.0}, 0.0, 0.0);
    CHECK_THROWS_AS(stepper.do_step(scalar_stiff()), SolverError);
  }
}
