// Task slices, shards and their command-line spellings.
#include "engine/app/task_slices.hpp"

#include <algorithm>
#include <stdexcept>

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

TaskRange parse_task_range(const std::string& text) {
  const auto colon = text.find(':');
  try {
    if (colon == std::string::npos) throw std::invalid_argument(text);
    return TaskRange{std::stoul(text.substr(0, colon)), std::stoul(text.substr(colon + 1))};
  } catch (const std::exception&) {
    throw ScenarioError(SourceLocation{}, "--tasks expects BEGIN:END (whole numbers), found '" + text + "'");
  }
}

ShardIndex parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  ShardIndex shard;
  try {
    if (slash == std::string::npos) throw std::invalid_argument(text);
    shard.index = std::stoul(text.substr(0, slash));
    shard.count = std::stoul(text.substr(slash + 1));
  } catch (const std::exception&) {
    throw ScenarioError(SourceLocation{}, "--shard expects I/N (whole numbers, I from 0), found '" + text + "'");
  }
  if (shard.count == 0 || shard.index >= shard.count)
    throw ScenarioError(SourceLocation{}, "--shard I/N needs 0 <= I < N, found '" + text + "'");
  return shard;
}

}  // namespace icbsim::app
