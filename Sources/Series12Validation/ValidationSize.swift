/// How big a validation run is.
///
/// `spec` uses the grids and step counts of SPEC §6 (what `series12 validate` runs);
/// `reduced` keeps every criterion but shrinks N or the step count where the physics allows,
/// so the unit tests stay fast. Each test records the sizes it used in its `parameters`.
public enum ValidationSize: String, Sendable, CaseIterable {
    case spec
    case reduced
}
