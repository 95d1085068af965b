// No command replaces data it was not asked to replace: default slice names, refused targets, the
// lock against a second writer, a full disk, device nodes, signals reaching resumes and restarts,
// and resumes of a changed scenario (engine/io/h5/output_target.cpp, engine/app/run_scenario.cpp).
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/hdf5_datasets.hpp"
#include "tests/support/run_icbsim.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;

namespace {
using icbsim::testing::datasets;
using icbsim::testing::read_text;
using icbsim::testing::run_command;
using icbsim::testing::run_icbsim;

fs::path fresh_folder(const std::string& name) { return icbsim::testing::fresh_folder("icbsim_safe_output", name); }

/// A shell line that starts `command` in the background, waits until the file `writing` appears
/// (its temporary output: it is writing), waits `delay` seconds more, sends `signal`, and waits for
/// it to end.
std::string signal_while_writing(const std::string& command, const std::string& writing, const std::string& signal,
                                 const std::string& delay = "0.3") {
  return command + " 2>&1 & pid=$!; for i in $(seq 200); do [ -e " + writing + " ] && break; sleep 0.05; done; sleep " +
         delay + "; kill -" + signal + " $pid; wait $pid; echo exit=$?";
}
bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// The small test cohort (120 tasks) writing to `dir`/c.h5 by default.
fs::path small_cohort(const fs::path& dir) {
  const fs::path yaml = dir / "cohort.yaml";
  std::ofstream(yaml) << read_text(std::string(ICBSIM_SOURCE_DIR) + "/tests/data/kuznetsov_cohort.yaml")
                      << "output: " << (dir / "c.h5").string() << "\n";
  return yaml;
}

/// A Kuznetsov cohort of `patients` (seconds to run: long enough to signal), output `dir`/c.h5.
fs::path long_cohort(const fs::path& dir, const std::string& patients, const std::string& name = "long.yaml") {
  std::string scenario = read_text(std::string(ICBSIM_SOURCE_DIR) + "/benchmarks/scenarios/kuznetsov_cohort_1m.yaml");
  scenario.replace(scenario.find("size: 1000000"), 13, "size: " + patients);
  scenario.replace(scenario.find("output: results/kuznetsov_cohort_1m.h5"), 38, "output: " + (dir / "c.h5").string());
  const fs::path yaml = dir / name;
  std::ofstream(yaml) << scenario;
  return yaml;
}

}  // namespace

// Audit defect 7 and the data-loss report: a full run, then a slice without -o. The slice gets
// its own name beside the full result, which stays whole.
TEST_CASE("a shard, a task slice or a sweep shard without -o never replaces the full result", "[cli][safe-output]") {
  const fs::path dir = fresh_folder("slices");
  const std::string yaml = small_cohort(dir).string();
  REQUIRE(run_icbsim("run -q " + yaml).exit_code == 0);
  const auto full = datasets(dir / "c.h5");
  const auto shard = run_icbsim("run -q " + yaml + " --shard 1/4");
  INFO(shard.output);
  CHECK(shard.exit_code == 0);
  CHECK(fs::exists(dir / "c.shard-0001-of-0004.h5"));
  const auto tasks = run_icbsim("run -q " + yaml + " --tasks 10:20");
  INFO(tasks.output);
  CHECK(tasks.exit_code == 0);
  CHECK(fs::exists(dir / "c.tasks-10-19.h5"));
  CHECK(datasets(dir / "c.h5") == full);
  CHECK(has(run_icbsim("summary " + (dir / "c.h5").string()).output, "tasks         120 (0 failed)"));
  // A second run of the same slice without -o would replace a file nobody named: refused.
  const auto again = run_icbsim("run -q " + yaml + " --shard 1/4");
  CHECK(again.exit_code == 2);
  CHECK(has(again.output, "c.shard-0001-of-0004.h5' already holds an icbsim result of"));
  CHECK(has(again.output, "tasks 30-59 of 120, a slice"));

  const fs::path sweep = dir / "sweep.yaml";
  std::ofstream(sweep) << read_text(std::string(ICBSIM_SOURCE_DIR) + "/tests/data/sweeps/kuznetsov_cohort_sweep.yaml")
                       << "output: " << (dir / "s.h5").string() << "\n";
  REQUIRE(run_icbsim("sweep -q " + sweep.string()).exit_code == 0);
  const auto whole_sweep = datasets(dir / "s.h5");
  CHECK(run_icbsim("sweep -q " + sweep.string() + " --shard 0/2").exit_code == 0);
  CHECK(fs::exists(dir / "s.shard-0000-of-0002.h5"));
  CHECK(datasets(dir / "s.h5") == whole_sweep);
}

