#!/usr/bin/env python3
# README — a real single-node Slurm for series12's cluster commands.
#
# Starts munged, slurmctld and slurmd (Debian 12's Slurm 22.05, installed by .ci/setup) on
# loopback inside a temporary directory, as root, with no systemd: a private munge socket and
# key, free TCP ports, state/spool/pid/log files all under the temporary directory, and a
# NodeName line built from `slurmd -C`. Then, with the built `series12`:
#
#   1. a single-machine reference: `series12 sweep --headless` of 3 κs (N=64, 600000 steps);
#   2. `series12 slurm submit` of the same sweep (one array task per κ + a dependent combine
#      job); the scripts it wrote must pass `bash -n`, `--dry-run` must print the same scripts
#      and write nothing;
#   3. `series12 watch` in a private tmux server: `space` on κ=0.1 pauses its task (the task's
#      process must be in state T, its log and CPU time must stop advancing), `space` again
#      resumes it (it advances again), `q` leaves with the jobs still running;
#   4. `series12 watch --headless` until every κ has ended (exit 0, every Done line printed);
#   5. the combine job: `check_outputs.py --fields` and `series12 verify` pass on the output
#      directory, tier 3 lists 3 κs done and holds every task's lines, and every κ's history
#      (steps, t, H, drift, dx, dt) and final fields are bit for bit the reference's — the
#      paused κ included;
#   6. a second, one-κ submission whose task is cancelled mid-run (SIGTERM, as at a time
#      limit): it checkpoints as interrupted, the combine job reports it unfinished and prints
#      the `sbatch --array=0 …` that continues it; run as printed, the task resumes from its
#      checkpoint, `combine` then passes and the history is bit for bit the reference's.
#
# The daemons are stopped by their pid files at the end, pass or fail (SIGTERM, then SIGKILL
# after 5 s); jobs still queued are cancelled first. A guard stops the whole run after
# --timeout seconds (default 240). Prints a table of checks with timings (daemon start,
# submit → every task done, submit → combine done, whole run), ends with `N passed, M failed`;
# exit 1 when anything failed or Slurm is not installed (run .ci/setup as root).
#
#   python3 Tests/harness/slurm_harness.py [--bin PATH] [--keep] [--timeout S]
"""Single-node Slurm end-to-end test for series12 (see the README comment at the top)."""

import argparse
import glob
import io
import json
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
KAPPAS = ["0.1", "0.5", "1"]
SWEEP = ["--N", "64", "--steps", "600000", "--every", "7500"]  # ~4 s a task here: long enough to pause
SAMPLES = 600000 // 7500 + 1
results = []


def record(name, ok, detail=""):
    results.append((name, ok, detail))
    print(f"{'PASS' if ok else 'FAIL'}  {name}" + (f"  ({detail})" if detail else ""), flush=True)
    return ok


class Timeout(Exception):
    pass


