// Inspecting output paths, refusing replacements nobody asked for, and the per-target lock file.
#include "engine/io/h5/output_target.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <utility>

#include "engine/core/errors.hpp"
#include "engine/io/h5/checked_driver.hpp"
#include "engine/io/h5/hdf5_handle.hpp"

namespace icbsim {
namespace {

namespace fs = std::filesystem;

bool has_hdf5_signature(const std::string& path) {
  static constexpr char kSignature[8] = {'\x89', 'H', 'D', 'F', '\r', '\n', '\x1a', '\n'};
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  return in.read(head, sizeof head) && std::memcmp(head, kSignature, sizeof head) == 0;
}

bool has_attribute(hid_t object, const char* name) { return H5Aexists(object, name) > 0; }

long long long_attribute(hid_t object, const char* name) {
  long long v = -1;
  h5::Id attr(H5Aopen(object, name, H5P_DEFAULT));
  if (attr.get() < 0 || H5Aread(attr.get(), H5T_NATIVE_LLONG, &v) < 0) return -1;
  return v;
}

std::string text_attribute(hid_t object, const char* name) {
  try {
    return h5::read_string_attribute(object, name);
  } catch (const std::exception&) {
    return "?";
  }
}

/// "an icbsim result of 'S', tasks A-B of N, complete" and the like, from the root attributes.
std::string describe_icbsim_file(hid_t root) {
  const std::string scenario = "'" + text_attribute(root, "scenario_file") + "'";
  if (has_attribute(root, "icbsim_checkpoint")) {
    return "an icbsim checkpoint of " + scenario + " (" + std::to_string(long_attribute(root, "total_tasks")) +
           " tasks)";
  }
  if (!has_attribute(root, "total_tasks")) return "a file written by icbsim (a calibration record or a partial result)";
  const long long total = long_attribute(root, "total_tasks"), first = long_attribute(root, "first_task");
  const long long not_run = long_attribute(root, "not_run_tasks");
  long long rows = 0;
  try {
    const std::vector<hsize_t> dims = h5::dataset_dims(root, "/tasks/id");
    rows = dims.empty() ? 0 : static_cast<long long>(dims[0]);
  } catch (const std::exception&) {
  }
  std::string state = "complete";
  if (not_run > 0)
    state = "interrupted, " + std::to_string(not_run) + " not run";
  else if (rows < total)
    state = "a slice";
  return "an icbsim result of " + scenario + ", tasks " + std::to_string(first) + "-" +
         std::to_string(first + rows - 1) + " of " + std::to_string(total) + ", " + state;
}

std::string describe_special(const fs::file_status& status) {
  switch (status.type()) {
    case fs::file_type::directory:
      return "a folder";
    case fs::file_type::character:
      return "a character device node";
    case fs::file_type::block:
      return "a block device node";
    case fs::file_type::fifo:
      return "a named pipe";
    case fs::file_type::socket:
      return "a socket";
    default:
      return "not a regular file";
  }
}

}  // namespace

OutputInspection inspect_output(const std::string& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || status.type() == fs::file_type::not_found) return {ExistingOutput::kMissing, "nothing"};
  if (status.type() != fs::file_type::regular) return {ExistingOutput::kNotAFile, describe_special(status)};
  const auto bytes = fs::file_size(path, ec);
  const std::string size = ec ? std::string() : " (" + std::to_string(bytes) + " bytes)";
  if (!has_hdf5_signature(path)) {
    std::ifstream in(path);
    std::string first;
    std::getline(in, first);
    if (first.rfind("# Fitted by `icbsim calibrate", 0) == 0)
      return {ExistingOutput::kIcbsimFile, "an overlay fitted by icbsim calibrate"};
    return {ExistingOutput::kOtherFile, "a file icbsim did not write" + size};
  }
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const h5::Id access(h5::checked_read_access());
  h5::Id file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, access.get()));
  if (file.get() < 0) return {ExistingOutput::kOtherFile, "an unreadable HDF5 file" + size};
  h5::Id root(H5Gopen2(file.get(), "/", H5P_DEFAULT));
  if (root.get() < 0 || !has_attribute(root.get(), "icbsim_version"))
    return {ExistingOutput::kOtherFile, "an HDF5 file icbsim did not write" + size};
  return {ExistingOutput::kIcbsimFile, describe_icbsim_file(root.get())};
}

void refuse_non_regular(const std::string& path) {
  const OutputInspection found = inspect_output(path);
  if (found.kind == ExistingOutput::kNotAFile)
    throw ScenarioError(SourceLocation{}, "output '" + path + "' is " + found.description +
                                              ": an output must be a regular file or a new name");
}

