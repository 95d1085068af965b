// nsclc_icb: the project's NSCLC checkpoint model. Two tumour clones, lymph-node priming, effector
// and exhausted CD8 T cells, Tregs, MDSCs, M1/M2 macrophages, IFN-γ-induced PD-L1/MHC-I, TGF-β
// exclusion, host factors, seven drug slots (anti-PD-1, anti-PD-L1, anti-CTLA-4, two cytotoxics,
// a vaccine, an ADC) and the new-lesion hazard. Equations and sources: docs/models/nsclc_icb.md.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "engine/core/errors.hpp"
#include "engine/core/parameter_spec.hpp"
#include "engine/core/variable_spec.hpp"
#include "models/nsclc_icb/checkpoint.hpp"
#include "models/nsclc_icb/dissemination.hpp"
#include "models/nsclc_icb/drug_slots.hpp"
#include "models/nsclc_icb/fc_hyperprogression.hpp"
#include "models/nsclc_icb/priming.hpp"
#include "models/nsclc_icb/prognosis.hpp"
#include "models/nsclc_icb/slot_defaults.hpp"
#include "models/nsclc_icb/spec_tools.hpp"
#include "models/nsclc_icb/suppression.hpp"
#include "models/nsclc_icb/t_cells.hpp"
#include "models/nsclc_icb/tumour.hpp"

namespace icbsim::models {

class NsclcIcb {
 public:
  using Pd1 = nsclc::AntibodySlot<nsclc::Pd1Slot>;
  using Pdl1 = nsclc::AntibodySlot<nsclc::Pdl1Slot>;
  using Ctla4 = nsclc::AntibodySlot<nsclc::Ctla4Slot>;
  using Cyto1 = nsclc::CytotoxicSlot<nsclc::Cyto1Slot>;
  using Cyto2 = nsclc::CytotoxicSlot<nsclc::Cyto2Slot>;
  using Vaccine = nsclc::VaccineSlot<nsclc::VaccineSlotTag>;
  using Adc = nsclc::AdcSlot<nsclc::AdcSlotTag>;

  static constexpr std::string_view kName = "nsclc_icb";
  static constexpr std::string_view kDescription =
      "NSCLC checkpoint model: antigenic and MHC-I-low tumour clones, DC priming in the draining lymph node, "
      "effector/exhausted CD8 T cells, Tregs, MDSCs, M1/M2 macrophages, IFN-γ-induced PD-L1 and MHC-I, TGF-β "
      "exclusion, host factors, and drug slots pd1, pdl1, ctla4, cyto1, cyto2, vaccine, adc";
  static constexpr std::string_view kReference =
      "icbsim (docs/models/nsclc_icb.md); structure after QSP-IO (Jafarnejad 2019 AAPS J 21:79; Sové 2020 CPT:PSP; "
      "Wang 2023 npj Precis Oncol 7:55), Lai & Friedman 2017 (PLoS One 12:e0178479) and Kuznetsov 1994";

  /// Parameter blocks in declaration order.
  static constexpr std::array<std::size_t, 15> kParameterBlocks{nsclc::TumourBlock::kParameters.size(),
                                                                nsclc::CheckpointBlock::kParameters.size(),
                                                                nsclc::PrimingBlock::kParameters.size(),
                                                                nsclc::TCellBlock::kParameters.size(),
                                                                nsclc::SuppressionBlock::kParameters.size(),
                                                                Pd1::kParameters.size(),
                                                                Pdl1::kParameters.size(),
                                                                Ctla4::kParameters.size(),
                                                                Cyto1::kParameters.size(),
                                                                Cyto2::kParameters.size(),
                                                                Vaccine::kParameters.size(),
                                                                Adc::kParameters.size(),
                                                                nsclc::DisseminationBlock::kParameters.size(),
                                                                nsclc::PrognosisBlock::kParameters.size(),
                                                                nsclc::FcHyperprogressionBlock::kParameters.size()};

  static constexpr auto kParameters = nsclc::concat(
      nsclc::TumourBlock::kParameters, nsclc::CheckpointBlock::kParameters, nsclc::PrimingBlock::kParameters,
      nsclc::TCellBlock::kParameters, nsclc::SuppressionBlock::kParameters, Pd1::kParameters, Pdl1::kParameters,
      Ctla4::kParameters, Cyto1::kParameters, Cyto2::kParameters, Vaccine::kParameters, Adc::kParameters,
      nsclc::DisseminationBlock::kParameters, nsclc::PrognosisBlock::kParameters,
      nsclc::FcHyperprogressionBlock::kParameters);

