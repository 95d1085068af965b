// Field constants, boundaries and the secretion/uptake assembly.
#include "models/nsclc_spatial/spatial_fields.hpp"

namespace icbsim::models::spatial {
namespace {

using abm::Boundary;
constexpr std::array<Boundary, 3> kDirichlet{Boundary::kDirichlet, Boundary::kDirichlet, Boundary::kDirichlet};

abm::Field make(const abm::Lattice& lattice, const char* name, const char* unit, double diffusion, double decay,
                double outside) {
  // Every face opens onto more tissue: oxygen is held at the perfused far-field value, the
  // cytokines fall to 0 beyond the region (no sources outside it).
  return abm::Field(abm::FieldSpec{name, unit, diffusion, decay, kDirichlet, outside}, lattice, outside);
}

/// Litres per voxel: concentration rate [nM/day] = secretion [nmol/day] / volume [L].
double voxel_litres(const abm::Lattice& lattice) { return lattice.voxel_volume_um3() * 1e-15; }

}  // namespace

SpatialFields::SpatialFields(const abm::Lattice& lattice, const SpatialValues& p)
    : fields_{make(lattice, "oxygen", "uM", p.o2_diffusion, p.o2_decay, p.o2_supply),
              make(lattice, "ifng", "nM", p.ifng_diffusion, p.ifng_decay, 0.0),
              make(lattice, "tgfb", "nM", p.tgfb_diffusion, p.tgfb_decay, 0.0),
              make(lattice, "cxcl9_10", "nM", p.chemokine_diffusion, p.chemokine_decay, 0.0)},
      solver_(lattice) {}

void SpatialFields::assemble_sources(const Tissue& tissue, const SpatialValues& p) {
  for (auto& f : fields_) f.clear_sources();
  const double per_litre = 1.0 / voxel_litres(tissue.lattice());
  auto& o2_sink = fields_[kOxygen].sink();
  auto& ifng = fields_[kIfng].source();
  auto& tgfb = fields_[kTgfb].source();
  auto& chemokine = fields_[kChemokine].source();
  const abm::AgentStore& a = tissue.agents;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a.alive(i)) continue;
    const std::size_t v = a.voxel(i);
    switch (tissue.kind(i)) {
      case CellKind::kTumour:
        if (tissue.state(i) != kViable) break;
        o2_sink[v] += p.o2_uptake;
        chemokine[v] += (p.tumour_chemokine_basal + p.tumour_chemokine_ifng * a.real(tissue.col.signal, i)) * per_litre;
        break;
      case CellKind::kCd8: ifng[v] += p.ifng_secretion * a.real(tissue.col.secretion, i) * per_litre; break;
      case CellKind::kTreg: tgfb[v] += p.treg_tgfb * per_litre; break;
      case CellKind::kMacrophage:
        if (tissue.state(i) == kM2)
          tgfb[v] += p.m2_tgfb * per_litre;
        else
          chemokine[v] += p.m1_chemokine * per_litre;
        break;
      case CellKind::kFibroblast: tgfb[v] += p.fibroblast_tgfb * per_litre; break;
      case CellKind::kMdsc: break;
    }
  }
  for (const std::uint32_t v : tissue.vessel_voxels) {
    fields_[kOxygen].add_supply(v, p.o2_exchange, p.o2_supply);
    chemokine[v] += p.vessel_chemokine * per_litre;
  }
}

void SpatialFields::step_cytokines(double dt) {
  for (const FieldId f : {kIfng, kTgfb, kChemokine}) solver_.step(fields_[f], dt);
}

void SpatialFields::relax_oxygen(int cycles) { solver_.relax(fields_[kOxygen], cycles); }

}  // namespace icbsim::models::spatial