void check_replaceable(const std::string& path, const OutputPermission& permission) {
  const OutputInspection found = inspect_output(path);
  switch (found.kind) {
    case ExistingOutput::kMissing:
      return;
    case ExistingOutput::kNotAFile:
      refuse_non_regular(path);
      return;
    case ExistingOutput::kIcbsimFile:
      if (permission.typed || permission.overwrite) return;
      throw ScenarioError(SourceLocation{},
                          "'" + path + "' already holds " + found.description +
                              "; the name was not given on the command line, so it is not replaced: pass -o "
                              "FILE.h5 to write elsewhere (or -o '" +
                              path + "' or --overwrite to replace it)");
    case ExistingOutput::kOtherFile:
      if (permission.overwrite) return;
      throw ScenarioError(SourceLocation{}, "'" + path + "' holds " + found.description +
                                                ", which is not an icbsim output; it is not replaced (pass "
                                                "--overwrite to replace it)");
  }
}

std::string lock_path(const std::string& target) { return target + ".lock"; }

OutputLock::OutputLock(const std::string& target) : path_(lock_path(target)) {
  std::error_code ec;
  const fs::path folder = fs::path(path_).parent_path();
  if (!folder.empty()) fs::create_directories(folder, ec);
  for (;;) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
      throw IoError("cannot create the lock file '" + path_ + "' beside the output: " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      char owner[32] = {};
      const ssize_t n = ::pread(fd_, owner, sizeof owner - 1, 0);
      ::close(fd_);
      fd_ = -1;
      if (error == EWOULDBLOCK)
        throw ScenarioError(
            SourceLocation{},
            "'" + target + "' is being written by another icbsim process" +
                (n > 0 ? " (pid " + std::string(owner, static_cast<std::size_t>(n)) + ")" : std::string()) +
                "; wait for it to finish or choose another output name");
      throw IoError("cannot lock '" + path_ + "': " + std::strerror(error));
    }
    // The previous owner may have removed the file between our open and our lock: lock the file
    // that is there now.
    struct stat held {
    }, named{};
    if (::fstat(fd_, &held) == 0 && ::stat(path_.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
        held.st_dev == named.st_dev)
      break;
    ::close(fd_);
    fd_ = -1;
  }
  const std::string pid = std::to_string(::getpid());
  // The pid only improves the message of a second writer: a failure to write it is harmless.
  const bool noted = ::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, pid.data(), pid.size(), 0) > 0;
  static_cast<void>(noted);
}

OutputLock::OutputLock(OutputLock&& other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)) {}

OutputLock& OutputLock::operator=(OutputLock&& other) noexcept {
  if (this != &other) {
    release();
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

OutputLock::~OutputLock() { release(); }

void OutputLock::release() noexcept {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // while still holding the lock: a waiting process re-checks the inode
  ::close(fd_);
  fd_ = -1;
}

void check_complete_hdf5(const std::string& path) {
  if (!has_hdf5_signature(path)) throw IoError("'" + path + "' is incomplete after writing (is the disk full?)");
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const h5::Id access(h5::checked_read_access());
  h5::Id file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, access.get()));
  if (file.get() < 0) throw IoError("'" + path + "' cannot be read back after writing (is the disk full?)");
}

void check_room_for(const std::string& path, std::uintmax_t bytes) {
  auto megabytes = [](std::uintmax_t b) { return std::to_string((b + 999'999) / 1'000'000) + " MB"; };
  fs::path folder = fs::absolute(path).parent_path();
  std::error_code ec;
  while (!folder.empty() && !fs::exists(folder, ec) && folder != folder.root_path()) folder = folder.parent_path();
  const fs::space_info space = fs::space(folder, ec);
  if (!ec && space.available < bytes)
    throw IoError("writing '" + path + "' needs about " + megabytes(bytes) + ", but only " +
                  megabytes(space.available) + " are free in '" + folder.string() + "'");
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < bytes)
    throw IoError("writing '" + path + "' needs about " + megabytes(bytes) + ", more than the file size limit of " +
                  megabytes(limit.rlim_cur) + " (ulimit -f)");
}

void disable_hdf5_exit_teardown() { static_cast<void>(H5dont_atexit()); }

void sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError("cannot open '" + path + "' to flush it: " + std::strerror(errno));
  const int result = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (result != 0) throw IoError("cannot flush '" + path + "' to the disk: " + std::strerror(error));
}

void sync_folder_of(const std::string& path) {
  fs::path folder = fs::path(path).parent_path();
  if (folder.empty()) folder = ".";
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace icbsim