// The rule for every verb that writes: a name the user did not type never replaces an existing
// file (exit 2, naming the file and what it holds); a typed name may replace an icbsim result but
// nothing else without --overwrite.
TEST_CASE("every verb that writes refuses to replace what it was not asked to", "[cli][safe-output]") {
  const fs::path dir = fresh_folder("verbs");
  const std::string yaml = small_cohort(dir).string();
  REQUIRE(run_icbsim("run -q " + yaml).exit_code == 0);
  const auto full = datasets(dir / "c.h5");
  // run: the scenario's own output name exists.
  const auto rerun = run_icbsim("run -q " + yaml);
  CHECK(rerun.exit_code == 2);
  CHECK(has(rerun.output, "already holds an icbsim result of '" + yaml + "', tasks 0-119 of 120, complete"));
  CHECK(run_icbsim("run -q " + yaml + " -o " + (dir / "c.h5").string()).exit_code == 0);  // typed: replaced
  CHECK(run_icbsim("run -q " + yaml + " --overwrite").exit_code == 0);
  CHECK(datasets(dir / "c.h5") == full);
  // A typed name holding something else: a scenario, a text.
  const fs::path text = dir / "notes.h5";
  std::ofstream(text) << "my notes\n";
  const auto over_text = run_icbsim("run -q " + yaml + " -o " + text.string());
  CHECK(over_text.exit_code == 2);
  CHECK(has(over_text.output, "is not an icbsim output; it is not replaced"));
  CHECK(read_text(text) == "my notes\n");
  CHECK(run_icbsim("run -q " + yaml + " --tasks 0:5 -o " + yaml).exit_code == 2);
  CHECK(has(read_text(yaml), "model: kuznetsov1994"));
  // merge, checkpoint, branch onto the text file.
  REQUIRE(run_icbsim("run -q " + yaml + " --shard 0/2").exit_code == 0);
  REQUIRE(run_icbsim("run -q " + yaml + " --shard 1/2").exit_code == 0);
  const std::string shards =
      " " + (dir / "c.shard-0000-of-0002.h5").string() + " " + (dir / "c.shard-0001-of-0002.h5").string();
  CHECK(run_icbsim("merge " + text.string() + shards).exit_code == 2);
  CHECK(read_text(text) == "my notes\n");
  CHECK(run_icbsim("merge " + (dir / "m.h5").string() + shards).exit_code == 0);
  CHECK(datasets(dir / "m.h5") == full);
  const std::string nsclc = std::string(ICBSIM_SOURCE_DIR) + "/tests/data/checkpoints/nsclc_pembrolizumab.yaml";
  CHECK(run_icbsim("checkpoint " + nsclc + " --at '12 weeks' -o " + text.string()).exit_code == 2);
  CHECK(read_text(text) == "my notes\n");
  const std::string checkpoint = (dir / "day84.h5").string();
  REQUIRE(run_icbsim("checkpoint -q " + nsclc + " --at '12 weeks' -o " + checkpoint).exit_code == 0);
  const std::string branches = std::string(ICBSIM_SOURCE_DIR) + "/tests/data/checkpoints/branches.yaml";
  CHECK(run_icbsim("branch -q " + checkpoint + " " + branches + " -o " + text.string()).exit_code == 2);
  const fs::path named_branches = dir / "branches.yaml";
  std::ofstream(named_branches) << read_text(branches) << "output: " << text.string() << "\n";
  const auto branch_default = run_icbsim("branch -q " + checkpoint + " " + named_branches.string());
  CHECK(branch_default.exit_code == 2);
  CHECK(run_icbsim("run -q --from-checkpoint " + checkpoint + " -o " + text.string()).exit_code == 2);
  CHECK(read_text(text) == "my notes\n");
  CHECK(run_icbsim("branch -q " + checkpoint + " " + named_branches.string() + " --overwrite").exit_code == 0);
  CHECK_FALSE(has(read_text(text), "my notes"));
  // calibrate: the overlay the config names holds a hand-written file: refused before fitting;
  // an overlay icbsim fitted earlier is replaced.
  fs::copy_file(fs::path(ICBSIM_SOURCE_DIR) / "tests/data/calibration/synthetic_cohort.yaml", dir / "synthetic.yaml");
  std::ofstream(dir / "tiny.yaml")
      << "icbsim_calibration: 1\n"
         "scenarios: {cohort: {file: synthetic.yaml}}\n"
         "patients: 20\nseed: 3\n"
         "parameters:\n"
         "  - {distribution: a, field: median, lower: 0.002 1/day, upper: 0.05 1/day, scale: log}\n"
         "targets:\n"
         "  - {scenario: cohort, arm: all, statistic: median_vdt, value: 80 day, scale: 5 day, "
         "source: tiny test}\n"
         "optimiser: {max_evaluations: 2}\n"
         "output: {overlay: fitted.yaml, record: fit.h5}\n";
  std::ofstream(dir / "fitted.yaml") << "# my own overlay\n";
  const auto calibrate = run_icbsim("calibrate -q " + (dir / "tiny.yaml").string());
  INFO(calibrate.output);
  CHECK(calibrate.exit_code == 2);
  CHECK(has(calibrate.output, "fitted.yaml' holds a file icbsim did not write"));
  CHECK(read_text(dir / "fitted.yaml") == "# my own overlay\n");
  fs::remove(dir / "fitted.yaml");
  CHECK(run_icbsim("calibrate -q " + (dir / "tiny.yaml").string()).exit_code == 0);
  CHECK(run_icbsim("calibrate -q " + (dir / "tiny.yaml").string()).exit_code == 0);  // its own files: replaced
}

