// What an immune cell senses around its voxel: PD-1/PD-L1 and alternative-checkpoint inhibition
// of a synapse, local suppression by neighbouring Tregs, MDSCs and M2 macrophages, TGF-β and
// hypoxia; the tumour cells within reach; and the chemokine-guided step to a neighbouring voxel.
#pragma once

#include <cstddef>
#include <cstdint>

#include "engine/abm/counter_stream.hpp"
#include "models/nsclc_spatial/step_context.hpp"

namespace icbsim::models::spatial {

/// Share of T-cell function left by checkpoints in a synapse with a cell of PD-L1 `target_pdl1`:
/// (1 − H_PD1)(1 − H_alt), H_PD1 = B^n/(B^n + K^n), B = (1 − RO_PD1)(1 − RO_PD-L1)(L + L_stroma)·PD1.
double checkpoint_free(const SpatialValues& p, const SystemicSignals& s, double target_pdl1, double pd1);

/// TGF-β occupancy H = T/(T + T50) at voxel v.
double tgfb_fraction(const StepContext& c, std::size_t v);

/// CXCR3 response 0-1 at voxel v: C/(C + C50)·(1 − cxcr3 suppression·H_TGF).
double chemokine_response(const StepContext& c, std::size_t v);

/// Product of local suppression factors of T-cell function at voxel v [-]:
/// 1/(1 + w_R·n_Treg)·1/(1 + w_M·n_MDSC)·1/(1 + w_M2·n_M2)·(1 − s_TGF·H_TGF)·(1 − s_hyp·K/(K + O2)),
/// counts over v and its Moore neighbours.
double local_function(const StepContext& c, std::size_t v);

/// Agent index meaning "no tumour cell".
inline constexpr std::int32_t kNoTumourCell = -1;

/// The viable tumour cell at voxel w, or kNoTumourCell.
std::int32_t viable_tumour_at(const Tissue& t, std::size_t w);

/// A viable tumour cell in voxel v or its Moore neighbours, chosen uniformly (reservoir sampling),
/// or kNoTumourCell.
std::int32_t random_adjacent_tumour_cell(const Tissue& t, std::size_t v, abm::CounterStream& rng);

/// How a cell kind crawls.
struct Crawl {
  double move_probability;  ///< chance of one step this lattice step
  double chemotaxis;        ///< χ of the CXCL9/10 bias (0: unbiased)
  bool cxcr3_gated;         ///< lymphocytes: stepping into the tumour parenchyma needs CXCR3 signal
};

/// With probability `move_probability`, steps immune agent i to a Moore neighbour with room,
/// choosing neighbour j with weight exp(χ·(C_j − C_i)/(C_i + C50)), times fibroblast_permeability
/// when a fibroblast fills j, and — for CXCR3-gated cells stepping onto a tumour cell — times
/// floor + (1 − floor)·CXCR3 response at j.
void step_immune_cell(const StepContext& c, std::size_t i, const Crawl& crawl, abm::CounterStream& rng);

/// Probability of one lattice step of a cell crawling at `speed` [um/day] (capped at 1).
double step_probability(const StepContext& c, double speed);

}  // namespace icbsim::models::spatial