  static constexpr auto kVariables =
      nsclc::concat(nsclc::TumourBlock::kVariables, nsclc::CheckpointBlock::kVariables, nsclc::PrimingBlock::kVariables,
                    nsclc::TCellBlock::kVariables, nsclc::SuppressionBlock::kVariables, Pd1::kVariables,
                    Pdl1::kVariables, Ctla4::kVariables, Cyto1::kVariables, Cyto2::kVariables, Vaccine::kVariables,
                    Adc::kVariables);

  static constexpr std::array<VariableSpec, 32> kObservables{{
      {"tumour_diameter", "mm", 0, false, "spherical-equivalent diameter of the lesion volume, 10·(6V/π)^(1/3)"},
      {"tumour_volume", "mL", 0, false, "lesion volume, (viable + dying tumour cells) / cell_density"},
      {"tumour_cells_total", "cells", 0, false, "viable tumour cells, antigenic + escape"},
      {"fraction_escape_clone", "", 0, false, "escape clone / all tumour cells"},
      {"cd8_infiltrate", "cells", 0, false, "effector CD8 T cells in the tumour"},
      {"cd8_per_tumour_cell", "", 0, false, "effector CD8 T cells per tumour cell (regularised)"},
      {"tumour_pdl1", "", 0, false, "tumour PD-L1 expression relative to the reference tumour"},
      {"tumour_mhc", "", 0, false, "IFN-γ-induced MHC-I presentation multiplier"},
      {"pd1_occupancy", "", 0, false, "PD-1 occupancy by the anti-PD-1 slot in the tumour interstitium"},
      {"pdl1_occupancy", "", 0, false, "PD-L1 occupancy by the anti-PD-L1 slot in the tumour interstitium"},
      {"ctla4_occupancy", "", 0, false, "CTLA-4 occupancy by the anti-CTLA-4 slot (interstitial/lymph node)"},
      {"pd1_concentration", "mg/L", 0, false, "plasma concentration of the anti-PD-1 slot"},
      {"pdl1_concentration", "mg/L", 0, false, "plasma concentration of the anti-PD-L1 slot"},
      {"ctla4_concentration", "mg/L", 0, false, "plasma concentration of the anti-CTLA-4 slot"},
      {"cyto1_concentration", "mg/L", 0, false, "plasma concentration of cytotoxic slot 1"},
      {"cyto2_concentration", "mg/L", 0, false, "plasma concentration of cytotoxic slot 2"},
      {"adc_concentration", "mg/L", 0, false, "plasma concentration of the ADC slot (conjugate)"},
      {"vaccine_boost", "", 0, false, "priming multiplier of the vaccine slot (1 = none)"},
      {"kill_inhibition_pd1", "", 0, false, "H_PD1: fraction of T-cell function inhibited by PD-1/PD-L1"},
      {"kill_inhibition_alt", "", 0, false, "H_alt: fraction inhibited by TIM-3/LAG-3/TIGIT (not relieved)"},
      {"effector_function", "", 0, false, "product of the Treg, MDSC, TGF-β, M2 and hypoxia factors"},
      {"kill_rate_visible", "1/day", 0, false, "per-cell immune kill rate of the antigenic clone"},
      {"kill_rate_escape", "1/day", 0, false, "per-cell immune kill rate of the escape clone"},
      {"priming_rate", "cells/day", 0, false, "naive precursors primed per day"},
      {"ifng", "nM", 0, false, "intratumoural IFN-γ (quasi-steady state)"},
      {"tgfb", "nM", 0, false, "intratumoural TGF-β (quasi-steady state)"},
      {"infiltration_per_cell", "1/day", 0, false, "per-capita entry rate of circulating effectors into the tumour"},
      {"naive_cd8", "cells", 0, false, "tumour-specific naive CD8 precursors"},
      {"antigen_flux", "cells/day", 0, false, "dying tumour cells per day weighted by immunogenicity (drives DCs)"},
      {"pdl1_tps", "%", 0, false,
       "true PD-L1 tumour proportion score: share of tumour cells above the staining threshold"},
      {"fc_hpd_drive", "1/day", 0, false,
       "extra tumour proliferation from Fc-engaged macrophages (antibody-dependent hyperprogression; 0 without drug)"},
      {"new_lesion_hazard", "1/day", 0, false,
       "hazard of a newly detectable lesion: rate·(N/N_ref)^α/(1 + cd8_blood/half) (readout tumour.new_lesions)"},
  }};

