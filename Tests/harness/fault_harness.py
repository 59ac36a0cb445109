#!/usr/bin/env python3
# README — fault harness for the series12 release binary.
#
# This script attacks a built `series12` (default: <repo>/.build/release/series12, or --bin
# PATH) from the outside, the way a dying machine or a careless user would, and checks the
# promises of SPEC.md §2 (bad input), §4 (writing rules), §7 (resume/recover/verify) and §9
# (exit statuses) with Python's tarfile and numpy only — never with the program's own readers.
# Groups (--only GROUP[,GROUP…]): `kill` (two uninterrupted reference sweeps, sized to ~1.5 s
# and required to be bit-identical, then --kills N sweeps killed with SIGKILL at a uniformly
# random instant; every archive under a final name must open completely, no file but the
# expected names and `.*.tmp` leftovers may exist, no κ may have stepped on without any
# checkpoint while another κ got three written, and `resume --stamp` must end with every κ's
# history and final fields bit-identical to the reference, check_outputs.py --fields and
# `verify` clean — or, when some κ had no checkpoint yet, refuse with exit 2 and one stderr
# line, counted apart as an expected outcome); `killpoints` (strace delivers SIGKILL exactly at
# the entry of the k-th rename, i.e. between two archive commits; same checks); `signals`
# (SIGINT, SIGTERM, SIGHUP, and SIGTERM with a queued κ: exit 130, κs `interrupted` with
# checkpoints, tier 3 present, check_outputs.py passes, then resume bit for bit); `diskfull`
# (a tmpfs in `unshare -rm` sized to fill mid-sweep, or — where that is not permitted or with
# --diskfull strace — strace ENOSPC injection into write: clear ❌ lines, no temporaries,
# complete archives, no archive once created lost, exit ≠ 0 when an archive's last write
# failed, tier-1 log file complete or its loss reported); `eio` (strace injects EIO into fsync
# and rename, once and persistently: same checks); `badinput` (≥ 40 bad command lines, bad
# themes and corrupt checkpoints: exit 2 — or 1 where SPEC says a check failed — exactly one
# stderr line, no hang within 30 s, no signal, nothing touched: listings, mtimes and sha256
# before = after); `recover` (rebuild from a killed sweep's log file and from its stdout on
# stdin; verify passes a clean directory and catches a flipped byte, a deleted and a truncated
# archive). It prints a table `case | expected | got | verdict`, then the totals, ending with
# exactly `N passed, M failed`; exit status 1 if anything failed. Cases that cannot run here
# (no strace, no unshare, a subcommand missing from the build) are listed as NOT RUN with the
# reason and are not counted as passed. Kill instants come from a seeded RNG (--seed S, printed
# first and last) so a failure reproduces; --local runs 50 kills instead of 20; --keep keeps
# the work directory. The reference checker is $SERIES12_SHARED/tools/check_outputs.py or
# <repo>/../shared/tools/check_outputs.py. Needs Python 3.8+ and numpy; strace and util-linux
# `unshare` for some groups. A default run takes about 1–2 minutes on 2 cores.
#
#   python3 Tests/harness/fault_harness.py                   # everything, 20 kills
#   python3 Tests/harness/fault_harness.py --only kill --kills 5 --seed 42 --bin /tmp/x/series12
"""Fault-injection harness for series12 (see the README comment at the top of this file)."""

import argparse
import hashlib
import io
import json
import os
import random
import re
import shutil
import signal
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
STAMP = "20240101_000000"
SWEEP = "sweep"
EXPECT_AFTER_KILL = "resume exit 0, bit-identical (a κ without checkpoint restarted from t = 0, said) | nothing saved: exit 2, 1 line"
GROUPS = ["kill", "killpoints", "signals", "diskfull", "eio", "badinput", "recover"]
TIMEOUT_BAD = 30          # seconds a bad-input run may take before it counts as a hang
TIMEOUT_RUN = 300         # seconds any sweep/resume may take
FAIL_MARK = ("❌", "[FAIL]")
OK_MARK = ("📦", "[tar]")
CREATED_RE = re.compile(r"^\s*(?:📦|\[tar\])\s+(\S+)\s+created\b")
FAILED_RE = re.compile(r"^\s*(?:❌|\[FAIL\])\s+(\S+)\s+NOT CREATED!\s*\((.+)\)\s*$")


# ----------------------------------------------------------------------------- reporting

class Report:
    def __init__(self):
        self.rows = []   # (case, expected, got, verdict)

    def add(self, case, expected, got, ok, verdict=None):
        v = verdict or ("PASS" if ok else "FAIL")
        self.rows.append((case, expected, got, v))
        print(f"  [{v}] {case}: {got}", flush=True)
        return ok

    def not_run(self, case, expected, reason):
        self.add(case, expected, reason, False, verdict="NOT RUN")

    def table(self):
        head = ("case", "expected", "got", "verdict")
        clip = lambda s, n: s if len(s) <= n else s[: n - 1] + "…"
        rows = [head] + [(clip(a, 44), clip(b, 58), clip(c, 110), d) for a, b, c, d in self.rows]
        w = [max(len(r[i]) for r in rows) for i in range(4)]
        out = []
        for i, r in enumerate(rows):
            out.append(" | ".join(r[j].ljust(w[j]) for j in range(4)).rstrip())
            if i == 0:
                out.append("-+-".join("-" * w[j] for j in range(4)))
        return "\n".join(out)

    def counts(self):
        p = sum(1 for r in self.rows if r[3] == "PASS")
        f = sum(1 for r in self.rows if r[3] == "FAIL")
        n = sum(1 for r in self.rows if r[3] == "NOT RUN")
        return p, f, n


# ----------------------------------------------------------------------------- helpers

def child_env():
    env = dict(os.environ)
    env["LC_ALL"] = "C.UTF-8"
    env["LANG"] = "C.UTF-8"
    env.pop("NO_COLOR", None)
    return env


class Result:
    def __init__(self, rc, out, err, secs, timed_out):
        self.rc, self.out, self.err, self.secs, self.timed_out = rc, out, err, secs, timed_out

    @property
    def err_lines(self):
        return [l for l in self.err.splitlines() if l.strip()]

    def describe(self):
        if self.timed_out:
            return f"hung (killed after {self.secs:.0f} s)"
        if self.rc < 0:
            return f"died of signal {signal.Signals(-self.rc).name}"
        return f"exit {self.rc}"


