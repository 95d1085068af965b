// The systemic side of a spatial patient: nsclc_icb's state advanced over one coupling interval
// with the engine's Simulator (HybridSystemic), the patient's doses cut to the interval, and the
// signals the lattice reads (blood effectors, receptor occupancy, drug kill rates).
#pragma once

#include <vector>

#include "engine/core/task.hpp"
#include "models/nsclc_spatial/hybrid_systemic.hpp"
#include "models/nsclc_spatial/layout.hpp"
#include "models/nsclc_spatial/lattice_model.hpp"
#include "models/nsclc_spatial/step_context.hpp"

namespace icbsim::models::spatial {

/// Lattice measurements over one coupling interval, in patient units.
struct CouplingInputs {
  double antigen_flux = 0.0;  ///< [cells/day]
  double presentation = 1.0;  ///< M2 factor on DC maturation [-]
  double entry_rate = 0.0;    ///< per-capita entry of blood effectors into the tumour [1/day]
};

/// Doses of `doses` falling in [t0, t1): boluses at t0 <= time < t1, and the part of each
/// infusion inside the interval (amount in proportion to its duration).
std::vector<DoseEvent> doses_within(const std::vector<DoseEvent>& doses, double t0, double t1);

class SystemicPart {
 public:
  /// nsclc_icb parameters and initial state (declaration order), the patient's doses into
  /// nsclc_icb states, and the solver settings.
  SystemicPart(std::vector<double> parameters, std::vector<double> state, std::vector<DoseEvent> doses,
               SolverSettings solver);

  /// Composition of the tumour bed in the current state (to seed the lattice).
  BedComposition bed_composition() const;
  /// Drug signals for the lattice at the current state (occupancy, kill rates; no arrivals).
  SystemicSignals signals() const;
  /// Primed effector CD8 T cells in blood and lymphoid organs [cells].
  double blood_effectors() const noexcept { return x_[NsclcIcb::kBlood]; }
  /// Overwrites the tumour-bed states with lattice counts × scale.
  void set_tumour_bed(const LatticeCounts& counts, double scale);
  /// Integrates from time() to t1 with `inputs` held.
  void advance(double t1, const CouplingInputs& inputs);

  double time() const noexcept { return t_; }
  const std::vector<double>& state() const noexcept { return x_; }
  /// nsclc_icb observables at the current state (tumour_volume, tumour_diameter, ...).
  std::vector<double> observables() const;
  /// Viable tumour cells of the patient (antigenic + escape).
  double tumour_cells() const noexcept { return x_[NsclcIcb::kVisible] + x_[NsclcIcb::kEscape]; }
  const std::vector<double>& parameters() const noexcept { return p_; }
  /// A named nsclc_icb parameter.
  double parameter(std::string_view name) const;

 private:
  std::vector<double> p_;
  std::vector<double> x_;
  std::vector<DoseEvent> doses_;
  SolverSettings solver_;
  NsclcIcb icb_;
  double t_ = 0.0;
};

}  // namespace icbsim::models::spatial
