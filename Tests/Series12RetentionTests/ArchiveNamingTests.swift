import Foundation
import Testing
@testable import Series12Retention

@Suite struct ArchiveNamingTests {
    @Test func kappaTagHasFourDecimalsWithUnderscore() {
        #expect(ArchiveNaming.k4(0.1) == "0.1000")
        #expect(ArchiveNaming.kappaTag(0.1) == "0_1000")
        #expect(ArchiveNaming.kappaTag(5) == "5_0000")
        #expect(ArchiveNaming.kappaTag(12.34567) == "12_3457")
        #expect(ArchiveNaming.kappaTag(100000) == "100000_0000")
    }

    @Test func archiveNamesFollowTheSOPConvention() {
        let s = "20260704_120000"
        #expect(ArchiveNaming.kappaArchive(kappa: 0.1, kind: .data, stamp: s) == "kappa_0_1000_data_20260704_120000.tar")
        #expect(ArchiveNaming.kappaArchive(kappa: 2, kind: .fields, stamp: s) == "kappa_2_0000_fields_20260704_120000.tar")
        #expect(ArchiveNaming.testArchive(number: 1, name: "single_step", stamp: s) == "test1_single_step_20260704_120000.tar")
        #expect(ArchiveNaming.testMember(number: 9, name: "stiffness", stamp: s) == "test9_stiffness_20260704_120000.json")
        #expect(ArchiveNaming.tier3Summary(sweep: "sweep", stamp: s) == "sweep_summary_20260704_120000.tar")
        #expect(ArchiveNaming.sweepLog(sweep: "sweep", stamp: s) == "sweep_log_20260704_120000.txt")
    }

    @Test func stampIsUTCAndRoundTripsThroughValidation() throws {
        let date = Date(timeIntervalSince1970: 1_783_222_338.9)  // 2026-07-05 03:32:18.9 UTC
        #expect(ArchiveNaming.stamp(for: date) == "20260705_033218")
        #expect(ArchiveNaming.date(fromStamp: "20260705_033218") == Date(timeIntervalSince1970: 1_783_222_338))
    }

    @Test func malformedOrImpossibleStampsAreInvalid() {
        for bad in ["", "20260705-013218", "2026070_0132180", "20261305_013218", "20260230_120000", "20260705_246000",
                    "20260705_01321x", "20260705_0132189"] {
            #expect(!ArchiveNaming.isValidStamp(bad), "\(bad)")
        }
        #expect(ArchiveNaming.isValidStamp("20240229_235959"))
    }

    @Test func tier2NamesAreRecognisedAndOthersNot() {
        let s = "20260704_120000"
        for yes in ["kappa_0_1000_data_\(s).tar", "kappa_12_3457_fields_\(s).tar", "test3_interface_\(s).tar"] {
            #expect(ArchiveNaming.isTier2(yes, stamp: s), "\(yes)")
        }
        for no in ["sweep_summary_\(s).tar", "kappa_0_1000_data_20250101_000000.tar", "kappa_0_100_data_\(s).tar",
                   "kappa_0_1000_plots_\(s).tar", "sweep_log_\(s).txt", ".kappa_0_1000_data_\(s).tar.12.tmp",
                   "test_x_\(s).tar", "test1__\(s).tar".replacingOccurrences(of: "__", with: "_")] {
            #expect(!ArchiveNaming.isTier2(no, stamp: s), "\(no)")
        }
    }

    @Test func sweepNamesAllowOnlyLettersDigitsUnderscoreAndDash() {
        #expect(ArchiveNaming.isValidSweepName("extended_sweep-2"))
        for bad in ["", "a b", "a/b", "κ", "a.b"] { #expect(!ArchiveNaming.isValidSweepName(bad)) }
    }
}