// Audit defect 3: an output naming something that is not a regular file (a device node when run
// as root, here a named pipe) is refused by run, checkpoint and merge; the node stays.
TEST_CASE("outputs that are device nodes or pipes are refused and left alone", "[cli][safe-output]") {
  const fs::path dir = fresh_folder("nodes");
  const std::string yaml = small_cohort(dir).string();
  const fs::path pipe = dir / "pipe.h5";
  REQUIRE(::mkfifo(pipe.c_str(), 0644) == 0);
  const auto run = run_icbsim("run -q " + yaml + " --tasks 0:4 -o " + pipe.string());
  INFO(run.output);
  CHECK(run.exit_code == 2);
  CHECK(has(run.output, "is a device node, pipe or socket"));
  CHECK(fs::is_fifo(pipe));
  const auto forced = run_icbsim("run -q " + yaml + " --tasks 0:4 --overwrite -o " + pipe.string());
  CHECK(forced.exit_code == 2);
  CHECK(fs::is_fifo(pipe));
  const std::string nsclc = std::string(ICBSIM_SOURCE_DIR) + "/tests/data/checkpoints/nsclc_pembrolizumab.yaml";
  CHECK(run_icbsim("checkpoint -q " + nsclc + " --at '12 weeks' -o " + pipe.string()).exit_code == 2);
  CHECK(fs::is_fifo(pipe));
  REQUIRE(run_icbsim("run -q " + yaml + " -o " + (dir / "whole.h5").string()).exit_code == 0);
  const auto merge = run_icbsim("merge " + pipe.string() + " " + (dir / "whole.h5").string());
  INFO(merge.output);
  CHECK(merge.exit_code == 2);
  CHECK(has(merge.output, "a named pipe: an output must be a regular file or a new name"));
  CHECK(fs::is_fifo(pipe));
}

