// The names of a result file's groups and shared datasets (docs/hdf5-layout.md), and the task
// status enum, declared once for the writer, reader, merger and the /sweep analysis.
#pragma once

#include <string>
#include <string_view>

#include "engine/core/enum_table.hpp"

namespace icbsim::results {

/// /outcomes/status of a task.
enum class TaskStatus : int { kOk = 0, kFailed = 1, kNotRun = 2 };
inline constexpr EnumTable<TaskStatus, 3> kTaskStatusNames{
    {{{TaskStatus::kOk, "ok"}, {TaskStatus::kFailed, "failed"}, {TaskStatus::kNotRun, "not_run"}}}};

/// Whether a stored status code is `status`.
constexpr bool is(int code, TaskStatus status) { return code == static_cast<int>(status); }

inline constexpr std::string_view kTime = "/time";
inline constexpr std::string_view kTrajectories = "/trajectories";
inline constexpr std::string_view kParameters = "/parameters";
inline constexpr std::string_view kTasks = "/tasks";
inline constexpr std::string_view kOutcomes = "/outcomes";
inline constexpr std::string_view kScans = "/scans";
inline constexpr std::string_view kDoses = "/doses";
inline constexpr std::string_view kSweep = "/sweep";
inline constexpr std::string_view kSnapshots = "/snapshots";
inline constexpr std::string_view kStatus = "/outcomes/status";
inline constexpr std::string_view kFailureReason = "/outcomes/failure_reason";

/// "/group/name".
inline std::string path(std::string_view group, std::string_view name) {
  return std::string(group) + "/" + std::string(name);
}

}  // namespace icbsim::results
