// Result-file reader over the HDF5 layout of docs/hdf5-layout.md.
#include "engine/io/results/result_reader.hpp"

#include <filesystem>

#include "engine/core/errors.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/h5/output_target.hpp"
#include "engine/io/results/result_writer.hpp"

namespace icbsim {

h5::Id open_result_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw IoError("'" + path + "' does not exist");
  if (!std::filesystem::is_regular_file(path, ec)) throw IoError("'" + path + "' is not a regular file");
  const OutputInspection found = inspect_output(path);
  if (found.kind != ExistingOutput::kIcbsimFile)
    throw IoError("'" + path + "' is not an icbsim result file: it is " + found.description);
  h5::Id file = h5::open_file_read(path);
  const hid_t f = file.get();
  if (H5Aexists(f, "icbsim_checkpoint") > 0)
    throw IoError("'" + path +
                  "' is an icbsim checkpoint, not a result file (continue it with icbsim run "
                  "--from-checkpoint)");
  if (H5Aexists(f, "schema_version") <= 0 || H5Aexists(f, "total_tasks") <= 0)
    throw IoError("'" + path + "' is not an icbsim result file (no schema_version or total_tasks)");
  long long version = -1;
  {
    h5::Id attr(h5::check(H5Aopen(f, "schema_version", H5P_DEFAULT), "opening schema_version of '" + path + "'"));
    h5::check(H5Aread(attr.get(), H5T_NATIVE_LLONG, &version), "reading schema_version of '" + path + "'");
  }
  // Schema 2 only added the named dimensions: schema 1 files read the same.
  if (version < 1 || version > kHdf5SchemaVersion)
    throw IoError("'" + path + "' has result schema_version " + std::to_string(version) +
                  "; this icbsim reads versions 1 to " + std::to_string(kHdf5SchemaVersion) +
                  " (read it with the icbsim that wrote it)");
  return file;
}

ResultFileContents read_result_file(const std::string& path) {
  h5::Id file = open_result_file(path);
  const hid_t f = file.get();
  if (!h5::exists(f, "/trajectories") || !h5::exists(f, "/time"))
    throw IoError("'" + path + "' is not an icbsim result file (no /time or /trajectories)");
  ResultFileContents out;
  out.model = h5::read_string_attribute(f, "model");
  out.icbsim_version = h5::read_string_attribute(f, "icbsim_version");
  out.git_commit = h5::read_string_attribute(f, "git_commit");
  out.scenario_file = h5::read_string_attribute(f, "scenario_file");
  if (H5Aexists(f, "report") > 0) out.report = h5::read_string_attribute(f, "report");
  out.time = h5::read_doubles(f, "/time");
  out.failure_reasons = h5::read_strings(f, "/outcomes/failure_reason");
  out.tasks = out.failure_reasons.size();
  for (const auto& reason : out.failure_reasons) out.failed += reason.empty() ? 0 : 1;
  for (const std::string& name : h5::list_group(f, "/trajectories")) {
    TrajectoryColumn column;
    column.name = name;
    const std::string dataset = "/trajectories/" + name;
    column.values = h5::read_doubles(f, dataset);
    h5::Id ds(h5::check(H5Dopen2(f, dataset.c_str(), H5P_DEFAULT), "opening " + dataset));
    column.unit = h5::read_string_attribute(ds.get(), "units");
    column.kind = h5::read_string_attribute(ds.get(), "kind");
    out.trajectories.push_back(std::move(column));
  }
  for (const std::string& name : h5::list_group(f, "/outcomes")) {
    if (name == "status" || name == "failure_reason") continue;
    const std::string dataset = "/outcomes/" + name;
    OutcomeColumn column;
    column.name = name;
    h5::Id ds(h5::check(H5Dopen2(f, dataset.c_str(), H5P_DEFAULT), "opening " + dataset));
    column.unit = h5::read_string_attribute(ds.get(), "units");
    h5::Id type(h5::check(H5Dget_type(ds.get()), "type of " + dataset));
    if (H5Tget_class(type.get()) == H5T_ENUM)
      column.names = h5::read_enum_names(f, dataset);
    else
      column.values = h5::read_doubles(f, dataset);
    out.outcomes.push_back(std::move(column));
  }
  if (h5::exists(f, "/scans/time")) {
    out.scan_times = h5::read_doubles(f, "/scans/time");
    out.scan_sld_mm = h5::read_doubles(f, "/scans/sld_mm");
    out.scan_recist = h5::read_enum_names(f, "/scans/recist");
  }
  return out;
}

const OutcomeColumn* ResultFileContents::outcome(std::string_view name) const {
  for (const auto& c : outcomes)
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace icbsim