  // State indices (compile-time, by name).
  static constexpr std::size_t kVisible = index_of(kVariables, "tumour_visible");
  static constexpr std::size_t kEscape = index_of(kVariables, "tumour_escape");
  static constexpr std::size_t kDying = index_of(kVariables, "tumour_dying");
  static constexpr std::size_t kSignal = index_of(kVariables, "ifng_signal");
  static constexpr std::size_t kDc = index_of(kVariables, "dc_ln");
  static constexpr std::size_t kNaive = index_of(kVariables, "naive_fraction");
  static constexpr std::size_t kBlood = index_of(kVariables, "cd8_blood");
  static constexpr std::size_t kEffector = index_of(kVariables, "cd8_effector");
  static constexpr std::size_t kExhausted = index_of(kVariables, "cd8_exhausted");
  static constexpr std::size_t kTreg = index_of(kVariables, "treg");
  static constexpr std::size_t kMdsc = index_of(kVariables, "mdsc");
  static constexpr std::size_t kM1 = index_of(kVariables, "macrophage_m1");
  static constexpr std::size_t kM2 = index_of(kVariables, "macrophage_m2");
  static constexpr std::size_t kPd1 = index_of(kVariables, "pd1_a1");
  static constexpr std::size_t kPdl1 = index_of(kVariables, "pdl1_a1");
  static constexpr std::size_t kCtla4 = index_of(kVariables, "ctla4_a1");
  static constexpr std::size_t kCyto1 = index_of(kVariables, "cyto1_a1");
  static constexpr std::size_t kCyto2 = index_of(kVariables, "cyto2_a1");
  static constexpr std::size_t kVaccine = index_of(kVariables, "vaccine_a1");
  static constexpr std::size_t kAdc = index_of(kVariables, "adc_a1");
  static_assert(kEscape == kVisible + 1 && kDying == kEscape + 1 && kM2 == kM1 + 1);

  explicit NsclcIcb(std::span<const double> p)
      : tumour_(block(p, 0)),
        checkpoint_(block(p, 1)),
        priming_(block(p, 2)),
        t_cells_(block(p, 3)),
        suppression_(block(p, 4)),
        pd1_(block(p, 5)),
        pdl1_(block(p, 6)),
        ctla4_(block(p, 7)),
        cyto1_(block(p, 8)),
        cyto2_(block(p, 9)),
        vaccine_(block(p, 10)),
        adc_(block(p, 11)),
        dissemination_(block(p, 12)),
        hpd_(block(p, 14)) {}

  /// Every rate of the model at state x and time t [day] (shared by rhs and observe).
  template <class Real>
  struct Terms {
    Real n_total, n_reg, per_litre, volume_ml, ro_pd1, ro_pdl1, ro_ctla4, pdl1, mhc, h_pd1, checkpoint_free, tgfb,
        h_tgfb, m2_factor, function, engagement, kill_visible, kill_escape, recognisable, ifng, ifng_fraction,
        chemo_tumour, chemo_lymph, adc_kill, m1_kill, antigen_flux, vaccine, naive_cells, priming, infiltration,
        stimulation, fc_drive;
  };

