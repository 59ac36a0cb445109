import Testing
@testable import Series12Validation

/// Each of the nine tests at `.reduced` size, with the same criteria as `series12 validate`.
@Suite("The nine validation tests at reduced size")
struct ValidationTestTests {
    static func check(_ result: ValidationResult, is test: ValidationTest, criteria: [String]) {
        #expect(result.number == test.rawValue)
        #expect(result.name == test.name)
        #expect(result.criteria.map(\.name) == criteria)
        #expect(result.parameters["size"]?.stringValue == "reduced")
        for c in result.criteria {
            #expect(result.measured[c.name] != nil, "criterion \(c.name) has no measured value")
        }
        #expect(result.passed, "\(result.tier1Line())")
    }

    @Test func leapfrogRetracesItsStepsAndItsFirstStepIsHalfDtSquaredForce() {
        let r = ValidationTest.singleStep(size: .reduced)
        Self.check(r, is: .singleStep, criteria: ["reversal_error", "first_step_error"])
        // The comparison is not vacuous: the run moved the field and the step changed U.
        #expect((r.measuredNumber("forward_change") ?? 0) > 0.1)
        #expect((r.measuredNumber("first_step_change") ?? 0) > 1e-4)
    }

    @Test func energyDriftIsBoundedAndFallsFourfoldWhenDtHalves() {
        let r = ValidationTest.hamiltonian(size: .reduced)
        Self.check(r, is: .hamiltonian, criteria: ["max_drift", "halving_ratio"])
        #expect((r.measuredNumber("max_drift") ?? 0) > 0, "a drift of exactly zero means H was not measured")
    }

    @Test func aPulseMeetingDoubleSpeedReflectsOneNinthOfItsEnergy() {
        let r = ValidationTest.interface(size: .reduced)
        Self.check(r, is: .interface, criteria: ["reflection"])
        // All the energy starts in x < 0 and the sum of the cell energies is H.
        #expect(abs((r.measuredNumber("left_fraction_t0") ?? 0) - 1) < 1e-9)
        #expect(abs((r.measuredNumber("density_sum_over_H") ?? 0) - 1) < 1e-12)
    }

    @Test func cflBelowOneStaysBoundedAndAboveOneBlowsUp() {
        let r = ValidationTest.cfl(size: .reduced)
        Self.check(r, is: .cfl, criteria: ["max_drift_cfl_0.95", "unstable_step_cfl_1.05"])
        #expect(r.measured["stable_run_unstable_step"] == .null)
    }

    @Test func rotationChargesAndTotalMomentumAreConservedToRoundOff() {
        let r = ValidationTest.conservation(size: .reduced)
        Self.check(r, is: .conservation, criteria: ["charge_error", "momentum_error"])
        let charges = r.measured["charges_initial"]?.arrayValue?.compactMap(\.doubleValue) ?? []
        #expect(charges.count == 3 && charges.allSatisfy { abs($0) > 1e-4 }, "the charges must be non-zero")
    }

    @Test func standingWaveErrorFallsAsDxSquared() {
        let r = ValidationTest.spatial(size: .reduced)
        Self.check(r, is: .spatial, criteria: ["order_16_32", "order_32_64"])
    }

    @Test func reflectedAndRotatedInitialDataEvolveIntoTheReflectedAndRotatedSolution() {
        let r = ValidationTest.symmetry(size: .reduced)
        Self.check(r, is: .symmetry, criteria: ["swap_xy_error", "rotation_90_error"])
        // The initial data has no symmetry of its own, so the test could fail.
        #expect((r.measuredNumber("swap_xy_asymmetry") ?? 0) > 1e-2)
        #expect((r.measuredNumber("rotation_90_asymmetry") ?? 0) > 1e-2)
    }

    @Test func leapfrogErrorFallsAsDtSquared() {
        let r = ValidationTest.temporal(size: .reduced)
        Self.check(r, is: .temporal, criteria: ["order_dt_dt2", "order_dt2_dt4"])
    }

    @Test func theNonlinearTermInTheStepTamesTheStiffDrift() {
        let r = ValidationTest.stiffness(size: .reduced)
        Self.check(r, is: .stiffness, criteria: ["max_drift_auto", "drift_ratio"])
        #expect((r.measuredNumber("max_drift_linear") ?? 0) > (r.measuredNumber("max_drift_auto") ?? .infinity))
    }
}
