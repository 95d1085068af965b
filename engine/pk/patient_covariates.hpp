// The covariates of one patient that population-PK models and dose calculations read, and the
// named Covariate handles through which a drug's covariate model refers to them.
#pragma once

#include <optional>
#include <string_view>

#include "engine/core/enum_table.hpp"

namespace icbsim::pk {

enum class Sex { kMale, kFemale };
inline constexpr EnumTable<Sex, 2> kSexNames{{{{Sex::kMale, "male"}, {Sex::kFemale, "female"}}}};

enum class Race { kWhite, kBlack, kAsian, kOther };
inline constexpr EnumTable<Race, 4> kRaceNames{
    {{{Race::kWhite, "white"}, {Race::kBlack, "black"}, {Race::kAsian, "asian"}, {Race::kOther, "other"}}}};

enum class TumourType { kNsclc, kSclc, kMelanoma, kOther };
inline constexpr EnumTable<TumourType, 4> kTumourTypeNames{{{{TumourType::kNsclc, "nsclc"},
                                                             {TumourType::kSclc, "sclc"},
                                                             {TumourType::kMelanoma, "melanoma"},
                                                             {TumourType::kOther, "other"}}}};

/// One patient. Every default is the typical patient of the PK validation in docs/pk.md (male, 70 kg, 175 cm,
/// 65 y, serum creatinine 80 µmol/L, NSCLC, first line, ECOG 0, white, ADA-negative, no
/// combination partner). Laboratory and tumour-burden values left unset mean "at each model's own
/// reference value" (their covariate factors equal 1).
struct PatientCovariates {
  std::optional<double> weight = 70.0;            ///< body weight [kg]
  std::optional<double> height = 175.0;           ///< [cm]
  std::optional<double> age = 65.0;               ///< [year]
  std::optional<double> serum_creatinine = 80.0;  ///< [µmol/L]
  std::optional<double> albumin;                  ///< serum albumin [g/L]
  std::optional<double> egfr;                     ///< estimated GFR [mL/min/1.73 m²]
  std::optional<double> crcl;                     ///< measured/estimated creatinine clearance [mL/min]
  std::optional<double> sld;                      ///< baseline sum of longest tumour diameters [mm]
  std::optional<double> ldh;                      ///< lactate dehydrogenase [U/L]
  std::optional<double> spdl1;                    ///< soluble PD-L1 [pg/mL]
  Sex sex = Sex::kMale;
  Race race = Race::kWhite;
  TumourType tumour = TumourType::kNsclc;
  int ecog = 0;                         ///< ECOG performance status 0–4
  bool first_line = true;               ///< first-line treatment
  bool ada_positive = false;            ///< anti-drug antibodies detected
  bool prior_ipilimumab = false;        ///< previously treated with ipilimumab
  bool elevated_liver_enzymes = false;  ///< transaminases > 1.5 ULN with alkaline phosphatase > 2.5 ULN
  // Concomitant treatment (regimen covariates of combination popPK models).
  bool with_nivolumab = false;             ///< any nivolumab
  bool with_nivolumab_1mgkg_q3w = false;   ///< nivolumab 1 mg/kg q3w
  bool with_nivolumab_3mgkg_q2w = false;   ///< nivolumab 3 mg/kg q2w
  bool with_ipilimumab = false;            ///< any ipilimumab
  bool with_ipilimumab_1mgkg_q6w = false;  ///< ipilimumab 1 mg/kg q6w
  bool with_ipilimumab_3mgkg_q3w = false;  ///< ipilimumab 3 mg/kg q3w
  bool with_durvalumab = false;
  bool with_tremelimumab = false;
  bool with_chemotherapy = false;  ///< platinum doublet or other cytotoxic partner
};

/// A covariate as a covariate model names it: a stored field, a derived quantity (BSA,
/// Cockcroft–Gault clearance) or a 0/1 indicator.
enum class Covariate {
  kWeight,
  kHeight,
  kAge,
  kSerumCreatinine,
  kAlbumin,
  kEgfr,
  kCrcl,
  kCrclCockcroftGault,
  kBsa,
  kSld,
  kLdh,
  kSpdl1,
  kEcog,
  // indicators (0/1)
  kFemale,
  kMale,
  kEcogAtLeast1,
  kAsian,
  kBlack,
  kNsclc,
  kSclc,
  kMelanoma,
  kFirstLine,
  kAdaPositive,
  kPriorIpilimumab,
  kElevatedLiverEnzymes,
  kWithNivolumab,
  kWithNivolumab1mgkgQ3w,
  kWithNivolumab3mgkgQ2w,
  kWithIpilimumab,
  kWithIpilimumab1mgkgQ6w,
  kWithIpilimumab3mgkgQ3w,
  kWithDurvalumab,
  kWithTremelimumab,
  kWithChemotherapy,
  kWithTremelimumabAndChemotherapy
};

inline constexpr EnumTable<Covariate, 35> kCovariateNames{{{
    {Covariate::kWeight, "weight"},
    {Covariate::kHeight, "height"},
    {Covariate::kAge, "age"},
    {Covariate::kSerumCreatinine, "serum_creatinine"},
    {Covariate::kAlbumin, "albumin"},
    {Covariate::kEgfr, "egfr"},
    {Covariate::kCrcl, "crcl"},
    {Covariate::kCrclCockcroftGault, "crcl_cockcroft_gault"},
    {Covariate::kBsa, "bsa"},
    {Covariate::kSld, "sld"},
    {Covariate::kLdh, "ldh"},
    {Covariate::kSpdl1, "spdl1"},
    {Covariate::kEcog, "ecog"},
    {Covariate::kFemale, "female"},
    {Covariate::kMale, "male"},
    {Covariate::kEcogAtLeast1, "ecog_ge1"},
    {Covariate::kAsian, "asian"},
    {Covariate::kBlack, "black"},
    {Covariate::kNsclc, "nsclc"},
    {Covariate::kSclc, "sclc"},
    {Covariate::kMelanoma, "melanoma"},
    {Covariate::kFirstLine, "first_line"},
    {Covariate::kAdaPositive, "ada_positive"},
    {Covariate::kPriorIpilimumab, "prior_ipilimumab"},
    {Covariate::kElevatedLiverEnzymes, "elevated_liver_enzymes"},
    {Covariate::kWithNivolumab, "with_nivolumab"},
    {Covariate::kWithNivolumab1mgkgQ3w, "with_nivolumab_1mgkg_q3w"},
    {Covariate::kWithNivolumab3mgkgQ2w, "with_nivolumab_3mgkg_q2w"},
    {Covariate::kWithIpilimumab, "with_ipilimumab"},
    {Covariate::kWithIpilimumab1mgkgQ6w, "with_ipilimumab_1mgkg_q6w"},
    {Covariate::kWithIpilimumab3mgkgQ3w, "with_ipilimumab_3mgkg_q3w"},
    {Covariate::kWithDurvalumab, "with_durvalumab"},
    {Covariate::kWithTremelimumab, "with_tremelimumab"},
    {Covariate::kWithChemotherapy, "with_chemotherapy"},
    {Covariate::kWithTremelimumabAndChemotherapy, "with_tremelimumab_and_chemotherapy"},
}}};

/// The unit in which a covariate's value (and a covariate model's reference value) is expressed;
/// "" for indicators and ECOG.
std::string_view covariate_unit(Covariate c);

/// True for the 0/1 indicators.
bool is_indicator(Covariate c);

/// The covariate's value for `p`, in covariate_unit(c); nothing when the patient record leaves it
/// unset (or an input of a derived value is unset).
std::optional<double> covariate_value(const PatientCovariates& p, Covariate c);

/// Sets an indicator that is a stored field (regimen and history flags); throws icbsim::Error for
/// a derived indicator (female/male/ecog_ge1/...), which must be changed through its source field.
void set_indicator(PatientCovariates& p, Covariate c, bool on);

/// Body-surface area by Mosteller, sqrt(height·weight/3600) [m²]; nothing without height or weight.
std::optional<double> bsa_mosteller(const PatientCovariates& p);

/// Creatinine clearance by Cockcroft–Gault as written in Zandvliet 2008 (Br J Clin Pharmacol
/// 66:485): (140 − age)·weight·(0.85 if female)·0.074/SCr[µmol/L] L/h, returned in [mL/min].
std::optional<double> crcl_cockcroft_gault(const PatientCovariates& p);

}  // namespace icbsim::pk
