// Calendar constants shared by the readouts: every readout takes times in days and converts to
// weeks or months only through these.
#pragma once

namespace icbsim::readout {

/// Days in one week [day].
inline constexpr double kDaysPerWeek = 7.0;

/// Days in one mean Gregorian-Julian month, 365.25 / 12 [day].
inline constexpr double kDaysPerMonth = 30.4375;

}  // namespace icbsim::readout