// Audit defect 1: two runs started on the same -o. The second refuses (the target is locked), the
// first completes a readable file.
TEST_CASE("a second run on the same output refuses while the first writes it", "[cli][safe-output]") {
  const fs::path dir = fresh_folder("lock");
  const std::string yaml = long_cohort(dir, "16000").string();
  const std::string out = (dir / "c.h5").string();
  const std::string exe = icbsim::testing::icbsim_exe(), log = (dir / "first.log").string();
  const auto both =
      run_command("(" + exe + " run -q " + yaml + " -o " + out + " >" + log + " 2>&1; echo first=$? >>" + log +
                  ") & for i in $(seq 200); do [ -e " + out + ".partial ] && break; sleep 0.05; done; " + exe +
                  " run -q " + yaml + " -o " + out + " 2>&1; echo second=$?; wait; cat " + log);
  INFO(both.output);
  CHECK(has(both.output, "second=2"));
  CHECK(has(both.output, "is being written by another icbsim process"));
  CHECK(has(both.output, "first=0"));
  const auto summary = run_icbsim("summary " + out);
  INFO(summary.output);
  CHECK(summary.exit_code == 0);
  CHECK(has(summary.output, "tasks         16000 (0 failed)"));
  CHECK_FALSE(fs::exists(out + ".lock"));
  // kill -9 mid-write: nothing under the target name; the stale lock and temporary file do not
  // stop the next run, which writes the same datasets.
  const std::string again = (dir / "again.h5").string();
  run_command(signal_while_writing(exe + " run -q " + yaml + " -o " + again, again + ".partial", "KILL"));
  CHECK_FALSE(fs::exists(again));
  const auto rerun = run_icbsim("run -q " + yaml + " -o " + again);
  INFO(rerun.output);
  CHECK(rerun.exit_code == 0);
  CHECK(datasets(again) == datasets(out));
}

// kill -9 mid-write, twice: while a part is written and while the finished parts are merged into
// OUT. Nothing appears under the target name; --resume completes the run, and h5diff finds it
// identical to an uninterrupted run except for the root attributes that describe the run itself
// (when it was made, its wall time, its output name).
TEST_CASE("kill -9 mid-write leaves no file under the target and --resume completes it identically",
          "[cli][safe-output][resume]") {
  const fs::path dir = fresh_folder("killed_parts");
  const std::string yaml = long_cohort(dir, "16000").string();
  const std::string out = (dir / "k.h5").string(), parts = out + ".parts";
  const std::string run = icbsim::testing::icbsim_exe() + " run -q " + yaml + " --part-size 2000 -o " + out;
  const auto mid_part = run_command(run + " 2>&1 & pid=$!; for i in $(seq 3000); do [ $(ls " + parts +
                                    "/part-*.h5 2>/dev/null | wc -l) -ge 2 ] && break; sleep 0.01; done; "
                                    "kill -KILL $pid; wait $pid; echo exit=$?");
  INFO(mid_part.output);
  CHECK(has(mid_part.output, "exit=137"));
  CHECK_FALSE(fs::exists(out));
  CHECK(fs::exists(parts + "/part-000000000000-000000002000.h5"));
  const auto mid_merge =
      run_command(run + " --resume 2>&1 & pid=$!; for i in $(seq 20000); do [ -e " + out +
                  ".partial ] && break; sleep 0.005; done; kill -KILL $pid; wait $pid; echo exit=$?");
  INFO(mid_merge.output);
  if (has(mid_merge.output, "exit=137")) CHECK_FALSE(fs::exists(out));  // else it finished before the kill
  if (!fs::exists(out)) {
    const auto resumed = run_icbsim("run -q " + yaml + " --part-size 2000 --resume -o " + out);
    INFO(resumed.output);
    CHECK(resumed.exit_code == 0);
  }
  const std::string whole = (dir / "whole.h5").string();
  REQUIRE(run_icbsim("run -q " + yaml + " -o " + whole).exit_code == 0);
  const auto diff = run_command("h5diff --exclude-attribute / " + out + " " + whole);
  INFO(diff.output);
  CHECK(diff.exit_code == 0);
  CHECK_FALSE(fs::exists(parts));
}

