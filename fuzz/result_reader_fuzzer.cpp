// libFuzzer harness of the readers behind `icbsim summary`, merge, --resume, --from-checkpoint and
// branch: any bytes as a file give its contents or an icbsim error (IoError, ScenarioError); any
// other exception, crash, leak or undefined behaviour is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/io/checkpoint/checkpoint_file.hpp"
#include "engine/io/results/result_merger.hpp"
#include "engine/io/results/result_reader.hpp"
#include "engine/io/results/trial_report_file.hpp"
#include "models/register_builtin.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The registry and the file name are made once per process: the harness has no other state.
  static const icbsim::ModelRegistry registry = icbsim::models::builtin_registry();
  static const std::string path =
      (std::filesystem::temp_directory_path() / ("icbsim_fuzz_" + std::to_string(::getpid()) + ".h5")).string();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  auto quietly = [](auto&& read) {
    try {
      read();
    } catch (const icbsim::Error&) {  // IoError, ScenarioError: the clear error expected of a damaged file
    }
  };
  quietly([&] { (void)icbsim::read_result_file(path); });
  quietly([&] { (void)icbsim::read_trial_report(path, registry); });
  quietly([&] { (void)icbsim::not_run_ranges(path); });
  quietly([&] { (void)icbsim::read_checkpoint_file(path, registry); });
  return 0;
}
