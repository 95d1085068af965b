// Layout of the checkpoint file: root attributes, /tasks, /parameters, /initial, /state,
// /integrator, /history and /doses, one row per task of the checkpointed scenario.
#include "engine/io/checkpoint/checkpoint_file.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <limits>

#include <icbsim/build_info.hpp>

#include "engine/core/enum_table.hpp"
#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_writer.hpp"
#include "engine/io/h5/complete_file.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/h5/output_target.hpp"
#include "engine/run/plan.hpp"

namespace icbsim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// /tasks/status: reached t_c, failed before it (inputs kept), or never got inputs.
enum class CheckpointStatus : int { kReached = 0, kFailed = 1, kNotDrawn = 2 };
constexpr EnumTable<CheckpointStatus, 3> kCheckpointStatusNames{{{{CheckpointStatus::kReached, "reached"},
                                                                  {CheckpointStatus::kFailed, "failed"},
                                                                  {CheckpointStatus::kNotDrawn, "not_drawn"}}}};

void describe(hid_t object, const std::string& unit, const std::string& description) {
  h5::set_attribute(object, "units", unit.empty() ? std::string("1") : unit);
  h5::set_attribute(object, "description", description);
}

void write_int64(hid_t parent, const std::string& name, const std::vector<long long>& values, const std::string& what) {
  const hsize_t dims[1] = {values.size()};
  h5::Id ds = h5::create_dataset(parent, name, H5T_STD_I64LE, dims);
  h5::write_rows(ds.get(), H5T_NATIVE_LLONG, 0, values.size(), 1, values.data());
  describe(ds.get(), "1", what);
}

void write_column(hid_t parent, const std::string& name, const std::vector<double>& values, const std::string& unit,
                  const std::string& what) {
  h5::write_doubles(parent, name, values);
  h5::Id ds(h5::check(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "opening " + name));
  describe(ds.get(), unit, what);
}

void write_matrix(hid_t parent, const std::string& name, const std::vector<double>& values, std::size_t rows,
                  std::size_t columns, const std::string& unit, const std::string& what) {
  const hsize_t dims[2] = {rows, columns};
  h5::Id ds = h5::create_double_dataset(parent, name, dims);
  h5::write_rows(ds.get(), H5T_NATIVE_DOUBLE, 0, rows, columns, values.data());
  describe(ds.get(), unit, what);
}

/// One value per task.
std::vector<double> per_task(const Checkpoint& c, const std::function<double(const TaskCheckpoint&)>& value) {
  std::vector<double> out;
  for (const TaskCheckpoint& t : c.tasks) out.push_back(value(t));
  return out;
}

std::vector<long long> per_task_int(const Checkpoint& c, const std::function<std::size_t(const TaskCheckpoint&)>& value) {
  std::vector<long long> out;
  for (const TaskCheckpoint& t : c.tasks) out.push_back(static_cast<long long>(value(t)));
  return out;
}

std::string row_name(const ModelInfo& model, std::size_t row) {
  return std::string(row < model.variables.size() ? model.variables[row].name
                                                  : model.observables[row - model.variables.size()].name);
}

/// /history/<kind>/<row>: [task, columns] of the rows recorded before t_c, NaN-padded.
void write_history(hid_t history, const std::string& kind, const Checkpoint& c, const ModelInfo& model,
                   const std::function<const std::vector<double>&(const IntegrationState&)>& values,
                   const std::function<std::size_t(const IntegrationState&)>& columns, std::size_t width) {
  h5::Id group = h5::create_group(history, kind);
  const std::size_t rows = model.variables.size() + model.observables.size();
  for (std::size_t row = 0; row < rows; ++row) {
    std::vector<double> block(c.tasks.size() * width, kNaN);
    for (std::size_t k = 0; k < c.tasks.size(); ++k) {
      const IntegrationState* s = c.tasks[k].state.get();
      if (!s) continue;
      const std::size_t n = columns(*s);
      std::copy_n(values(*s).begin() + static_cast<std::ptrdiff_t>(row * n), n,
                  block.begin() + static_cast<std::ptrdiff_t>(k * width));
    }
    const VariableSpec& v = row < model.variables.size() ? model.variables[row] : model.observables[row - model.variables.size()];
    write_matrix(group.get(), row_name(model, row), block, c.tasks.size(), width, std::string(v.unit),
                 std::string(v.description) + ", recorded before the checkpoint");
  }
}

