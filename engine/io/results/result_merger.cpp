// Shard merging: layout from the first shard, rows copied block by block.
#include "engine/io/results/result_merger.hpp"
#include "engine/io/results/sweep_results.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <optional>

#include "engine/cohort/trial_report.hpp"
#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/config/scenario_writer.hpp"
#include "engine/io/h5/complete_file.hpp"
#include "engine/io/h5/dimension_scales.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/h5/object_list.hpp"
#include "engine/io/results/netcdf_dimensions.hpp"
#include "engine/io/results/result_layout.hpp"
#include "engine/io/results/result_reader.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/io/results/trial_report_file.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/trial_assembly.hpp"

namespace icbsim {
namespace {

constexpr hsize_t kCopyRows = 4096;

struct Shard {
  std::string path;
  h5::Id file;
  long long first = 0;
  long long rows = 0;
};

enum class Kind { kTaskRows, kDoseRows, kCopy };

/// The resolved scenario without its `output:` line, which differs between shards by design.
std::string without_output(const std::string& resolved) {
  std::string out;
  std::size_t start = 0;
  while (start < resolved.size()) {
    const std::size_t end = resolved.find('\n', start);
    const std::string line = resolved.substr(start, end == std::string::npos ? std::string::npos : end - start + 1);
    if (line.rfind("output:", 0) != 0) out += line;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

Kind kind_of(const std::string& path) {
  if (path == "time" || path == "scans/time" || path.rfind("sweep/", 0) == 0) return Kind::kCopy;
  if (path.rfind("snapshots/", 0) == 0) return Kind::kCopy;  // whole runs only: copied from the base file
  if (path.rfind("doses/", 0) == 0) return Kind::kDoseRows;
  return Kind::kTaskRows;
}

long long int_attribute(hid_t file, const char* name) {
  h5::Id attr(h5::check(H5Aopen(file, name, H5P_DEFAULT), std::string("opening attribute ") + name));
  long long v = 0;
  h5::check(H5Aread(attr.get(), H5T_NATIVE_LLONG, &v), std::string("reading attribute ") + name);
  return v;
}

/// Copies every attribute of `from` onto `to` (skipping names in `skip`).
void copy_attributes(hid_t from, hid_t to, const std::vector<std::string>& skip = {}) {
  struct Context {
    hid_t to;
    const std::vector<std::string>* skip;
  } ctx{to, &skip};
  auto visit = [](hid_t location, const char* name, const H5A_info_t*, void* data) -> herr_t {
    auto* c = static_cast<Context*>(data);
    if (std::find(c->skip->begin(), c->skip->end(), name) != c->skip->end()) return 0;
    if (h5::is_scale_attribute(name)) return 0;  // references into the source file
    h5::Id attr(H5Aopen(location, name, H5P_DEFAULT));
    h5::Id type(H5Aget_type(attr.get()));
    h5::Id space(H5Aget_space(attr.get()));
    const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
    std::vector<char> buffer(std::max<std::size_t>(1, n) * H5Tget_size(type.get()));
    if (H5Aread(attr.get(), type.get(), buffer.data()) < 0) return -1;
    h5::Id copy(H5Acreate2(c->to, name, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT));
    const herr_t ok = H5Awrite(copy.get(), type.get(), buffer.data());
    if (H5Tdetect_class(type.get(), H5T_VLEN) > 0 || H5Tis_variable_str(type.get()) > 0)
      H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, buffer.data());
    return ok < 0 ? -1 : 0;
  };
  hsize_t index = 0;
  h5::check(H5Aiterate2(from, H5_INDEX_CRT_ORDER, H5_ITER_INC, &index, visit, &ctx), "copying attributes");
}

/// The datasets and groups of a file in creation order ("trajectories", "trajectories/T", ...).

/// Copies `rows` rows of `source` into `target` from row `offset`, in blocks.
void copy_rows(hid_t source, hid_t target, hsize_t offset, hsize_t rows) {
  h5::Id type(H5Dget_type(source));
  h5::Id space(H5Dget_space(source));
  const int rank = H5Sget_simple_extent_ndims(space.get());
  hsize_t dims[2] = {0, 1};
  H5Sget_simple_extent_dims(space.get(), dims, nullptr);
  const hsize_t width = rank == 2 ? dims[1] : 1;
  const bool vlen = H5Tis_variable_str(type.get()) > 0;
  std::vector<char> buffer(kCopyRows * width * H5Tget_size(type.get()));
  h5::Id target_space(H5Dget_space(target));
  for (hsize_t start = 0; start < rows; start += kCopyRows) {
    const hsize_t n = std::min(kCopyRows, rows - start);
    hsize_t from[2] = {start, 0}, to[2] = {offset + start, 0}, count[2] = {n, width};
    h5::Id source_space(H5Dget_space(source));
    h5::check(H5Sselect_hyperslab(source_space.get(), H5S_SELECT_SET, from, nullptr, count, nullptr), "shard rows");
    h5::check(H5Sselect_hyperslab(target_space.get(), H5S_SELECT_SET, to, nullptr, count, nullptr), "merged rows");
    const hsize_t mem_dims[1] = {n * width};
    h5::Id mem(H5Screate_simple(1, mem_dims, nullptr));
    h5::check(H5Dread(source, type.get(), mem.get(), source_space.get(), H5P_DEFAULT, buffer.data()), "reading shard");
    h5::check(H5Dwrite(target, type.get(), mem.get(), target_space.get(), H5P_DEFAULT, buffer.data()), "writing merge");
    if (vlen) H5Dvlen_reclaim(type.get(), mem.get(), H5P_DEFAULT, buffer.data());
  }
}

/// The chunk dimensions of a chunked dataset (empty when it is not chunked).
std::vector<hsize_t> chunk_dims(hid_t dataset) {
  h5::Id props(H5Dget_create_plist(dataset));
  if (H5Pget_layout(props.get()) != H5D_CHUNKED) return {};
  std::vector<hsize_t> chunk(static_cast<std::size_t>(H5Pget_chunk(props.get(), 0, nullptr)));
  H5Pget_chunk(props.get(), static_cast<int>(chunk.size()), chunk.data());
  return chunk;
}

/// Copies the `rows` rows of `source` to `target` from row `offset` as whole compressed chunks
/// (no decompression), when the layouts allow it: the same chunk shape and filters, `offset` on a
/// chunk boundary, and `rows` whole chunks or the target's last rows. Returns false, having
/// written nothing, when they do not (copy_rows then copies row by row). Variable-length strings
/// point into their file's heap and are never copied this way.
bool copy_chunks(hid_t source, hid_t target, hsize_t offset, hsize_t rows) {
  h5::Id type(H5Dget_type(source));
  if (H5Tis_variable_str(type.get()) > 0 || H5Tget_class(type.get()) == H5T_VLEN) return false;
  const std::vector<hsize_t> chunk = chunk_dims(source);
  if (chunk.empty() || chunk != chunk_dims(target)) return false;
  h5::Id source_props(H5Dget_create_plist(source)), target_props(H5Dget_create_plist(target));
  if (H5Pget_nfilters(source_props.get()) != H5Pget_nfilters(target_props.get())) return false;
  h5::Id target_space(H5Dget_space(target));
  hsize_t target_dims[2] = {0, 1}, dims[2] = {0, 1};
  H5Sget_simple_extent_dims(target_space.get(), target_dims, nullptr);
  h5::Id space(H5Dget_space(source));
  H5Sget_simple_extent_dims(space.get(), dims, nullptr);
  const hsize_t width = chunk.size() == 2 ? dims[1] : 1, chunk_width = chunk.size() == 2 ? chunk[1] : 1;
  if (offset % chunk[0] != 0 || (rows % chunk[0] != 0 && offset + rows != target_dims[0])) return false;
  std::vector<unsigned char> buffer;
  for (hsize_t row = 0; row < rows; row += chunk[0]) {
    for (hsize_t column = 0; column < width; column += chunk_width) {
      const hsize_t from[2] = {row, column}, to[2] = {offset + row, column};
      hsize_t bytes = 0;
      if (H5Dget_chunk_storage_size(source, from, &bytes) < 0 || bytes == 0) {
        if (row == 0 && column == 0) return false;  // unallocated chunks: copy rows instead
        throw IoError("merge: a chunk of a shard is missing (the shard file is damaged)");
      }
      buffer.resize(bytes);
      std::uint32_t filters = 0;
      h5::check(H5Dread_chunk(source, H5P_DEFAULT, from, &filters, buffer.data()), "reading a shard chunk");
      h5::check(H5Dwrite_chunk(target, H5P_DEFAULT, filters, to, bytes, buffer.data()), "writing a merged chunk");
    }
  }
  return true;
}

/// Row of the first dose of global task `task` in a whole-scenario file's dose table.
hsize_t first_dose_row(hid_t file, long long task) {
  const std::vector<hsize_t> dims = h5::dataset_dims(file, "/doses/task");
  h5::Id ds(h5::check(H5Dopen2(file, "/doses/task", H5P_DEFAULT), "opening /doses/task"));
  std::vector<long long> ids(dims.empty() ? 0 : dims[0]);
  if (!ids.empty())
    h5::check(H5Dread(ds.get(), H5T_NATIVE_LLONG, H5S_ALL, H5S_ALL, H5P_DEFAULT, ids.data()), "reading /doses/task");
  return static_cast<hsize_t>(std::lower_bound(ids.begin(), ids.end(), task) - ids.begin());
}

/// The paths of a file's datasets of task or dose rows, sorted (the layout every shard must share;
/// datasets copied from the first file alone, such as /time or /sweep, and the named dimensions,
/// which are labelled anew, are left out).
std::vector<std::string> dataset_names(hid_t file) {
  std::vector<std::string> names;
  for (const auto& [name, type] : h5::list_objects(file))
    if (type == H5O_TYPE_DATASET && kind_of(name) != Kind::kCopy && !results::is_dimension_label(file, "/" + name))
      names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

/// The bytes a file's task and dose rows take on disk (what a merged file must hold at least).
std::uintmax_t row_bytes(hid_t file) {
  std::uintmax_t bytes = 0;
  for (const std::string& name : dataset_names(file)) {
    h5::Id ds(H5Dopen2(file, name.c_str(), H5P_DEFAULT));
    if (ds.get() >= 0) bytes += H5Dget_storage_size(ds.get());
  }
  return bytes;
}

/// "a, b, c" of at most `limit` names, then "and N more".
std::string listed(const std::vector<std::string>& names, std::size_t limit = 5) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < limit; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > limit) out += " and " + std::to_string(names.size() - limit) + " more";
  return out;
}

/// Merges `paths`; with a `base` file, starts from a copy of it and writes the shards over it.
MergeSummary merge(const std::string& output, const std::vector<std::string>& paths, const std::string* base,
                   const ModelRegistry& registry, bool allow_not_run) {
  if (paths.empty()) throw IoError("merge: no shard files given");
  std::vector<Shard> shards;
  MergeSummary summary;
  long long total = -1;
  std::vector<std::string> all = paths;
  if (base) all.insert(all.begin(), *base);
  std::vector<std::string> layout;
  for (const std::string& path : all) {
    Shard s{path, open_result_file(path)};
    const hid_t f = s.file.get();
    if (H5Aexists(f, "first_task") <= 0 || H5Aexists(f, "scenario_resolved") <= 0)
      throw IoError("merge: '" + path + "' is not an icbsim result file (no first_task or scenario_resolved)");
    const long long t = int_attribute(f, "total_tasks");
    const std::string resolved = without_output(h5::read_string_attribute(f, "scenario_resolved"));
    if (total < 0) {
      total = t;
      summary.scenario_resolved = resolved;
    } else if (t != total || resolved != summary.scenario_resolved) {
      throw IoError("merge: '" + path + "' is a slice of a different scenario than '" + all.front() + "' (" +
                    h5::read_string_attribute(f, "scenario_file") + ", " + std::to_string(t) + " tasks)");
    }
    const long long not_run = H5Aexists(f, "not_run_tasks") > 0 ? int_attribute(f, "not_run_tasks") : 0;
    if (not_run > 0 && !base)
      throw IoError("merge: '" + path + "' is an interrupted run (" + std::to_string(not_run) +
                    " of its tasks not run); complete it first with icbsim run SCENARIO -o OUT.h5 --resume");
    std::vector<std::string> names = dataset_names(f);
    if (layout.empty()) {
      layout = std::move(names);
    } else if (names != layout) {
      std::vector<std::string> missing, extra;
      std::set_difference(layout.begin(), layout.end(), names.begin(), names.end(), std::back_inserter(missing));
      std::set_difference(names.begin(), names.end(), layout.begin(), layout.end(), std::back_inserter(extra));
      throw IoError("merge: '" + path + "' holds other datasets than '" + all.front() + "'" +
                    (missing.empty() ? std::string() : "; it lacks " + listed(missing)) +
                    (extra.empty() ? std::string() : "; it adds " + listed(extra)) + " (a damaged or foreign shard)");
    }
    s.first = int_attribute(f, "first_task");
    const std::vector<hsize_t> dims = h5::dataset_dims(f, "/tasks/id");
    s.rows = static_cast<long long>(dims.empty() ? 0 : dims[0]);
    if (s.first < 0 || s.rows < 0 || s.first + s.rows > total)
      throw IoError("merge: '" + path + "' holds tasks " + std::to_string(s.first) + " to " +
                    std::to_string(s.first + s.rows - 1) + ", beyond its scenario's " + std::to_string(total));
    summary.failed += static_cast<std::size_t>(int_attribute(f, "failed_tasks"));
    shards.push_back(std::move(s));
  }
  std::optional<Shard> base_shard;
  if (base) {
    base_shard = std::move(shards.front());
    shards.erase(shards.begin());
    summary.failed = 0;  // recounted from the merged status below
    if (base_shard->first != 0 || base_shard->rows != total)
      throw IoError("resume: '" + *base + "' does not hold every task of its scenario");
  }
  std::sort(shards.begin(), shards.end(), [](const Shard& a, const Shard& b) { return a.first < b.first; });
  // Every duplicate and every gap, by file, before anything is written.
  std::vector<std::string> problems;
  long long next = 0;
  const Shard* previous = nullptr;
  for (const Shard& s : shards) {
    if (s.first < next)
      problems.push_back("tasks " + std::to_string(s.first) + " to " +
                         std::to_string(std::min(next, s.first + s.rows) - 1) + " are in two shards ('" +
                         previous->path + "' and '" + s.path + "')");
    else if (!base && s.first > next)
      problems.push_back("tasks " + std::to_string(next) + " to " + std::to_string(s.first - 1) + " are in no shard");
    if (s.first + s.rows > next) {
      next = s.first + s.rows;
      previous = &s;
    }
  }
  if (!base && next < total)
    problems.push_back("tasks " + std::to_string(next) + " to " + std::to_string(total - 1) + " are in no shard");
  if (!problems.empty()) {
    std::string message = "merge: the shards do not cover the scenario's " + std::to_string(total) + " tasks once:";
    for (const std::string& p : problems) message += "\n  " + p;
    throw IoError(message);
  }
  if (base) {
    const auto status = h5::read_enum_codes(base_shard->file.get(), std::string(results::kStatus));
    for (std::size_t t = 0; t < status.size(); ++t) {
      if (!results::is(status[t], results::TaskStatus::kNotRun)) continue;
      bool covered = false;
      for (const Shard& s : shards)
        covered = covered || (static_cast<long long>(t) >= s.first && static_cast<long long>(t) < s.first + s.rows);
      if (!covered && !allow_not_run)
        throw IoError("resume: task " + std::to_string(t) + " was not run and no resumed slice holds it");
    }
  }
  summary.shards = shards.size();
  summary.tasks = static_cast<std::size_t>(total);
  std::uintmax_t needed = base ? row_bytes(base_shard->file.get()) : 0;
  if (!base)
    for (const Shard& s : shards) needed += row_bytes(s.file.get());
  check_room_for(output, needed);

  write_complete_file(output, [&](const std::string& temp) {
    h5::Id out = h5::create_file(temp);
    const hid_t first = base ? base_shard->file.get() : shards.front().file.get();
    for (const auto& [name, type] : h5::list_objects(first)) {
      if (type == H5O_TYPE_GROUP) {
        h5::Id group = h5::create_group(out.get(), name);
        h5::Id source(h5::check(H5Gopen2(first, name.c_str(), H5P_DEFAULT), "opening " + name));
        copy_attributes(source.get(), group.get());
        continue;
      }
      if (results::is_dimension_label(first, "/" + name)) continue;  // labelled anew below
      h5::Id source(h5::check(H5Dopen2(first, name.c_str(), H5P_DEFAULT), "opening " + name));
      const Kind kind = kind_of(name);
      if (kind == Kind::kCopy) {
        h5::check(H5Ocopy(first, name.c_str(), out.get(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT), "copying " + name);
        h5::Id copy(h5::check(H5Dopen2(out.get(), name.c_str(), H5P_DEFAULT), "opening " + name));
        h5::remove_scale_attributes(copy.get());
        continue;
      }
      h5::Id type_id(H5Dget_type(source.get()));
      h5::Id space(H5Dget_space(source.get()));
      const int rank = H5Sget_simple_extent_ndims(space.get());
      hsize_t dims[2] = {0, 0};
      H5Sget_simple_extent_dims(space.get(), dims, nullptr);
      hsize_t rows = 0;
      for (const Shard& s : shards) {
        h5::Id d(h5::check(H5Dopen2(s.file.get(), name.c_str(), H5P_DEFAULT), "opening " + name + " in " + s.path));
        h5::Id sp(H5Dget_space(d.get()));
        hsize_t sd[2] = {0, 0};
        H5Sget_simple_extent_dims(sp.get(), sd, nullptr);
        rows += sd[0];
      }
      if (base) rows = dims[0];  // the base holds every row
      dims[0] = rows;
      h5::Id target = h5::create_dataset(out.get(), name, type_id.get(),
                                         std::span<const hsize_t>(dims, static_cast<std::size_t>(rank)),
                                         h5::filters_of(source.get()));  // the shards' compression
      copy_attributes(source.get(), target.get());
      if (base) copy_rows(source.get(), target.get(), 0, dims[0]);
      hsize_t offset = 0;
      for (const Shard& s : shards) {
        h5::Id d(H5Dopen2(s.file.get(), name.c_str(), H5P_DEFAULT));
        h5::Id sp(H5Dget_space(d.get()));
        hsize_t sd[2] = {0, 0};
        H5Sget_simple_extent_dims(sp.get(), sd, nullptr);
        if (base) offset = kind == Kind::kDoseRows ? first_dose_row(first, s.first) : static_cast<hsize_t>(s.first);
        if (!copy_chunks(d.get(), target.get(), offset, sd[0])) copy_rows(d.get(), target.get(), offset, sd[0]);
        offset += sd[0];
      }
    }
    copy_attributes(first, out.get(),
                    {"first_task", "failed_tasks", "not_run_tasks", "wall_seconds", "report", "merged_shards"});
    if (base) {
      for (int code : h5::read_enum_codes(out.get(), std::string(results::kStatus))) {
        summary.failed += results::is(code, results::TaskStatus::kFailed) ? 1 : 0;
        summary.not_run += results::is(code, results::TaskStatus::kNotRun) ? 1 : 0;
      }
    }
    h5::set_attribute(out.get(), "first_task", 0LL);
    h5::set_attribute(out.get(), "failed_tasks", static_cast<long long>(summary.failed));
    h5::set_attribute(out.get(), "not_run_tasks", static_cast<long long>(summary.not_run));
    double wall = base ? h5::read_double_attribute(base_shard->file.get(), "wall_seconds") : 0.0;
    for (const Shard& s : shards) wall += h5::read_double_attribute(s.file.get(), "wall_seconds");
    h5::set_attribute(out.get(), "wall_seconds", wall);
    h5::set_attribute(out.get(), "merged_shards", static_cast<long long>(shards.size()));
    const Scenario scenario = load_scenario_text(summary.scenario_resolved, "<scenario_resolved of the shards>", registry);
    if (summary.not_run == 0 && scenario.readout && !scenario.sweep)
      h5::set_attribute(out.get(), "report", trial_report_of(out.get(), scenario).text);
    if (summary.not_run == 0 && scenario.sweep) write_sweep_analysis(out.get(), scenario);
    results::label_dimensions(out.get());
    h5::Id version(h5::check(H5Aopen(out.get(), "schema_version", H5P_DEFAULT), "opening schema_version"));
    const long long current = kHdf5SchemaVersion;  // labelled as this layout, whatever the shards were
    h5::check(H5Awrite(version.get(), H5T_NATIVE_LLONG, &current), "writing schema_version");
    h5::check(H5Fflush(out.get(), H5F_SCOPE_GLOBAL), "flushing '" + temp + "' (is the disk full?)");
  });
  return summary;
}

}  // namespace

MergeSummary merge_results(const std::string& output, const std::vector<std::string>& shards,
                           const ModelRegistry& registry) {
  return merge(output, shards, nullptr, registry, false);
}

MergeSummary resume_results(const std::string& output, const std::string& interrupted,
                            const std::vector<std::string>& resumed, const ModelRegistry& registry,
                            bool allow_not_run) {
  return merge(output, resumed, &interrupted, registry, allow_not_run);
}

void check_same_scenario(const std::string& path, const Scenario& scenario) {
  const h5::Id f = open_result_file(path);
  const std::string stored = without_output(h5::read_string_attribute(f.get(), "scenario_resolved"));
  const std::string current = without_output(resolved_scenario_yaml(scenario));
  if (stored == current) return;
  auto lines = [](const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
      const std::size_t end = text.find('\n', start);
      out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return out;
  };
  const std::vector<std::string> a = lines(stored), b = lines(current);
  std::vector<std::string> changes;
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    const std::string was = i < a.size() ? a[i] : "(nothing)", now = i < b.size() ? b[i] : "(nothing)";
    if (was != now) changes.push_back("'" + was + "' is now '" + now + "'");
  }
  throw ScenarioError(SourceLocation{scenario.source_name, 0, 0},
                      "the scenario changed since '" + path +
                          "' was run (in the resolved scenario: " + listed(changes, 3) +
                          "); --resume continues the same scenario: restore it, or run the new one without "
                          "--resume under another -o");
}

std::vector<std::pair<std::size_t, std::size_t>> not_run_ranges(const std::string& path) {
  h5::Id f = open_result_file(path);
  const auto status = h5::read_enum_codes(f.get(), std::string(results::kStatus));
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  for (std::size_t t = 0; t < status.size(); ++t) {
    if (!results::is(status[t], results::TaskStatus::kNotRun)) continue;
    if (!ranges.empty() && ranges.back().second == t)
      ranges.back().second = t + 1;
    else
      ranges.emplace_back(t, t + 1);
  }
  return ranges;
}

}  // namespace icbsim
