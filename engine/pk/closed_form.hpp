// Analytic solutions of the linear, stationary 1-/2-/3-compartment IV model: the disposition
// function as a sum of exponentials, superposition over bolus and zero-order infusion doses, and
// steady state through the accumulation factor 1/(1 − e^{−λτ}) of each exponential. Used by the
// tests that check the engine and by half-life calculations.
#pragma once

#include <span>
#include <vector>

#include "engine/core/task.hpp"
#include "engine/pk/pk_parameters.hpp"

namespace icbsim::pk {

/// Unit-bolus response of the central concentration: C(t) = Σ_k coefficient[k]·e^{−rate[k]·t}
/// [mg/L per mg], rates ascending (the last is the fastest; rate[0] is the terminal λz).
struct Disposition {
  std::vector<double> coefficient;  ///< [1/L]
  std::vector<double> rate;         ///< [1/day]
};

/// The disposition of `params` with the linear clearance `cl` [L/day] (default: cl0). One
/// compartment (v2 = v3 = 0): 1/Vc·e^{−k t}; two: the classic macro-constants α, β; three: the
/// eigen-decomposition of the symmetrised rate matrix. Throws icbsim::Error when the model has a
/// Michaelis–Menten term (not linear).
Disposition disposition(const PkParameters& params, double cl);
Disposition disposition(const PkParameters& params);

/// Terminal half-life ln 2/λz [day] at linear clearance `cl` [L/day] (λz the slowest disposition rate
/// of the linear system); a Michaelis–Menten term is ignored (the half-life of the linear part of
/// Baverel 2018).
double terminal_half_life(const PkParameters& params, double cl);

/// Central concentration [mg/L] at `t` [day] by superposition of every dose in `doses` (targets are
/// ignored: all doses go into the central compartment; amounts in mg). Right-continuous: a bolus
/// given at exactly `t` is included.
double concentration(const Disposition& d, std::span<const DoseEvent> doses, double t);

/// Concentration [mg/L] `t_after` days after the start of a dose of `amount` [mg] given over
/// `duration` days (0 = bolus), for a single dose.
double single_dose_concentration(const Disposition& d, double amount, double duration, double t_after);

/// Steady-state concentration [mg/L] at `t_in_interval` in [0, tau) after a dose, for an infinite
/// train of doses of `amount` [mg] every `tau` days, each infused over `duration` <= tau days:
/// every exponential of the single-dose profile is scaled by 1/(1 − e^{−λτ}).
double steady_state_concentration(const Disposition& d, double amount, double tau, double duration,
                                  double t_in_interval);

/// Steady-state trough [mg/L]: the concentration just before the next dose.
double steady_state_trough(const Disposition& d, double amount, double tau, double duration);

}  // namespace icbsim::pk
