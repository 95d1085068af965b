// iRECIST (Seymour et al., Lancet Oncol 2017;18:e143-e152): unconfirmed (iUPD) and confirmed
// (iCPD) progression on top of RECIST 1.1 time-point assessments, with the reset rule and
// new lesions measured apart from the baseline sum. Choices: docs/readouts.md.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "engine/core/enum_table.hpp"
#include "engine/readout/recist.hpp"

namespace icbsim::readout {

/// Time-point or best overall response under iRECIST.
enum class IrecistResponse { kICR, kIPR, kISD, kIUPD, kICPD, kNE };

/// Names of IrecistResponse in input/output files and messages.
inline constexpr EnumTable<IrecistResponse, 6> kIrecistResponseNames{{{
    {IrecistResponse::kICR, "iCR"},
    {IrecistResponse::kIPR, "iPR"},
    {IrecistResponse::kISD, "iSD"},
    {IrecistResponse::kIUPD, "iUPD"},
    {IrecistResponse::kICPD, "iCPD"},
    {IrecistResponse::kNE, "NE"},
}}};

/// Timing of iRECIST confirmation.
struct IrecistOptions {
  RecistOptions recist;                   ///< CR/PR confirmation and SD duration, as RECIST 1.1
  double min_confirmation_days = 28.0;    ///< scans earlier than this after iUPD cannot confirm [day]
  double confirmation_increase_mm = 5.0;  ///< growth of a sum since iUPD that confirms it [mm]
};

/// The iRECIST assessment of one scan.
struct IrecistScanCall {
  double time = 0.0;                                 ///< [day]
  IrecistResponse response = IrecistResponse::kNE;   ///< time-point response
};

/// The iRECIST assessment of one patient.
struct IrecistResult {
  std::vector<IrecistScanCall> scans;                     ///< one per scan, in order
  IrecistResponse best_response = IrecistResponse::kNE;   ///< iBOR (Seymour 2017 Table 3)
  std::optional<double> icpd_day;         ///< scan at which iCPD was assigned [day]
  std::optional<double> progression_day;  ///< date of the iUPD that iCPD confirmed [day]
  std::optional<double> open_iupd_day;    ///< an iUPD still unconfirmed after the last scan [day]
};

/// Full iRECIST assessment of one patient. Besides the RECIST 1.1 fields, scans must give
/// new_lesion_count (>= 1 when new_lesion) and new_lesion_sld_mm; validates its input.
IrecistResult assess_irecist(const Baseline& baseline, std::span<const Scan> scans,
                             const IrecistOptions& options = {});

}  // namespace icbsim::readout
