// RosenbrockDenseStepper<N>: the stiff path of the simulator. A port to Eigen of Boost.Odeint's
// rosenbrock4_dense_output<rosenbrock4_controller<rosenbrock4<double>>> (Ahnert & Mulansky): an
// L-stable Rosenbrock 4(3) method with odeint's step control and 3rd-order dense output.
#pragma once

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <utility>

#include <Eigen/Core>
#include <Eigen/LU>

#include "engine/core/errors.hpp"

namespace icbsim {

/// Coefficients of odeint's default_rosenbrock_coefficients (Boost 1.74), digit for digit, except d4.
/// They are Hairer & Wanner's RODAS set (METH = 1 of rodas.f; "Solving ODEs II"): gamma = 0.25,
/// stage times 0.386, 0.21, 0.63, 1, 1; not Shampine's (1982) 4-stage set with gamma = 0.5. d1..d4 weigh df/dt in the stages and must equal gamma_i = gamma + sum_j gamma_ij;
/// for stage 4 that is -0.0362 (as in rodas.f). odeint has +0.0362, a sign slip that makes its
/// rosenbrock4 only 1st order on non-autonomous problems; we use the correct sign.
struct RosenbrockCoefficients {
  static constexpr double gamma = 0.25;
  static constexpr double d1 = 0.25, d2 = -0.1043, d3 = 0.1035, d4 = -0.3620000000000023e-01;
  static constexpr double c2 = 0.386, c3 = 0.21, c4 = 0.63;
  static constexpr double c21 = -0.5668800000000000e+01;
  static constexpr double a21 = 0.1544000000000000e+01;
  static constexpr double c31 = -0.2430093356833875e+01, c32 = -0.2063599157091915e+00;
  static constexpr double a31 = 0.9466785280815826e+00, a32 = 0.2557011698983284e+00;
  static constexpr double c41 = -0.1073529058151375e+00, c42 = -0.9594562251023355e+01,
                          c43 = -0.2047028614809616e+02;
  static constexpr double a41 = 0.3314825187068521e+01, a42 = 0.2896124015972201e+01,
                          a43 = 0.9986419139977817e+00;
  static constexpr double c51 = 0.7496443313967647e+01, c52 = -0.1024680431464352e+02,
                          c53 = -0.3399990352819905e+02, c54 = 0.1170890893206160e+02;
  static constexpr double a51 = 0.1221224509226641e+01, a52 = 0.6019134481288629e+01,
                          a53 = 0.1253708332932087e+02, a54 = -0.6878860361058950e+00;
  static constexpr double c61 = 0.8083246795921522e+01, c62 = -0.7981132988064893e+01,
                          c63 = -0.3152159432874371e+02, c64 = 0.1631930543123136e+02,
                          c65 = -0.6058818238834054e+01;
  static constexpr double d21 = 0.1012623508344586e+02, d22 = -0.7487995877610167e+01,
                          d23 = -0.3480091861555747e+02, d24 = -0.7992771707568823e+01,
                          d25 = 0.1025137723295662e+01;
  static constexpr double d31 = -0.6762803392801253e+00, d32 = 0.6087714651680015e+01,
                          d33 = 0.1643084320892478e+02, d34 = 0.2476722511418386e+02,
                          d35 = -0.6594389125716872e+01;
};

/// Adaptive Rosenbrock 4(3) dense-output stepper for N equations, with the interface of odeint's
/// dense-output steppers (initialize / do_step / calc_state / current_*), integrating forward.
///
/// The system is a std::pair<Rhs, Jac> with rhs(const State& x, State& dxdt, double t) and
/// jac(const State& x, Matrix& J, double t, State& dfdt), where J(i, j) = d f_i / d x_j and
/// dfdt = d f / d t. Matrix is Eigen's default (column-major) fixed-size N x N matrix; J is zeroed
/// before each jac call, so jac need only write the nonzero entries. Each step solves with one
/// Eigen::PartialPivLU of (I / (gamma dt) - J), as odeint does with uBLAS.
///
/// Step control is odeint's rosenbrock4_controller, formula for formula: RMS error norm
/// sqrt(mean_i (err_i / (atol + rtol * max(|x_old_i|, |x_new_i|)))^2), accept when <= 1, step
/// factors bounded to [1/5, 6] with safety 0.9 and Gustafsson's predictive controller; the
/// controller's memory (previous error and step) survives initialize(), as in odeint. Unlike odeint
/// it throws SolverError instead of step_adjustment_error: when a trial step would be shorter than
/// 1e-14 * max(1, |t|) (also for a non-positive or NaN step) or after 500 consecutive rejected trial
/// steps. The dense output is odeint's: 3rd order (local error O(h^4)) on non-stiff problems, but
/// only O(h^3) where |lambda| h >> 1 (stiff components), where it can exceed the tolerance by ~10-50x.
/// All storage is fixed-size: no heap allocation.
template <std::size_t N>
class RosenbrockDenseStepper {
  static_assert(N > 0, "RosenbrockDenseStepper needs at least one equation");

