// Helpers of the focused nsclc_spatial rule tests: a hand-built tissue of a few voxels with agents
// placed one by one and fields set by hand, a StepContext for any step number, and the binomial and
// Poisson tolerances of the statistical checks.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/nsclc_spatial/spatial_fields.hpp"
#include "models/nsclc_spatial/spatial_parameters.hpp"
#include "models/nsclc_spatial/spatial_values.hpp"
#include "models/nsclc_spatial/step_context.hpp"
#include "models/nsclc_spatial/tissue.hpp"

namespace spatial_rules_test {

namespace sp = icbsim::models::spatial;
namespace abm = icbsim::abm;

/// Lattice step [day]: 6 min, the default `dt_days` = 1/240 day (docs/models/nsclc_spatial.md, "Rules").
inline constexpr double kDt = 1.0 / 240.0;
/// Voxel edge [um] (docs: `voxel_um` = 20 um).
inline constexpr double kVoxelUm = 20.0;
/// Width of the statistical checks, in standard deviations: a false failure has probability ~6e-5.
inline constexpr double kSigmas = 4.0;

/// The declared defaults in engine units (per day, um, uM, nM).
inline sp::SpatialValues default_values() {
  const std::vector<double> p = sp::default_parameters();
  return sp::SpatialValues(p);
}

/// Probability of an event of hazard `rate` [1/day] within one lattice step: 1 − exp(−rate·Δt).
inline double step_chance(double rate) { return 1.0 - std::exp(-rate * kDt); }

/// Half-width of the acceptance band of a binomial count of `n` trials with probability `p`.
inline double binomial_band(double n, double p) { return kSigmas * std::sqrt(n * p * (1.0 - p)); }
/// Half-width of the acceptance band of a Poisson count of mean `mean`.
inline double poisson_band(double mean) { return kSigmas * std::sqrt(mean); }

/// A lattice of a few voxels with its tissue, fields, parameters and systemic signals. Not movable:
/// the fields' solver keeps a reference to the lattice.
class TinyTissue {
 public:
  explicit TinyTissue(abm::Coord size, const sp::SpatialValues& values = default_values())
      : lattice(size, kVoxelUm), p(values), tissue(lattice), fields(lattice, p) {}
  TinyTissue(const TinyTissue&) = delete;
  TinyTissue& operator=(const TinyTissue&) = delete;

  std::size_t voxel(int x, int y, int z = 0) const { return lattice.index({x, y, z}); }

  /// A viable tumour cell of `clone` (0 antigenic, 1 escape) with PD-L1 `pdl1` (current and
  /// constitutive) and MHC-I `mhc`.
  std::size_t add_tumour(std::size_t v, double pdl1 = 1.0, double mhc = 1.0, int clone = 0) {
    const std::size_t i = tissue.agents.add(static_cast<std::uint8_t>(sp::CellKind::kTumour), static_cast<std::uint32_t>(v));
    tissue.agents.real(tissue.col.pdl1, i) = pdl1;
    tissue.agents.real(tissue.col.pdl1_base, i) = pdl1;
    tissue.agents.real(tissue.col.mhc, i) = mhc;
    tissue.agents.integer(tissue.col.clone, i) = clone;
    tissue.occupancy.set_exclusive(v, static_cast<std::int32_t>(i));
    return i;
  }
  std::size_t add_fibroblast(std::size_t v) {
    const std::size_t i =
        tissue.agents.add(static_cast<std::uint8_t>(sp::CellKind::kFibroblast), static_cast<std::uint32_t>(v));
    tissue.occupancy.set_exclusive(v, static_cast<std::int32_t>(i));
    return i;
  }
  /// An immune cell of `kind` in `state` (CD8: resting PD-1 = 1).
  std::size_t add_immune(sp::CellKind kind, std::size_t v, std::int32_t state = 0) {
    const std::size_t i = tissue.agents.add(static_cast<std::uint8_t>(kind), static_cast<std::uint32_t>(v));
    tissue.agents.integer(tissue.col.state, i) = state;
    if (kind == sp::CellKind::kCd8) tissue.agents.real(tissue.col.pd1, i) = 1.0;
    tissue.occupancy.add_mobile(v, tissue.mobile_class(i));
    return i;
  }
  /// Sets field `f` to `value` in every voxel.
  void fill(sp::FieldId f, double value) {
    for (double& x : fields[f].values()) x = value;
  }
  void set(sp::FieldId f, std::size_t v, double value) { fields[f].values()[v] = value; }

  sp::StepContext context(std::uint64_t step) { return sp::StepContext{tissue, fields, p, signals, kDt, step, key}; }

  abm::Lattice lattice;
  sp::SpatialValues p;
  sp::Tissue tissue;
  sp::SpatialFields fields;
  sp::SystemicSignals signals;
  abm::StreamKey key{2024, 0};
};

}  // namespace spatial_rules_test