namespace {
/// A shell prefix that caps every file the command writes at `kib` KiB: writes past it fail with
/// EFBIG (SIGXFSZ ignored), as on a full disk.
/// (OpenMPI's start-up keeps its shared memory in files too: PMIX_MCA_gds=hash keeps it in memory.)
std::string with_file_limit(int kib) {
  return "trap '' XFSZ; ulimit -f " + std::to_string(kib) + "; PMIX_MCA_gds=hash ";
}
std::size_t kib_of(const fs::path& p) { return static_cast<std::size_t>(fs::file_size(p) / 1024); }
}  // namespace

// Audit defect 2: a full disk mid-write. merge, run, a run in parts and checkpoint end with exit 3
// and a message, leave no file under the target name (and the earlier good OUT intact), and
// --resume of the parts run then gives the datasets of an uninterrupted run.
TEST_CASE("a full disk ends every writer with exit 3 and no half-written file", "[cli][safe-output][disk-full]") {
  const fs::path dir = fresh_folder("full");
  const std::string yaml = small_cohort(dir).string();
  const std::string out = (dir / "c.h5").string();
  REQUIRE(run_icbsim("run -q " + yaml).exit_code == 0);
  const auto full = datasets(out);
  REQUIRE(run_icbsim("run -q " + yaml + " --shard 0/2").exit_code == 0);
  REQUIRE(run_icbsim("run -q " + yaml + " --shard 1/2").exit_code == 0);
  const std::string shards =
      " " + (dir / "c.shard-0000-of-0002.h5").string() + " " + (dir / "c.shard-0001-of-0002.h5").string();
  const int limit = static_cast<int>(kib_of(out) / 4);
  REQUIRE(limit > 8);

  const auto merge = run_command(with_file_limit(limit / 2) + icbsim::testing::icbsim_exe() + " merge " + out + shards);
  INFO(merge.output);
  CHECK(merge.exit_code == 3);
  CHECK(has(merge.output, "I/O error: "));
  CHECK(datasets(out) == full);  // the good OUT is untouched
  CHECK_FALSE(fs::exists(out + ".partial"));

  const std::string fresh = (dir / "fresh.h5").string();
  const auto run =
      run_command(with_file_limit(limit) + icbsim::testing::icbsim_exe() + " run -q " + yaml + " -o " + fresh);
  INFO(run.output);
  CHECK(run.exit_code == 3);
  CHECK(has(run.output, "I/O error: "));
  CHECK_FALSE(fs::exists(fresh));
  CHECK_FALSE(fs::exists(fresh + ".partial"));

  const std::string nsclc = std::string(ICBSIM_SOURCE_DIR) + "/tests/data/checkpoints/nsclc_pembrolizumab.yaml";
  const std::string checkpoint = (dir / "day84.h5").string();
  const auto saved = run_command(with_file_limit(4) + icbsim::testing::icbsim_exe() + " checkpoint -q " + nsclc +
                                 " --at '12 weeks' -o " + checkpoint);
  INFO(saved.output);
  CHECK(saved.exit_code == 3);
  CHECK_FALSE(fs::exists(checkpoint));

  // Parts of 10 tasks fit under the cap; their merge into OUT does not. The parts are kept.
  REQUIRE(run_icbsim("run -q " + yaml + " --tasks 0:10 -o " + (dir / "ten.h5").string()).exit_code == 0);
  const int between = static_cast<int>((kib_of(dir / "ten.h5") + kib_of(out)) / 2);
  const std::string parts_out = (dir / "p.h5").string();
  const auto parts = run_command(with_file_limit(between) + icbsim::testing::icbsim_exe() + " run -q " + yaml +
                                 " --part-size 10 -o " + parts_out);
  INFO(parts.output);
  CHECK(parts.exit_code == 3);
  CHECK_FALSE(fs::exists(parts_out));
  REQUIRE(fs::is_directory(parts_out + ".parts"));
  const auto resumed = run_icbsim("run -q " + yaml + " --part-size 10 --resume -o " + parts_out);
  INFO(resumed.output);
  CHECK(resumed.exit_code == 0);
  CHECK(datasets(parts_out) == full);
  CHECK_FALSE(fs::exists(parts_out + ".parts"));
}

