// config_paths: the configs folder comes from ICBSIM_CONFIG_DIR when set, else the build's source
// tree; a wrong setting is an I/O error.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "engine/core/errors.hpp"
#include "engine/io/config/config_paths.hpp"

TEST_CASE("the configs folder: environment first, then the source tree", "[io][config]") {
  ::unsetenv("ICBSIM_CONFIG_DIR");
  CHECK(std::filesystem::exists(icbsim::config_root() + "/drugs/pembrolizumab.yaml"));
  ::setenv("ICBSIM_CONFIG_DIR", "/nonexistent/configs", 1);
  CHECK_THROWS_AS(icbsim::config_root(), icbsim::IoError);
  ::setenv("ICBSIM_CONFIG_DIR", (std::string(ICBSIM_SOURCE_DIR) + "/configs").c_str(), 1);
  CHECK(icbsim::config_root() == std::string(ICBSIM_SOURCE_DIR) + "/configs");
  ::unsetenv("ICBSIM_CONFIG_DIR");
}
