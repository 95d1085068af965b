// Where the shipped configuration files (configs/drugs, configs/phenotypes, ...) are found.
#pragma once

#include <string>

namespace icbsim {

/// The configs folder: $ICBSIM_CONFIG_DIR when set, else the source tree's configs/ (a build
/// tree), else the installed share/icbsim/configs. Throws IoError when none exists.
std::string config_root();

}  // namespace icbsim
