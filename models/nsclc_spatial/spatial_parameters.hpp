// The parameters of the spatial (lattice) part of the hybrid NSCLC model, declared once each with
// unit, default, admissible range, meaning and source; registered as the model `nsclc_spatial` so
// that `icbsim models --describe nsclc_spatial` lists them and overlays can change them. The
// systemic part (priming, blood, drugs) keeps the nsclc_icb parameters. Rules and sources:
// docs/models/nsclc_spatial.md.
#pragma once

#include <array>
#include <span>
#include <string_view>
#include <vector>

#include "engine/core/parameter_spec.hpp"
#include "models/nsclc_icb/spec_tools.hpp"

namespace icbsim::models::spatial {

/// Dissolved O2 per mmHg at 37 °C (0.003 mL O2/(dL·mmHg) / 22.4 mL/mmol): 1 mmHg = 1.34 uM.
inline constexpr std::string_view kPhysiCellO2 =
    "PhysiCell standard oxygen-dependent phenotype (Ghaffarizadeh 2018 PLoS Comput Biol 14:e1005991), converted "
    "at 1.34 uM/mmHg";

struct TissueBlock {
  static constexpr std::array<ParameterSpec, 6> kParameters{{
      {"nest_radius", "um", 300, 20, 1e5, "radius of the tumour nest seeded at the lattice centre",
       "assumed: the lattice is a representative region holding a tumour nest, its invasive margin and stroma; "
       "300 um gives ~700 tumour cells on a 2-D section and ~14,000 in 3-D at one cell per voxel"},
      {"rim_width", "um", 60, 0, 1e4, "width of the stromal rim around the nest where fibroblasts concentrate",
       "assumed: a few cell layers; in human lung tumours fibroblasts and dense fibres surround tumour islets "
       "(Salmon 2012 J Clin Invest 122:899)"},
      {"rim_fibroblast_fraction", "", 0.25, 0, 1, "fraction of rim voxels holding a fibroblast",
       "assumed: a loose fibroblast rim in a non-desmoplastic tumour"},
      {"stroma_fibroblast_fraction", "", 0.05, 0, 1, "fraction of other stromal voxels holding a fibroblast",
       "assumed: sparse fibroblasts in the surrounding stroma"},
      {"stroma_vessel_fraction", "", 0.02, 0, 1, "fraction of stromal voxels that are vessels",
       "assumed: a vascular volume fraction of ~2 %; vessels are the T-cell entry points and oxygen sources"},
      {"tumour_vessel_fraction", "", 0.01, 0, 1, "fraction of nest voxels that are vessels",
       "assumed: half the stromal density; cells beyond ~150-200 um from vessels become hypoxic and necrotic "
       "(Thomlinson & Gray 1955 Br J Cancer 9:539)"},
  }};
};

struct TumourCellBlock {
  static constexpr std::array<ParameterSpec, 19> kParameters{{
      {"tumour_division_rate", "1/day", 0.1, 0, 10, "division rate of an oxygenated tumour cell next to a free voxel",
       "assumed: ~30 % of NSCLC cells cycle (Ki-67, as nsclc_icb proliferating_fraction) in ~2-3 days; only cells "
       "beside free space divide (contact inhibition), so the lesion grows from its rim"},
      {"tumour_apoptosis_rate", "1/day", 0.002, 0, 10, "apoptosis rate of viable tumour cells",
       "as nsclc_icb tumour_death (assumed small against proliferation)"},
      {"o2_proliferation_saturation", "uM", 50.9, 0.1, 500, "O2 above which proliferation is maximal",
       kPhysiCellO2},  // 38 mmHg
      {"o2_proliferation_threshold", "uM", 6.7, 0, 500, "O2 below which tumour cells do not divide",
       kPhysiCellO2},                                                                                      // 5 mmHg
      {"o2_necrosis_threshold", "uM", 6.7, 0, 500, "O2 below which necrosis starts", kPhysiCellO2},        // 5 mmHg
      {"o2_necrosis_max", "uM", 3.35, 0, 500, "O2 at and below which necrosis is maximal", kPhysiCellO2},  // 2.5
      {"necrosis_rate", "1/day", 1.0, 0, 100, "maximal necrosis rate of anoxic tumour cells",
       "assumed: anoxic cells die within about a day"},
      {"dead_cell_clearance", "1/day", 0.05, 1e-3, 100, "clearance of dead tumour cells from their voxel",
       "as nsclc_icb dying_clearance: killed cells occupy the lesion until resorbed over ~3 weeks (Simeoni 2004 "
       "Cancer Res 64:1094)"},
      {"tumour_pdl1_base", "", 1.0, 0, 100, "constitutive PD-L1 of a tumour cell (1 = reference PD-L1-positive tumour)",
       "definition of the relative scale, as nsclc_icb tumour_pdl1_base; PD-L1-negative tumours ~0"},
      {"tumour_pdl1_heterogeneity", "", 0.5, 0, 5, "log-normal sigma of constitutive PD-L1 between tumour cells",
       "assumed: PD-L1 expression is heterogeneous within NSCLC (McLaughlin 2016 JAMA Oncol 2:46)"},
      {"tumour_pdl1_ifng_fold", "", 6.0, 1, 100, "fold induction of tumour-cell PD-L1 at full IFN-γ signalling",
       "QSP-IO r_PDL1_IFNg = 6 (Wang 2023), from Shin 2017"},
      {"tumour_mhc_antigenic", "", 1.0, 0, 1, "MHC-I presentation of the antigenic clone, relative",
       "definition (1); B2M/HLA loss sets it to ~0 (Gomatou 2025)"},
      {"tumour_mhc_escape", "", 0.05, 0, 1, "MHC-I presentation of the escape clone, relative",
       "as nsclc_icb escape_clone_mhc (assumed MHC-I-low subclone)"},
      {"tumour_mhc_ifng_gain", "", 2.0, 0, 100, "relative rise of MHC-I from no to full IFN-γ signalling",
       "as nsclc_icb mhc_ifng_gain (assumed ~3-fold; lost with JAK1/2, Gomatou 2025)"},
      {"tumour_jak_signalling", "", 1.0, 0, 1, "JAK1/2 signalling of tumour cells (1 intact, 0 JAK1/2 loss)",
       "definition: JAK1/2 loss abolishes IFN-γ-induced PD-L1, MHC-I, CXCL9/10 and growth arrest (Zaretsky 2016 "
       "N Engl J Med 375:819)"},
      {"tumour_ifng_half", "nM", 0.00296, 1e-9, 1e3, "IFN-γ for half-maximal signalling of a tumour cell",
       "QSP-IO IFNg_50_ind = 2.96 pM (Wang 2023), from Shin 2017"},
      {"tumour_ifng_response_rate", "1/day", 0.5, 1e-3, 100, "rate at which a cell's IFN-γ signalling follows IFN-γ",
       "as nsclc_icb ifng_response_rate (assumed: PD-L1/MHC-I follow IFN-γ within ~2 days)"},
      {"tumour_ifng_arrest", "", 0.3, 0, 1, "fractional reduction of division at full IFN-γ signalling",
       "as nsclc_icb ifng_growth_arrest (assumed)"},
      {"pdl1_positive_threshold", "", 2.0, 0, 1e3, "PD-L1 level above which a tumour cell counts PD-L1 positive",
       "assumed: twice the constitutive reference, reached at IFN-γ signalling >= 0.2, so positivity marks adaptive "
       "PD-L1 next to T cells (Taube 2012 Sci Transl Med 4:127ra37)"},
  }};
};

struct Cd8Block {
  static constexpr std::array<ParameterSpec, 25> kParameters{{
      {"cd8_speed", "um/min", 5, 0, 100, "crawling speed of CD8 T cells at full motility",
       "assumed: a few um/min in tumour tissue (Boissonnas 2007 J Exp Med 204:345; Salmon 2012)"},
      {"cd8_motility_floor", "", 0.2, 0, 1, "share of full motility without CXCL9/10 (chemokinesis)",
       "assumed: CXCR3 ligands raise T-cell motility in tissue"},
      {"cd8_chemotaxis", "", 3.0, 0, 100, "bias of T-cell steps up the CXCL9/10 gradient, exp(χ·ΔC/(C + C50))",
       "assumed: CXCR3-driven migration toward CXCL9/10 sources (Mikucki 2015 Nat Commun 6:7458)"},
      {"cd8_synapse_rate", "1/day", 12, 0, 1e4, "rate of synapse formation with an adjacent tumour cell at full MHC-I",
       "assumed: a cognate synapse within ~2 h of scanning contact; slower at low MHC-I or antigen"},
      {"cd8_synapse_release", "1/day", 4, 0, 1e4, "release rate of a synapse that has not (yet) killed",
       "assumed: contacts of CTLs with tumour cells last hours (Breart 2008 J Clin Invest 118:1390; Boissonnas "
       "2007); ~6 h on average, after which the T cell crawls on"},
      {"cd8_antigen_recognition", "", 1.0, 0, 1, "share of tumour-cell encounters presenting a recognised epitope",
       "definition: 1 = high neoantigen load; low TMB lowers it (fewer tumour-reactive clones, Gomatou 2025)"},
      {"cd8_kill_rate", "1/day", 1.0, 0, 100, "kill hazard of an engaged, unsuppressed effector",
       "calibrated: the untreated default lattice then kills ~0.1 tumour cells per effector per day, as the tumour "
       "bed of nsclc_icb's default (~7e6 immune kills/day by ~7e7 effectors); below the capacity of single CTLs, "
       "~1 target per 6 h in tumours (Breart 2008 J Clin Invest 118:1390), 2-16/day in vivo (Halle 2016 Immunity "
       "44:233)"},
      {"cd8_checkpoint_half", "", 4.5, 1e-6, 1e3, "engaged PD-1·PD-L1 (relative) for half-maximal inhibition",
       "as nsclc_icb checkpoint_half (calibrated from QSP-IO PD1_50, Jafarnejad 2019)"},
      {"cd8_checkpoint_hill", "", 2.0, 1, 4, "Hill coefficient of PD-1 inhibition", "QSP-IO n_PD1 = 2 (Wang 2023)"},
      {"cd8_stromal_pdl1", "", 0.2, 0, 100, "PD-L1 of myeloid/stromal cells met in a synapse, in tumour PD-L1 units",
       "as nsclc_icb stromal_pdl1 (assumed)"},
      {"cd8_pd1_gain", "", 0.25, 0, 10, "rise of relative PD-1 per new synapse (resting PD-1 = 1)",
       "assumed: PD-1 is induced by TCR stimulation (Agata 1996 Int Immunol 8:765)"},
      {"cd8_pd1_max", "", 3.0, 1, 100, "maximal relative PD-1 of a chronically stimulated T cell",
       "assumed: PD-1-high exhausted cells express a few-fold more PD-1"},
      {"cd8_pd1_decay", "1/day", 0.1, 0, 100, "return of PD-1 toward its resting level without stimulation",
       "assumed: over ~10 days"},
      {"cd8_alt_checkpoint", "", 0.2, 0, 100, "TIM-3/LAG-3/TIGIT engagement, H_alt = a²/(1 + a²)",
       "as nsclc_icb alt_checkpoint: a second inhibitory factor that no drug slot relieves (assumed: exhaustion "
       "not relieved by anti-PD-1, Gomatou 2025)"},
      {"cd8_exhaustion_threshold", "", 50, 0.1, 1e4,
       "PD-1-inhibited synapses (weighted by the inhibited share) to exhaustion",
       "assumed: terminal exhaustion after weeks of repeated stimulation under PD-1 engagement (Wherry 2015 Nat Rev "
       "Immunol 15:486): ~100 synapses at half inhibition, i.e. ~4 weeks at a few synapses a day, as nsclc_icb's "
       "exhaustion_rate ~0.05/day"},
      {"cd8_reinvigoration_rate", "1/day", 0.02, 0, 10,
       "return of exhausted cells to function at full checkpoint relief",
       "as nsclc_icb reinvigoration_rate (Huang 2017 Nature 545:60)"},
      {"cd8_death_rate", "1/day", 0.02, 0, 10, "death rate of effector CD8 T cells in the tissue",
       "as nsclc_icb cd8_death (2x QSP-IO k_CD8_death)"},
      {"cd8_exhausted_death_rate", "1/day", 0.02, 0, 10, "death rate of exhausted CD8 T cells",
       "as nsclc_icb exhausted_death (assumed)"},
      {"cd8_proliferation_rate", "1/day", 0.2, 0, 10, "division hazard of an engaged, functional effector",
       "assumed: slow expansion in the tumour bed (most effectors arrive from the lymph node, nsclc_icb)"},
      {"ifng_secretion", "nmol/(cell*day)", 1.5e-9, 0, 1e-6, "IFN-γ secretion of an engaged, functional effector",
       "assumed: ~10 molecules/s, the order of T-cell cytokine secretion in diffusion-consumption studies "
       "(Oyler-Yaniv 2017 Immunity 46:609); IFN-γ then reaches tumour cells ~100 um away (Hoekstra 2020 Nat Cancer "
       "1:291)"},
      {"tgfb_half", "nM", 0.14, 1e-9, 1e3, "TGF-β for half-maximal suppression of T cells",
       "QSP-IO TGFb_50_Teff = 0.14 nM (Robertson-Tessi 2012)"},
      {"tgfb_kill_suppression", "", 1.0, 0, 1, "share of killing lost at saturating TGF-β",
       "QSP-IO kill factor (1 - H_TGFb) (Wang 2023)"},
      {"tgfb_cxcr3_suppression", "", 0.8, 0, 1, "share of CXCL9/10 responsiveness lost at saturating TGF-β",
       "TGF-β lowers CXCR3 on CD8 T cells and their entry into tumours (Gunderson 2020 Nat Commun 11:1749); size "
       "assumed"},
      {"hypoxia_tcell_suppression", "", 0.0, 0, 1, "maximal share of T-cell function lost in anoxic tissue",
       "off by default; the hypoxia/adenosine overlay switches it on (metabolic suppression of T cells, Gomatou 2025; "
       "an A2AR factor, assumed)"},
      {"hypoxia_suppression_half", "uM", 6.7, 1e-6, 500, "O2 at which hypoxic suppression is half-maximal",
       "assumed: 5 mmHg, where HIF-1α and CD73/A2AR signalling are strong"},
  }};
};

struct TraffickingBlock {
  static constexpr std::array<ParameterSpec, 8> kParameters{{
      {"cd8_vascular_arrival", "1/day", 0.75, 0, 100, "per-capita rate at which blood effectors reach the tumour vessels",
       "nsclc_icb infiltration_rate 0.25/day at full chemokine signalling (x (1 + ifng_chemokine_gain) = 3): on the "
       "lattice, extravasation (0-1) at each vessel takes the place of nsclc_icb's chemokine and barrier terms"},
      {"extravasation_floor", "", 0.05, 0, 1, "probability that an arriving T cell extravasates without CXCL9/10",
       "assumed: CXCR3 ligands drive most effector extravasation at tumour vascular checkpoints (Mikucki 2015)"},
      {"parenchyma_entry_floor", "", 0.05, 0, 1,
       "weight of a lymphocyte step onto a tumour cell without CXCL9/10, relative to one at full CXCR3 signal",
       "assumed: intratumoural CXCR3 signalling positions T cells within tumours (Chow 2019 Immunity 50:1498); "
       "without it T cells stay in the stroma (excluded)"},
      {"tumour_vessel_extravasation", "", 1.0, 0, 1, "extravasation at intratumoural vessels relative to stromal ones",
       "definition (1); VEGF-conditioned tumour endothelium bars T cells (Motz 2014 Nat Med 20:607)"},
      {"fibroblast_permeability", "", 0.3, 0, 1, "probability that a T cell steps into a voxel held by a fibroblast",
       "assumed: dense fibroblast/fibre layers slow and trap T cells in lung tumour stroma (Salmon 2012)"},
      {"immune_cap_free", "", 2, 1, 8, "immune cells allowed in a voxel without a tumour cell or fibroblast",
       "assumed occupancy rule: a 20-um voxel holds two ~10-um lymphocytes or myeloid cells"},
      {"immune_cap_shared", "", 1, 0, 8, "immune cells allowed beside a tumour cell or fibroblast in one voxel",
       "assumed occupancy rule: one immune cell squeezes beside a tissue cell"},
      {"chemokine_half", "nM", 0.2, 1e-6, 1e3, "CXCL9/10 for half-maximal T-cell responses (motility, extravasation)",
       "assumed: CXCR3 responds to sub-nM CXCL10"},
  }};
};

struct MyeloidBlock {
  static constexpr std::array<ParameterSpec, 18> kParameters{{
      {"myeloid_speed", "um/min", 2, 0, 100, "crawling speed of MDSCs and macrophages",
       "assumed: myeloid cells crawl at 1-3 um/min in tissue, slower than T cells"},
      {"treg_entry_rate", "1/day", 1.5e-4, 0, 10, "Treg entry per viable tumour cell of the lattice",
       "as nsclc_icb treg_recruitment (assumed Treg:tumour ratio ~0.005)"},
      {"treg_death_rate", "1/day", 0.03, 1e-6, 10, "Treg loss rate", "as nsclc_icb treg_death (~1 month)"},
      {"treg_suppression", "", 1.0, 0, 1e3, "weight w of neighbouring Tregs, effector factor 1/(1 + w·n)",
       "QSP-IO Treg factor T/(T + K·Treg) (Robertson-Tessi 2012), local form; as nsclc_icb treg_suppression"},
      {"treg_ctla4_depletion", "1/day", 0.02, 0, 10, "Treg depletion at full CTLA-4 occupancy",
       "as nsclc_icb treg_depletion_ctla4 (assumed)"},
      {"mdsc_entry_rate", "1/day", 1.5e-4, 0, 10, "MDSC entry per viable tumour cell of the lattice",
       "as nsclc_icb mdsc_recruitment (assumed)"},
      {"mdsc_death_rate", "1/day", 0.015, 1e-6, 10, "MDSC loss rate", "QSP-IO k_MDSC_death (Wang 2023)"},
      {"mdsc_suppression", "", 0.5, 0, 1e3, "weight of neighbouring MDSCs, effector factor 1/(1 + w·n)",
       "assumed: arginase/NO act locally (QSP-IO H_MDSC, Serafini 2008)"},
      {"macrophage_entry_rate", "1/day", 1e-3, 0, 10, "macrophage entry (as M2) per viable tumour cell",
       "as nsclc_icb macrophage_recruitment (assumed)"},
      {"macrophage_death_rate", "1/day", 0.02, 1e-6, 10, "macrophage loss rate", "as nsclc_icb macrophage_death"},
      {"m1_polarisation_rate", "1/day", 0.02, 0, 100, "M2 -> M1 repolarisation at saturating IFN-γ",
       "QSP-IO k_M1_pol (Wang 2023)"},
      {"m2_polarisation_rate", "1/day", 0.25, 0, 100, "M1 -> M2 polarisation at saturating TGF-β",
       "QSP-IO k_M2_pol (Wang 2023)"},
      {"m2_suppression", "", 0.5, 0, 1e3, "weight of neighbouring M2 macrophages, effector factor 1/(1 + w·n)",
       "assumed: IL-10/TGF-β of M2 macrophages (Gomatou 2025) act locally"},
      {"m1_kill_rate", "1/day", 0.02, 0, 100, "kill hazard of an M1 macrophage on an adjacent tumour cell",
       "as nsclc_icb m1_kill (assumed small)"},
      {"treg_tgfb_secretion", "nmol/(cell*day)", 1.2e-10, 0, 1e-6, "TGF-β secretion per Treg",
       "QSP-IO k_TGFb_Tsec (Wang 2023), from Liyanage 2002"},
      {"m2_tgfb_secretion", "nmol/(cell*day)", 1.2e-10, 0, 1e-6, "TGF-β secretion per M2 macrophage",
       "as per Treg (assumed)"},
      {"fibroblast_tgfb_secretion", "nmol/(cell*day)", 1.2e-10, 0, 1e-6, "TGF-β secretion per fibroblast",
       "assumed as per Treg; CAF-rich stroma secretes more (Mariathasan 2018 Nature 554:544)"},
      {"m1_chemokine_secretion", "nmol/(cell*day)", 2e-11, 0, 1e-6, "CXCL9/10 secretion per M1 macrophage",
       "assumed as a tumour cell at full IFN-γ signalling"},
  }};
};

struct FieldBlock {
  static constexpr std::array<ParameterSpec, 14> kParameters{{
      {"o2_diffusion", "um^2/min", 1e5, 1, 1e7, "O2 diffusion coefficient",
       "BioFVM/PhysiCell oxygen (Ghaffarizadeh 2016 "
       "Bioinformatics 32:1256)"},
      {"o2_decay", "1/min", 0.1, 0, 1e3, "O2 background decay", "BioFVM/PhysiCell oxygen"},
      {"o2_tumour_uptake", "1/min", 3.12, 0, 1e3, "O2 uptake rate of a voxel holding a viable tumour cell",
       "PhysiCell default uptake 10/min times the cell/voxel volume ratio 2494/8000 um^3"},
      {"o2_supply", "uM", 50.9, 0, 500, "O2 of perfused vessels and of the tissue beyond the lattice",
       "PhysiCell far-field 38 mmHg (Ghaffarizadeh 2018), converted at 1.34 uM/mmHg"},
      {"o2_vessel_exchange", "1/min", 10, 0, 1e4, "O2 exchange rate of a vessel voxel toward o2_supply",
       "assumed: fast enough to hold perfused vessel voxels near the supply value"},
      {"ifng_diffusion", "um^2/min", 1000, 1, 1e7, "IFN-γ diffusion coefficient",
       "assumed: ~17 um^2/s, the order of small proteins in tissue; with ifng_decay a reach of ~0.4 mm "
       "(long-range IFN-γ sensing, Thibaut 2020 Nat Cancer 1:302)"},
      {"ifng_decay", "1/day", 7.68, 1e-3, 1e3, "IFN-γ decay", "QSP-IO k_IFNg_deg (Wang 2023)"},
      {"tgfb_diffusion", "um^2/min", 1000, 1, 1e7, "TGF-β diffusion coefficient", "assumed as IFN-γ"},
      {"tgfb_decay", "1/day", 14.3, 1e-3, 1e3, "TGF-β decay", "QSP-IO k_TGFb_deg (Robertson-Tessi 2012)"},
      {"chemokine_diffusion", "um^2/min", 1000, 1, 1e7, "CXCL9/10 diffusion coefficient", "assumed as IFN-γ"},
      {"chemokine_decay", "1/day", 4, 1e-3, 1e3, "CXCL9/10 decay", "assumed: half-life of ~4 h in tissue"},
      {"tumour_chemokine_basal", "nmol/(cell*day)", 5e-13, 0, 1e-6,
       "CXCL9/10 per tumour cell without IFN-γ (tumour cells and resident DCs)",
       "assumed: a fifth of the IFN-γ-induced level; CD103+ DCs are a main early source (Spranger 2017 Cancer Cell "
       "31:711)"},
      {"tumour_chemokine_ifng", "nmol/(cell*day)", 2e-11, 0, 1e-6, "CXCL9/10 per tumour cell at full IFN-γ signalling",
       "assumed: ~0.5 nM (chemokine_half) in a nest whose cells signal fully"},
      {"vessel_chemokine_secretion", "nmol/(cell*day)", 0, 0, 1e-6, "CXCL9/10 presented at a vessel voxel",
       "assumed: activated endothelium and perivascular myeloid cells present CXCR3 ligands at the basal tumour-cell "
       "level, independent of the nest (Mikucki 2015)"},
  }};
};

struct MetricsBlock {
  static constexpr std::array<ParameterSpec, 4> kParameters{{
      {"margin_half_width", "um", 200, 0, 1e4, "half-width of the invasive-margin band centred on the tumour border",
       "assumed: Galon 2006 (Science 313:1960) scores a ±0.5-mm band on whole sections; ±200 um fits the "
       "representative region (peritumoural stroma and the outer tumour rim)"},
      {"desert_cd8_density", "cells/mm^2", 10, 0, 1e6, "CD8 density below which core and margin count as empty",
       "assumed: 0.4 CD8 per 100 tumour cells of a section (2500 tumour cells/mm^2 at 20-um voxels), a fifth of the "
       "density of the default (inflamed) lattice, whose CD8:tumour ratio is nsclc_icb's default (~0.03)"},
      {"excluded_core_ratio", "", 0.5, 0, 1, "core/margin CD8 density ratio below which a tumour counts excluded",
       "assumed: 'T cells at the margin but not in the parenchyma' (Chen & Mellman 2017 Nature 541:321)"},
      {"hypoxia_threshold", "uM", 13.4, 0, 500, "O2 below which a tumour cell counts hypoxic",
       "10 mmHg, the HF10 hypoxic fraction of polarographic tumour studies (Vaupel 2007 Antioxid Redox Signal "
       "9:1221), converted at 1.34 uM/mmHg"},
  }};
};

/// Blocks in declaration order.
inline constexpr auto kParameters =
    nsclc::concat(TissueBlock::kParameters, TumourCellBlock::kParameters, Cd8Block::kParameters,
                  TraffickingBlock::kParameters, MyeloidBlock::kParameters, FieldBlock::kParameters,
                  MetricsBlock::kParameters);

/// The default parameter vector.
std::vector<double> default_parameters();

}  // namespace icbsim::models::spatial
