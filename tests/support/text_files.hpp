// Test support: whole text files and fresh temporary folders (one per test: CTest runs tests in
// parallel, so tests never share a folder).
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace icbsim::testing {

/// The whole text of `path` ("" when it cannot be read).
inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// An empty folder <temp>/<group>/<name>, removed and recreated.
inline std::filesystem::path fresh_folder(const std::string& group, const std::string& name) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / group / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace icbsim::testing
