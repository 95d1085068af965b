// One spatial patient: the nsclc_icb systemic model (priming, blood, drugs) coupled to the
// nsclc_spatial lattice (the tumour bed) by sequential operator splitting. Per coupling interval
// [t, t + Δc]:
//   1. the lattice advances Δc/dt steps under the systemic signals at t (blood effectors ->
//      arrivals, receptor occupancy, drug kill rates);
//   2. the systemic model advances over [t, t + Δc] with the lattice's interval means (antigen flux,
//      extravasation, M2 presentation), and its tumour-bed states are set from the lattice at
//      t + Δc, scaled by S = patient tumour cells / lattice tumour cells at the start.
// The lattice is a representative region of the tumour (as in spQSP-IO, Gong 2021): the patient's
// tumour cells, volume and diameter are the lattice's counts times S.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/abm/lattice.hpp"
#include "engine/core/solver_settings.hpp"
#include "engine/core/task.hpp"
#include "models/nsclc_spatial/lattice_model.hpp"
#include "models/nsclc_spatial/spatial_metrics.hpp"
#include "models/nsclc_spatial/systemic_part.hpp"

namespace icbsim::models::spatial {

/// Numerical settings of the spatial mode (the future `spatial:` scenario section).
struct SpatialSettings {
  abm::Coord lattice{60, 60, 1};     ///< voxels per axis; z = 1 for a 2-D section
  double voxel_um = 20.0;            ///< voxel edge [um], about one cell diameter
  double dt_days = 1.0 / 240.0;      ///< lattice step [day] (6 min)
  int steps_per_coupling = 60;       ///< lattice steps per coupling interval (Δc = 6 h at 6-min steps)
  int block_size = 6;                ///< edge of the parallel-update blocks [voxels], >= 3
  int oxygen_every = 10;             ///< lattice steps between oxygen relaxation cycles (1 h)
  std::uint64_t seed = 1;            ///< scenario seed
  std::uint64_t task = 0;            ///< task id (patient)
};

/// Everything a spatial patient is made from.
struct SpatialPatientInput {
  std::vector<double> systemic_parameters;  ///< nsclc_icb, declaration order (overlays applied)
  std::vector<double> systemic_state;       ///< nsclc_icb initial state
  std::vector<DoseEvent> doses;             ///< into nsclc_icb states (engine treatment binding)
  SolverSettings solver;                    ///< for the systemic model
  std::vector<double> spatial_parameters;   ///< nsclc_spatial, declaration order (overlays applied)
  SpatialSettings settings;
};

/// One row of a spatial patient's history.
struct SpatialRecord {
  double t = 0.0;                 ///< [day]
  double tumour_volume_ml = 0.0;  ///< patient lesion volume (viable + dead tumour cells)
  double tumour_diameter_mm = 0.0;
  LatticeCounts counts;
  SpatialMetrics metrics;
};

class SpatialPatient {
 public:
  explicit SpatialPatient(const SpatialPatientInput& input);

  /// Advances whole coupling intervals until time() >= t [day].
  void advance_to(double t);
  /// Advances to each time of `times` (ascending) and records the patient there.
  std::vector<SpatialRecord> record(const std::vector<double>& times);
  /// The patient now.
  SpatialRecord snapshot() const;

  double time() const noexcept { return systemic_.time(); }
  double coupling_days() const noexcept { return coupling_; }
  /// Patient tumour cells per lattice tumour cell.
  double scale() const noexcept { return scale_; }
  double tumour_volume_ml() const;
  double tumour_diameter_mm() const;
  SpatialMetrics metrics() const;
  const SystemicPart& systemic() const noexcept { return systemic_; }
  const LatticeModel& lattice() const noexcept { return *lattice_; }

 private:
  void couple_once();

  SystemicPart systemic_;
  std::unique_ptr<LatticeModel> lattice_;
  double coupling_;
  int steps_per_coupling_;
  double scale_;
  std::uint64_t intervals_ = 0;
  double t0_;
};

}  // namespace icbsim::models::spatial
