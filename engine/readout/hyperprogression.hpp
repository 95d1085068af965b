// Tumour growth rate (TGR; Ferté et al., Clin Cancer Res 2014) and hyperprogression flags of
// Champiat et al. (Clin Cancer Res 2017;23:1920) and Ferrara et al. (JAMA Oncol 2018;4:1543).
// Kas et al. (JAMA Netw Open 2020) show the definitions disagree: report the one used.
#pragma once

#include "engine/core/enum_table.hpp"
#include "engine/readout/sld_sample.hpp"

namespace icbsim::readout {

/// Published definition of hyperprogressive disease.
enum class HyperprogressionDefinition {
  kChampiat2017,  ///< PD at first evaluation AND TGR_on / TGR_pre >= 2
  kFerrara2018,   ///< PD at first evaluation AND TGR_on − TGR_pre > 50 [% per month]
};

/// Names of HyperprogressionDefinition in input/output files and messages.
inline constexpr EnumTable<HyperprogressionDefinition, 2> kHyperprogressionDefinitionNames{{{
    {HyperprogressionDefinition::kChampiat2017, "champiat2017"},
    {HyperprogressionDefinition::kFerrara2018, "ferrara2018"},
}}};

/// Champiat 2017 threshold on the TGR ratio (inclusive).
inline constexpr double kChampiatTgrRatio = 2.0;
/// Ferrara 2018 threshold on ΔTGR (exclusive) [% per month].
inline constexpr double kFerraraDeltaTgr = 50.0;

/// TGR between two SLD samples [% volume per month]: 100·(exp(TG) − 1) with
/// TG = 3·ln(D_t/D_0)/(t − t_0), t in months of 30.4375 days.
double tumour_growth_rate(const SldSample& from, const SldSample& to);

/// Three assessments around the start of treatment.
struct HyperprogressionInput {
  SldSample pre_baseline;             ///< scan before the reference period
  SldSample baseline;                 ///< scan at treatment start
  SldSample first_evaluation;         ///< first on-treatment scan
  bool pd_at_first_evaluation = false;  ///< RECIST 1.1 PD at the first evaluation
};

/// Outcome of a hyperprogression assessment.
struct HyperprogressionResult {
  bool hyperprogression = false;  ///< the definition's flag
  double tgr_pre = 0.0;           ///< pre-baseline → baseline [% per month]
  double tgr_on = 0.0;            ///< baseline → first evaluation [% per month]
  double tgr_ratio = 0.0;         ///< tgr_on / tgr_pre; NaN when tgr_pre <= 0
  double delta_tgr = 0.0;         ///< tgr_on − tgr_pre [% per month]
  HyperprogressionDefinition definition = HyperprogressionDefinition::kChampiat2017;
};

/// Hyperprogression by `definition`. With tgr_pre <= 0 the Champiat ratio is undefined: the flag
/// is then set iff tgr_on > 0 (growth after no growth counts as more than a 2-fold rise).
HyperprogressionResult assess_hyperprogression(const HyperprogressionInput& input,
                                               HyperprogressionDefinition definition);

}  // namespace icbsim::readout