 public:
  /// The state vector, as the simulator's odeint steppers use it.
  using State = std::array<double, N>;
  /// The Jacobian passed to jac: Eigen's fixed-size, column-major N x N matrix.
  using Matrix = Eigen::Matrix<double, int(N), int(N)>;

  /// Rejected trial steps tolerated in a row before do_step gives up (odeint's failed_step_checker).
  static constexpr int kMaxRejections = 500;
  /// do_step gives up when a trial step is below this fraction of max(1, |t|).
  static constexpr double kMinRelativeStep = 1e-14;

  /// Tolerances as in odeint's controller; max_dt bounds every step (0 = unlimited).
  RosenbrockDenseStepper(double atol, double rtol, double max_dt)
      : atol_(atol), rtol_(rtol), max_dt_(max_dt) {}

  /// Sets the state and time and the step to try next; keeps the controller's memory, as odeint.
  void initialize(const State& x0, double t0, double dt0) {
    x_ = x0;  // x0 may alias x_ (initialize(current_state(), ...)): self-assignment is harmless.
    x_old_ = x_;
    t_ = t0;
    t_old_ = t0;
    dt_ = dt0;
    cont3_.setZero();
    cont4_.setZero();
  }

  /// Takes one accepted step, retrying with smaller steps as needed; returns (t_old, t_new) and
  /// leaves the proposed next step in current_time_step().
  template <class System>
  std::pair<double, double> do_step(System system) {
    int rejections = 0;
    for (;;) {
      if (try_step(system)) break;
      if (++rejections >= kMaxRejections)
        throw SolverError("Rosenbrock step size could not be adjusted to meet the tolerances (" +
                              std::to_string(kMaxRejections) + " rejected steps in a row)",
                          t_, dt_);
    }
    return {t_old_, t_};
  }

  /// One uncontrolled step of size dt from the current state (for tests and fixed-step use):
  /// advances the state and time and prepares dense output; current_time_step() is unchanged.
  template <class System>
  std::pair<double, double> do_fixed_step(System system, double dt) {
    step(system, x_, t_, x_new_, dt, x_err_);
    accept(t_ + dt);
    return {t_old_, t_};
  }

  /// Dense output at t in [previous_time(), current_time()] (3rd order, odeint's interpolant).
  void calc_state(double t, State& x) const {
    assert(t >= t_old_ && t <= t_);
    const double dt = t_ - t_old_;
    if (dt == 0.0) {  // no step taken since initialize()
      x = x_;
      return;
    }
    const double s = (t - t_old_) / dt;
    const double s1 = 1.0 - s;
    for (std::size_t i = 0; i < N; ++i) {
      const auto k = static_cast<Eigen::Index>(i);
      x[i] = x_old_[i] * s1 + s * (x_[i] + s1 * (cont3_[k] + s * cont4_[k]));
    }
  }

  /// State at current_time().
  const State& current_state() const noexcept { return x_; }
  /// Time reached by the last accepted step (or set by initialize).
  double current_time() const noexcept { return t_; }
  /// State at previous_time().
  const State& previous_state() const noexcept { return x_old_; }
  /// Start of the last accepted step (equal to current_time() right after initialize).
  double previous_time() const noexcept { return t_old_; }
  /// The step size proposed for the next step.
  double current_time_step() const noexcept { return dt_; }
  /// Embedded error estimate (4th minus 3rd order solution) of the last trial step.
  const State& last_error_estimate() const noexcept { return x_err_; }
  /// Weighted RMS error norm of the last accepted controlled step, floored at 0.01 (odeint).
  double last_error() const noexcept { return err_old_; }
  /// The controller's memory, which initialize() keeps: {first step pending, previous error,
  /// previous step, last trial rejected}. Saved and restored to continue an integration exactly.
  std::array<double, 4> controller_memory() const noexcept {
    return {first_step_ ? 1.0 : 0.0, err_old_, dt_old_, last_rejected_ ? 1.0 : 0.0};
  }
  void restore_controller_memory(const std::array<double, 4>& memory) noexcept {
    first_step_ = memory[0] != 0.0;
    err_old_ = memory[1];
    dt_old_ = memory[2];
    last_rejected_ = memory[3] != 0.0;
  }