// Audit defects 9 and 10: SIGTERM reaches a --resume (which keeps what it finished and resumes
// again to the uninterrupted datasets), and a resume of a changed scenario is refused before
// anything runs, naming what changed.
TEST_CASE("signals reach --resume and a resume of a changed scenario is refused", "[cli][safe-output][resume]") {
  const fs::path dir = fresh_folder("resume_signal");
  const std::string yaml = long_cohort(dir, "16000").string();
  const std::string out = (dir / "c.h5").string(), interrupted = (dir / "c.interrupted.h5").string();
  const std::string exe = icbsim::testing::icbsim_exe();
  run_command(signal_while_writing(exe + " run -q " + yaml + " -o " + out, out + ".partial", "INT"));
  if (!fs::exists(interrupted)) return;  // a very fast machine may finish within the delay
  // A changed scenario: refused, nothing run, nothing left behind.
  std::string changed = read_text(yaml);
  changed.replace(changed.find("seed: 1"), 7, "seed: 2");
  const fs::path other = dir / "changed.yaml";
  std::ofstream(other) << changed;
  const auto refused = run_icbsim("run -q " + other.string() + " -o " + out + " --resume");
  INFO(refused.output);
  CHECK(refused.exit_code == 2);
  CHECK(has(refused.output, "the scenario changed since"));
  CHECK(has(refused.output, "'seed: 1' is now 'seed: 2'"));
  CHECK_FALSE(fs::exists(out + ".resume0.h5"));
  CHECK_FALSE(fs::exists(out));
  // SIGTERM during the resume: it stops, keeps the finished rows, and says so.
  const auto stopped = run_command(
      signal_while_writing(exe + " run -q " + yaml + " -o " + out + " --resume", out + ".resume0.h5.partial", "TERM"));
  INFO(stopped.output);
  CHECK_FALSE(fs::exists(out));  // a resume that finished ignored the signal (it takes seconds)
  CHECK(has(stopped.output, "exit=1"));
  CHECK(has(stopped.output, "interrupted: "));
  CHECK(fs::exists(interrupted));
  const auto completed = run_icbsim("run -q " + yaml + " -o " + out + " --resume");
  INFO(completed.output);
  CHECK(completed.exit_code == 0);
  REQUIRE(run_icbsim("run -q " + yaml + " -o " + (dir / "whole.h5").string()).exit_code == 0);
  CHECK(datasets(out) == datasets(dir / "whole.h5"));
  CHECK_FALSE(fs::exists(interrupted));
}

// Audit defect 9 for restarts: SIGTERM reaches a run continued from a checkpoint.
TEST_CASE("SIGTERM reaches a run continued from a checkpoint", "[cli][safe-output][checkpoint]") {
  const fs::path dir = fresh_folder("restart_signal");
  const std::string yaml = long_cohort(dir, "16000").string();
  const std::string checkpoint = (dir / "ckpt.h5").string(), out = (dir / "r.h5").string();
  REQUIRE(run_icbsim("checkpoint -q " + yaml + " --at '2 weeks' -o " + checkpoint).exit_code == 0);
  const auto stopped = run_command(
      signal_while_writing(icbsim::testing::icbsim_exe() + " run -q --from-checkpoint " + checkpoint + " -o " + out,
                           out + ".partial", "TERM"));
  INFO(stopped.output);
  // The 16,000 tasks take seconds; the signal comes 0.3 s after the output is opened, so a run that
  // finished ignored it.
  CHECK_FALSE(fs::exists(out));
  CHECK(has(stopped.output, "exit=1"));
  CHECK(has(stopped.output, "interrupted: "));
  CHECK(fs::exists(dir / "r.interrupted.h5"));
}

