// Immune-cell entry at vessels (sources: docs/models/nsclc_spatial.md, "Entry").
#include "models/nsclc_spatial/recruitment.hpp"

#include <boost/random/poisson_distribution.hpp>

#include "models/nsclc_spatial/local_environment.hpp"

namespace icbsim::models::spatial {
namespace {

/// Entity ids of the recruitment streams (one per cell kind), far from any agent id.
constexpr std::uint64_t kRecruitmentEntity = 0xffff'ffff'0000'0000ull;

/// Adds one cell of `kind` (and macrophage/CD8 state) at a random vessel voxel with room, if
/// it extravasates. Returns true when it entered.
bool try_entry(const StepContext& c, CellKind kind, bool lymphocyte, abm::CounterStream& rng) {
  Tissue& t = c.tissue;
  const std::size_t v = t.vessel_voxels[rng.below(t.vessel_voxels.size())];
  const bool crosses = rng.bernoulli(lymphocyte ? extravasation_probability(c, v) : 1.0);
  if (!crosses) return false;
  const int cap = t.immune_capacity(v, static_cast<int>(c.p.immune_cap_free), static_cast<int>(c.p.immune_cap_shared));
  if (t.occupancy.mobile(v) >= cap) return false;
  const std::size_t i = t.agents.add(static_cast<std::uint8_t>(kind), static_cast<std::uint32_t>(v));
  if (kind == CellKind::kCd8) t.agents.real(t.col.pd1, i) = 1.0;  // resting PD-1; state effector (0)
  t.occupancy.add_mobile(v, t.mobile_class(i));                  // macrophages enter as M2 (state 0)
  return true;
}

/// Poisson number of arrivals with mean `mean`, from the stream of `kind`.
int arrivals(double mean, abm::CounterStream& rng) {
  if (!(mean > 0.0)) return 0;
  return boost::random::poisson_distribution<int, double>(mean)(rng);
}

}  // namespace

double extravasation_probability(const StepContext& c, std::size_t v) {
  const double site = c.tissue.vessel[v] == Vessel::kIntratumoural ? c.p.tumour_vessel_extravasation : 1.0;
  return site * (c.p.extravasation_floor + (1.0 - c.p.extravasation_floor) * chemokine_response(c, v));
}

void recruit_immune_cells(const StepContext& c, std::size_t viable_tumour_cells, StepTally& tally) {
  const Tissue& t = c.tissue;
  if (t.vessel_voxels.empty()) return;
  double mean_extravasation = 0.0;
  for (const std::uint32_t v : t.vessel_voxels) mean_extravasation += extravasation_probability(c, v);
  tally.extravasation += mean_extravasation / static_cast<double>(t.vessel_voxels.size());
  ++tally.steps;

  const auto tumour = static_cast<double>(viable_tumour_cells);
  struct Source {
    CellKind kind;
    double per_day;
    bool lymphocyte;
  };
  const Source sources[] = {{CellKind::kCd8, c.signals.cd8_arrivals, true},
                            {CellKind::kTreg, c.p.treg_entry * tumour, true},
                            {CellKind::kMdsc, c.p.mdsc_entry * tumour, false},
                            {CellKind::kMacrophage, c.p.macrophage_entry * tumour, false}};
  for (const Source& s : sources) {
    abm::CounterStream rng(c.key, c.step, kRecruitmentEntity + static_cast<std::uint64_t>(s.kind),
                           static_cast<std::uint32_t>(Purpose::kRecruitment));
    const int n = arrivals(s.per_day * c.dt, rng);
    for (int k = 0; k < n; ++k) {
      const bool entered = try_entry(c, s.kind, s.lymphocyte, rng);
      if (s.kind == CellKind::kCd8) {
        ++tally.cd8_arrivals;
        if (entered) ++tally.cd8_entries;
      }
    }
  }
}

}  // namespace icbsim::models::spatial