  /// The bare Rosenbrock step of odeint's rosenbrock4::do_step: xout = 4th-order solution at t+dt,
  /// xerr = embedded error estimate. Also keeps the stages for dense output of this step.
  template <class System>
  void step(System& system, const State& x, double t, State& xout, double dt, State& xerr) {
    using C = RosenbrockCoefficients;
    auto& rhs = system.first;
    auto& jac = system.second;

    rhs(x, dxdt_, t);
    jac_.setZero();  // jac need only write the nonzero entries
    jac(x, jac_, t, dfdt_);

    // M = I / (gamma dt) - J, factorized once per step.
    jac_ *= -1.0;
    const double diagonal = 1.0 / C::gamma / dt;
    for (Eigen::Index i = 0; i < Eigen::Index(N); ++i) jac_(i, i) += diagonal;
    lu_.compute(jac_);

    for (std::size_t i = 0; i < N; ++i) work_[idx(i)] = dxdt_[i] + dt * C::d1 * dfdt_[i];
    g1_ = lu_.solve(work_);

    for (std::size_t i = 0; i < N; ++i) xtmp_[i] = x[i] + C::a21 * g1_[idx(i)];
    rhs(xtmp_, dxdtnew_, t + C::c2 * dt);
    for (std::size_t i = 0; i < N; ++i)
      work_[idx(i)] = dxdtnew_[i] + dt * C::d2 * dfdt_[i] + C::c21 * g1_[idx(i)] / dt;
    g2_ = lu_.solve(work_);

    for (std::size_t i = 0; i < N; ++i) xtmp_[i] = x[i] + C::a31 * g1_[idx(i)] + C::a32 * g2_[idx(i)];
    rhs(xtmp_, dxdtnew_, t + C::c3 * dt);
    for (std::size_t i = 0; i < N; ++i)
      work_[idx(i)] = dxdtnew_[i] + dt * C::d3 * dfdt_[i] + (C::c31 * g1_[idx(i)] + C::c32 * g2_[idx(i)]) / dt;
    g3_ = lu_.solve(work_);

    for (std::size_t i = 0; i < N; ++i)
      xtmp_[i] = x[i] + C::a41 * g1_[idx(i)] + C::a42 * g2_[idx(i)] + C::a43 * g3_[idx(i)];
    rhs(xtmp_, dxdtnew_, t + C::c4 * dt);
    for (std::size_t i = 0; i < N; ++i)
      work_[idx(i)] = dxdtnew_[i] + dt * C::d4 * dfdt_[i] +
                      (C::c41 * g1_[idx(i)] + C::c42 * g2_[idx(i)] + C::c43 * g3_[idx(i)]) / dt;
    g4_ = lu_.solve(work_);

    for (std::size_t i = 0; i < N; ++i)
      xtmp_[i] = x[i] + C::a51 * g1_[idx(i)] + C::a52 * g2_[idx(i)] + C::a53 * g3_[idx(i)] +
                 C::a54 * g4_[idx(i)];
    rhs(xtmp_, dxdtnew_, t + dt);
    for (std::size_t i = 0; i < N; ++i)
      work_[idx(i)] = dxdtnew_[i] + (C::c51 * g1_[idx(i)] + C::c52 * g2_[idx(i)] + C::c53 * g3_[idx(i)] +
                                     C::c54 * g4_[idx(i)]) /
                                        dt;
    g5_ = lu_.solve(work_);

    for (std::size_t i = 0; i < N; ++i) xtmp_[i] += g5_[idx(i)];
    rhs(xtmp_, dxdtnew_, t + dt);
    for (std::size_t i = 0; i < N; ++i)
      work_[idx(i)] = dxdtnew_[i] + (C::c61 * g1_[idx(i)] + C::c62 * g2_[idx(i)] + C::c63 * g3_[idx(i)] +
                                     C::c64 * g4_[idx(i)] + C::c65 * g5_[idx(i)]) /
                                        dt;
    err_ = lu_.solve(work_);

    for (std::size_t i = 0; i < N; ++i) {
      xerr[i] = err_[idx(i)];
      xout[i] = xtmp_[i] + xerr[i];
    }
  }