def wait_until(predicate, seconds, interval=0.1):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return predicate()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """munged + slurmctld + slurmd under one temporary directory, stopped by pid files."""

    def __init__(self, base):
        self.base = base
        self.conf = base / "slurm.conf"
        self.munge = base / "munge"
        self.pidfiles = [base / "run" / "slurmd.pid", base / "run" / "slurmctld.pid", self.munge / "munged.pid"]
        self.env = dict(os.environ, SLURM_CONF=str(self.conf))

    def start(self):
        for d in ("state", "spool", "run", "log"):
            (self.base / d).mkdir()
        munge_user = pwd.getpwnam("munge")
        self.munge.mkdir()
        key = self.munge / "munge.key"
        key.write_bytes(os.urandom(1024))
        for p in (self.munge, key):
            os.chown(p, munge_user.pw_uid, munge_user.pw_gid)
        os.chmod(self.munge, 0o755)
        os.chmod(key, 0o600)
        socket_path = self.munge / "munge.socket"
        subprocess.run(["runuser", "-u", "munge", "--", "/usr/sbin/munged", f"--socket={socket_path}",
                        f"--key-file={key}", f"--pid-file={self.munge / 'munged.pid'}",
                        f"--log-file={self.munge / 'munged.log'}", f"--seed-file={self.munge / 'munged.seed'}"],
                       check=True, timeout=20)
        node = subprocess.run(["slurmd", "-C"], capture_output=True, text=True, check=True).stdout.splitlines()[0]
        node = re.sub(r"^NodeName=\S+", "NodeName=localhost NodeAddr=127.0.0.1", node) + " State=UNKNOWN"
        b = self.base
        self.conf.write_text("\n".join([
            "ClusterName=s12test",
            "SlurmctldHost=localhost(127.0.0.1)",
            f"SlurmctldPort={free_port()}",
            f"SlurmdPort={free_port()}",
            "SlurmUser=root",
            "AuthType=auth/munge",
            "CredType=cred/munge",
            f"AuthInfo=socket={socket_path}",
            "CommunicationParameters=NoCtldInAddrAny,NoInAddrAny",
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            "JobCompType=jobcomp/filetxt",
            f"JobCompLoc={b / 'log' / 'jobcomp.txt'}",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_Core",
            "SchedulerParameters=batch_sched_delay=0",
            "ReturnToService=2",
            "MailProg=/bin/true",
            f"StateSaveLocation={b / 'state'}",
            f"SlurmdSpoolDir={b / 'spool'}",
            f"SlurmctldPidFile={b / 'run' / 'slurmctld.pid'}",
            f"SlurmdPidFile={b / 'run' / 'slurmd.pid'}",
            f"SlurmctldLogFile={b / 'log' / 'slurmctld.log'}",
            f"SlurmdLogFile={b / 'log' / 'slurmd.log'}",
            node,
            "PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP",
            "",
        ]))
        subprocess.run(["slurmctld", "-f", str(self.conf)], env=self.env, check=True, timeout=20)
        subprocess.run(["slurmd", "-f", str(self.conf), "-N", "localhost"], env=self.env, check=True, timeout=20)
        return wait_until(lambda: self.run(["sinfo", "-h", "-o", "%T"]).stdout.strip() == "idle", 30, 0.2)

    def run(self, argv, **kw):
        return subprocess.run(argv, env=self.env, capture_output=True, text=True, timeout=30, **kw)

    def in_queue(self, job):
        return self.run(["squeue", "-h", "-j", job]).stdout.strip() != ""

    def stop(self, jobs):
        if jobs:
            try:
                self.run(["scancel"] + list(jobs))
            except Exception as e:  # the controller may be gone already
                print(f"note: scancel failed: {e}")
        stopped = []
        for pidfile in self.pidfiles:
            try:
                pid = int(pidfile.read_text().split()[0])
            except (OSError, ValueError, IndexError):
                continue
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
            if not wait_until(lambda: not alive(pid), 5, 0.05):
                os.kill(pid, signal.SIGKILL)
            stopped.append(f"{pidfile.name.split('.')[0]}:{pid}")
        return stopped


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (stopped but not yet reaped) counts as gone
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (OSError, IndexError):
        return False


