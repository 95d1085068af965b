// The lattice part of the hybrid model: owns the tissue, the fields and the step schedule, and
// advances them one lattice step at a time under systemic signals held for the coupling interval.
//
// One step (printable with schedule()):
//   1. compact_and_index   remove dead/cleared agents, rebuild occupancy            (domain)
//   2. recruitment         immune-cell entry at vessels                            (domain)
//   3. group_by_block      assign agents to blocks for the coloured update         (domain)
//   4. agent_rules         tumour, CD8, Treg, MDSC, macrophage rules               (agents)
//   5. merge_births        append daughters in block order                         (domain)
//   6. secretion_uptake    per-voxel sources and sinks of the four fields          (domain)
//   7. cytokine_diffusion  LOD step of IFN-γ, TGF-β, CXCL9/10                       (domain)
//   8. oxygen_relaxation   one ADI cycle toward oxygen's quasi-steady state         (domain, every
//                          `oxygen_every` steps)
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/abm/block_schedule.hpp"
#include "engine/abm/counter_stream.hpp"
#include "engine/abm/lattice.hpp"
#include "engine/abm/step_schedule.hpp"
#include "models/nsclc_spatial/layout.hpp"
#include "models/nsclc_spatial/spatial_fields.hpp"
#include "models/nsclc_spatial/spatial_values.hpp"
#include "models/nsclc_spatial/step_context.hpp"
#include "models/nsclc_spatial/tissue.hpp"

namespace icbsim::models::spatial {

/// Cell counts on the lattice.
struct LatticeCounts {
  std::size_t antigenic = 0, escape = 0, dead = 0, effector = 0, exhausted = 0, treg = 0, mdsc = 0, m1 = 0, m2 = 0,
              fibroblasts = 0;
  std::size_t viable() const noexcept { return antigenic + escape; }
  double mean_signal = 0.0;  ///< mean IFN-γ signalling of viable tumour cells
};

class LatticeModel {
 public:
  /// Lays out and seeds the lattice; brings oxygen to its quasi-steady state. `dt` [day] is the
  /// lattice step, `block_size` the edge of the update blocks (>= 3 voxels), `oxygen_every` the
  /// lattice steps between oxygen relaxation cycles.
  LatticeModel(const abm::Lattice& lattice, std::span<const double> spatial_parameters, double dt, int block_size,
               abm::StreamKey key, const BedComposition& bed, int oxygen_every = 10);
  LatticeModel(const LatticeModel&) = delete;
  LatticeModel& operator=(const LatticeModel&) = delete;

  /// One lattice step under `signals`.
  void step(const SystemicSignals& signals);
  /// Events since the last call (and resets them).
  StepTally take_tally();

  LatticeCounts counts() const;
  const Tissue& tissue() const noexcept { return tissue_; }
  const SpatialFields& fields() const noexcept { return fields_; }
  const SpatialValues& values() const noexcept { return values_; }
  std::uint64_t steps_done() const noexcept { return step_; }
  double dt() const noexcept { return dt_; }
  /// The schedule of one step, one line per operation.
  std::string schedule() const { return schedule_.describe(); }

 private:
  StepContext context();
  void compact_and_index();
  void update_agents();
  void merge_births();

  abm::Lattice lattice_;
  SpatialValues values_;
  double dt_;
  abm::StreamKey key_;
  Tissue tissue_;
  SpatialFields fields_;
  abm::BlockSchedule blocks_;
  std::vector<BlockScratch> scratch_;
  abm::StepSchedule schedule_;
  const SystemicSignals* signals_ = nullptr;  ///< valid during step()
  StepTally tally_;
  std::uint64_t step_ = 0;
};

}  // namespace icbsim::models::spatial
