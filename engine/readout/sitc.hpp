// SITC resistance classes for anti-PD-(L)1 therapy: the advanced-disease phenotypes of Kluger et
// al. (J Immunother Cancer 2020;8:e000398, Table 1) and perioperative classes from the pathological
// response at surgery. Sources and boundary choices: below and in docs/readouts.md.
#pragma once

#include <optional>

#include "engine/core/enum_table.hpp"
#include "engine/readout/calendar.hpp"
#include "engine/readout/recist.hpp"

namespace icbsim::readout {

/// Least drug exposure for any SITC resistance class: 6 weeks [day].
inline constexpr double kSitcMinExposureDays = 6.0 * kDaysPerWeek;
/// Benefit (and, for secondary resistance, exposure) separating primary from secondary: 6 months [day].
inline constexpr double kSitcDurableBenefitDays = 6.0 * kDaysPerMonth;
/// Least gap between the first PD and the scan confirming it [day].
inline constexpr double kSitcConfirmationDays = 28.0;
/// Largest viable tumour fraction that is still a major pathological response [%].
inline constexpr double kMprMaxViablePercent = 10.0;

/// SITC phenotype of a patient treated for advanced disease.
enum class SitcClass {
  kNotEvaluable,            ///< exposure below 6 weeks
  kPrimaryResistance,       ///< no benefit, or benefit shorter than 6 months, then confirmed PD
  kSecondaryResistance,     ///< benefit of at least 6 months on >= 6 months of drug, then confirmed PD
  kOngoingBenefit,          ///< CR, PR or SD without progression so far
  kUnconfirmedProgression,  ///< first PD not (yet) confirmed and not rapid
  kUnclassified,            ///< outside Table 1 (e.g. benefit >= 6 months on < 6 months of drug)
};

/// Names of SitcClass in input/output files and messages.
inline constexpr EnumTable<SitcClass, 6> kSitcClassNames{{{
    {SitcClass::kNotEvaluable, "not_evaluable"},
    {SitcClass::kPrimaryResistance, "primary_resistance"},
    {SitcClass::kSecondaryResistance, "secondary_resistance"},
    {SitcClass::kOngoingBenefit, "ongoing_benefit"},
    {SitcClass::kUnconfirmedProgression, "unconfirmed_progression"},
    {SitcClass::kUnclassified, "unclassified"},
}}};

/// What the advanced-setting classification needs; times from the first dose [day].
struct SitcInput {
  double exposure_days = 0.0;              ///< time on anti-PD-(L)1, first dose to last dose or PD [day]
  Response best_response = Response::kNE;  ///< RECIST 1.1 best overall response
  std::optional<double> progression_day;   ///< first RECIST PD [day]
  std::optional<double> confirmation_day;  ///< a later scan still showing PD [day]
  bool rapid_progression = false;          ///< very rapid growth with clinical deterioration
};

/// SITC class of one patient (Kluger 2020 Table 1); throws icbsim::Error on inconsistent input.
/// In order: exposure < 42 days -> not evaluable; no progression -> ongoing benefit (best response
/// CR/PR/SD) or unclassified; progression neither confirmed >= 28 days later nor rapid ->
/// unconfirmed; best response PD or progression < 182.625 days after start -> primary resistance
/// (Table 1 names "SD < 6 months"; a CR/PR lost before 6 months is counted here too, as in the
/// JITC 2021 application of Table 1); benefit >= 182.625 days with exposure >= 182.625 days ->
/// secondary resistance (Table 1 says "> 6 months"; equality is counted as durable); otherwise
/// unclassified (Kluger's separate table for patients who stopped therapy is not implemented).
SitcClass classify_sitc(const SitcInput& input);

/// Pathological response of the resected tumour.
enum class PathologicalResponse {
  kComplete,  ///< pCR: no viable tumour in the primary nor in the nodes
  kMajor,     ///< MPR without pCR: <= 10 % viable tumour in the primary
  kNone,      ///< more than 10 % viable tumour
};

/// Names of PathologicalResponse in input/output files and messages.
inline constexpr EnumTable<PathologicalResponse, 3> kPathologicalResponseNames{{{
    {PathologicalResponse::kComplete, "pcr"},
    {PathologicalResponse::kMajor, "mpr"},
    {PathologicalResponse::kNone, "non_mpr"},
}}};

/// Pathological response from the viable fraction of the resected primary [%] and nodal status:
/// pCR = 0 % and no viable tumour in nodes (ypT0N0); MPR = <= 10 % (Hellmann et al., Lancet Oncol
/// 2014;15:e42), 10.0 % included; non-MPR above.
PathologicalResponse classify_pathological_response(double viable_tumour_percent,
                                                    bool viable_tumour_in_nodes = false);

/// Perioperative (neoadjuvant) outcome class.
enum class NeoadjuvantClass {
  kPathologicalCompleteResponse,  ///< pCR at surgery
  kMajorPathologicalResponse,     ///< MPR without pCR at surgery
  kPrimaryResistance,             ///< progression before surgery, or no MPR at surgery
  kNotEvaluable,                  ///< no surgery and no progression (e.g. toxicity)
};

/// Names of NeoadjuvantClass in input/output files and messages.
inline constexpr EnumTable<NeoadjuvantClass, 4> kNeoadjuvantClassNames{{{
    {NeoadjuvantClass::kPathologicalCompleteResponse, "pcr"},
    {NeoadjuvantClass::kMajorPathologicalResponse, "mpr"},
    {NeoadjuvantClass::kPrimaryResistance, "primary_resistance"},
    {NeoadjuvantClass::kNotEvaluable, "not_evaluable"},
}}};

/// What the neoadjuvant classification needs.
struct NeoadjuvantInput {
  bool progression_before_surgery = false;      ///< RECIST PD during neoadjuvant therapy
  std::optional<double> viable_tumour_percent;  ///< at surgery [%]; nothing when not resected
  bool viable_tumour_in_nodes = false;          ///< viable tumour in resected nodes
};

/// Neoadjuvant class. Rule chosen: primary resistance = radiological progression before surgery
/// OR no MPR at surgery (> 10 % viable tumour), the "no MPR and/or progression before surgery"
/// reading of Gomatou et al. 2025 and of Kluger 2020's neoadjuvant discussion [U: neither text
/// verified here]; progression overrides pathology; no surgery without progression -> not evaluable.
NeoadjuvantClass classify_neoadjuvant(const NeoadjuvantInput& input);

}  // namespace icbsim::readout
