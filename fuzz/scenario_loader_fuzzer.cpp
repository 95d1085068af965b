// libFuzzer harness of the scenario loader: any bytes as a scenario file give a validated scenario
// or a located ScenarioError; any other exception, crash, leak or undefined behaviour is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "models/register_builtin.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The registry is built once per process: the harness has no other state.
  static const icbsim::ModelRegistry registry = icbsim::models::builtin_registry();
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)icbsim::load_scenario_text(text, "fuzz.yaml", registry);
  } catch (const icbsim::ScenarioError& e) {
    // Bad input must be located: the message starts with the file name.
    if (std::string(e.what()).rfind("fuzz.yaml", 0) != 0 && !e.where().file.empty()) __builtin_trap();
  }
  return 0;
}
