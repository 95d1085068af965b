// Task slices, shards and their command-line spellings.
#include "engine/app/task_slices.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>
#include <string_view>

#include "engine/core/errors.hpp"
#include "engine/io/h5/chunk_rows.hpp"

namespace icbsim::app {

TaskRange slice_of(std::size_t index, std::size_t count, std::size_t total) {
  const std::size_t block = h5::kTaskChunkRows;
  auto boundary = [&](std::size_t k) {
    if (k == count) return total;
    const std::size_t even = k * total / count;
    if (k == 0 || total < count * block) return even;
    return std::min(total, (even + block / 2) / block * block);
  };
  return TaskRange{boundary(index), boundary(index + 1)};
}

namespace {

/// The whole number spelt by all of `text` (digits only), or nothing.
std::optional<std::size_t> whole_number(std::string_view text) {
  std::size_t value = 0;
  const char* end = text.data() + text.size();
  if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || stop != end) return std::nullopt;
  return value;
}

/// "NAME.h5" -> "NAME" (other names are kept whole).
std::string without_h5(const std::string& output) {
  const std::string suffix = ".h5";
  if (output.size() > suffix.size() && output.compare(output.size() - suffix.size(), suffix.size(), suffix) == 0)
    return output.substr(0, output.size() - suffix.size());
  return output;
}

}  // namespace

std::string shard_output_name(const std::string& output, const ShardIndex& shard) {
  char name[64];
  std::snprintf(name, sizeof name, ".shard-%04zu-of-%04zu.h5", shard.index, shard.count);
  return without_h5(output) + name;
}

std::string tasks_output_name(const std::string& output, const TaskRange& range) {
  return without_h5(output) + ".tasks-" + std::to_string(range.begin) + "-" +
         std::to_string(range.end > range.begin ? range.end - 1 : range.begin) + ".h5";
}

TaskRange parse_task_range(const std::string& text) {
  const auto colon = text.find(':');
  const std::string_view all(text);
  const auto begin = colon == std::string::npos ? std::nullopt : whole_number(all.substr(0, colon));
  const auto end = colon == std::string::npos ? std::nullopt : whole_number(all.substr(colon + 1));
  if (!begin || !end)
    throw ScenarioError(SourceLocation{}, "--tasks expects BEGIN:END (whole numbers), found '" + text + "'");
  if (*end <= *begin)
    throw ScenarioError(SourceLocation{}, "--tasks BEGIN:END needs BEGIN < END, found '" + text + "'");
  return TaskRange{*begin, *end};
}

ShardIndex parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  const std::string_view all(text);
  const auto index = slash == std::string::npos ? std::nullopt : whole_number(all.substr(0, slash));
  const auto count = slash == std::string::npos ? std::nullopt : whole_number(all.substr(slash + 1));
  if (!index || !count)
    throw ScenarioError(SourceLocation{}, "--shard expects I/N (whole numbers, I from 0), found '" + text + "'");
  ShardIndex shard{*index, *count};
  if (shard.count == 0 || shard.index >= shard.count)
    throw ScenarioError(SourceLocation{}, "--shard I/N needs 0 <= I < N, found '" + text + "'");
  return shard;
}

}  // namespace icbsim::app
