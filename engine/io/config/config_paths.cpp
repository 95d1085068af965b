// Resolution of the configs folder.
#include "engine/io/config/config_paths.hpp"

#include <cstdlib>
#include <filesystem>

#include "engine/core/errors.hpp"

namespace icbsim {

std::string config_root() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (const char* env = std::getenv("ICBSIM_CONFIG_DIR"); env != nullptr && *env != '\0') {
    if (!fs::is_directory(env, ec)) throw IoError(std::string("ICBSIM_CONFIG_DIR '") + env + "' is not a folder");
    return env;
  }
  for (const char* candidate : {ICBSIM_SOURCE_CONFIG_DIR, ICBSIM_INSTALLED_CONFIG_DIR})
    if (fs::is_directory(candidate, ec)) return candidate;
  throw IoError("no configs folder found: set ICBSIM_CONFIG_DIR to icbsim's configs/");
}

}  // namespace icbsim
