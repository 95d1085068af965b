// Unconditionally stable solvers for lattice fields du/dt = D∇²u − κ(x)·u + f(x), κ = decay +
// sink, f = source; one tridiagonal (Thomas algorithm) solve per lattice line and direction, lines
// in parallel with OpenMP (each voxel's result is independent of the thread that computed it).
//
// step(): one transient step by locally one-dimensional backward Euler (LOD; Yanenko; the BioFVM
// scheme of Ghaffarizadeh 2016): u* = (u + Δt·f)/(1 + Δt·κ), then (I − Δt·Dδ_i²)·u = u* for i = x, y, z.
// First order in time, L-stable (sharp secretion by single cells leaves no ringing), positivity
// preserving. Its splitting error grows with Δt·κ, so it suits fields with slow decay (cytokines).
//
// relax(): the quasi-steady state of a fast field with stiff uptake (oxygen: relaxation in
// ~0.3 min against a 6-min lattice step), by the classical ADI iteration — Douglas steps
// (Douglas & Gunn 1964) v0 = u + τ(Au + f), (I − τA_i)v_i = v_{i−1} − τA_i u, A_i = Dδ_i² − κ/d, whose
// fixed point is exactly the steady state of the full discrete operator, cycled over pseudo time
// steps τ spread geometrically over the operator's spectrum (Peaceman & Rachford 1955; Wachspress
// 1966) so that smooth and sharp error modes are all damped.
#pragma once

#include <vector>

#include "engine/abm/field.hpp"
#include "engine/abm/lattice.hpp"

namespace icbsim::abm {

class DiffusionSolver {
 public:
  explicit DiffusionSolver(const Lattice& lattice) : lattice_(lattice) {}

  /// Advances `field` by dt [day] with its current sources and sinks (LOD backward Euler).
  void step(Field& field, double dt);
  /// Moves `field` toward the steady state of its current sources and sinks by `cycles` cycles of
  /// the pseudo-time ADI iteration (warm-started from the current values).
  void relax(Field& field, int cycles);

 private:
  void fill_kappa(const Field& field);
  void douglas_step(Field& field, double tau);
  void explicit_predictor(const Field& field, double dt);
  /// Solves direction `axis` into work_: LOD from the field's values, Douglas in place on work_
  /// (which holds the predictor).
  void implicit_direction(const Field& field, int axis, double dt, bool douglas);

  const Lattice& lattice_;
  std::vector<double> kappa_;  ///< decay + sink per voxel [1/day]
  std::vector<double> work_;
};

}  // namespace icbsim::abm
