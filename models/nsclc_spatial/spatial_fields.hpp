// The four diffusing fields of the NSCLC lattice — oxygen [uM], IFN-γ [nM], TGF-β [nM] and the
// CXCR3 ligands CXCL9/10 [nM] — their constants and boundaries, and the per-step assembly of
// secretion and uptake from the agents. The antibody is not a field: its tumour occupancy comes
// from the systemic PK (docs/models/nsclc_spatial.md, "Drugs").
#pragma once

#include <array>
#include <cstddef>

#include "engine/abm/diffusion_solver.hpp"
#include "engine/abm/field.hpp"
#include "engine/abm/lattice.hpp"
#include "models/nsclc_spatial/spatial_values.hpp"
#include "models/nsclc_spatial/tissue.hpp"

namespace icbsim::models::spatial {

enum FieldId : std::size_t { kOxygen = 0, kIfng = 1, kTgfb = 2, kChemokine = 3 };
inline constexpr std::size_t kFieldCount = 4;

class SpatialFields {
 public:
  SpatialFields(const abm::Lattice& lattice, const SpatialValues& p);

  const abm::Field& operator[](FieldId f) const noexcept { return fields_[f]; }
  abm::Field& operator[](FieldId f) noexcept { return fields_[f]; }

  /// Secretion and uptake of this step from the living agents and the vessels (agents in store
  /// order, so the sums are the same for any thread count).
  void assemble_sources(const Tissue& tissue, const SpatialValues& p);
  /// Advances the cytokines (IFN-γ, TGF-β, CXCL9/10) by a transient step of dt [day].
  void step_cytokines(double dt);
  /// Relaxes oxygen toward the quasi-steady state of the current uptake and supply by `cycles`
  /// cycles (oxygen relaxes within a minute, so it follows the tissue quasi-statically).
  void relax_oxygen(int cycles);

 private:
  std::array<abm::Field, kFieldCount> fields_;
  abm::DiffusionSolver solver_;
};

}  // namespace icbsim::models::spatial
