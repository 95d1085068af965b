// Tissue: column declaration, mobile classes and occupancy rebuild.
#include "models/nsclc_spatial/tissue.hpp"

namespace icbsim::models::spatial {

Tissue::Tissue(const abm::Lattice& lattice)
    : occupancy(lattice.voxel_count(), kMobileClasses),
      vessel(lattice.voxel_count(), Vessel::kNone),
      zone(lattice.voxel_count(), Zone::kStroma),
      lattice_(lattice) {
  col.pdl1 = agents.add_real_column("pdl1");
  col.pdl1_base = agents.add_real_column("pdl1_constitutive");
  col.mhc = agents.add_real_column("mhc_i");
  col.signal = agents.add_real_column("ifng_signal");
  col.pd1 = agents.add_real_column("pd1");
  col.exhaustion = agents.add_real_column("exhaustion");
  col.secretion = agents.add_real_column("ifng_secretion_factor");
  col.state = agents.add_int_column("state");
  col.clone = agents.add_int_column("clone");
  col.cycling = agents.add_int_column("cycling");
  col.kills = agents.add_int_column("kills");
  col.synapses = agents.add_int_column("synapses");
  col.engaged = agents.add_int_column("engaged");
}

std::uint8_t Tissue::mobile_class(std::size_t i) const noexcept {
  switch (kind(i)) {
    case CellKind::kCd8: return kCd8Class;
    case CellKind::kTreg: return kTregClass;
    case CellKind::kMdsc: return kMdscClass;
    case CellKind::kMacrophage: return state(i) == kM1 ? kM1Class : kM2Class;
    default: return kCd8Class;  // not reached for exclusive kinds
  }
}

void Tissue::rebuild_occupancy() {
  occupancy.rebuild(agents, [this](std::size_t i) {
    const CellKind k = kind(i);
    const bool exclusive = k == CellKind::kTumour || k == CellKind::kFibroblast;
    return abm::OccupancyRole{exclusive, exclusive ? std::uint8_t{0} : mobile_class(i)};
  });
}

void Tissue::add_vessel(std::size_t v, Vessel kind) {
  vessel[v] = kind;
  occupancy.set_exclusive(v, abm::Occupancy::kBlocked);
  vessel_voxels.push_back(static_cast<std::uint32_t>(v));
}

}  // namespace icbsim::models::spatial
