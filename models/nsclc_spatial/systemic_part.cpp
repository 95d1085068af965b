// Systemic side of a spatial patient: dose cutting, signals, tumour-bed overwrite, integration.
#include "models/nsclc_spatial/systemic_part.hpp"

#include <algorithm>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/ode/simulator.hpp"

namespace icbsim::models::spatial {

std::vector<DoseEvent> doses_within(const std::vector<DoseEvent>& doses, double t0, double t1) {
  std::vector<DoseEvent> out;
  for (const DoseEvent& d : doses) {
    if (d.duration <= 0.0) {
      if (d.time >= t0 && d.time < t1) out.push_back(d);
      continue;
    }
    const double start = std::max(d.time, t0);
    const double end = std::min(d.time + d.duration, t1);
    if (end <= start) continue;
    DoseEvent piece = d;
    piece.time = start;
    piece.duration = end - start;
    piece.amount = d.amount * (end - start) / d.duration;
    out.push_back(piece);
  }
  return out;
}

SystemicPart::SystemicPart(std::vector<double> parameters, std::vector<double> state, std::vector<DoseEvent> doses,
                           SolverSettings solver)
    : p_(std::move(parameters)), x_(std::move(state)), doses_(std::move(doses)), solver_(solver), icb_(p_) {
  if (x_.size() != NsclcIcb::kVariables.size())
    throw Error("nsclc_spatial: expected " + std::to_string(NsclcIcb::kVariables.size()) +
                " nsclc_icb states, got " + std::to_string(x_.size()));
  if (!(tumour_cells() > 0.0)) throw Error("nsclc_spatial: the systemic initial state has no viable tumour cells");
}

double SystemicPart::parameter(std::string_view name) const {
  for (std::size_t i = 0; i < NsclcIcb::kParameters.size(); ++i)
    if (NsclcIcb::kParameters[i].name == name) return p_[i];
  throw Error("nsclc_icb has no parameter '" + std::string(name) + "'");
}

BedComposition SystemicPart::bed_composition() const {
  const double n = tumour_cells();
  BedComposition b;
  b.escape_fraction = x_[NsclcIcb::kEscape] / n;
  b.dead_fraction = x_[NsclcIcb::kDying] / (n + x_[NsclcIcb::kDying]);
  b.effector = x_[NsclcIcb::kEffector] / n;
  b.exhausted = x_[NsclcIcb::kExhausted] / n;
  b.treg = x_[NsclcIcb::kTreg] / n;
  b.mdsc = x_[NsclcIcb::kMdsc] / n;
  b.m1 = x_[NsclcIcb::kM1] / n;
  b.m2 = x_[NsclcIcb::kM2] / n;
  return b;
}

SystemicSignals SystemicPart::signals() const {
  const auto k = icb_.terms<double>(x_.data(), t_);
  SystemicSignals s;
  s.ro_pd1 = k.ro_pd1;
  s.ro_pdl1 = k.ro_pdl1;
  s.ro_ctla4 = k.ro_ctla4;
  // nsclc_icb's cytotoxic kill is per tumour cell, i.e. per cycling cell × proliferating share.
  const double proliferating = parameter("proliferating_fraction");
  s.chemo_kill = proliferating > 0.0 ? k.chemo_tumour / proliferating : 0.0;
  s.adc_kill = k.adc_kill;
  s.lymphocyte_kill = k.chemo_lymph;
  return s;
}

void SystemicPart::set_tumour_bed(const LatticeCounts& c, double scale) {
  x_[NsclcIcb::kVisible] = static_cast<double>(c.antigenic) * scale;
  x_[NsclcIcb::kEscape] = static_cast<double>(c.escape) * scale;
  x_[NsclcIcb::kDying] = static_cast<double>(c.dead) * scale;
  x_[NsclcIcb::kSignal] = c.mean_signal;
  x_[NsclcIcb::kEffector] = static_cast<double>(c.effector) * scale;
  x_[NsclcIcb::kExhausted] = static_cast<double>(c.exhausted) * scale;
  x_[NsclcIcb::kTreg] = static_cast<double>(c.treg) * scale;
  x_[NsclcIcb::kMdsc] = static_cast<double>(c.mdsc) * scale;
  x_[NsclcIcb::kM1] = static_cast<double>(c.m1) * scale;
  x_[NsclcIcb::kM2] = static_cast<double>(c.m2) * scale;
}

void SystemicPart::advance(double t1, const CouplingInputs& inputs) {
  TaskInput in;
  in.parameters = p_;
  in.parameters.push_back(inputs.antigen_flux);
  in.parameters.push_back(inputs.presentation);
  in.parameters.push_back(inputs.entry_rate);
  in.initial_state = x_;
  in.t_start = t_;
  in.t_end = t1;
  in.output_times = {t1};
  in.doses = doses_within(doses_, t_, t1);
  in.solver = solver_;
  const TaskOutput out = Simulator<HybridSystemic>(in).run();
  for (std::size_t i = 0; i < x_.size(); ++i) x_[i] = out.trajectories[i];
  t_ = t1;
}

std::vector<double> SystemicPart::observables() const {
  std::vector<double> out(NsclcIcb::kObservables.size());
  icb_.observe(x_.data(), t_, out.data());
  return out;
}

}  // namespace icbsim::models::spatial