def proc_state(pid):
    """(state letter, utime+stime in clock ticks) of a process; ("gone", -1) once it has ended."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
    except (OSError, IndexError, TypeError):
        return "gone", -1
    return fields[0], int(fields[11]) + int(fields[12])


def npz_member(path, member):
    with tarfile.open(path, "r:") as t:
        return np.load(io.BytesIO(t.extractfile(member).read()), allow_pickle=False)


def kt(k):
    return f"{float(k):.4f}".replace(".", "_")


def step_lines(path):
    try:
        return sum(1 for line in path.read_text().splitlines() if line.startswith("Step "))
    except OSError:
        return 0


class Tmux:
    def __init__(self, command, base):
        self.name = f"s12slurm{os.getpid()}"
        self.conf = base / "tmux.conf"
        self.conf.write_text("set-option -g history-limit 50000\n")
        self.base = ["tmux", "-L", self.name, "-f", str(self.conf)]
        subprocess.run(self.base + ["new-session", "-d", "-s", "w", "-x", "132", "-y", "40", command],
                       check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def screen(self):
        return subprocess.run(self.base + ["capture-pane", "-p", "-t", "w", "-S", "-200"], capture_output=True,
                              text=True).stdout

    def send(self, *keys):
        subprocess.run(self.base + ["send-keys", "-t", "w"] + list(keys), capture_output=True)

    def kill(self):
        subprocess.run(self.base + ["kill-server"], capture_output=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bin", default=str(ROOT / ".build" / "release" / "series12"))
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    ap.add_argument("--timeout", type=float, default=240)
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    shared = Path(os.environ.get("SERIES12_SHARED", ROOT.parent / "shared"))
    checker = shared / "tools" / "check_outputs.py"
    t_start = time.monotonic()
    missing = [c for c in ("slurmctld", "slurmd", "sbatch", "squeue", "scontrol", "scancel", "runuser", "tmux")
               if shutil.which(c) is None] + [p for p in ("/usr/sbin/munged",) if not os.path.exists(p)]
    if os.geteuid() != 0 or missing or not os.path.exists(binary):
        why = "not root" if os.geteuid() != 0 else f"missing {', '.join(missing)}" if missing else f"no binary {binary}"
        record("slurm set-up", False, f"{why}; run .ci/setup as root and swift build -c release")
        print("0 passed, 1 failed")
        return 1

    base = Path(tempfile.mkdtemp(prefix="s12slurm-"))
    os.chmod(base, 0o755)  # munged (user munge) must reach its socket directory
    cluster = Cluster(base)
    tmux = None
    jobs = []
    timings = {}

    def on_alarm(signum, frame):
        raise Timeout(f"the whole run took longer than {args.timeout:.0f} s")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(int(args.timeout))
    try:
        ref, out = base / "ref", base / "out"
        ref.mkdir()
        out.mkdir()
        # 1. The single-machine reference.
        t = time.monotonic()
        r = subprocess.run([binary, "sweep", "--headless", "--kappas", ",".join(KAPPAS), *SWEEP, "--out", str(ref),
                            "--name", "ref"], capture_output=True, text=True, timeout=120)
        timings["reference sweep"] = time.monotonic() - t
        record("reference sweep (single machine)", r.returncode == 0, f"exit {r.returncode}")

        # The cluster.
        t = time.monotonic()
        idle = cluster.start()
        timings["daemons start → node idle"] = time.monotonic() - t
        if not record("munged, slurmctld, slurmd up; node idle", bool(idle),
                      f"{timings['daemons start → node idle']:.1f} s"):
            print((base / "log" / "slurmctld.log").read_text()[-2000:] if (base / "log" / "slurmctld.log").exists() else "")
            raise RuntimeError("the node never became idle")
        env = cluster.env

        # 2. Dry run writes nothing; the real submission.
        before = sorted(os.listdir(out))
        dry = subprocess.run([binary, "slurm", "submit", "--kappas", ",".join(KAPPAS), *SWEEP, "--out", str(out),
                              "--name", "clu", "--time", "5", "--dry-run"], capture_output=True, text=True, env=env)
        record("slurm submit --dry-run prints both scripts, writes nothing",
               dry.returncode == 0 and "#SBATCH --array=0-2" in dry.stdout and "series12" in dry.stdout
               and " combine " in dry.stdout and sorted(os.listdir(out)) == before, f"exit {dry.returncode}")
        refused = subprocess.run([binary, "slurm", "submit", "--kappas", "0.1", *SWEEP, "--out", str(out), "--name", "clu",
                                  "--partition", "nosuchpartition"], capture_output=True, text=True, env=env)
        record("sbatch refusing the array: exit 1, its error on one line, no file left",
               refused.returncode == 1 and "invalid partition" in refused.stderr and len(refused.stderr.splitlines()) == 1
               and sorted(os.listdir(out)) == before, refused.stderr.strip())
        t_submit = time.monotonic()
        sub = subprocess.run([binary, "slurm", "submit", "--kappas", ",".join(KAPPAS), *SWEEP, "--out", str(out),
                              "--name", "clu", "--time", "5"], capture_output=True, text=True, env=env)
        plans = glob.glob(str(out / "clu_slurm_*.json"))
        plan = json.loads(Path(plans[0]).read_text()) if plans else {}
        array_job, combine_job, stamp = plan.get("array_job"), plan.get("combine_job"), plan.get("stamp")
        jobs = [j for j in (array_job, combine_job) if j]
        ok = sub.returncode == 0 and bool(array_job and combine_job) and f"array job {array_job}" in sub.stdout
        if not record("slurm submit queues the array and the combine job", ok,
                      f"exit {sub.returncode}, jobs {array_job}/{combine_job}" + ("" if ok else f": {sub.stderr.strip()}")):
            raise RuntimeError("submission failed")
        scripts = sorted(glob.glob(str(out / f"clu_slurm_*_{stamp}.sh")))
        syntax = [subprocess.run(["bash", "-n", s], capture_output=True).returncode for s in scripts]
        array_text = Path(scripts[0]).read_text() if scripts else ""
        record("batch scripts pass bash -n and run this binary by absolute path",
               len(scripts) == 2 and syntax == [0, 0] and f"exec {os.path.realpath(binary)} sweep --task" in array_text,
               f"{len(scripts)} scripts")

        # 3. Pause and resume κ=0.1's task through the watch dashboard.
        log0 = out / f"clu_log_kappa_{kt(KAPPAS[0])}_{stamp}.txt"
        tmux = Tmux(f"env SLURM_CONF={shlex.quote(str(cluster.conf))} {shlex.quote(binary)} watch {shlex.quote(str(out))} "
                    f"--stamp {stamp}; sleep 600", base)
        started = wait_until(lambda: step_lines(log0) >= 3, 60)
        pid_match = re.search(r"^Task \S+ \| kappa=0\.1000 \| host=\S+ \| pid=(\d+)$", log0.read_text(), re.M) if log0.exists() else None
        pid = int(pid_match.group(1)) if pid_match else None
        shown = wait_until(lambda: re.search(r"^0\.1000 running ", tmux.screen(), re.M), 20)
        if not record("watch shows the tasks' rows; κ=0.1 running", bool(started and pid and shown), f"task pid {pid}"):
            raise RuntimeError("κ=0.1's task never showed as running:\n" + tmux.screen())
        tmux.send("Space")
        paused = wait_until(lambda: re.search(r"^0\.1000 paused ", tmux.screen(), re.M) and proc_state(pid)[0] == "T", 20)
        n1, cpu1 = step_lines(log0), proc_state(pid)[1]
        time.sleep(2.0)
        n2, cpu2 = step_lines(log0), proc_state(pid)[1]
        record("space pauses the task: process stopped (T), no new steps, no CPU time",
               bool(paused) and n1 == n2 and cpu1 == cpu2 and re.search(r"paused [κk]=0\.1000", tmux.screen()) is not None,
               f"state {proc_state(pid)[0]}, Step lines {n1} → {n2}, ticks {cpu1} → {cpu2}")
        tmux.send("Space")
        resumed = wait_until(lambda: proc_state(pid)[0] != "T" and step_lines(log0) > n2, 20)
        record("space again resumes it: it steps on", bool(resumed) and step_lines(log0) > n2,
               f"Step lines {n2} → {step_lines(log0)}")
        tmux.send("q")
        left = wait_until(lambda: "Left the watch; the jobs keep running" in tmux.screen(), 10)
        record("q leaves the watch and the jobs run on", bool(left) and (cluster.in_queue(array_job) or step_lines(log0) >= SAMPLES),
               "array still queued" if cluster.in_queue(array_job) else "array already done")

        # 4. Headless watch until every κ has ended.
        w = subprocess.run([binary, "watch", str(out), "--stamp", stamp, "--headless"], capture_output=True, text=True,
                           env=env, timeout=150)
        timings["submit → every task done"] = time.monotonic() - t_submit
        done_lines = [l for l in w.stdout.splitlines() if l.startswith("Done kappa=") and "status=done" in l]
        record("watch --headless prints the merged tier-1 lines and ends when every κ is done",
               w.returncode == 0 and len(done_lines) == 3 and "watch: every κ has settled" in w.stdout
               and all(f"Run {stamp} | kappa={float(k):.4f}" in w.stdout for k in KAPPAS),
               f"exit {w.returncode}, {len(done_lines)} Done lines, {len(w.stdout.splitlines())} lines")

        # 5. The combine job and the archives.
        combined = wait_until(lambda: not cluster.in_queue(combine_job), 60, 0.2)
        timings["submit → combine done"] = time.monotonic() - t_submit
        combine_out = out / f"clu_slurm_combine_{stamp}.out"
        report = combine_out.read_text() if combine_out.exists() else ""
        record("combine job ran after the array: 3 κs done", bool(combined) and
               f"Combine {stamp} | sweep=clu | kappas=3 | done=3 | unfinished=0 | ended=0 | missing=0" in report,
               report.splitlines()[0] if report else "no output")
        chk = subprocess.run([sys.executable, str(checker), str(out), "--fields", "--stamp", stamp], capture_output=True, text=True)
        record("check_outputs.py --fields passes (every task's archives + combined tier 3)", chk.returncode == 0,
               chk.stdout.strip().splitlines()[-1] if chk.stdout.strip() else chk.stderr.strip())
        ver = subprocess.run([binary, "verify", str(out), "--stamp", stamp], capture_output=True, text=True)
        record("series12 verify passes", ver.returncode == 0, ver.stdout.strip().splitlines()[-1] if ver.stdout else "")
        tier3 = out / f"clu_summary_{stamp}.tar"
        summary, log_txt = {}, ""
        if tier3.exists():
            with tarfile.open(tier3) as t:
                summary = json.loads(t.extractfile("summary.json").read())
                log_txt = t.extractfile("log.txt").read().decode()
        statuses = [k.get("status") for k in summary.get("kappas", [])]
        record("tier 3: every κ done, log.txt holds every task's lines",
               statuses == ["done"] * 3 and all(f"Task {array_job}_{i} | kappa={float(k):.4f}" in log_txt
                                                  for i, k in enumerate(KAPPAS))
               and len([l for l in log_txt.splitlines() if l.startswith("Step ")]) == 3 * SAMPLES, f"statuses {statuses}")
        same = []
        for k in KAPPAS:
            a = npz_member(glob.glob(str(out / f"kappa_{kt(k)}_history_{stamp}.tar"))[0], "history.npz")
            b = npz_member(glob.glob(str(ref / f"kappa_{kt(k)}_history_*.tar"))[0], "history.npz")
            fa = npz_member(glob.glob(str(out / f"kappa_{kt(k)}_fields_{stamp}.tar"))[0], "fields.npz")
            fb = npz_member(glob.glob(str(ref / f"kappa_{kt(k)}_fields_*.tar"))[0], "fields.npz")
            same.append(sorted(a.files) == sorted(b.files) and all(a[n].tobytes() == b[n].tobytes() for n in a.files)
                        and all(fa[n].tobytes() == fb[n].tobytes() for n in fa.files) and len(a["H"]) == SAMPLES)
        record("every κ's history and final fields are bit for bit the single-machine sweep's (paused κ too)",
               all(same), f"{same}")

        # 6. A task cut short (scancel: SIGTERM, as at a time limit) and run again as combine says.
        out2 = base / "out2"
        out2.mkdir()
        t = time.monotonic()
        sub = subprocess.run([binary, "slurm", "submit", "--kappas", KAPPAS[0], *SWEEP, "--out", str(out2), "--name", "cut",
                              "--time", "5"], capture_output=True, text=True, env=env)
        plan2 = json.loads(Path(glob.glob(str(out2 / "cut_slurm_*.json"))[0]).read_text()) if sub.returncode == 0 else {}
        job2, combine2, stamp2 = plan2.get("array_job"), plan2.get("combine_job"), plan2.get("stamp")
        jobs += [j for j in (job2, combine2) if j]
        log2 = out2 / f"cut_log_kappa_{kt(KAPPAS[0])}_{stamp2}.txt"
        wait_until(lambda: step_lines(log2) >= 3, 60)
        cancel = cluster.run(["scancel", f"{job2}_0"])
        cut = wait_until(lambda: not cluster.in_queue(combine2), 60, 0.2)
        report2 = (out2 / f"cut_slurm_combine_{stamp2}.out").read_text() if (out2 / f"cut_slurm_combine_{stamp2}.out").exists() else ""
        advice = re.search(r"'(sbatch --array=0 \S+)'", report2)
        record("a task cut by scancel is checkpointed as interrupted; combine says how to continue it",
               cancel.returncode == 0 and bool(cut) and "| done=0 | unfinished=1 |" in report2 and advice is not None
               and "Done kappa=0.1000 | status=interrupted" in log2.read_text(), report2.splitlines()[0] if report2 else "no combine output")
        again = cluster.run(["sbatch", "--parsable"] + advice.group(1).split()[1:]) if advice else None
        job3 = again.stdout.strip().split(";")[0] if again and again.returncode == 0 else None
        jobs += [job3] if job3 else []
        finished = job3 and wait_until(lambda: not cluster.in_queue(job3), 90, 0.2)
        recombine = subprocess.run([binary, "combine", str(out2), "--stamp", stamp2, "--tasks-ended"], capture_output=True, text=True)
        chk2 = subprocess.run([sys.executable, str(checker), str(out2), "--fields", "--stamp", stamp2], capture_output=True, text=True)
        a = npz_member(str(out2 / f"kappa_{kt(KAPPAS[0])}_history_{stamp2}.tar"), "history.npz") if finished else None
        b = npz_member(glob.glob(str(ref / f"kappa_{kt(KAPPAS[0])}_history_*.tar"))[0], "history.npz")
        timings["cut task → resubmitted → done"] = time.monotonic() - t
        record("its task run again continues the checkpoint: combine clean, history bit for bit",
               bool(finished) and f"Resume {stamp2} | kappa=0.1000 | from step " in log2.read_text()
               and recombine.returncode == 0 and chk2.returncode == 0 and a is not None
               and all(a[n].tobytes() == b[n].tobytes() for n in b.files),
               f"job {job3}, combine exit {recombine.returncode}, checker exit {chk2.returncode}")
    except Timeout as e:
        record("timeout guard", False, str(e))
    except Exception as e:  # report and fall through to the teardown
        record("harness", False, f"{type(e).__name__}: {e}")
    finally:
        signal.alarm(0)
        if tmux:
            tmux.kill()
        stopped = cluster.stop(jobs)
        gone = all(not alive(int(p.read_text().split()[0])) for p in cluster.pidfiles if p.exists()
                   and p.read_text().strip())
        record("daemons stopped by their pid files", gone and len(stopped) == 3, ", ".join(stopped))
        if args.keep:
            print(f"kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    timings["whole run"] = time.monotonic() - t_start
    print("timings: " + "; ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    failed = sum(1 for _, ok, _ in results if not ok)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
