// The tissue of the NSCLC lattice: cell kinds and their states, the agent columns, voxel
// occupancy with the occupancy rules, and the static layout (vessels, stromal rim, nest).
//
// Occupancy rules: a voxel holds at most one tumour cell (viable or dead) or fibroblast, or is a
// vessel; immune cells (CD8, Treg, MDSC, macrophage) share voxels, up to immune_cap_free of them
// in a voxel without a tumour cell or fibroblast (vessel voxels included) and immune_cap_shared
// beside one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/abm/agent_store.hpp"
#include "engine/abm/lattice.hpp"
#include "engine/abm/occupancy.hpp"

namespace icbsim::models::spatial {

enum class CellKind : std::uint8_t { kTumour = 0, kCd8 = 1, kTreg = 2, kMdsc = 3, kMacrophage = 4, kFibroblast = 5 };
inline constexpr std::size_t kCellKinds = 6;
inline constexpr const char* kCellKindNames[kCellKinds] = {"tumour", "cd8", "treg", "mdsc", "macrophage", "fibroblast"};

/// Mobile-cell classes counted per voxel (local suppression reads them).
enum MobileClass : std::uint8_t { kCd8Class = 0, kTregClass = 1, kMdscClass = 2, kM1Class = 3, kM2Class = 4 };
inline constexpr std::size_t kMobileClasses = 5;

/// Values of the `state` column per kind.
enum TumourState : std::int32_t { kViable = 0, kKilledByImmune = 1, kDeadOther = 2 };
enum Cd8State : std::int32_t { kEffector = 0, kExhausted = 1 };
enum MacrophageState : std::int32_t { kM2 = 0, kM1 = 1 };

/// Where a voxel lies in the initial layout.
enum class Zone : std::uint8_t { kStroma = 0, kRim = 1, kNest = 2 };
/// Vessel voxels: none, in the stroma/rim, inside the nest.
enum class Vessel : std::uint8_t { kNone = 0, kStromal = 1, kIntratumoural = 2 };

/// Handles of the agent columns (shared by all kinds; each kind uses some).
struct TissueColumns {
  abm::RealColumn pdl1;        ///< tumour: current PD-L1 [relative]
  abm::RealColumn pdl1_base;   ///< tumour: constitutive PD-L1 (heritable) [relative]
  abm::RealColumn mhc;         ///< tumour: current MHC-I presentation [relative]
  abm::RealColumn signal;      ///< tumour: IFN-γ signalling 0-1
  abm::RealColumn pd1;         ///< cd8: relative PD-1 (1 = resting)
  abm::RealColumn exhaustion;  ///< cd8: accumulated inhibited synapses
  abm::RealColumn secretion;   ///< cd8: IFN-γ secretion factor of this step (0 when not engaged)
  abm::IntColumn state;        ///< TumourState / Cd8State / MacrophageState
  abm::IntColumn clone;        ///< tumour: 0 antigenic, 1 escape (MHC-I-low)
  abm::IntColumn cycling;      ///< tumour: 1 if able to divide this step (O2 and space)
  abm::IntColumn kills;        ///< cd8: tumour cells killed
  abm::IntColumn synapses;     ///< cd8: synapses formed
  abm::IntColumn engaged;      ///< cd8: 0, or 1 + the voxel of its synapse's target (tumour cells never move)
};

class Tissue {
 public:
  explicit Tissue(const abm::Lattice& lattice);

  const abm::Lattice& lattice() const noexcept { return lattice_; }

  CellKind kind(std::size_t i) const noexcept { return static_cast<CellKind>(agents.kind(i)); }
  std::int32_t state(std::size_t i) const noexcept { return agents.integer(col.state, i); }
  bool viable_tumour(std::size_t i) const noexcept {
    return agents.alive(i) && kind(i) == CellKind::kTumour && state(i) == kViable;
  }
  /// Mobile class of immune agent i.
  std::uint8_t mobile_class(std::size_t i) const noexcept;
  /// Immune cells voxel v may hold (occupancy rules), given the caps.
  int immune_capacity(std::size_t v, int cap_free, int cap_shared) const noexcept {
    const std::int32_t e = occupancy.exclusive(v);
    return (e == abm::Occupancy::kEmpty || e == abm::Occupancy::kBlocked) ? cap_free : cap_shared;
  }
  /// True when a fibroblast fills voxel v.
  bool fibroblast_at(std::size_t v) const noexcept {
    const std::int32_t e = occupancy.exclusive(v);
    return e >= 0 && kind(static_cast<std::size_t>(e)) == CellKind::kFibroblast;
  }
  /// Refills the occupancy from the living agents (vessels stay blocked).
  void rebuild_occupancy();
  /// Marks voxel v as a vessel of the given kind (blocked for tissue cells).
  void add_vessel(std::size_t v, Vessel kind);

  abm::AgentStore agents;
  TissueColumns col;
  abm::Occupancy occupancy;
  std::vector<Vessel> vessel;                ///< per voxel
  std::vector<std::uint32_t> vessel_voxels;  ///< vessel voxels, ascending
  std::vector<Zone> zone;                    ///< per voxel, from the initial layout

 private:
  abm::Lattice lattice_;
};

}  // namespace icbsim::models::spatial
