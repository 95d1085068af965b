// Spatial patient: construction (scaling), the coupling loop and the readouts.
#include "models/nsclc_spatial/spatial_patient.hpp"

#include <string>

#include "engine/core/errors.hpp"

namespace icbsim::models::spatial {
namespace {

std::unique_ptr<LatticeModel> make_lattice(const SpatialPatientInput& in, const SystemicPart& systemic) {
  const SpatialSettings& s = in.settings;
  if (s.steps_per_coupling < 1) throw Error("nsclc_spatial: steps_per_coupling must be at least 1");
  return std::make_unique<LatticeModel>(abm::Lattice(s.lattice, s.voxel_um), in.spatial_parameters, s.dt_days,
                                        s.block_size, abm::StreamKey{s.seed, s.task}, systemic.bed_composition(),
                                        s.oxygen_every);
}

/// Viable + dead tumour cells of the lattice.
double lattice_tumour(const LatticeCounts& c) { return static_cast<double>(c.viable() + c.dead); }

}  // namespace

SpatialPatient::SpatialPatient(const SpatialPatientInput& in)
    : systemic_(in.systemic_parameters, in.systemic_state, in.doses, in.solver),
      lattice_(make_lattice(in, systemic_)),
      coupling_(in.settings.dt_days * in.settings.steps_per_coupling),
      steps_per_coupling_(in.settings.steps_per_coupling),
      t0_(systemic_.time()) {
  const LatticeCounts c = lattice_->counts();
  const std::vector<double>& x = systemic_.state();
  const double patient = x[NsclcIcb::kVisible] + x[NsclcIcb::kEscape] + x[NsclcIcb::kDying];
  scale_ = patient / lattice_tumour(c);
  systemic_.set_tumour_bed(c, scale_);
}

void SpatialPatient::couple_once() {
  SystemicSignals signals = systemic_.signals();
  const double arrival = lattice_->values().vascular_arrival;
  signals.cd8_arrivals = arrival * systemic_.blood_effectors() / scale_;
  for (int k = 0; k < steps_per_coupling_; ++k) lattice_->step(signals);
  const StepTally tally = lattice_->take_tally();
  const LatticeCounts counts = lattice_->counts();
  // Antigen flux: tumour cells dying per day, chemotherapy/ADC deaths weighted by their
  // immunogenicity (nsclc_icb icd_cytotoxic, adc_icd); necrosis in anoxic cores is not counted.
  const double deaths = static_cast<double>(tally.immune_kills + tally.m1_kills + tally.apoptosis) +
                        systemic_.parameter("icd_cytotoxic") * static_cast<double>(tally.chemo_kills) +
                        systemic_.parameter("adc_icd") * static_cast<double>(tally.adc_kills);
  CouplingInputs inputs;
  inputs.antigen_flux = deaths * scale_ / coupling_;
  const double m2_per_tumour =
      counts.viable() > 0 ? static_cast<double>(counts.m2) / static_cast<double>(counts.viable()) : 0.0;
  inputs.presentation = 1.0 / (1.0 + m2_per_tumour / systemic_.parameter("m2_suppression_half"));
  // Blood loses the effectors that cross: arrival rate × mean extravasation probability.
  inputs.entry_rate = tally.steps > 0 ? arrival * tally.extravasation / static_cast<double>(tally.steps) : 0.0;
  ++intervals_;
  systemic_.set_tumour_bed(counts, scale_);
  systemic_.advance(t0_ + static_cast<double>(intervals_) * coupling_, inputs);
}

void SpatialPatient::advance_to(double t) {
  // Tolerance: times on the coupling grid are reached exactly despite rounding.
  while (time() < t - 1e-9 * coupling_) couple_once();
}

SpatialRecord SpatialPatient::snapshot() const {
  SpatialRecord r;
  r.t = time();
  r.tumour_volume_ml = tumour_volume_ml();
  r.tumour_diameter_mm = tumour_diameter_mm();
  r.counts = lattice_->counts();
  r.metrics = metrics();
  return r;
}

std::vector<SpatialRecord> SpatialPatient::record(const std::vector<double>& times) {
  std::vector<SpatialRecord> out;
  for (const double t : times) {
    advance_to(t);
    out.push_back(snapshot());
  }
  return out;
}

double SpatialPatient::tumour_volume_ml() const {
  return systemic_.observables()[index_of(NsclcIcb::kObservables, "tumour_volume")];
}

double SpatialPatient::tumour_diameter_mm() const {
  return systemic_.observables()[index_of(NsclcIcb::kObservables, "tumour_diameter")];
}

SpatialMetrics SpatialPatient::metrics() const {
  return measure(lattice_->tissue(), lattice_->fields(), lattice_->values());
}

}  // namespace icbsim::models::spatial