long long read_long_attribute(hid_t object, const std::string& name) {
  h5::Id attr(h5::check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "opening attribute " + name));
  long long v = 0;
  h5::check(H5Aread(attr.get(), H5T_NATIVE_LLONG, &v), "reading attribute " + name);
  return v;
}

std::vector<std::size_t> read_sizes(hid_t file, const std::string& path) {
  std::vector<std::size_t> out;
  for (double v : h5::read_doubles(file, path)) out.push_back(static_cast<std::size_t>(v));
  return out;
}

}  // namespace

void write_checkpoint_file(const std::string& path, const Checkpoint& c, const Scenario& scenario) {
  const ModelInfo& model = *scenario.model;
  const Plan plan(scenario);
  const std::size_t n = c.tasks.size();
  write_complete_file(path, [&](const std::string& temp) {
    h5::Id file = h5::create_file(temp);
    const hid_t root = file.get();
    h5::set_attribute(root, "icbsim_checkpoint", kCheckpointSchemaVersion);
    h5::set_attribute(root, "checkpoint_time", c.time);
    h5::set_attribute(root, "model", c.model);
    h5::set_attribute(root, "seed", static_cast<long long>(c.seed));
    h5::set_attribute(root, "total_tasks", static_cast<long long>(n));
    h5::set_attribute(root, "icbsim_version", std::string(build_info::kVersion));
    h5::set_attribute(root, "git_commit", std::string(build_info::kGitCommit));
    h5::set_attribute(root, "scenario_file", scenario.source_name);
    h5::set_attribute(root, "scenario", scenario.source_text);
    h5::set_attribute(root, "scenario_resolved", resolved_scenario_yaml(scenario));

    h5::Id tasks = h5::create_group(root, "tasks");
    write_int64(tasks.get(), "id", per_task_int(c, [](const auto& t) { return t.task; }), "global task id");
    write_int64(tasks.get(), "stream", per_task_int(c, [](const auto& t) { return t.stream; }),
                "the id keying the task's random streams (measurement error)");
    write_int64(tasks.get(), "patient", per_task_int(c, [](const auto& t) { return t.patient; }), "virtual patient");
    write_int64(tasks.get(), "arm", per_task_int(c, [](const auto& t) { return t.arm; }),
                "arm of the checkpointed scenario (index in its arms:)");
    {
      h5::Id type = h5::create_enum_type(kCheckpointStatusNames);
      const hsize_t dims[1] = {n};
      h5::Id ds = h5::create_dataset(tasks.get(), "status", type.get(), dims);
      std::vector<signed char> codes;
      for (const TaskCheckpoint& t : c.tasks)
        codes.push_back(static_cast<signed char>(t.state                ? CheckpointStatus::kReached
                                                 : t.parameters.empty() ? CheckpointStatus::kNotDrawn
                                                                        : CheckpointStatus::kFailed));
      h5::write_rows(ds.get(), type.get(), 0, n, 1, codes.data());
      describe(ds.get(), "1", "whether the task reached the checkpoint");
      h5::Id reasons = h5::create_string_dataset(tasks.get(), "failure_reason", n);
      for (std::size_t k = 0; k < n; ++k) h5::write_string_element(reasons.get(), k, c.tasks[k].failure);
    }
    if (scenario.population && !scenario.population->overlays.empty()) {
      h5::Id carries = h5::create_group(tasks.get(), "carries");
      h5::Id type = h5::create_bool_type();
      const hsize_t dims[1] = {n};
      for (std::size_t o = 0; o < scenario.population->overlays.size(); ++o) {
        h5::Id ds = h5::create_dataset(carries.get(), scenario.population->overlays[o].overlay.name, type.get(), dims);
        std::vector<signed char> flags;
        for (const TaskCheckpoint& t : c.tasks) flags.push_back(o < t.carries.size() && t.carries[o] ? 1 : 0);
        h5::write_rows(ds.get(), type.get(), 0, n, 1, flags.data());
      }
    }

    h5::Id parameters = h5::create_group(root, "parameters");
    for (std::size_t i = 0; i < model.parameters.size(); ++i)
      write_column(parameters.get(), std::string(model.parameters[i].name),
                   per_task(c, [i](const auto& t) { return t.parameters.empty() ? kNaN : t.parameters[i]; }),
                   std::string(model.parameters[i].unit), "as the task was integrated up to the checkpoint");
    h5::Id initial = h5::create_group(root, "initial");
    h5::Id state = h5::create_group(root, "state");
    for (std::size_t i = 0; i < model.variables.size(); ++i) {
      const std::string name(model.variables[i].name), unit(model.variables[i].unit);
      write_column(initial.get(), name, per_task(c, [i](const auto& t) { return t.parameters.empty() ? kNaN : t.initial_state[i]; }),
                   unit, "at the start of the task");
      write_column(state.get(), name, per_task(c, [i](const auto& t) { return t.state ? t.state->state[i] : kNaN; }), unit,
                   "at the checkpoint, before its doses");
    }

    h5::Id integrator = h5::create_group(root, "integrator");
    write_column(integrator.get(), "next_step", per_task(c, [](const auto& t) { return t.state ? t.state->next_step : kNaN; }),
                 "day", "the step size the integrator tries next");
    const std::size_t n_states = model.variables.size();
    std::vector<double> peak(n * n_states, kNaN), controller(n * 4, kNaN);
    for (std::size_t k = 0; k < n; ++k) {
      if (!c.tasks[k].state) continue;
      std::copy(c.tasks[k].state->peak.begin(), c.tasks[k].state->peak.end(), peak.begin() + static_cast<std::ptrdiff_t>(k * n_states));
      std::copy(c.tasks[k].state->controller.begin(), c.tasks[k].state->controller.end(),
                controller.begin() + static_cast<std::ptrdiff_t>(k * 4));
    }
    write_matrix(integrator.get(), "peak", peak, n, n_states, "", "largest |value| of each state variable so far");
    write_matrix(integrator.get(), "controller", controller, n, 4, "",
                 "Rosenbrock step-controller memory: first step pending, previous error, previous step, last rejected");
    auto stat = [&](const std::string& name, std::size_t SolverStats::*field, const std::string& what) {
      write_int64(integrator.get(), name, per_task_int(c, [field](const auto& t) { return t.state ? t.state->stats.*field : 0; }), what);
    };
    stat("steps", &SolverStats::steps, "accepted steps so far");
    stat("rhs_evaluations", &SolverStats::rhs_evaluations, "right-hand-side calls so far");
    stat("segments", &SolverStats::segments, "segments integrated so far");

    std::size_t trajectory_width = 0, sample_width = 0;
    for (const TaskCheckpoint& t : c.tasks)
      if (t.state) {
        trajectory_width = std::max(trajectory_width, t.state->trajectory_columns);
        sample_width = std::max(sample_width, t.state->sample_columns);
      }
    h5::Id history = h5::create_group(root, "history");
    const auto& grid = plan.output_times();
    const auto& samples = plan.sample_times();
    write_column(history.get(), "time", std::vector<double>(grid.begin(), grid.begin() + static_cast<std::ptrdiff_t>(trajectory_width)),
                 "day", "output times before the checkpoint");
    write_column(history.get(), "sample_time",
                 std::vector<double>(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(sample_width)), "day",
                 "readout sample times (scans, weekly grid) before the checkpoint");
    write_int64(history.get(), "trajectory_columns",
                per_task_int(c, [](const auto& t) { return t.state ? t.state->trajectory_columns : 0; }),
                "columns of /history/trajectories recorded for the task");
    write_int64(history.get(), "sample_columns", per_task_int(c, [](const auto& t) { return t.state ? t.state->sample_columns : 0; }),
                "columns of /history/samples recorded for the task");
    write_history(history.get(), "trajectories", c, model, [](const IntegrationState& s) -> const auto& { return s.trajectories; },
                  [](const IntegrationState& s) { return s.trajectory_columns; }, trajectory_width);
    write_history(history.get(), "samples", c, model, [](const IntegrationState& s) -> const auto& { return s.samples; },
                  [](const IntegrationState& s) { return s.sample_columns; }, sample_width);

    h5::Id doses = h5::create_group(root, "doses");
    std::vector<long long> task, target;
    std::vector<double> time, amount, duration;
    for (std::size_t k = 0; k < n; ++k)
      for (const DoseEvent& d : c.tasks[k].doses) {
        task.push_back(static_cast<long long>(k));
        target.push_back(static_cast<long long>(d.target));
        time.push_back(d.time);
        amount.push_back(d.amount);
        duration.push_back(d.duration);
      }
    write_int64(doses.get(), "task", task, "row of /tasks the dose belongs to");
    write_column(doses.get(), "time", time, "day", "start of the dose (before the checkpoint: given)");
    write_int64(doses.get(), "target", target, "index of the receiving state variable");
    write_column(doses.get(), "amount", amount, "", "amount in the target variable's unit");
    write_column(doses.get(), "duration", duration, "day", "infusion duration (0: bolus)");
    h5::check(H5Fflush(root, H5F_SCOPE_GLOBAL), "flushing " + temp);
  });
}

