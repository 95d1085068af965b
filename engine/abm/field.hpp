// A diffusing, decaying substance on the lattice: its values, its constants, its boundary
// conditions per axis, and the per-voxel secretion and linear uptake that agents add each step.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "engine/abm/lattice.hpp"

namespace icbsim::abm {

/// Outside-the-lattice condition of one axis (both faces).
enum class Boundary {
  kNoFlux,     ///< reflecting: nothing crosses the face (the default)
  kDirichlet,  ///< the outside holds `boundary_value` (surrounding tissue, far field)
};

struct FieldSpec {
  std::string name;
  std::string unit;                 ///< concentration unit (e.g. "nM", "mmHg")
  double diffusion = 0.0;           ///< [um^2/day]
  double decay = 0.0;               ///< first-order decay [1/day]
  std::array<Boundary, 3> boundary{Boundary::kNoFlux, Boundary::kNoFlux, Boundary::kNoFlux};
  double boundary_value = 0.0;      ///< outside value for Dirichlet faces [unit]
};

class Field {
 public:
  Field(FieldSpec spec, const Lattice& lattice, double initial);

  const FieldSpec& spec() const noexcept { return spec_; }
  std::vector<double>& values() noexcept { return values_; }
  const std::vector<double>& values() const noexcept { return values_; }
  double operator[](std::size_t v) const noexcept { return values_[v]; }

  /// Per-voxel zero-order production [unit/day] of this step.
  std::vector<double>& source() noexcept { return source_; }
  const std::vector<double>& source() const noexcept { return source_; }
  /// Per-voxel extra first-order loss [1/day] of this step (uptake), on top of `decay`.
  std::vector<double>& sink() noexcept { return sink_; }
  const std::vector<double>& sink() const noexcept { return sink_; }

  /// Relaxation toward `target` at `rate` [1/day] in voxel v (e.g. supply from a vessel):
  /// rate·(target − c), treated implicitly like uptake.
  void add_supply(std::size_t v, double rate, double target) noexcept {
    sink_[v] += rate;
    source_[v] += rate * target;
  }
  /// Zeroes sources and sinks (start of the secretion phase).
  void clear_sources();

 private:
  FieldSpec spec_;
  std::vector<double> values_;
  std::vector<double> source_;
  std::vector<double> sink_;
};

}  // namespace icbsim::abm
