// Lattice model: construction (layout, seeding, oxygen warm-up), the step schedule and counts.
#include "models/nsclc_spatial/lattice_model.hpp"

#include "engine/core/errors.hpp"
#include "models/nsclc_spatial/cd8_rules.hpp"
#include "models/nsclc_spatial/myeloid_rules.hpp"
#include "models/nsclc_spatial/recruitment.hpp"
#include "models/nsclc_spatial/tumour_rules.hpp"

namespace icbsim::models::spatial {
namespace {

/// Relaxation cycles of oxygen before the start, from the far-field value to its quasi-steady state.
constexpr int kOxygenWarmUpCycles = 20;

}  // namespace

StepTally& StepTally::operator+=(const StepTally& o) {
  immune_kills += o.immune_kills;
  m1_kills += o.m1_kills;
  apoptosis += o.apoptosis;
  necrosis += o.necrosis;
  chemo_kills += o.chemo_kills;
  adc_kills += o.adc_kills;
  cleared += o.cleared;
  tumour_divisions += o.tumour_divisions;
  cd8_divisions += o.cd8_divisions;
  cd8_arrivals += o.cd8_arrivals;
  cd8_entries += o.cd8_entries;
  exhaustions += o.exhaustions;
  extravasation += o.extravasation;
  steps += o.steps;
  return *this;
}

LatticeModel::LatticeModel(const abm::Lattice& lattice, std::span<const double> spatial_parameters, double dt,
                           int block_size, abm::StreamKey key, const BedComposition& bed, int oxygen_every)
    : lattice_(lattice),
      values_(spatial_parameters),
      dt_(dt),
      key_(key),
      tissue_(lattice_),
      fields_(lattice_, values_),
      blocks_(lattice_, block_size) {
  if (!(dt_ > 0.0)) throw Error("nsclc_spatial: the lattice step must be positive");
  if (oxygen_every < 1) throw Error("nsclc_spatial: oxygen must be relaxed at least every lattice step");
  lay_out_tissue(tissue_, values_, key_, bed);
  seed_immune_cells(tissue_, values_, key_, bed);
  scratch_.resize(blocks_.block_count());
  fields_.assemble_sources(tissue_, values_);
  fields_.relax_oxygen(kOxygenWarmUpCycles);
  using abm::OperationKind;
  schedule_.add({"compact_and_index", OperationKind::kDomain, 1, [this](std::uint64_t) { compact_and_index(); }});
  schedule_.add({"recruitment", OperationKind::kDomain, 1, [this](std::uint64_t) {
                   recruit_immune_cells(context(), counts().viable(), tally_);
                 }});
  schedule_.add({"group_by_block", OperationKind::kDomain, 1, [this](std::uint64_t) {
                   blocks_.assign(tissue_.agents.voxels(), tissue_.agents.alive_flags());
                 }});
  schedule_.add({"agent_rules", OperationKind::kAgents, 1, [this](std::uint64_t) { update_agents(); }});
  schedule_.add({"merge_births", OperationKind::kDomain, 1, [this](std::uint64_t) { merge_births(); }});
  schedule_.add({"secretion_uptake", OperationKind::kDomain, 1,
                 [this](std::uint64_t) { fields_.assemble_sources(tissue_, values_); }});
  schedule_.add({"cytokine_diffusion", OperationKind::kDomain, 1, [this](std::uint64_t) { fields_.step_cytokines(dt_); }});
  schedule_.add({"oxygen_relaxation", OperationKind::kDomain, static_cast<std::uint64_t>(oxygen_every),
                 [this](std::uint64_t) { fields_.relax_oxygen(1); }});
}

StepContext LatticeModel::context() { return StepContext{tissue_, fields_, values_, *signals_, dt_, step_, key_}; }

void LatticeModel::step(const SystemicSignals& signals) {
  signals_ = &signals;
  schedule_.run(step_);
  signals_ = nullptr;
  ++step_;
}

void LatticeModel::compact_and_index() {
  tissue_.agents.remove_dead();
  tissue_.rebuild_occupancy();
}

void LatticeModel::update_agents() {
  for (BlockScratch& s : scratch_) {
    s.births.clear();
    s.tally = StepTally{};
  }
  const StepContext c = context();
  blocks_.run([&](std::size_t i, std::uint32_t block) {
    BlockScratch& out = scratch_[block];
    switch (tissue_.kind(i)) {
      case CellKind::kTumour: update_tumour_cell(c, i, out); break;
      case CellKind::kCd8: update_cd8(c, i, out); break;
      case CellKind::kTreg: update_treg(c, i); break;
      case CellKind::kMdsc: update_mdsc(c, i); break;
      case CellKind::kMacrophage: update_macrophage(c, i, out); break;
      case CellKind::kFibroblast: break;
    }
  });
  for (const BlockScratch& s : scratch_) tally_ += s.tally;
}

void LatticeModel::merge_births() {
  abm::AgentStore& a = tissue_.agents;
  for (const BlockScratch& s : scratch_) {
    for (const abm::PendingAgent& birth : s.births) {
      const std::size_t i = a.add(birth);
      if (tissue_.kind(i) == CellKind::kTumour) {
        tissue_.occupancy.set_exclusive(birth.voxel, static_cast<std::int32_t>(i));
      } else {  // a CD8 daughter: same PD-1 and exhaustion history, no kills or synapse of its own
        a.integer(tissue_.col.kills, i) = 0;
        a.integer(tissue_.col.synapses, i) = 0;
        a.integer(tissue_.col.engaged, i) = 0;
        a.real(tissue_.col.secretion, i) = 0.0;
      }
    }
  }
}

StepTally LatticeModel::take_tally() {
  const StepTally t = tally_;
  tally_ = StepTally{};
  return t;
}

LatticeCounts LatticeModel::counts() const {
  LatticeCounts n;
  const abm::AgentStore& a = tissue_.agents;
  double signal = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a.alive(i)) continue;
    const std::int32_t state = tissue_.state(i);
    switch (tissue_.kind(i)) {
      case CellKind::kTumour:
        if (state != kViable) {
          ++n.dead;
        } else {
          (a.integer(tissue_.col.clone, i) == 0 ? n.antigenic : n.escape) += 1;
          signal += a.real(tissue_.col.signal, i);
        }
        break;
      case CellKind::kCd8: (state == kExhausted ? n.exhausted : n.effector) += 1; break;
      case CellKind::kTreg: ++n.treg; break;
      case CellKind::kMdsc: ++n.mdsc; break;
      case CellKind::kMacrophage: (state == kM1 ? n.m1 : n.m2) += 1; break;
      case CellKind::kFibroblast: ++n.fibroblasts; break;
    }
  }
  n.mean_signal = n.viable() > 0 ? signal / static_cast<double>(n.viable()) : 0.0;
  return n;
}

}  // namespace icbsim::models::spatial