 private:
  using Vector = Eigen::Matrix<double, int(N), 1>;

  static constexpr Eigen::Index idx(std::size_t i) noexcept { return static_cast<Eigen::Index>(i); }

  /// odeint's rosenbrock4_controller::error: weighted RMS norm of the error estimate.
  double error_norm(const State& x_new, const State& x_old, const State& x_err) const {
    double err = 0.0;
    for (std::size_t i = 0; i < N; ++i) {
      const double sk = atol_ + rtol_ * std::max(std::abs(x_old[i]), std::abs(x_new[i]));
      err += x_err[i] * x_err[i] / sk / sk;
    }
    return std::sqrt(err / static_cast<double>(N));
  }

  /// odeint's rosenbrock4_controller::try_step on (x_, t_, dt_): true and the state advanced when
  /// the trial is accepted, false with a smaller dt_ when it is rejected.
  template <class System>
  bool try_step(System& system) {
    if (max_dt_ != 0.0 && dt_ - max_dt_ > std::numeric_limits<double>::epsilon()) {
      dt_ = max_dt_;  // odeint counts this as a failed trial
      return false;
    }
    if (!(dt_ >= kMinRelativeStep * std::max(1.0, std::abs(t_)))) {
      throw SolverError(dt_ > 0.0 ? "Rosenbrock step size underflow" : "Rosenbrock step size is not positive", t_,
                        dt_);
    }

    static constexpr double safe = 0.9, fac1 = 5.0, fac2 = 1.0 / 6.0;
    const double dt = dt_;
    step(system, x_, t_, x_new_, dt, x_err_);
    const double err = error_norm(x_new_, x_, x_err_);

    double fac = std::max(fac2, std::min(fac1, std::pow(err, 0.25) / safe));
    double dt_new = dt / fac;
    if (err <= 1.0) {
      if (first_step_) {
        first_step_ = false;
      } else {
        double fac_pred = (dt_old_ / dt) * std::pow(err * err / err_old_, 0.25) / safe;
        fac_pred = std::max(fac2, std::min(fac1, fac_pred));
        fac = std::max(fac, fac_pred);
        dt_new = dt / fac;
      }
      dt_old_ = dt;
      err_old_ = std::max(0.01, err);
      if (last_rejected_) dt_new = std::min(dt_new, dt);
      accept(t_ + dt);
      dt_ = max_dt_ != 0.0 ? std::min(max_dt_, dt_new) : dt_new;
      last_rejected_ = false;
      return true;
    }
    dt_ = dt_new;
    last_rejected_ = true;
    return false;
  }

  /// Makes x_new_ at t_new the current state and prepares odeint's dense-output polynomial.
  void accept(double t_new) {
    using C = RosenbrockCoefficients;
    x_old_ = x_;
    x_ = x_new_;
    t_old_ = t_;
    t_ = t_new;
    cont3_ = C::d21 * g1_ + C::d22 * g2_ + C::d23 * g3_ + C::d24 * g4_ + C::d25 * g5_;
    cont4_ = C::d31 * g1_ + C::d32 * g2_ + C::d33 * g3_ + C::d34 * g4_ + C::d35 * g5_;
  }

  double atol_, rtol_, max_dt_;

  // Integration state.
  State x_{}, x_old_{}, x_new_{}, x_err_{};
  double t_ = 0.0, t_old_ = 0.0, dt_ = 0.0;

  // Controller memory (odeint's m_first_step, m_err_old, m_dt_old, m_last_rejected).
  bool first_step_ = true;
  double err_old_ = 0.0, dt_old_ = 0.0;
  bool last_rejected_ = false;

  // Scratch of one step.
  State dxdt_{}, dfdt_{}, dxdtnew_{}, xtmp_{};
  Matrix jac_ = Matrix::Zero();
  Eigen::PartialPivLU<Matrix> lu_;
  Vector work_ = Vector::Zero(), g1_ = Vector::Zero(), g2_ = Vector::Zero(), g3_ = Vector::Zero(),
         g4_ = Vector::Zero(), g5_ = Vector::Zero(), err_ = Vector::Zero();
  Vector cont3_ = Vector::Zero(), cont4_ = Vector::Zero();
};

}  // namespace icbsim
