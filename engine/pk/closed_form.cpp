// Closed-form (sum-of-exponentials) solutions of the linear IV compartment model.
#include "engine/pk/closed_form.hpp"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <utility>

#include "engine/core/errors.hpp"

namespace icbsim::pk {

namespace {

/// Exponentials of the one-compartment model.
Disposition one_compartment(double vc, double cl) { return Disposition{{1.0 / vc}, {cl / vc}}; }

/// The classic two-compartment macro-constants: α, β = (s ± sqrt(s² − 4·k10·k21))/2, with the
/// coefficients (α − k21)/(Vc(α − β)) and (k21 − β)/(Vc(α − β)). β is computed as
/// 2·k10·k21/(s + root) to avoid cancellation.
Disposition two_compartment(double vc, double cl, double q, double vp) {
  const double k10 = cl / vc;
  const double k12 = q / vc;
  const double k21 = q / vp;
  const double s = k10 + k12 + k21;
  const double root = std::sqrt(s * s - 4.0 * k10 * k21);
  const double alpha = 0.5 * (s + root);
  const double beta = 2.0 * k10 * k21 / (s + root);
  const double a = (alpha - k21) / (vc * (alpha - beta));
  const double b = (k21 - beta) / (vc * (alpha - beta));
  return Disposition{{b, a}, {beta, alpha}};
}

/// Three compartments: in concentrations, V·dc/dt = −M·c with M symmetric; y = V^{1/2}c gives
/// dy/dt = −S·y with S = V^{-1/2}·M·V^{-1/2} symmetric. For a unit bolus into the central
/// compartment, C1(t) = Σ_k U(0,k)²·e^{−λ_k t}/Vc.
Disposition three_compartment(double vc, double cl, double q2, double v2, double q3, double v3) {
  Eigen::Matrix3d m;
  m << cl + q2 + q3, -q2, -q3,  //
      -q2, q2, 0.0,             //
      -q3, 0.0, q3;
  const Eigen::Vector3d inv_sqrt_v(1.0 / std::sqrt(vc), 1.0 / std::sqrt(v2), 1.0 / std::sqrt(v3));
  const Eigen::Matrix3d s = inv_sqrt_v.asDiagonal() * m * inv_sqrt_v.asDiagonal();
  const Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> eig(s);
  if (eig.info() != Eigen::Success) throw Error("three-compartment disposition: eigen-decomposition failed");
  Disposition d;
  for (Eigen::Index k = 0; k < 3; ++k) {
    d.rate.push_back(eig.eigenvalues()(k));
    d.coefficient.push_back(eig.eigenvectors()(0, k) * eig.eigenvectors()(0, k) / vc);
  }
  return d;
}

/// Single-dose profile of one exponential (coefficient c, rate l) for `amount` over `duration`.
double one_exponential(double c, double l, double amount, double duration, double t) {
  if (t < 0.0) return 0.0;
  if (duration == 0.0) return amount * c * std::exp(-l * t);
  const double rate = amount / duration;
  if (t <= duration) return rate * c / l * -std::expm1(-l * t);
  return rate * c / l * -std::expm1(-l * duration) * std::exp(-l * (t - duration));
}

}  // namespace

Disposition disposition(const PkParameters& p, double cl) {
  if (p.vmax != 0.0) throw Error("closed-form disposition needs a linear model (vmax = 0)");
  validate(p);
  std::vector<std::pair<double, double>> peripheral;  // (q, v)
  if (p.v2 > 0.0 && p.q2 > 0.0) peripheral.emplace_back(p.q2, p.v2);
  if (p.v3 > 0.0 && p.q3 > 0.0) peripheral.emplace_back(p.q3, p.v3);
  if (!(cl > 0.0)) throw Error("closed-form disposition needs a positive clearance");
  switch (peripheral.size()) {
    case 0: return one_compartment(p.vc, cl);
    case 1: return two_compartment(p.vc, cl, peripheral[0].first, peripheral[0].second);
    default:
      return three_compartment(p.vc, cl, peripheral[0].first, peripheral[0].second, peripheral[1].first,
                               peripheral[1].second);
  }
}

Disposition disposition(const PkParameters& p) { return disposition(p, p.cl0); }

double terminal_half_life(const PkParameters& p, double cl) {
  PkParameters linear = p;
  linear.vmax = 0.0;  // the linear part only
  return std::log(2.0) / disposition(linear, cl).rate.front();
}

double single_dose_concentration(const Disposition& d, double amount, double duration, double t_after) {
  double c = 0.0;
  for (std::size_t k = 0; k < d.rate.size(); ++k)
    c += one_exponential(d.coefficient[k], d.rate[k], amount, duration, t_after);
  return c;
}

double concentration(const Disposition& d, std::span<const DoseEvent> doses, double t) {
  double c = 0.0;
  for (const DoseEvent& dose : doses) c += single_dose_concentration(d, dose.amount, dose.duration, t - dose.time);
  return c;
}

double steady_state_concentration(const Disposition& d, double amount, double tau, double duration,
                                  double t_in_interval) {
  if (!(tau > 0.0) || duration < 0.0 || duration > tau || t_in_interval < 0.0 || t_in_interval > tau)
    throw Error("steady_state_concentration: need tau > 0, 0 <= duration <= tau and 0 <= t <= tau");
  double c = 0.0;
  for (std::size_t k = 0; k < d.rate.size(); ++k) {
    const double l = d.rate[k];
    const double accumulation = 1.0 / -std::expm1(-l * tau);  // Σ_{n>=0} e^{−nλτ}
    const double t = t_in_interval;
    if (t < duration) {
      // The running infusion plus every earlier dose, all past their infusions.
      const double running = one_exponential(d.coefficient[k], l, amount, duration, t);
      const double earlier = one_exponential(d.coefficient[k], l, amount, duration, t + tau) * accumulation;
      c += running + earlier;
    } else {
      c += one_exponential(d.coefficient[k], l, amount, duration, t) * accumulation;
    }
  }
  return c;
}

double steady_state_trough(const Disposition& d, double amount, double tau, double duration) {
  return steady_state_concentration(d, amount, tau, duration, tau);
}

}  // namespace icbsim::pk