// Audit defect 6: a merge refuses an interrupted run instead of making it look complete.
TEST_CASE("merge refuses an interrupted run", "[cli][safe-output][merge]") {
  const fs::path dir = fresh_folder("merge_interrupted");
  const std::string yaml = long_cohort(dir, "16000").string();
  const std::string out = (dir / "c.h5").string();
  run_command(
      signal_while_writing(icbsim::testing::icbsim_exe() + " run -q " + yaml + " -o " + out, out + ".partial", "INT"));
  const fs::path interrupted = dir / "c.interrupted.h5";
  if (!fs::exists(interrupted)) return;
  const auto merged = run_icbsim("merge " + (dir / "m.h5").string() + " " + interrupted.string());
  INFO(merged.output);
  CHECK(merged.exit_code == 3);
  CHECK(has(merged.output, "is an interrupted run ("));
  CHECK_FALSE(fs::exists(dir / "m.h5"));
}

// Audit defects 12 and 13: the command-line spellings are read whole, a slice past the tasks is
// refused, a folder is not "an empty file", and command-line errors carry no "<input>:" label.
TEST_CASE("task and shard spellings are read whole and errors say what is wrong", "[cli][safe-output]") {
  const fs::path dir = fresh_folder("spellings");
  const std::string yaml = small_cohort(dir).string();
  const auto shard = run_icbsim("run -q " + yaml + " --shard 1.5/3");
  CHECK(shard.exit_code == 2);
  CHECK(has(shard.output, "error: --shard expects I/N"));
  const auto tasks = run_icbsim("run -q " + yaml + " --tasks 1:2x");
  CHECK(tasks.exit_code == 2);
  CHECK(has(tasks.output, "error: --tasks expects BEGIN:END"));
  const auto past = run_icbsim("run -q " + yaml + " --tasks 0:1000000000000");
  INFO(past.output);
  CHECK(past.exit_code == 2);
  CHECK(has(past.output, "goes past the scenario's 120 tasks"));
  CHECK_FALSE(has(past.output, "<input>"));
  const auto folder = run_icbsim("validate " + dir.string());
  CHECK(folder.exit_code == 2);
  CHECK(has(folder.output, "this is a folder, not a scenario file"));
  CHECK_FALSE(fs::exists(dir / "c.tasks-0-999999999999.h5"));
}

#ifndef ICBSIM_TEST_NO_MPI
// Audit defect 15: more ranks than tasks. The rank without tasks contributes nothing; the run ends.
TEST_CASE("mpirun with more ranks than tasks runs and ends", "[cli][mpi][safe-output]") {
  const fs::path dir = fresh_folder("mpi_few");
  const auto two = run_command(
      "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=1 timeout 120 mpirun -n 2 "
      "--oversubscribe --mca mpi_yield_when_idle 1 " +
      icbsim::testing::icbsim_exe() + " run -q -o " + (dir / "q.h5").string());
  INFO(two.output);
  CHECK(two.exit_code == 0);
  CHECK(fs::exists(dir / "q.h5"));
  // An error on one rank ends every rank (here on both: the output is a pipe).
  const fs::path pipe = dir / "pipe.h5";
  REQUIRE(::mkfifo(pipe.c_str(), 0644) == 0);
  const auto failed = run_command(
      "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=1 timeout 120 mpirun -n 2 "
      "--oversubscribe --mca mpi_yield_when_idle 1 " +
      icbsim::testing::icbsim_exe() + " run -q -o " + pipe.string());
  CHECK(failed.exit_code == 2);
}
#endif
