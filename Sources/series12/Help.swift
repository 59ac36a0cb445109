/// `series12 --help`.
enum Help {
    static let text = """
    series12 — parameter sweeps of the Series 12 tensor-field solver, live in a dashboard,
    every result saved (tier 1 printed lines, tier 2 per-κ .tar files, tier 3 summary .tar).

    USAGE
      series12 [sweep] [options]      a κ sweep in the dashboard (headless when stdout is not a terminal)
      series12 validate [--only N[,N…]] [--out DIR] [--headless]
      series12 resume --stamp STAMP [--out DIR] [--headless]
      series12 recover FILE|- [--out DIR] [--name NAME] [--force] [--ascii]
      series12 verify [DIR] [--stamp STAMP]
      series12 plot [DIR] [--stamp STAMP] [--kind drift|hamiltonian] [--kappa K] [--to FILE [--force]]
      series12 bench [--N N] [--steps S] [--kappa K] [--compare | --dashboard [--field-view] | --retention] [--reps R]
      series12 slurm submit [sweep options] [--partition P] [--time T] [--sbatch-arg A]… [--dry-run]
      series12 watch DIR --stamp STAMP [--job ID] [--name NAME] [--headless]
      series12 combine DIR --stamp STAMP [--name NAME] [--kappas LIST] [--tasks-ended]
      series12 --help | --version
      ('series12 slurm --help', 'series12 watch --help', 'series12 combine --help' for the cluster commands)

    SWEEP OPTIONS (default)
      --kappas LIST          coupling constants, comma-separated (0.1,0.5,1,2,5)
      --N N                  grid cells per side, ≥ 8 (256)
      --steps S              leapfrog steps per κ (20000)
      --every E              sample interval in steps (500)
      --L L                  domain side (1)
      --c C                  wave speed (1)
      --cfl NU               CFL number ν, dt = ν·2/ω_max (0.5)
      --dt DT                explicit time step (from the stable bound)
      --jobs J               κs stepping at once (number of cores)
      --out DIR              output directory, must exist (.)
      --name NAME            sweep name: letters, digits, _ and - (sweep)
      --checkpoint-every K   rewrite checkpoints every K sample steps (10)
      --blowup X             drift above which a run is unstable (1e3)
      --theme NAME           dashboard colours from themes/NAME.json (default)
      --stamp STAMP          use this YYYYMMDD_HHMMSS stamp instead of the start time
      --task                 one Slurm array task (needs --stamp, one κ): own log file, no tier 3;
                             run again, it continues its κ's checkpoint
      --headless             no screen: tier-1 lines on stdout
      --ascii                ASCII marks instead of emoji

    PLOT
      Draws a sweep's plots as SVG from the history archives in DIR (.), the same pictures the
      archives keep: drift (every κ's |H − H₀|/|H₀| against t, log scale) or hamiltonian (H
      against t); --kappa K draws one κ. Without --stamp the newest stamp is drawn and named on
      stderr. The SVG goes to stdout, or to FILE with --to (written atomically; an existing FILE
      is replaced only with --force). No other file is written.

    Options take --opt VALUE or --opt=VALUE.
    EXIT STATUS  0 all runs done · 1 a run ended unstable/failed or a check failed · 2 bad usage · 130 interrupted
    """

    /// `series12 slurm --help`.
    static let slurm = """
    series12 slurm submit [sweep options] [--partition P] [--time T] [--sbatch-arg A]… [--dry-run]

    Submits the sweep to Slurm as a job array, one task per κ, every task a headless
    'series12 sweep --task' of its κ with the same options and one shared stamp, writing into
    one shared --out directory (it must be visible from every node). A second job, dependent
    on the array (afterany), runs 'series12 combine' to write the tier-3 summary.

      sweep options          as for 'series12 sweep' (--kappas, --N, --steps, --every, --L, --c,
                             --cfl, --dt, --out, --name, --checkpoint-every, --blowup, --stamp,
                             --ascii); --jobs, --theme, --headless do not apply
      --partition P          #SBATCH --partition for both jobs
      --time T               #SBATCH --time for both jobs (minutes, HH:MM:SS, D-HH:MM…)
      --sbatch-arg A         one more #SBATCH line for both jobs, e.g. --sbatch-arg=--mem=8G
                             or --sbatch-arg=--account=phys (repeatable)
      --dry-run              print the two batch scripts; write and submit nothing

    Files it adds to --out: {name}_slurm_array_{stamp}.sh, {name}_slurm_combine_{stamp}.sh
    (the scripts as submitted), {name}_slurm_{stamp}.json (κs and job ids, for 'watch');
    Slurm writes {name}_slurm_task{i}_{stamp}.out and {name}_slurm_combine_{stamp}.out;
    each task appends its tier-1 lines to {name}_log_kappa_{kt}_{stamp}.txt.
    Exit status: 0 submitted · 1 sbatch refused (nothing left queued) or the combine job
    could not be queued · 2 bad usage (nothing written, nothing submitted).
    """

    /// `series12 watch --help`.
    static let watch = """
    series12 watch DIR --stamp STAMP [--job ID] [--name NAME] [--headless] [--ascii] [--theme T]

    The dashboard of a cluster sweep: the table and log pane of 'series12 sweep', fed by the
    tasks' tier-1 log files in DIR (read as they are flushed) and by squeue for queued,
    running and suspended tasks. The κs and the array job come from {name}_slurm_{stamp}.json
    (written by 'slurm submit'); --job ID names the array job when that file is missing.

      space   pause / resume the selected κ's task: scancel --full --signal=STOP / CONT
              (what any job owner may do; falls back to scontrol suspend / resume), or
              scontrol hold / release while the task is still pending
      P / R   pause / resume every task
      q       leave the watch; the jobs keep running (nothing is asked or interrupted)
      y       save the merged log to DIR/{name}_watch_{stamp}.txt and the clipboard

    --headless prints the tasks' tier-1 lines as they appear and ends when every κ has ended
    (or the array job has left the queue). Exit status: 0 every κ done · 1 a κ missing,
    unfinished, unstable or failed · 2 bad usage · 130 stopped by a signal.
    """

    /// `series12 combine --help`.
    static let combine = """
    series12 combine DIR --stamp STAMP [--name NAME] [--kappas LIST] [--tasks-ended] [--ascii]

    Builds the tier-3 summary {name}_summary_{stamp}.tar of a cluster sweep from what its
    array tasks left in DIR: summary.json with every κ's data.json and the manifest (name,
    bytes, sha256) of every tier-2 archive of the stamp; log.txt with the tasks' tier-1 logs
    merged κ by κ, then any local 'resume' log, then this report. Lists every κ that is
    missing (its task never ran or left no archive) or unfinished (with how to continue it).
    The combine job of 'slurm submit' runs it with --kappas (the κs submitted; default: the
    plan file's) and --tasks-ended (every task has ended, so temporary files of the stamp
    are leftovers of killed tasks and are removed). Run it again at any time: it rewrites
    tier 3 from what is there. An unfinished κ continues from its checkpoint when its task
    runs again ('sbatch --array=I DIR/{name}_slurm_array_{stamp}.sh'), or on one machine
    with 'series12 resume --stamp STAMP --out DIR'.
    Exit status: 0 every κ done and tier 3 written · 1 a κ missing, unfinished, unstable or
    failed (tier 3 is still written for those present) · 2 bad usage.
    """
}
