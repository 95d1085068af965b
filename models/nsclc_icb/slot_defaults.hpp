// The seven drug slots of the NSCLC checkpoint model and their defaults: a typical drug of each
// class from configs/drugs, resolved for the typical 70-kg NSCLC patient of docs/pk.md section 7 (values
// printed by pk::resolve; tests/models/nsclc_icb_test.cpp checks that they still agree).
#pragma once

#include <array>
#include <string_view>

namespace icbsim::models::nsclc {

/// Source of the effect fields that the drug catalogue does not carry.
inline constexpr std::string_view kAssumedAdcKill =
    "assumed: 0.05/day at full occupancy; with sacituzumab govitecan's ~4-5 days of near-full TROP2 occupancy after "
    "each of the two doses per 21-day cycle, about a third of the target cells die per cycle; sweep it";
inline constexpr std::string_view kAssumedAdcTargetFraction =
    "assumed: TROP2 is expressed on most NSCLC cells (about 2/3 with high expression); sweep it";
inline constexpr std::string_view kAssumedAdcIcd =
    "assumed: topoisomerase-I payload death is immunogenic like immune killing (weight 1)";

struct Pd1Slot {
  static constexpr std::string_view kPrefix = "pd1";
  static constexpr std::string_view kLabel = "anti-PD-1 slot";
  // cl0 vc q2 v2 q3 v3 emax t50 hill vmax km t_first_dose | kd mw partition
  static constexpr std::array<double, 15> kDefaults{
      0.238380966, 3.325757269, 0.7523337356, 3.880050147, 0, 0, 0, 1, 1, 0, 1, 0, 0.029, 149000, 0.114};
  static constexpr std::string_view source(std::string_view) {
    return "default: pembrolizumab typical values (Ahamadi 2017 at 70 kg, NSCLC; KD 29 pM, Fessas 2017; "
           "configs/drugs), replaced from the drug catalogue when a drug is given";
  }
};

struct Pdl1Slot {
  static constexpr std::string_view kPrefix = "pdl1";
  static constexpr std::string_view kLabel = "anti-PD-L1 slot";
  static constexpr std::array<double, 15> kDefaults{
      0.1851760032, 3.109820576, 0.546, 3.63, 0, 0, 0, 1, 1, 0, 1, 0, 0.4, 145000, 0.114};
  static constexpr std::string_view source(std::string_view) {
    return "default: atezolizumab typical values (Stroh 2017 at 70 kg, docs/pk.md section 7; configs/drugs), "
           "replaced from the drug catalogue when a drug is given";
  }
};

struct Ctla4Slot {
  static constexpr std::string_view kPrefix = "ctla4";
  static constexpr std::string_view kLabel = "anti-CTLA-4 slot";
  static constexpr std::array<double, 15> kDefaults{
      0.3395624378, 3.645876283, 0.6103360656, 2.935161159, 0, 0, -0.2664, 105.8333333, 7.43, 0, 1, 0, 18.2, 148000,
      0.114};
  static constexpr std::string_view source(std::string_view) {
    return "default: ipilimumab typical values (Sanghavi 2020 at 70 kg with nivolumab 3 mg/kg q2w, 1L; "
           "configs/drugs), replaced from the drug catalogue when a drug is given";
  }
};

struct Cyto1Slot {
  static constexpr std::string_view kPrefix = "cyto1";
  static constexpr std::string_view kLabel = "cytotoxic slot 1 (platinum)";
  // cl0 vc q2 v2 q3 v3 emax t50 hill vmax km t_first_dose | tumour_kmax tumour_sens lymph_kmax lymph_sens
  static constexpr std::array<double, 16> kDefaults{124.578, 15.5, 83.04, 9.86, 0, 0,         0,      1,
                                                    1,       0,    1,     0,    9, 0.0186706, 0.0486, 0.0186706};
  static constexpr std::string_view source(std::string_view) {
    return "default: carboplatin typical values (Zandvliet 2008, CLcr 80.9 mL/min, docs/pk.md section 7; exposure kill "
           "of "
           "configs/drugs/carboplatin.yaml: NCI-60 GI50, de Pillis 2009 form), replaced from the drug catalogue when a "
           "drug is given";
  }
};

struct Cyto2Slot {
  static constexpr std::string_view kPrefix = "cyto2";
  static constexpr std::string_view kLabel = "cytotoxic slot 2 (doublet partner)";
  static constexpr std::array<double, 16> kDefaults{124.1195383, 18.94, 2.4, 5.12, 0, 0,         0,      1,
                                                    1,           0,     1,   0,    1, 0.0308138, 0.0486, 0.0308138};
  static constexpr std::string_view source(std::string_view) {
    return "default: pemetrexed typical values (Alimta label CL with the Cao 2022 CrCL exponent; exposure kill "
           "of configs/drugs/pemetrexed.yaml), replaced from the drug catalogue when a drug is given";
  }
};

struct VaccineSlotTag {
  static constexpr std::string_view kPrefix = "vaccine";
  static constexpr std::string_view kLabel = "vaccine slot";
  // cl0 vc boost_max half_boost_amount
  static constexpr std::array<double, 4> kDefaults{0.3466, 1.0, 1.0, 0.1};
  static constexpr std::string_view source(std::string_view) {
    return "default: tecemotide typical values (configs/drugs/tecemotide.yaml: assumed 2-day depot half-life; "
           "Lai & Friedman 2017 boost structure), replaced from the drug catalogue when a drug is given";
  }
};

struct AdcSlotTag {
  static constexpr std::string_view kPrefix = "adc";
  static constexpr std::string_view kLabel = "antibody-drug conjugate slot";
  // cl0 vc q2 v2 q3 v3 emax t50 hill vmax km t_first_dose | kd mw partition | kill_max target_fraction bystander icd
  static constexpr std::array<double, 19> kDefaults{3.19992, 2.77011, 0.1323384, 0.907787, 0,   0,   0,
                                                    1,       1,       0,         1,        0,   1,   160000,
                                                    0.114,   0.05,    0.67,      0.5,      1.0};
  static constexpr std::string_view source(std::string_view field) {
    if (field == "kill_max") return kAssumedAdcKill;
    if (field == "target_fraction") return kAssumedAdcTargetFraction;
    if (field == "icd") return kAssumedAdcIcd;
    return "default: sacituzumab govitecan typical values (Sathe 2024 at 70 kg; configs/drugs), replaced from the "
           "drug catalogue when a drug is given";
  }
};

}  // namespace icbsim::models::nsclc