def run(argv, timeout=TIMEOUT_RUN, cwd=None, stdin_bytes=None, extra_env=None):
    """Runs argv in its own process group; a timeout kills that group."""
    t0 = time.monotonic()
    env = child_env()
    env.update(extra_env or {})
    p = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         stdin=subprocess.PIPE if stdin_bytes is not None else subprocess.DEVNULL,
                         start_new_session=True)
    try:
        out, err = p.communicate(stdin_bytes, timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        timed_out = True
    return Result(p.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                  time.monotonic() - t0, timed_out)


def sweep_args(cfg, out, stamp=STAMP):
    return ["sweep", "--headless", "--kappas", ",".join(cfg["kappas"]), "--N", str(cfg["N"]),
            "--steps", str(cfg["steps"]), "--every", str(cfg["every"]),
            "--checkpoint-every", str(cfg["ckpt"]), "--jobs", str(cfg["jobs"]), "--out", str(out),
            "--stamp", stamp]


def ktag(k):
    return f"{float(k):.4f}".replace(".", "_")


def expected_names(cfg, stamp=STAMP):
    names = {f"{SWEEP}_summary_{stamp}.tar", f"{SWEEP}_log_{stamp}.txt"}
    for k in cfg["kappas"]:
        for kind in ("data", "history", "summary", "fields"):
            names.add(f"kappa_{ktag(k)}_{kind}_{stamp}.tar")
    return names


def is_temp(name):
    return name.startswith(".") and name.endswith(".tmp")


def stray_files(d, cfg):
    """Names in d that are neither an expected final name nor a `.*.tmp` temporary."""
    allowed = expected_names(cfg)
    return sorted(n for n in os.listdir(d) if n not in allowed and not is_temp(n))


def temps(d):
    return sorted(n for n in os.listdir(d) if n.startswith(".") or n.endswith((".tmp", ".partial")))


def read_tar_fully(path):
    """Opens a tar with tarfile and reads every member to its full size; npz members are loaded
    with numpy (every array materialised) and json members parsed. Returns (members, problem)."""
    try:
        members = {}
        with tarfile.open(path, "r:") as tar:
            infos = tar.getmembers()
            if not infos:
                return None, "no members"
            for m in infos:
                if not m.isfile() or "/" in m.name:
                    return None, f"member {m.name!r} is not a flat regular file"
                f = tar.extractfile(m)
                blob = f.read()
                if len(blob) != m.size:
                    return None, f"member {m.name} short: {len(blob)} of {m.size} bytes"
                members[m.name] = blob
        for name, blob in members.items():
            if name.endswith(".npz"):
                with np.load(io.BytesIO(blob), allow_pickle=False) as z:
                    for k in z.files:
                        _ = z[k].tobytes()
            elif name.endswith(".json"):
                json.loads(blob)
        return members, None
    except Exception as e:  # tarfile, zipfile, numpy and json all raise their own types
        return None, f"{type(e).__name__}: {e}"


def check_all_tars(d):
    """Problems of every *.tar under a final name in d (empty list when all are complete)."""
    problems = []
    for n in sorted(os.listdir(d)):
        if n.endswith(".tar") and not n.startswith("."):
            _, why = read_tar_fully(os.path.join(d, n))
            if why:
                problems.append(f"{n}: {why}")
    return problems


def npz_from_tar(path, member):
    members, why = read_tar_fully(path)
    if why:
        raise ValueError(f"{os.path.basename(path)}: {why}")
    with np.load(io.BytesIO(members[member]), allow_pickle=False) as z:
        return {k: z[k].copy() for k in z.files}


def json_from_tar(path, member="data.json"):
    members, why = read_tar_fully(path)
    if why:
        raise ValueError(f"{os.path.basename(path)}: {why}")
    return json.loads(members[member])


def bits_equal(a, b):
    a, b = np.asarray(a), np.asarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


def snapshot_tree(*dirs):
    """{path: (size, mtime_ns, sha256)} of every entry under dirs, plus directory mtimes."""
    snap = {}
    for d in dirs:
        if not os.path.isdir(d):
            snap[str(d)] = "absent"
            continue
        for root, subdirs, files in os.walk(d):
            st = os.lstat(root)
            snap[root] = ("dir", st.st_mtime_ns)
            for n in files:
                p = os.path.join(root, n)
                st = os.lstat(p)
                h = hashlib.sha256(open(p, "rb").read()).hexdigest() if os.path.isfile(p) else "-"
                snap[p] = (st.st_size, st.st_mtime_ns, h)
    return snap


def diff_snap(a, b):
    changed = sorted(set(a) ^ set(b)) + sorted(k for k in set(a) & set(b) if a[k] != b[k])
    return [os.path.basename(c.rstrip("/")) or c for c in changed]


def outcome_lines(text):
    """(created names in order, [(name, reason)] failures, last outcome per name)."""
    created, failed, last = [], [], {}
    for line in text.splitlines():
        m = CREATED_RE.match(line)
        if m:
            created.append(m.group(1))
            last[m.group(1)] = "ok"
            continue
        m = FAILED_RE.match(line)
        if m:
            failed.append((m.group(1), m.group(2)))
            last[m.group(1)] = "failed"
    return created, failed, last


def any_fail_mark(text):
    return [l for l in text.splitlines() if any(m in l for m in FAIL_MARK)]


# ----------------------------------------------------------------------------- harness

class Harness:
    def __init__(self, args):
        self.args = args
        self.bin = str(Path(args.bin).resolve()) if args.bin else str(REPO / ".build/release/series12")
        shared = os.environ.get("SERIES12_SHARED")
        self.checker = str(Path(shared) / "tools/check_outputs.py") if shared else str(REPO.parent / "shared/tools/check_outputs.py")
        self.work = Path(tempfile.mkdtemp(prefix="series12-harness-"))
        self.report = Report()
        self.rng = random.Random(args.seed)
        self.cfg = {"kappas": ["0.1", "2"], "N": 48, "steps": 20000, "every": 200, "ckpt": 2, "jobs": 2}
        self.ref = None          # {tag: {"history": {...}, "fields": {...}}}
        self.ref_secs = None
        self.kill_outcomes = {"bit-identical": 0, "restarted-from-zero": 0, "finished-before-kill": 0,
                              "refused-nothing-saved": 0}
        self.strace = shutil.which("strace")
        self.unshare = shutil.which("unshare")
        self._missing = {}

    def S(self, *a):
        return [self.bin, *a]

    def check_outputs(self, d, fields=True):
        r = run([sys.executable, self.checker, str(d)] + (["--fields"] if fields else []), timeout=120)
        last = (r.out.strip().splitlines() or ["(no output)"])
        fails = [l for l in last if l.startswith("FAIL")]
        return r.rc == 0, (fails[0] if fails else last[-1])

    def dir(self, name):
        d = self.work / name
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
        return d

    # ------------------------------------------------------------------ reference sweep

    def reference(self):
        """Two uninterrupted sweeps of self.cfg (steps adapted so one takes ~1.5 s): the first is
        the bit-for-bit reference, the second must equal it; the faster one sets the kill window."""
        if self.ref is not None:
            return True
        if getattr(self, "_ref_failed", False):
            return False
        target, unit = 1.5, self.cfg["every"] * self.cfg["ckpt"]
        for attempt in range(4):
            d = self.dir("reference")
            r = run(self.S(*sweep_args(self.cfg, d)))
            if r.rc != 0:
                self._ref_failed = True
                self.report.add("reference sweep", "exit 0", f"{r.describe()}: {r.err_lines[:1]}", False)
                return False
            secs = r.secs
            print(f"   reference sweep N={self.cfg['N']} steps={self.cfg['steps']} every={self.cfg['every']} "
                  f"checkpoint-every={self.cfg['ckpt']} jobs={self.cfg['jobs']}: {secs:.2f} s", flush=True)
            if 1.0 <= secs <= 2.5 or attempt == 3:
                break
            steps = int(self.cfg["steps"] * target / max(secs, 0.05))
            self.cfg["steps"] = max(unit, min(2_000_000, steps // unit * unit))
        ok, line = self.check_outputs(d)
        if not self.report.add("reference sweep", "exit 0, check_outputs --fields ok",
                               f"exit 0 in {secs:.2f} s (steps={self.cfg['steps']}); {line}", ok):
            self._ref_failed = True
            return False
        self.ref = self.load_results(d)
        d2 = self.dir("reference2")
        r2 = run(self.S(*sweep_args(self.cfg, d2)))
        diffs = self.compare_to_reference(d2) if r2.rc == 0 else [f"second sweep {r2.describe()}"]
        self.report.add("reference sweep repeated", "bit-identical to the first",
                        "; ".join(diffs) or f"bit-identical ({r2.secs:.2f} s)", not diffs)
        self.ref_secs = min(secs, r2.secs)
        print(f"   kill window: uniform over [0, {self.ref_secs:.2f}] s", flush=True)
        return True

    def load_results(self, d):
        res = {}
        for k in self.cfg["kappas"]:
            t = ktag(k)
            entry = {}
            for kind, member in (("history", "history.npz"), ("fields", "fields.npz")):
                p = d / f"kappa_{t}_{kind}_{STAMP}.tar"
                entry[kind] = npz_from_tar(str(p), member) if p.exists() else None
            p = d / f"kappa_{t}_data_{STAMP}.tar"
            entry["data"] = json_from_tar(str(p)) if p.exists() else None
            res[t] = entry
        return res

    def compare_to_reference(self, d):
        """Problems of d's final archives against the reference run (empty = bit-identical)."""
        problems = []
        for k in self.cfg["kappas"]:
            t = ktag(k)
            try:
                got = self.load_results(d)[t]
            except Exception as e:
                problems.append(f"κ {t}: {e}")
                continue
            ref = self.ref[t]
            if got["history"] is None:
                problems.append(f"κ {t}: history archive missing")
                continue
            lacks = [key for key in ref["history"] if key not in got["history"]]
            differ = [key for key in ref["history"] if key in got["history"]
                      and not bits_equal(ref["history"][key], got["history"][key])]
            if lacks:
                problems.append(f"κ {t}: history lacks {lacks}")
            if differ:
                n, nref = len(got["history"].get("steps", [])), len(ref["history"]["steps"])
                problems.append(f"κ {t}: history {differ} not bit-identical ({n} samples, reference {nref})")
            if got["fields"] is None:
                problems.append(f"κ {t}: fields archive missing")
            else:
                for key in ref["fields"]:
                    if key not in got["fields"] or not bits_equal(ref["fields"][key], got["fields"][key]):
                        problems.append(f"κ {t}: final fields {key} differ")
                        break
            if got["data"] is None or got["data"].get("status") != "done":
                problems.append(f"κ {t}: data.json status {None if got['data'] is None else got['data'].get('status')!r}, want 'done'")
        return problems

    def fields_steps(self, d):
        out = {}
        for k in self.cfg["kappas"]:
            p = d / f"kappa_{ktag(k)}_fields_{STAMP}.tar"
            try:
                out[ktag(k)] = int(npz_from_tar(str(p), "fields.npz")["step"]) if p.exists() else None
            except Exception:
                out[ktag(k)] = "corrupt"
        return out

    def kappas_without_checkpoint(self, d):
        """κ tags that cannot be resumed from a checkpoint: no finished data.json and no fields."""
        missing = []
        for k in self.cfg["kappas"]:
            t = ktag(k)
            data = d / f"kappa_{t}_data_{STAMP}.tar"
            fields = d / f"kappa_{t}_fields_{STAMP}.tar"
            status = None
            if data.exists():
                try:
                    status = json_from_tar(str(data)).get("status")
                except Exception:
                    status = "corrupt"
            if status in ("done", "unstable", "failed"):
                continue
            if not fields.exists():
                missing.append(t)
        return missing

    # ------------------------------------------------------------------ after a crash: resume

    def checkpoint_lag(self, d):
        """({κ tag: steps between the last sample the log printed and the κ's fields checkpoint
        (None: no checkpoint at all)}, {κ tag: last printed sample step})."""
        logf = d / f"{SWEEP}_log_{STAMP}.txt"
        text = logf.read_text(errors="replace") if logf.exists() else ""
        steps = self.fields_steps(d)
        lag, last = {}, {}
        for k in self.cfg["kappas"]:
            t = ktag(k)
            printed = [int(m) for m in re.findall(rf"^Step (\d+) \|.*kappa={float(k):.4f}\s*$", text, re.M)]
            if not printed:
                continue
            last[t] = max(printed)
            lag[t] = None if not isinstance(steps.get(t), int) else last[t] - steps[t]
        return lag, last

    def after_crash(self, case, d, finished):
        """Archive integrity after a kill, then resume and compare with the reference."""
        problems = []
        interval = self.cfg["every"] * self.cfg["ckpt"]
        lag, printed = self.checkpoint_lag(d)
        ckpt = self.fields_steps(d)
        # Starvation: the retention desk serves κs first come, first served, so once a κ has
        # printed the sample of its first checkpoint, another κ may finish at most the fields
        # archive it is writing then, plus one more, before this κ's first fields archive.
        # (Counting written archives, not checkpoint steps: a slow disk coalesces checkpoints,
        # so one κ's first fields archive may already hold a late step.)
        logf = d / f"{SWEEP}_log_{STAMP}.txt"
        lines = logf.read_text(errors="replace").splitlines() if logf.exists() else []
        for t, l in lag.items():
            if l is not None:
                continue
            k = next(k for k in self.cfg["kappas"] if ktag(k) == t)
            first = next((i for i, line in enumerate(lines)
                          if re.match(rf"^Step {interval} \|.*kappa={float(k):.4f}\s*$", line)), None)
            if first is None:
                continue
            for other in self.cfg["kappas"]:
                o = ktag(other)
                if o == t:
                    continue
                later = sum(1 for line in lines[first + 1:] if f"kappa_{o}_fields_{STAMP}.tar created" in line)
                if later > 2:
                    problems.append(f"κ {t} printed its first checkpoint sample, then κ {o} had {later} fields "
                                    f"archives written while κ {t} got none (starved)")
        lag_note = "lag " + ",".join(f"{t}:{l}" for t, l in lag.items())
        stray = stray_files(d, self.cfg)
        if stray:
            problems.append(f"unexpected files {stray}")
        problems += check_all_tars(d)
        no_ckpt = self.kappas_without_checkpoint(d)
        before = {n: hashlib.sha256(open(d / n, "rb").read()).hexdigest()
                  for n in os.listdir(d) if not n.startswith(".")}
        r = run(self.S("resume", "--stamp", STAMP, "--out", str(d), "--headless"))
        if r.timed_out or r.rc < 0:
            problems.append(f"resume {r.describe()}")
        elif r.rc == 2 and not any(n.startswith("kappa_") and ("_data_" in n or "_fields_" in n) for n in before):
            # Killed before any κ's data or fields archive existed: nothing says how the sweep was
            # set up (c, CFL) beyond a history; resume says so in one line and touches nothing.
            after = {n: hashlib.sha256(open(d / n, "rb").read()).hexdigest()
                     for n in os.listdir(d) if not n.startswith(".")}
            if len(r.err_lines) != 1:
                problems.append(f"resume refused with {len(r.err_lines)} stderr lines, want 1: {r.err_lines}")
            if after != before:
                problems.append("the refused resume changed files")
            if not problems:
                self.kill_outcomes["refused-nothing-saved"] += 1
                return self.report.add(case, EXPECT_AFTER_KILL,
                                       f"no data or fields archive yet; resume exit 2: {r.err_lines[0][:70]}", True, verdict="PASS")
        elif r.rc != 0:
            problems.append(f"resume exit {r.rc}: {r.err_lines[:1]}")
        else:
            left = temps(d)
            if left:
                problems.append(f"temporaries remain after resume: {left}")
            stray = stray_files(d, self.cfg)
            if stray:
                problems.append(f"unexpected files after resume {stray}")
            for t in no_ckpt:
                k = next(k for k in self.cfg["kappas"] if ktag(k) == t)
                if not any(f"kappa={float(k):.4f} restarts from t = 0" in line for line in r.err_lines):
                    problems.append(f"κ {t} had no checkpoint but resume did not say it restarts from t = 0: {r.err_lines[:2]}")
            diffs = self.compare_to_reference(d)
            if diffs:
                resumed = re.findall(r"^Resume \S+ \| kappa=(\S+) \| from step (\d+)", r.out, re.M)
                problems += diffs + [f"(resume exit 0 continued only {resumed})"]
            ok, line = self.check_outputs(d)
            if not ok:
                problems.append(f"check_outputs --fields: {line}")
            problems += self.verify_clean(d)
        if problems:
            return self.report.add(case, EXPECT_AFTER_KILL, "; ".join(problems) + f" [{lag_note}]", False)
        key = "finished-before-kill" if finished else "restarted-from-zero" if no_ckpt else "bit-identical"
        self.kill_outcomes[key] += 1
        how = (f"κ {no_ckpt} had no checkpoint and restarted from t = 0 (said on stderr); " if no_ckpt else "")
        return self.report.add(case, EXPECT_AFTER_KILL,
                               ("sweep had finished; " if finished else "") + how
                               + f"resume exit 0, bit-identical, checker ok [{lag_note}]", True)

    # ------------------------------------------------------------------ group: kill

    def group_kill(self):
        print(f"\n== kill: {self.args.kills} SIGKILLs at random instants (seed {self.args.seed})", flush=True)
        if not self.reference():
            return
        for i in range(self.args.kills):
            delay = self.rng.uniform(0, self.ref_secs)
            d = self.dir(f"kill{i:02d}")
            p = subprocess.Popen(self.S(*sweep_args(self.cfg, d)), env=child_env(), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, start_new_session=True)
            time.sleep(delay)
            finished = p.poll() is not None
            if not finished:
                os.kill(p.pid, signal.SIGKILL)
            rc = p.wait()
            finished = finished or rc == 0
            self.after_crash(f"kill#{i:02d} at {delay:.3f}s", d, finished)
            if finished and delay < self.ref_secs:  # this machine just ran a whole sweep faster
                self.ref_secs = max(0.2, delay)
                print(f"   kill window now [0, {self.ref_secs:.2f}] s", flush=True)

    # ------------------------------------------------------------------ group: killpoints

    def group_killpoints(self):
        print("\n== killpoints: SIGKILL by strace at the entry of the k-th rename", flush=True)
        if not self.strace:
            self.report.not_run("killpoints", "kill between archive commits", "strace not installed")
            return
        if not self.reference():
            return
        sc = self.rename_syscall()
        ks = list(range(1, 9)) + sorted(self.rng.sample(range(9, 60), 3))
        for k in ks:
            d = self.dir(f"killpoint{k:02d}")
            r = run([self.strace, "-f", "-qq", "-o", "/dev/null", "-e", f"trace={sc}",
                     "-e", f"inject={sc}:signal=KILL:when={k}"] + self.S(*sweep_args(self.cfg, d)))
            finished = r.rc == 0
            nxt = [n for n in os.listdir(d) if is_temp(n)]
            self.after_crash(f"killpoint {sc}#{k} (before {nxt[0][1:].split('.tar')[0] if nxt else '-'})", d, finished)
        self.final_window(sc)

    def final_window(self, sc):
        """One κ checkpointed only at step 0 and at the end: renames 1–4 are the step-0
        checkpoint (data, history, summary, fields), 5–8 the final one, 9 tier 3. A kill before
        each of 5…9 must still let resume end with the uninterrupted run's archives."""
        small = {"kappas": ["0.1"], "N": 32, "steps": 400, "every": 200, "ckpt": 1000, "jobs": 1}
        saved = (self.cfg, self.ref)
        try:
            self.cfg = small
            d = self.dir("final-window-reference")
            r = run(self.S(*sweep_args(small, d)))
            if r.rc != 0:
                self.report.add("final-window reference", "exit 0", r.describe(), False)
                return
            self.ref = self.load_results(d)
            for k in range(5, 10):
                d = self.dir(f"final-window{k}")
                r = run([self.strace, "-f", "-qq", "-o", "/dev/null", "-e", f"trace={sc}",
                         "-e", f"inject={sc}:signal=KILL:when={k}"] + self.S(*sweep_args(small, d)))
                nxt = [n for n in os.listdir(d) if is_temp(n)]
                self.after_crash(f"final checkpoint: kill at {sc}#{k} (before "
                                 f"{nxt[0][1:].split('_2024')[0] if nxt else 'tier 3'})", d, r.rc == 0)
        finally:
            self.cfg, self.ref = saved

    def rename_syscall(self):
        if getattr(self, "_rename_sc", None):
            return self._rename_sc
        d = self.dir("which-rename")
        cfg = dict(self.cfg, steps=self.cfg["every"] * 2)
        log = self.work / "which-rename.strace"
        run([self.strace, "-f", "-qq", "-o", str(log), "-e", "trace=rename,renameat,renameat2"] + self.S(*sweep_args(cfg, d)))
        text = log.read_text() if log.exists() else ""
        counts = {s: len(re.findall(rf"\b{s}\(", text)) for s in ("rename", "renameat", "renameat2")}
        self._rename_sc = max(counts, key=counts.get) if any(counts.values()) else "rename"
        print(f"   the binary renames with {self._rename_sc} ({counts})", flush=True)
        return self._rename_sc

    # ------------------------------------------------------------------ group: signals

    def group_signals(self):
        print("\n== signals: SIGINT, SIGTERM, SIGHUP to a running headless sweep", flush=True)
        if not self.reference():
            return
        for sig, jobs in ((signal.SIGINT, 2), (signal.SIGTERM, 2), (signal.SIGHUP, 2), (signal.SIGTERM, 1)):
            name = f"{sig.name}" + (" (jobs=1, a κ queued)" if jobs == 1 else "")
            cfg = dict(self.cfg, jobs=jobs)
            d = self.dir(f"signal-{sig.name}-{jobs}")
            outp = self.work / f"signal-{sig.name}-{jobs}.out"
            with open(outp, "wb") as fo:
                p = subprocess.Popen(self.S(*sweep_args(cfg, d)), env=child_env(), stdout=fo,
                                     stderr=subprocess.PIPE, start_new_session=True)
                t0 = time.monotonic()
                while time.monotonic() - t0 < 20 and p.poll() is None:   # wait for the solver to step
                    if re.search(rb"^Step [1-9]", outp.read_bytes(), re.M):
                        break
                    time.sleep(0.01)
                time.sleep(self.rng.uniform(0.05, 0.35) * self.ref_secs)
                sent = p.poll() is None
                if sent:
                    os.kill(p.pid, sig)
                try:
                    _, err = p.communicate(timeout=60)
                    hung = False
                except subprocess.TimeoutExpired:
                    os.killpg(p.pid, signal.SIGKILL)
                    _, err = p.communicate()
                    hung = True
            rc = p.returncode
            problems = []
            if not sent:
                problems.append("the sweep ended before the signal could be sent (harness timing)")
            if hung:
                problems.append("did not exit within 60 s of the signal")
            elif rc != 130:
                problems.append(f"exit {rc if rc >= 0 else signal.Signals(-rc).name}, want 130")
            statuses = {}
            for k in cfg["kappas"]:
                t = ktag(k)
                try:
                    statuses[t] = json_from_tar(str(d / f"kappa_{t}_data_{STAMP}.tar")).get("status")
                except Exception as e:
                    statuses[t] = f"unreadable ({e})"
                if statuses[t] not in ("interrupted", "done"):
                    problems.append(f"κ {t} status {statuses[t]!r}")
                if statuses[t] == "interrupted" and not (d / f"kappa_{t}_fields_{STAMP}.tar").exists():
                    problems.append(f"κ {t} interrupted without a fields checkpoint")
            if not (d / f"{SWEEP}_summary_{STAMP}.tar").exists():
                problems.append("no tier-3 summary")
            if temps(d):
                problems.append(f"temporaries left: {temps(d)}")
            problems += check_all_tars(d)
            ok, line = self.check_outputs(d)
            if not ok:
                problems.append(f"check_outputs --fields: {line}")
            self.report.add(f"{name}: orderly stop", "exit 130, interrupted+ckpt, tier 3, checker ok",
                            "; ".join(problems) or f"exit 130, statuses {statuses}, tier 3 present, checker ok",
                            not problems)
            # resume
            r = run(self.S("resume", "--stamp", STAMP, "--out", str(d), "--headless"))
            problems = []
            if r.rc != 0:
                problems.append(f"resume {r.describe()}: {r.err_lines[:1]}")
            else:
                problems += self.compare_to_reference(d)
                if temps(d):
                    problems.append(f"temporaries left: {temps(d)}")
                ok, line = self.check_outputs(d)
                if not ok:
                    problems.append(f"check_outputs --fields: {line}")
                problems += self.verify_clean(d)
            self.report.add(f"{name}: resume", "exit 0, bit-identical to reference, verify 0",
                            "; ".join(problems) or "exit 0, histories+fields bit-identical, checker ok, verify 0", not problems)

    # ------------------------------------------------------------------ group: diskfull

    def group_diskfull(self):
        cfg = {"kappas": ["0.1", "2"], "N": 32, "steps": 20000, "every": 20, "ckpt": 2, "jobs": 2}
        mode = self.args.diskfull
        why = ""
        if mode in ("auto", "tmpfs"):
            if not self.unshare:
                why = "unshare not installed"
            else:
                probe = run([self.unshare, "-rm", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs {self.work}"], timeout=30)
                if probe.rc != 0:
                    why = f"unshare -rm + tmpfs not permitted here ({(probe.err_lines or ['?'])[0][:60]})"
            if not why:
                return self.diskfull_tmpfs(cfg)
            if mode == "tmpfs":
                return self.report.not_run("diskfull", "❌ lines, no tmp, complete archives", why)
        if not self.strace:
            return self.report.not_run("diskfull", "❌ lines, no tmp, complete archives",
                                       (why + "; " if why else "") + "and strace not installed for the fallback")
        print(f"   falling back to strace ENOSPC injection ({why or 'requested'})", flush=True)
        return self.diskfull_strace(cfg)

    def diskfull_tmpfs(self, cfg):
        print("\n== diskfull: a tmpfs that fills mid-sweep (unshare -rm)", flush=True)
        full = self.dir("diskfull-size")
        run(self.S(*sweep_args(cfg, full)))
        total = sum(os.path.getsize(full / n) for n in os.listdir(full))
        size_k = max(64, int(total * 0.55 / 1024) // 4 * 4)
        mnt, copy = self.dir("diskfull-mnt"), self.dir("diskfull-copy")
        script = ('mount -t tmpfs -o size="$1"k tmpfs "$2" || exit 99; shift 2; '
                  '"$@" > "$OUTF" 2> "$ERRF"; echo $? > "$RCF"; ls -la "$MNT" > "$LSF"; cp -a "$MNT"/. "$COPY"/')
        env_files = {k: str(self.work / f"diskfull.{k.lower()}") for k in ("OUTF", "ERRF", "RCF", "LSF")}
        res = run([self.unshare, "-rm", "sh", "-c", script, "sh", str(size_k), str(mnt)]
                  + self.S(*sweep_args(cfg, mnt)), timeout=TIMEOUT_RUN,
                  extra_env=dict(env_files, MNT=str(mnt), COPY=str(copy)))
        if res.rc == 99 or not os.path.exists(env_files["RCF"]):
            self.report.not_run("diskfull", "❌ lines…", f"tmpfs mount failed: {res.err_lines[:1]}")
            return
        rc = int(Path(env_files["RCF"]).read_text().strip() or -1)
        out = Path(env_files["OUTF"]).read_text(errors="replace")
        err = Path(env_files["ERRF"]).read_text(errors="replace")
        listing = Path(env_files["LSF"]).read_text()
        left = [l.split()[-1] for l in listing.splitlines() if l.split() and is_temp(l.split()[-1])]
        print(f"   tmpfs {size_k} KiB (an uninterrupted sweep writes {total // 1024} KiB)", flush=True)
        self.diskfull_checks(f"diskfull tmpfs {size_k}k", cfg, rc, out, err, copy, left, check_log=True)

    def diskfull_strace(self, cfg):
        print("\n== diskfull: strace makes every write fail with ENOSPC from the 40th on (per thread)", flush=True)
        d = self.dir("diskfull-strace")
        log = self.work / "diskfull.strace"
        r = run([self.strace, "-f", "-qq", "-s", "400", "-o", str(log), "-e", "trace=write",
                 "-e", "inject=write:error=ENOSPC:when=40+"] + self.S(*sweep_args(cfg, d)))
        # stdout writes fail too: read the lines the program tried to print from strace's log
        text = log.read_text(errors="replace") if log.exists() else ""
        printed = []
        for m in re.finditer(r'write\(1, "((?:[^"\\]|\\.)*)"', text):
            raw = m.group(1).encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1", "replace")
            printed.append(raw.decode("utf-8", "replace"))
        out = "".join(printed)
        left = temps(d)
        self.diskfull_checks("diskfull strace ENOSPC", cfg, r.rc if not r.timed_out else 999, out, r.err, d, left,
                             check_log=False)

    def diskfull_checks(self, case, cfg, rc, out, err, final_dir, left, check_log):
        created, failed, last = outcome_lines(out)
        marks = any_fail_mark(out + err)
        print(f"   exit {rc}; {len(created)} created, {len(failed)} NOT CREATED lines", flush=True)
        enospc = [f for f in failed if "No space left on device" in f[1]]
        unclear = [l for l in marks if not FAILED_RE.match(l)]
        self.report.add(f"{case}: ❌ lines", "❌ NAME NOT CREATED! (No space left on device…)",
                        f"{len(failed)} ❌ lines, {len(enospc)} name ENOSPC" + (f"; unclear: {unclear[:1]}" if unclear else "")
                        + (f"; e.g. {failed[0][0]} ({failed[0][1][:60]})" if failed else ""),
                        bool(enospc) and not unclear)
        self.report.add(f"{case}: no temporaries", "no .*.tmp left in the full directory",
                        f"left: {left}" if left else "none left", not left)
        probs = check_all_tars(final_dir)
        self.report.add(f"{case}: archives complete", "every final-name .tar reads fully",
                        "; ".join(probs) or f"{sum(n.endswith('.tar') for n in os.listdir(final_dir))} archives read fully",
                        not probs)
        lost = sorted({n for n in created if not (final_dir / n).exists()})
        self.report.add(f"{case}: earlier archives kept", "every name once 📦 created still exists",
                        f"lost: {lost}" if lost else "all still present", not lost)
        final_failed = sorted(n for n, s in last.items() if s == "failed")
        crashed = rc > 128 and rc != 130
        self.report.add(f"{case}: exit status", "≠ 0 when an archive's last write failed; no crash",
                        f"exit {rc}; archives whose last write failed: {final_failed or 'none'}",
                        not crashed and (rc != 0 or not final_failed))
        if not check_log:
            return
        logf = final_dir / f"{SWEEP}_log_{STAMP}.txt"
        printed = [l for l in out.splitlines() if l.strip()]
        logged = logf.read_text(errors="replace").splitlines() if logf.exists() else []
        mentions = [l for l in out.splitlines() + err.splitlines() if "log" in l.lower() and
                    ("No space" in l or "❌" in l or "[FAIL]" in l or "cannot" in l.lower())]
        complete = len(logged) >= len(printed) - 12  # the download-order lines come after the last append
        self.report.add(f"{case}: tier-1 log file", "complete, or its loss reported in a line",
                        f"log file has {len(logged)} of {len(printed)} printed lines; "
                        + (f"reported: {mentions[0][:60]}" if mentions else "loss not reported"),
                        complete or bool(mentions))

    # ------------------------------------------------------------------ group: eio

    def group_eio(self):
        print("\n== eio: strace injects EIO into fsync and rename", flush=True)
        if not self.strace:
            self.report.not_run("eio", "❌ lines naming the failure", "strace not installed")
            return
        sc = self.rename_syscall()
        cfg = {"kappas": ["0.1", "2"], "N": 32, "steps": 4000, "every": 100, "ckpt": 1, "jobs": 2}
        cases = [
            ("fsync of a temporary fails once", "fsync", "5", "fsync failed"),
            ("fsync of the directory fails once", "fsync", "6", "fsync of directory"),
            ("rename fails once", sc, "3", "rename"),
            ("every fsync fails from the 5th on (the disk dies)", "fsync", "5+", "fsync failed"),
            ("rename fails from the 3rd archive on", sc, "3+", "rename"),
            ("directory fsync fails from the 2nd archive on", "fsync", "4+2", "fsync of directory"),
        ]
        for title, syscall, when, word in cases:
            d = self.dir(f"eio-{syscall}-{when.replace('+', 'p')}")
            log = self.work / f"eio-{syscall}-{when.replace('+', 'p')}.strace"
            r = run([self.strace, "-f", "-qq", "-o", str(log), "-e", f"trace={syscall}",
                     "-e", f"inject={syscall}:error=EIO:when={when}"] + self.S(*sweep_args(cfg, d)))
            injected = log.read_text().count("(INJECTED)") if log.exists() else 0
            created, failed, last = outcome_lines(r.out)
            marks = any_fail_mark(r.out + r.err)
            problems = []
            named = [f for f in failed if "Input/output error" in f[1] and word in f[1]]
            if not named:
                problems.append(f"no ❌ line naming '{word}…Input/output error' ({len(failed)} ❌ lines; {injected} injected)")
            unclear = [l for l in marks if not FAILED_RE.match(l)]
            if unclear:
                problems.append(f"unclear failure line {unclear[0][:80]!r}")
            if temps(d):
                problems.append(f"temporaries left: {temps(d)}")
            stray = stray_files(d, cfg)
            if stray:
                problems.append(f"unexpected files {stray}")
            problems += check_all_tars(d)
            lost = sorted({n for n in created if not (d / n).exists()})
            if lost:
                problems.append(f"archives once created are gone: {lost}")
            if r.timed_out or (r.rc < 0) or (r.rc > 128 and r.rc != 130):
                problems.append(f"sweep {r.describe()}")
            final_failed = sorted(n for n, s in last.items() if s == "failed")
            if final_failed and r.rc == 0:
                problems.append(f"exit 0 although the last write of {final_failed} failed")
            self.report.add(f"EIO {syscall} when={when}: {title}",
                            "❌ line naming it, no tmp, earlier archives kept, ≠0 if last write failed",
                            "; ".join(problems) or f"exit {r.rc}; {len(named)} ❌ lines e.g. {named[0][0]} ({named[0][1][:50]}); "
                            f"{injected} injected", not problems)

    # ------------------------------------------------------------------ group: badinput

    def interrupted_sweep(self):
        """A directory with an interrupted sweep (every κ has a fields checkpoint) to corrupt."""
        if getattr(self, "_interrupted", None):
            return self._interrupted
        cfg = {"kappas": ["0.1", "2"], "N": 16, "steps": 2_000_000, "every": 100, "ckpt": 1, "jobs": 2}
        d = self.dir("bad-base")
        outp = self.work / "bad-base.out"
        with open(outp, "wb") as fo:
            p = subprocess.Popen(self.S(*sweep_args(cfg, d)), env=child_env(), stdout=fo, stderr=subprocess.DEVNULL,
                                 start_new_session=True)
            t0 = time.monotonic()
            while time.monotonic() - t0 < 20 and not re.search(rb"^Step [1-9]\d{3}", outp.read_bytes(), re.M):
                time.sleep(0.02)
            time.sleep(0.2)
            os.kill(p.pid, signal.SIGINT)
            p.wait(timeout=60)
        self._interrupted = (d, cfg)
        return self._interrupted

    def subcommand_missing(self, name):
        if name not in self._missing:
            r = run(self.S(name, "--help"), timeout=TIMEOUT_BAD)
            self._missing[name] = "unknown command" in r.err
        return self._missing[name]

    def verify_clean(self, d):
        """[] when `series12 verify DIR --stamp S` exits 0 (or verify is not in this build)."""
        if self.subcommand_missing("verify"):
            return []
        r = run(self.S("verify", str(d), "--stamp", STAMP), timeout=60)
        if r.rc == 0:
            return []
        probs = [l for l in r.out.splitlines() if l.startswith("problem")]
        return [f"verify {r.describe()}: {(probs or r.err_lines or ['?'])[0][:100]}"]

    # ------------------------------------------------------------------ group: recover

    def group_recover(self):
        print("\n== recover/verify: rebuild from a killed sweep's tier-1 text; verify catches tampering", flush=True)
        if self.subcommand_missing("recover"):
            self.report.not_run("recover from a killed sweep's log", "exit 0, checker --recovered ok",
                                "`series12 recover` is not in this build (unknown command)")
        elif self.reference():
            d = self.dir("recover-killed")
            outp = self.work / "recover-killed.out"
            with open(outp, "wb") as fo:
                p = subprocess.Popen(self.S(*sweep_args(self.cfg, d)), env=child_env(), stdout=fo,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
                time.sleep(self.rng.uniform(0.3, 0.6) * self.ref_secs)
                os.kill(p.pid, signal.SIGKILL)
                p.wait()
            sources = [("log file", ["recover", str(d / f"{SWEEP}_log_{STAMP}.txt")], None),
                       ("stdout pasted on stdin", ["recover", "-"], outp.read_bytes())]
            for what, argv, stdin in sources:
                rd = self.dir(f"recovered-{what.split()[0]}")
                r = run(self.S(*argv, "--out", str(rd)), stdin_bytes=stdin, timeout=120)
                problems = []
                if r.rc != 0:
                    problems.append(f"recover {r.describe()}: {r.err_lines[:1]}")
                else:
                    ok, line = self.check_outputs(rd, fields=False)
                    if not ok:
                        problems.append(f"check_outputs: {line}")
                    if run([sys.executable, self.checker, str(rd), "--recovered"], timeout=60).rc != 0:
                        problems.append("check_outputs --recovered fails")
                    for k in self.cfg["kappas"]:
                        t = ktag(k)
                        try:
                            data = json_from_tar(str(rd / f"kappa_{t}_data_{STAMP}.tar"))
                            hist = npz_from_tar(str(rd / f"kappa_{t}_history_{STAMP}.tar"), "history.npz")
                        except Exception as e:
                            problems.append(f"κ {t}: {e}")
                            continue
                        if data.get("recovered") is not True:
                            problems.append(f"κ {t}: data.json lacks \"recovered\": true")
                        ref = self.ref[t]["history"]
                        n = len(hist["steps"])
                        if n == 0 or n > len(ref["steps"]) or not np.array_equal(hist["steps"], ref["steps"][:n]):
                            problems.append(f"κ {t}: recovered steps are not a prefix of the reference's")
                        elif not np.allclose(hist["H"], ref["H"][:n], rtol=1e-8, atol=0):
                            problems.append(f"κ {t}: recovered H differs from the reference beyond %.8e rounding")
                    if (rd / f"kappa_{ktag(self.cfg['kappas'][0])}_fields_{STAMP}.tar").exists():
                        problems.append("a fields archive was 'recovered' from text")
                    if "fields" not in r.out.lower():
                        problems.append("recover does not say that fields cannot be recovered")
                    problems += self.verify_clean(rd)
                self.report.add(f"recover from a killed sweep's {what}", "exit 0, checker ok, H = reference (%.8e), verify 0",
                                "; ".join(problems) or f"exit 0; {sum(1 for n in os.listdir(rd) if n.endswith('.tar'))} archives, "
                                "H matches the reference, no fields, verify 0", not problems)
        if self.subcommand_missing("verify"):
            self.report.not_run("verify catches tampering", "exit 1 naming the file", "`series12 verify` is not in this build")
            return
        if not self.reference():
            return
        t = ktag(self.cfg["kappas"][-1])
        tampers = [
            ("untouched reference", None, 0),
            ("one byte flipped in a history archive", f"kappa_{t}_history_{STAMP}.tar", 1),
            ("a data archive deleted", f"kappa_{t}_data_{STAMP}.tar", 1),
            ("a fields archive truncated", f"kappa_{t}_fields_{STAMP}.tar", 1),
        ]
        for what, victim, want in tampers:
            d = self.work / f"verify-{re.sub(r'[^a-z]+', '-', what)}"
            if d.exists():
                shutil.rmtree(d)
            shutil.copytree(self.work / "reference", d)
            if victim and "deleted" in what:
                (d / victim).unlink()
            elif victim and "truncated" in what:
                blob = (d / victim).read_bytes()
                (d / victim).write_bytes(blob[: len(blob) - 700])
            elif victim:
                blob = bytearray((d / victim).read_bytes())
                blob[flip_offset(bytes(blob), "array", array="H.npy")] ^= 0x01
                (d / victim).write_bytes(bytes(blob))
            before = snapshot_tree(d)
            r = run(self.S("verify", str(d), "--stamp", STAMP), timeout=60)
            problems = []
            if r.rc != want:
                problems.append(f"{r.describe()}, want exit {want}")
            if victim and victim not in r.out + r.err:
                problems.append(f"output does not name {victim}")
            if diff_snap(before, snapshot_tree(d)):
                problems.append("verify changed the directory")
            last = (r.out.strip().splitlines() or ["(no output)"])[-1]
            self.report.add(f"verify: {what}", f"exit {want}" + (" naming the file" if victim else "") + ", nothing touched",
                            "; ".join(problems) + (" — " if problems else "") + f"exit {r.rc}: {last[:80]}", not problems)

    def bad(self, case, argv, expect=(2,), cwd=None, watch=(), stdin_bytes=None, setup=None, wrap=None):
        cwd = Path(cwd) if cwd else self.dir(f"cwd-{len(self.report.rows)}")
        watch = [Path(w) for w in watch] + [cwd]
        before = snapshot_tree(*watch)
        cmd = (wrap or []) + self.S(*argv)
        r = run(cmd, timeout=TIMEOUT_BAD, cwd=str(cwd), stdin_bytes=stdin_bytes)
        after = snapshot_tree(*watch)
        problems = []
        if r.timed_out:
            problems.append(f"hung > {TIMEOUT_BAD} s")
        elif r.rc < 0 or (r.rc > 128):
            problems.append(f"crashed: {r.describe()}")
        elif r.rc not in expect:
            problems.append(f"exit {r.rc}")
        if len(r.err_lines) != 1:
            problems.append(f"{len(r.err_lines)} stderr lines")
        touched = diff_snap(before, after)
        if touched:
            problems.append(f"touched {touched[:4]}")
        shown = " ".join(a if len(a) < 30 else "…" + a[-20:] for a in argv)
        exp = " or ".join(f"exit {e}" for e in expect) + ", 1 stderr line, nothing touched"
        got = (f"exit {r.rc}" if not r.timed_out else "hung") + (f": {r.err_lines[0][:80]}" if r.err_lines else ": (no stderr)")
        if problems:
            got = "; ".join(problems) + " — " + got
        self.report.add(f"bad: {case} [{shown}]"[:200], exp, got, not problems)
        return r

    def group_badinput(self):
        print("\n== badinput: each must exit 2 (1 for a failed check), one stderr line, touch nothing", flush=True)
        out = self.dir("bad-out")
        (out / "keep.txt").write_text("an unrelated file that must stay as it is\n")
        common = ["--headless", "--N", "16", "--steps", "10", "--every", "5"]
        sweep = lambda *a: ["sweep", *common, "--out", str(out), *a]
        cases = [
            ("unknown flag", sweep("--bogus", "1")),
            ("unknown command", ["frobnicate"]),
            ("non-numeric N", sweep("--N", "abc")),
            ("non-numeric kappa", sweep("--kappas", "0.1,zwei")),
            ("kappa nan", sweep("--kappas", "nan")),
            ("kappa inf", sweep("--kappas", "0.1,inf")),
            ("kappa < 0", sweep("--kappas=-0.5")),
            ("duplicate kappa (4 decimals)", sweep("--kappas", "0.1,0.10004")),
            ("N < 8", sweep("--N", "7")),
            ("steps < 1", sweep("--steps", "0")),
            ("every < 1", sweep("--every", "0")),
            ("cfl = 0", sweep("--cfl", "0")),
            ("cfl < 0", sweep("--cfl=-0.5")),
            ("cfl nan", sweep("--cfl", "nan")),
            ("dt inf", sweep("--dt", "inf")),
            ("jobs 0", sweep("--jobs", "0")),
            ("bad name (slash)", sweep("--name", "a/b")),
            ("bad name (space)", sweep("--name", "my sweep")),
            ("option without value", ["sweep", "--headless", "--out", str(out), "--N"]),
            ("grid larger than memory", sweep("--N", "1000000")),
            ("bad stamp for sweep", sweep("--stamp", "2024-01-01")),
            ("out dir does not exist", ["sweep", *common, "--out", str(self.work / "no-such-dir")]),
            ("out is a regular file", ["sweep", *common, "--out", str(out / "keep.txt")]),
            ("theme missing", sweep("--theme", "no-such-theme")),
        ]
        for case, argv in cases:
            self.bad(case, argv, watch=[out])
        # a theme file that is not a theme (themes/ in the working directory is preferred)
        cwd = self.dir("cwd-theme")
        (cwd / "themes").mkdir()
        (cwd / "themes" / "broken.json").write_bytes(b'{"roles": {"header": [1, 2,\x00\xff')
        self.bad("corrupt theme file", sweep("--theme", "broken"), cwd=cwd, watch=[out])
        # non-writable output directory (root ignores mode bits: use a read-only bind mount)
        ro = self.dir("bad-readonly")
        if self.unshare and run([self.unshare, "-rm", "true"], timeout=10).rc == 0:
            wrap = [self.unshare, "-rm", "sh", "-c",
                    'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"', str(ro)]
            self.bad("out dir not writable (ro mount)", ["sweep", *common, "--out", str(ro)], watch=[ro], wrap=wrap)
        else:
            self.report.not_run("bad: out dir not writable", "exit 2", "unshare -rm not available (root bypasses modes)")
        # resume
        base, cfg = self.interrupted_sweep()
        t = ktag(cfg["kappas"][0])
        fields = f"kappa_{t}_fields_{STAMP}.tar"
        self.bad("resume: malformed stamp", ["resume", "--stamp", "2024_01", "--out", str(base), "--headless"], watch=[base])
        self.bad("resume: stamp with no archives", ["resume", "--stamp", "19990101_000000", "--out", str(base), "--headless"], watch=[base])
        self.bad("resume: no --stamp", ["resume", "--out", str(base), "--headless"], watch=[base])
        self.bad("resume: out dir does not exist", ["resume", "--stamp", STAMP, "--out", str(self.work / "nope"), "--headless"], watch=[base])

        def corrupt(case, mutate):
            d = self.work / f"bad-{re.sub(r'[^a-z0-9]+', '-', case.lower())}"
            if d.exists():
                shutil.rmtree(d)
            shutil.copytree(base, d)
            mutate(d)
            self.bad(f"resume: {case}", ["resume", "--stamp", STAMP, "--out", str(d), "--headless"], watch=[d])

        def truncate(d):
            p = d / fields
            blob = p.read_bytes()
            p.write_bytes(blob[: len(blob) // 2])

        def flip(where):
            def f(d):
                p = d / fields
                blob = bytearray(p.read_bytes())
                i = flip_offset(bytes(blob), where)
                blob[i] ^= 0x5A
                p.write_bytes(bytes(blob))
            return f

        def other_n(d):
            p = d / fields
            z = npz_from_tar(str(p), "fields.npz")
            n2 = cfg["N"] * 2
            buf = io.BytesIO()
            np.savez(buf, **{k: (np.full((n2, n2), 1e-3) if v.ndim == 2 else v) for k, v in z.items()})
            write_tar(p, "fields.npz", buf.getvalue())

        def junk_data(d):
            write_tar(d / f"kappa_{t}_data_{STAMP}.tar", "data.json", b'{"kappa": 0.1, "status": "interr')

        corrupt("fields tar truncated to half", truncate)
        corrupt("fields tar: byte flipped in Uxx data (zip CRC)", flip("array"))
        corrupt("fields tar: byte flipped in a zip local header", flip("zipheader"))
        corrupt("fields tar: byte flipped in the tar header", flip("tarheader"))
        corrupt("fields.npz of another N", other_n)
        corrupt("data.json not JSON", junk_data)
        # recover and verify
        junk = os.urandom(4096)
        (self.work / "junk.bin").write_bytes(junk)
        rec_out = self.dir("bad-recover-out")
        if self.subcommand_missing("recover"):
            for c in ("recover: 4 KB of /dev/urandom", "recover -: junk on stdin"):
                self.report.not_run(f"bad: {c}", "exit 1 or 2, 1 line, nothing touched",
                                    "`series12 recover` is not in this build (unknown command)")
        else:
            self.bad("recover: 4 KB of /dev/urandom", ["recover", str(self.work / "junk.bin"), "--out", str(rec_out)],
                     expect=(1, 2), watch=[rec_out])
            self.bad("recover -: junk on stdin", ["recover", "-", "--out", str(rec_out)], expect=(1, 2),
                     watch=[rec_out], stdin_bytes=junk)
            self.bad("recover: file does not exist", ["recover", str(self.work / "nope.txt"), "--out", str(rec_out)],
                     watch=[rec_out])
        empty = self.dir("bad-verify-empty")
        if self.subcommand_missing("verify"):
            for c in ("verify: empty dir", "verify: dir does not exist", "verify: malformed stamp"):
                self.report.not_run(f"bad: {c}", "exit 1 or 2, 1 line, nothing touched",
                                    "`series12 verify` is not in this build (unknown command)")
        else:
            self.bad("verify: empty dir", ["verify", str(empty)], expect=(1, 2), watch=[empty])
            self.bad("verify: dir does not exist", ["verify", str(self.work / "nope")], watch=[empty])
            self.bad("verify: malformed stamp", ["verify", str(base), "--stamp", "xyz"], watch=[base])

    # ------------------------------------------------------------------ main

    def run_all(self, groups):
        print(f"series12 fault harness: bin={self.bin}\n  checker={self.checker}\n  work={self.work}\n"
              f"  seed={self.args.seed} kills={self.args.kills} groups={','.join(groups)}", flush=True)
        if not os.access(self.bin, os.X_OK):
            self.report.add("binary", "an executable series12", f"{self.bin} not found; build with swift build -c release", False)
            return
        if not os.path.isfile(self.checker):
            self.report.add("checker", "check_outputs.py", f"{self.checker} not found (set SERIES12_SHARED)", False)
            return
        for g in groups:
            getattr(self, f"group_{g}")()


def flip_offset(tar_blob, where, array="Uxx.npy"):
    """Offset in a one-member tar holding an npz of: the middle of `array`'s data ("array"),
    the compression-method field of its zip local header ("zipheader"), or the tar header's
    checksum field ("tarheader")."""
    if where == "tarheader":
        return 148
    start = 512  # the first member's data follows its 512-byte ustar header
    size = int(tar_blob[124:136].rstrip(b"\0 ").decode() or "0", 8)
    npz = tar_blob[start:start + size]
    info = zipfile.ZipFile(io.BytesIO(npz)).getinfo(array)
    off = info.header_offset
    if where == "zipheader":
        return start + off + 8
    name_len, extra_len = struct.unpack("<HH", npz[off + 26:off + 30])
    data = off + 30 + name_len + extra_len
    if info.compress_type != zipfile.ZIP_STORED:
        return start + data + info.compress_size // 2
    major = npz[data + 6]
    hlen = struct.unpack("<H" if major == 1 else "<I", npz[data + 8:data + (10 if major == 1 else 12)])[0]
    payload = data + (10 if major == 1 else 12) + hlen
    return start + payload + (info.file_size - (payload - data)) // 2


def write_tar(path, member, blob):
    with tarfile.open(path, "w", format=tarfile.USTAR_FORMAT) as tar:
        info = tarfile.TarInfo(member)
        info.size = len(blob)
        info.mtime = int(time.time())
        tar.addfile(info, io.BytesIO(blob))


def main():
    ap = argparse.ArgumentParser(description="Fault-injection harness for the series12 release binary.")
    ap.add_argument("--kills", type=int, default=None, help="random SIGKILLs (default 20; 50 with --local)")
    ap.add_argument("--local", action="store_true", help="the long local run: 50 kills")
    ap.add_argument("--bin", help="series12 binary (default <repo>/.build/release/series12)")
    ap.add_argument("--seed", type=int, default=None, help="RNG seed for kill instants (printed)")
    ap.add_argument("--only", default=None, help=f"comma-separated groups of {','.join(GROUPS)}")
    ap.add_argument("--keep", action="store_true", help="keep the work directory")
    ap.add_argument("--diskfull", choices=("auto", "tmpfs", "strace"), default="auto",
                    help="disk-full method: a tmpfs in unshare -rm, strace ENOSPC injection, or auto (tmpfs if permitted)")
    args = ap.parse_args()
    if args.kills is None:
        args.kills = 50 if args.local else 20
    if args.seed is None:
        args.seed = random.SystemRandom().randrange(1, 2**31)
    groups = GROUPS if not args.only else [g.strip() for g in args.only.split(",") if g.strip()]
    unknown = [g for g in groups if g not in GROUPS]
    if unknown:
        ap.error(f"unknown group(s) {unknown}; groups are {', '.join(GROUPS)}")
    t0 = time.monotonic()
    h = Harness(args)
    try:
        h.run_all(groups)
    finally:
        if not args.keep:
            shutil.rmtree(h.work, ignore_errors=True)
    rep = h.report
    print("\n" + rep.table())
    p, f, n = rep.counts()
    failed = [r for r in rep.rows if r[3] == "FAIL"]
    if failed:
        print("\nfailures in full:")
        for case, expected, got, _ in failed:
            print(f"  FAIL {case}\n       expected: {expected}\n       got:      {got}")
    if "kill" in groups or "killpoints" in groups:
        ko = h.kill_outcomes
        print(f"\nkill outcomes: {ko['bit-identical']} resumed bit-identical from checkpoints, "
              f"{ko['restarted-from-zero']} resumed bit-identical with a κ killed before its first checkpoint restarted "
              f"from t = 0, {ko['finished-before-kill']} had finished before the kill, {ko['refused-nothing-saved']} "
              f"killed before any κ's data or fields archive existed (resume exit 2, one line: nothing to continue)")
    print(f"seed {args.seed}; {time.monotonic() - t0:.0f} s; {n} not run"
          + (f" (work dir kept: {h.work})" if args.keep else ""))
    print(f"{p} passed, {f} failed", flush=True)
    sys.exit(1 if f else 0)


if __name__ == "__main__":
    main()
