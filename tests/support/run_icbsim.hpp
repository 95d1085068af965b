// Test support: runs the icbsim executable (ICBSIM_EXE, set by tests/cli/CMakeLists.txt) or any
// shell command line, capturing its exit code and its stdout and stderr together.
#pragma once

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace icbsim::testing {

struct CommandResult {
  int exit_code;       ///< -1 when the command did not exit normally
  std::string output;  ///< stdout and stderr
};

/// Runs a shell command line.
inline CommandResult run_command(const std::string& command_line) {
  const std::string command = command_line + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

/// The executable under test: ICBSIM_EXE, or the one the environment variable ICBSIM_TEST_EXE
/// names (to show that a regression test fails with an older build).
inline std::string icbsim_exe() {
  const char* other = std::getenv("ICBSIM_TEST_EXE");
  return other != nullptr && *other != '\0' ? std::string(other) : std::string(ICBSIM_EXE);
}

/// Runs `icbsim ARGS`.
inline CommandResult run_icbsim(const std::string& args) { return run_command(icbsim_exe() + " " + args); }

}  // namespace icbsim::testing
