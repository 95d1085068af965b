// One point of a tumour-burden time series: the sum of target-lesion diameters at one time.
#pragma once

namespace icbsim::readout {

/// Sum of target-lesion diameters (SLD) observed or simulated at one time.
struct SldSample {
  double time = 0.0;    ///< [day]
  double sld_mm = 0.0;  ///< sum of longest diameters (short axis for nodes) [mm]
};

}  // namespace icbsim::readout