  template <class Real>
  Terms<Real> terms(const Real* x, double t) const {
    Terms<Real> k;
    const Real& visible = x[kVisible];
    const Real& escape = x[kEscape];
    const Real& signal = x[kSignal];
    const Real& effectors = x[kEffector];
    k.n_total = visible + escape;
    k.n_reg = k.n_total + tumour_.floor;
    k.volume_ml = tumour_.volume_ml<Real>(k.n_reg);
    k.per_litre = 1000.0 / k.volume_ml;  // densities: cells per litre of tumour = cells·per_litre
    // Drugs.
    k.ro_pd1 = pd1_.occupancy(x + kPd1);
    k.ro_pdl1 = pdl1_.occupancy(x + kPdl1);
    k.ro_ctla4 = ctla4_.occupancy(x + kCtla4);
    k.chemo_tumour = (cyto1_.tumour_kill(x + kCyto1) + cyto2_.tumour_kill(x + kCyto2)) * tumour_.proliferating;
    k.chemo_lymph = cyto1_.lymphocyte_kill(x + kCyto1) + cyto2_.lymphocyte_kill(x + kCyto2);
    k.adc_kill = adc_.tumour_kill(x + kAdc);
    k.vaccine = vaccine_.priming_multiplier(x + kVaccine);
    // Checkpoints and suppression.
    k.pdl1 = checkpoint_.tumour_pdl1<Real>(signal);
    k.mhc = checkpoint_.mhc<Real>(signal);
    k.h_pd1 = checkpoint_.pd1_inhibition<Real>(k.pdl1, k.ro_pd1, k.ro_pdl1);
    k.checkpoint_free = (1.0 - k.h_pd1) * (1.0 - checkpoint_.alt_inhibition);
    k.tgfb = suppression_.tgfb<Real>(x[kTreg], x[kM2], k.per_litre);
    k.h_tgfb = k.tgfb / (k.tgfb + suppression_.tgfb_half);
    k.m2_factor = suppression_.m2_factor<Real>(x[kM2] / k.n_reg);
    k.function = suppression_.effector_function<Real>(effectors, x[kTreg], x[kMdsc] / k.n_reg, k.h_tgfb, k.m2_factor,
                                                k.volume_ml);
    // Killing (ratio-dependent, QSP-IO form) and what it releases.
    k.engagement = t_cells_.engagement<Real>(effectors, k.n_reg);
    const Real active_engagement = k.engagement * k.checkpoint_free * k.function;  // per recognisable cell
    k.kill_visible = t_cells_.kill_rate * active_engagement * k.mhc * tumour_.visible_mhc;
    k.kill_escape = t_cells_.kill_rate * active_engagement * k.mhc * tumour_.escape_mhc;
    k.recognisable = k.mhc * (tumour_.visible_mhc * visible + tumour_.escape_mhc * escape);
    const Real immune_kill = k.kill_visible * visible + k.kill_escape * escape;
    // Engaged, functional effector-target conjugates secrete IFN-γ: E·Nrec/(K·N + E)·(1 − H)·function.
    k.ifng = checkpoint_.ifng<Real>(active_engagement * k.recognisable, k.per_litre);
    k.ifng_fraction = k.ifng / (k.ifng + checkpoint_.ifng_half);
    k.m1_kill = suppression_.m1_kill * x[kM1] / k.n_reg;
    k.antigen_flux = immune_kill + (tumour_.death + k.m1_kill) * k.n_total +
                     priming_.icd_cytotoxic * k.chemo_tumour * k.n_total + adc_.icd() * k.adc_kill * k.n_total;
    // Priming and trafficking.
    k.naive_cells = x[kNaive] * priming_.naive_pool();
    k.priming = priming_.priming<Real>(k.naive_cells, x[kDc], k.ro_ctla4, k.vaccine);
    k.infiltration = t_cells_.infiltration_per_cell<Real>(signal, k.h_tgfb);
    k.stimulation = t_cells_.stimulation<Real>(k.recognisable, effectors);
    k.fc_drive = hpd_.drive<Real>(k.ro_pd1, k.ro_pdl1, x[kM2] / k.n_reg);
    (void)t;
    return k;
  }

  /// d(state)/dt [state units/day]; equations in docs/models/nsclc_icb.md.
  template <class Real>
  void rhs(const Real* x, Real* dxdt, double t) const {
    const Terms<Real> k = terms(x, t);
    const Real& visible = x[kVisible];
    const Real& escape = x[kEscape];
    const Real& effectors = x[kEffector];
    const Real& exhausted = x[kExhausted];
    const Real& m1 = x[kM1];
    const Real& m2 = x[kM2];

    const Real growth = tumour_.growth<Real>(k.n_total, x[kSignal]) + k.fc_drive;
    const Real other_loss = tumour_.death + k.chemo_tumour + k.adc_kill + k.m1_kill;
    const Real loss_visible = (other_loss + k.kill_visible + tumour_.nk_kill * (1.0 - tumour_.visible_mhc)) * visible;
    const Real loss_escape = (other_loss + k.kill_escape + tumour_.nk_kill * (1.0 - tumour_.escape_mhc)) * escape;
    dxdt[kVisible] = growth * visible - loss_visible;
    dxdt[kEscape] = growth * escape - loss_escape;
    dxdt[kDying] = loss_visible + loss_escape - tumour_.dying_clearance * x[kDying];
    dxdt[kSignal] = checkpoint_.response_rate * (checkpoint_.signal_target<Real>(k.ifng) - x[kSignal]);

    dxdt[kDc] = priming_.dc_maturation<Real>(k.antigen_flux, k.m2_factor) - priming_.dc_death * x[kDc];
    dxdt[kNaive] =
        (priming_.thymic_output - priming_.naive_turnover * k.naive_cells - k.priming) / priming_.naive_pool();
    const Real entry = k.infiltration * x[kBlood];
    dxdt[kBlood] = priming_.clonal_expansion * k.priming - entry - (t_cells_.blood_death + k.chemo_lymph) * x[kBlood];

    const Real active = k.checkpoint_free * k.function;
    const Real exhaustion = t_cells_.exhaustion * (1.0 - k.checkpoint_free) * k.stimulation * effectors;
    const Real reinvigoration = t_cells_.reinvigoration * k.checkpoint_free * exhausted;
    dxdt[kEffector] = entry + t_cells_.proliferation * active * k.stimulation * effectors - exhaustion +
                      reinvigoration - (t_cells_.death + k.chemo_lymph) * effectors;
    dxdt[kExhausted] = exhaustion - reinvigoration - t_cells_.exhausted_death * exhausted;

    const auto& s = suppression_;
    dxdt[kTreg] = s.treg_recruitment * k.n_total - (s.treg_death + s.treg_depletion_ctla4 * k.ro_ctla4) * x[kTreg];
    dxdt[kMdsc] = s.mdsc_recruitment * k.n_total - s.mdsc_death * x[kMdsc];
    const Real to_m1 = s.m1_polarisation * k.ifng_fraction * m2;
    const Real to_m2 = s.m2_polarisation * k.h_tgfb * m1;
    dxdt[kM1] = to_m1 - to_m2 - s.macrophage_death * m1;
    dxdt[kM2] = s.macrophage_recruitment * k.n_total + to_m2 - to_m1 - s.macrophage_death * m2;

    pd1_.rhs(x + kPd1, dxdt + kPd1, t);
    pdl1_.rhs(x + kPdl1, dxdt + kPdl1, t);
    ctla4_.rhs(x + kCtla4, dxdt + kCtla4, t);
    cyto1_.rhs(x + kCyto1, dxdt + kCyto1, t);
    cyto2_.rhs(x + kCyto2, dxdt + kCyto2, t);
    vaccine_.rhs(x + kVaccine, dxdt + kVaccine, t);
    adc_.rhs(x + kAdc, dxdt + kAdc, t);
  }

