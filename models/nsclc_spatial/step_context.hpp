// What every lattice rule reads in one step: the tissue, the fields, the parameters, the systemic
// signals held over the coupling interval, the step and the random-stream key; and what a block
// of agents writes: its births and its tally of events.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "engine/abm/agent_store.hpp"
#include "engine/abm/counter_stream.hpp"
#include "models/nsclc_spatial/spatial_fields.hpp"
#include "models/nsclc_spatial/spatial_values.hpp"
#include "models/nsclc_spatial/tissue.hpp"

namespace icbsim::models::spatial {

/// Systemic quantities the lattice reads, held constant over one coupling interval.
struct SystemicSignals {
  double cd8_arrivals = 0.0;      ///< primed effectors arriving at the lattice's vessels [cells/day]
  double ro_pd1 = 0.0;            ///< tumour PD-1 occupancy by the anti-PD-1 slot [-]
  double ro_pdl1 = 0.0;           ///< tumour PD-L1 occupancy by the anti-PD-L1 slot [-]
  double ro_ctla4 = 0.0;          ///< CTLA-4 occupancy [-]
  double chemo_kill = 0.0;        ///< cytotoxic kill rate of cycling tumour cells [1/day]
  double adc_kill = 0.0;          ///< ADC kill rate of tumour cells [1/day]
  double lymphocyte_kill = 0.0;   ///< cytotoxic kill rate of lymphocytes [1/day]
};

/// Events counted on the lattice (integers: sums do not depend on order).
struct StepTally {
  std::int64_t immune_kills = 0, m1_kills = 0, apoptosis = 0, necrosis = 0, chemo_kills = 0, adc_kills = 0,
               cleared = 0, tumour_divisions = 0, cd8_divisions = 0, cd8_arrivals = 0, cd8_entries = 0,
               exhaustions = 0;
  double extravasation = 0.0;  ///< sum over steps of the mean extravasation probability at vessels
  std::int64_t steps = 0;
  StepTally& operator+=(const StepTally& o);
};

/// Random-stream purposes of the lattice (distinct purposes never share numbers).
enum class Purpose : std::uint32_t {
  kLayout = 1,
  kSeeding = 2,
  kTumour = 3,
  kCd8 = 4,
  kTreg = 5,
  kMdsc = 6,
  kMacrophage = 7,
  kRecruitment = 8,
};

struct StepContext {
  Tissue& tissue;
  const SpatialFields& fields;
  const SpatialValues& p;
  const SystemicSignals& signals;
  double dt;            ///< [day]
  std::uint64_t step;   ///< lattice step number
  abm::StreamKey key;

  abm::CounterStream stream(std::size_t agent, Purpose purpose) const {
    return abm::CounterStream(key, step, tissue.agents.id(agent), static_cast<std::uint32_t>(purpose));
  }
  /// Probability of an event of hazard `rate` [1/day] within the step.
  double chance(double rate) const { return rate > 0.0 ? -std::expm1(-rate * dt) : 0.0; }
};

/// Output of one block in the agent phase.
struct BlockScratch {
  std::vector<abm::PendingAgent> births;
  StepTally tally;
};

}  // namespace icbsim::models::spatial
