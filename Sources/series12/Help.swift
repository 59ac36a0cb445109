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
      series12 --help | --version

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
}
