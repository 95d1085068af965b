// Unconditionally stable diffusion–decay–reaction step for lattice fields: the Douglas
// alternating-direction implicit scheme (Douglas & Gunn 1964, theta = 1), one tridiagonal
// (Thomas algorithm) solve per lattice line and direction, lines in parallel with OpenMP.
//
//   du/dt = D ∇²u − κ(x)·u + f(x),   κ = decay + sink,   f = source
//
//   v0 = u + Δt·(D∇²u − κu + f)
//   (I − Δt·A_i) v_i = v_{i−1} − Δt·A_i u ,  A_i = D δ_i² − κ/d ,  i = 1..d
//   u_new = v_d
//
// First order in time and stable for any Δt; unlike plain LOD splitting its steady state is
// exactly the steady state of the full discrete operator (v_d − u = Π(I − ΔtA_i)⁻¹·Δt(Au + f)),
// so quasi-steady fields (oxygen) carry no splitting error. Each voxel's result is independent
// of the thread that computed it.
#pragma once

#include <vector>

#include "engine/abm/field.hpp"
#include "engine/abm/lattice.hpp"

namespace icbsim::abm {

class DiffusionSolver {
 public:
  explicit DiffusionSolver(const Lattice& lattice) : lattice_(lattice) {}

  /// Advances `field` by dt [day] with its current sources and sinks.
  void step(Field& field, double dt);

 private:
  void explicit_predictor(const Field& field, double dt);
  void implicit_direction(const Field& field, int axis, double dt);

  const Lattice& lattice_;
  std::vector<double> kappa_;  ///< decay + sink per voxel [1/day]
  std::vector<double> work_;   ///< v_i
};

}  // namespace icbsim::abm