  void observe(const double* x, double t, double* out) const {
    const Terms<double> k = terms(x, t);
    const double volume = tumour_.volume_ml<double>(k.n_total + x[kDying]);
    const double values[kObservables.size()] = {
        nsclc::TumourBlock::diameter_mm(volume),
        volume,
        k.n_total,
        k.n_total > 0.0 ? x[kEscape] / k.n_total : 0.0,
        x[kEffector],
        x[kEffector] / k.n_reg,
        k.pdl1,
        k.mhc,
        k.ro_pd1,
        k.ro_pdl1,
        k.ro_ctla4,
        pd1_.plasma(x + kPd1),
        pdl1_.plasma(x + kPdl1),
        ctla4_.plasma(x + kCtla4),
        cyto1_.plasma(x + kCyto1),
        cyto2_.plasma(x + kCyto2),
        adc_.plasma(x + kAdc),
        k.vaccine,
        k.h_pd1,
        checkpoint_.alt_inhibition,
        k.function,
        k.kill_visible,
        k.kill_escape,
        k.priming,
        k.ifng,
        k.tgfb,
        k.infiltration,
        k.naive_cells,
        k.antigen_flux,
        checkpoint_.tps_pct(k.pdl1),
        k.fc_drive,
        dissemination_.hazard(k.n_total, x[kBlood]),
    };
    for (std::size_t i = 0; i < kObservables.size(); ++i) out[i] = values[i];
  }

  const Pd1& pd1() const noexcept { return pd1_; }
  const Pdl1& pdl1() const noexcept { return pdl1_; }
  const Ctla4& ctla4() const noexcept { return ctla4_; }

 private:
  static std::span<const double> block(std::span<const double> p, std::size_t i) {
    if (p.size() != kParameters.size())
      throw Error("nsclc_icb: expected " + std::to_string(kParameters.size()) + " parameters, got " +
                  std::to_string(p.size()));
    return p.subspan(nsclc::offset_of_block(kParameterBlocks, i), kParameterBlocks[i]);
  }

  nsclc::TumourBlock::Values tumour_;
  nsclc::CheckpointBlock::Values checkpoint_;
  nsclc::PrimingBlock::Values priming_;
  nsclc::TCellBlock::Values t_cells_;
  nsclc::SuppressionBlock::Values suppression_;
  Pd1 pd1_;
  Pdl1 pdl1_;
  Ctla4 ctla4_;
  Cyto1 cyto1_;
  Cyto2 cyto2_;
  Vaccine vaccine_;
  Adc adc_;
  nsclc::DisseminationBlock::Values dissemination_;
  nsclc::FcHyperprogressionBlock::Values hpd_;
};

}  // namespace icbsim::models
