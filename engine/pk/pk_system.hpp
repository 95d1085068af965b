// The right-hand side of the mammillary 2-/3-compartment PK system in drug amounts, with
// time-varying and Michaelis–Menten clearance: the one implementation every drug-carrying model
// calls. Doses (boluses, zero-order infusions) are added by the simulator, not here.
#pragma once

#include <cstddef>

#include "engine/pk/pk_parameters.hpp"

namespace icbsim::pk {

/// Number of amount states pk_rhs reads and writes: A1 (central), A2, A3 [mg].
inline constexpr std::size_t kPkStates = 3;

/// d(amounts)/dt [mg/day] for amounts A1, A2, A3 [mg] (the structures of Bajaj 2017 and Baverel 2018,
/// with a third compartment for Ozawa 2007):
///   C = A1/Vc
///   dA1/dt = −CL(t)·C − Vmax·C/(Km + C) − Q2·(C − A2/V2) − Q3·(C − A3/V3)
///   dA2/dt = Q2·(C − A2/V2);   dA3/dt = Q3·(C − A3/V3)
/// A compartment with zero volume is absent (its derivative is 0). `Real` may be an automatic
/// differentiation type; the parameters and time are plain doubles.
template <class Real>
void pk_rhs(const PkParameters& p, const Real* amounts, Real* d_amounts, double t_since_first_dose) {
  const Real c = amounts[0] / p.vc;
  Real elimination = p.clearance(t_since_first_dose) * c;
  if (p.vmax > 0.0) elimination += p.vmax * c / (p.km + c);
  Real to_2 = 0.0 * c;
  Real to_3 = 0.0 * c;
  if (p.v2 > 0.0) to_2 = p.q2 * (c - amounts[1] / p.v2);
  if (p.v3 > 0.0) to_3 = p.q3 * (c - amounts[2] / p.v3);
  d_amounts[0] = -elimination - to_2 - to_3;
  d_amounts[1] = to_2;
  d_amounts[2] = to_3;
}

}  // namespace icbsim::pk