CheckpointFile read_checkpoint_file(const std::string& path, const ModelRegistry& registry) {
  if (!std::filesystem::exists(path)) throw IoError("checkpoint file '" + path + "' does not exist");
  if (const OutputInspection found = inspect_output(path); found.kind != ExistingOutput::kIcbsimFile)
    throw IoError("'" + path + "' is not an icbsim checkpoint file: it is " + found.description);
  h5::Id file = h5::open_file_read(path);
  const hid_t root = file.get();
  if (H5Aexists(root, "icbsim_checkpoint") <= 0)
    throw IoError("'" + path + "' is not an icbsim checkpoint file (write one with `icbsim checkpoint`)");
  if (const long long v = read_long_attribute(root, "icbsim_checkpoint"); v != kCheckpointSchemaVersion)
    throw IoError("'" + path + "' is a checkpoint of layout version " + std::to_string(v) + "; this icbsim reads version " +
                  std::to_string(kCheckpointSchemaVersion));
  CheckpointFile out;
  Checkpoint& c = out.checkpoint;
  c.time = h5::read_double_attribute(root, "checkpoint_time");
  c.model = h5::read_string_attribute(root, "model");
  c.seed = static_cast<std::uint64_t>(read_long_attribute(root, "seed"));
  out.scenario_file = h5::read_string_attribute(root, "scenario_file");
  out.scenario = h5::read_string_attribute(root, "scenario");
  out.scenario_resolved = h5::read_string_attribute(root, "scenario_resolved");
  out.icbsim_version = h5::read_string_attribute(root, "icbsim_version");
  out.git_commit = h5::read_string_attribute(root, "git_commit");
  const ModelInfo* model = registry.find(c.model);
  if (model == nullptr)
    throw ScenarioError(SourceLocation{path, 0, 0}, "the checkpoint is of model '" + c.model + "', which this icbsim does not know");

  const auto ids = read_sizes(root, "tasks/id");
  const std::size_t n = ids.size();
  const auto streams = read_sizes(root, "tasks/stream");
  const auto patients = read_sizes(root, "tasks/patient");
  const auto arms = read_sizes(root, "tasks/arm");
  const auto status = h5::read_enum_codes(root, "tasks/status");
  const auto reasons = h5::read_strings(root, "tasks/failure_reason");
  std::vector<std::vector<int>> carries;
  if (h5::exists(root, "tasks/carries"))
    for (const std::string& name : h5::list_group(root, "tasks/carries")) carries.push_back(h5::read_enum_codes(root, "tasks/carries/" + name));
  auto columns = [&](const std::string& group, auto specs) {
    std::vector<std::vector<double>> out_columns;
    for (const auto& spec : specs) out_columns.push_back(h5::read_doubles(root, group + "/" + std::string(spec.name)));
    return out_columns;
  };
  const auto parameters = columns("parameters", model->parameters);
  const auto initial = columns("initial", model->variables);
  const auto state = columns("state", model->variables);
  const auto next_step = h5::read_doubles(root, "integrator/next_step");
  const auto peak = h5::read_doubles(root, "integrator/peak");
  const auto controller = h5::read_doubles(root, "integrator/controller");
  const auto steps = read_sizes(root, "integrator/steps");
  const auto rhs = read_sizes(root, "integrator/rhs_evaluations");
  const auto segments = read_sizes(root, "integrator/segments");
  const auto trajectory_columns = read_sizes(root, "history/trajectory_columns");
  const auto sample_columns = read_sizes(root, "history/sample_columns");
  const std::size_t rows = model->variables.size() + model->observables.size();
  std::vector<std::vector<double>> trajectories, samples;
  std::vector<hsize_t> trajectory_dims, sample_dims;
  for (std::size_t row = 0; row < rows; ++row) {
    trajectories.push_back(h5::read_doubles(root, "history/trajectories/" + row_name(*model, row), &trajectory_dims));
    samples.push_back(h5::read_doubles(root, "history/samples/" + row_name(*model, row), &sample_dims));
  }
  const std::size_t trajectory_width = trajectory_dims.size() == 2 ? trajectory_dims[1] : 0;
  const std::size_t sample_width = sample_dims.size() == 2 ? sample_dims[1] : 0;
  const std::size_t n_states = model->variables.size();
  // Every column must match the task count before any row is read (a damaged or foreign file).
  auto require = [&](bool ok, const std::string& what) {
    if (!ok) throw IoError("'" + path + "' is a damaged checkpoint file: " + what);
  };
  for (const std::size_t size :
       {streams.size(), patients.size(), arms.size(), status.size(), reasons.size(), next_step.size(), steps.size(),
        rhs.size(), segments.size(), trajectory_columns.size(), sample_columns.size()})
    require(size == n, "a per-task column has " + std::to_string(size) + " rows for " + std::to_string(n) + " tasks");
  for (const auto& flags : carries) require(flags.size() == n, "a carries column does not match the tasks");
  for (const auto* group : {&parameters, &initial, &state})
    for (const auto& column : *group)
      require(column.size() == n, "a parameter or state column does not match the tasks");
  require(peak.size() == n * n_states && controller.size() == n * 4, "the integrator columns do not match the tasks");
  for (std::size_t row = 0; row < rows; ++row)
    require(trajectories[row].size() == n * trajectory_width && samples[row].size() == n * sample_width,
            "a history column does not match the tasks");
  for (std::size_t k = 0; k < n; ++k)
    require(trajectory_columns[k] <= trajectory_width && sample_columns[k] <= sample_width,
            "a history length exceeds its column");

  c.tasks.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    TaskCheckpoint& t = c.tasks[k];
    t.task = ids[k];
    t.stream = streams[k];
    t.patient = patients[k];
    t.arm = arms[k];
    t.failure = reasons[k];
    for (const auto& flags : carries) t.carries.push_back(flags[k] != 0);
    if (status[k] == static_cast<int>(CheckpointStatus::kNotDrawn)) continue;
    for (const auto& p : parameters) t.parameters.push_back(p[k]);
    for (const auto& v : initial) t.initial_state.push_back(v[k]);
    if (status[k] != static_cast<int>(CheckpointStatus::kReached)) continue;  // failed before the checkpoint
    auto s = std::make_shared<IntegrationState>();
    s->time = c.time;
    for (const auto& v : state) s->state.push_back(v[k]);
    s->next_step = next_step[k];
    s->peak.assign(peak.begin() + static_cast<std::ptrdiff_t>(k * n_states), peak.begin() + static_cast<std::ptrdiff_t>((k + 1) * n_states));
    std::copy_n(controller.begin() + static_cast<std::ptrdiff_t>(k * 4), 4, s->controller.begin());
    s->stats = SolverStats{steps[k], rhs[k], segments[k]};
    s->trajectory_columns = trajectory_columns[k];
    s->sample_columns = sample_columns[k];
    for (std::size_t row = 0; row < rows; ++row) {
      const auto from = [&](const std::vector<double>& v, std::size_t width) { return v.begin() + static_cast<std::ptrdiff_t>(k * width); };
      s->trajectories.insert(s->trajectories.end(), from(trajectories[row], trajectory_width),
                             from(trajectories[row], trajectory_width) + static_cast<std::ptrdiff_t>(s->trajectory_columns));
      s->samples.insert(s->samples.end(), from(samples[row], sample_width),
                        from(samples[row], sample_width) + static_cast<std::ptrdiff_t>(s->sample_columns));
    }
    t.state = std::move(s);
  }
  const auto dose_task = read_sizes(root, "doses/task");
  const auto dose_target = read_sizes(root, "doses/target");
  const auto dose_time = h5::read_doubles(root, "doses/time");
  const auto dose_amount = h5::read_doubles(root, "doses/amount");
  const auto dose_duration = h5::read_doubles(root, "doses/duration");
  require(dose_target.size() == dose_task.size() && dose_time.size() == dose_task.size() &&
              dose_amount.size() == dose_task.size() && dose_duration.size() == dose_task.size(),
          "the dose columns differ in length");
  for (std::size_t i = 0; i < dose_task.size(); ++i) require(dose_task[i] < n, "a dose names a task it does not hold");
  for (std::size_t i = 0; i < dose_task.size(); ++i)
    c.tasks.at(dose_task[i]).doses.push_back(DoseEvent{dose_time[i], dose_target[i], dose_amount[i], dose_duration[i]});
  return out;
}

}  // namespace icbsim
