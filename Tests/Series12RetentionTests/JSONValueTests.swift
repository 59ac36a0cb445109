import Foundation
import Testing
@testable import Series12Retention

@Suite struct JSONValueTests {
    @Test func nonFiniteAndAwkwardDoublesRoundTripBitExactly() throws {
        let values: [Double] = [.nan, .infinity, -.infinity, 0.1, -0.0, Double.leastNonzeroMagnitude, 1.7976931348623157e308,
                                1e16, 1.0, 123456789.123456789, 2.5e-7]
        let doc = JSONValue.array(values.map(JSONValue.number))
        let parsed = try JSONValue(parsing: doc.serialized())
        #expect(parsed == doc)
        let back = parsed.arrayValue?.compactMap(\.doubleValue) ?? []
        #expect(back.map(\.bitPattern) == values.map(\.bitPattern))
    }

    @Test func prettyOutputUsesTwoSpaceIndentAndKeepsKeyOrder() {
        let doc = JSONValue.object([("z", .int(1)), ("a", .array([.bool(true), .null])), ("m", .object([]))])
        #expect(doc.serialized() == "{\n  \"z\": 1,\n  \"a\": [\n    true,\n    null\n  ],\n  \"m\": {}\n}")
        #expect(doc.serialized(pretty: false) == "{\"z\":1,\"a\":[true,null],\"m\":{}}")
    }

    @Test func stringsWithEscapesAndUnicodeRoundTrip() throws {
        let doc = JSONValue.string("quote\" backslash\\ newline\n tab\t bell\u{07} κ 📦")
        #expect(try JSONValue(parsing: doc.serialized()) == doc)
        #expect(try JSONValue(parsing: "\"\\ud83d\\udce6 \\u03ba\"") == .string("📦 κ"))
    }

    @Test func malformedDocumentsAreRejectedWithAnOffset() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "nul", "[1] x", "\"open"] {
            #expect(throws: JSONParseError.self) { try JSONValue(parsing: bad) }
        }
    }

    @Test func pythonReadsOurNaNAndWeReadPythonsOutput() throws {
        let doc = JSONValue.object([("H", .number(.nan)), ("up", .number(.infinity)), ("x", .number(0.1)), ("n", .int(-7))])
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(Array(doc.serialized().utf8), to: "doc.json")
        let script = """
        import json, math, sys
        d = json.load(open(sys.argv[1]))
        assert math.isnan(d['H']) and d['up'] == float('inf') and d['x'] == 0.1 and d['n'] == -7
        print(json.dumps({'a': float('nan'), 'b': -float('inf'), 'c': 1e-05, 'd': [1, 2.5]}, indent=2))
        """
        let result = try python(script, [dir.file("doc.json")])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try JSONValue(parsing: result.stdout)
        #expect(parsed["a"]?.doubleValue?.isNaN == true)
        #expect(parsed["b"]?.doubleValue == -.infinity)
        #expect(parsed["c"] == .number(1e-05))
        #expect(parsed["d"] == .array([.int(1), .number(2.5)]))
    }

    @Test func runRecordRoundTripsThroughDataJSON() throws {
        let record = sampleRecord()
        let back = try RunRecord(json: try JSONValue(parsing: record.json.fileBytes()))
        #expect(back == record)
        var recovered = record
        recovered.recovered = true
        #expect(record.json["recovered"] == nil)
        #expect(try RunRecord(json: try JSONValue(parsing: recovered.json.serialized())) == recovered)
    }

    @Test func unstableRunRecordKeepsItsNaNThroughDataJSON() throws {
        let record = sampleRecord(Hf: .nan, status: "unstable")
        let back = try RunRecord(json: try JSONValue(parsing: record.json.serialized()))
        #expect(back.Hf.isNaN)
        #expect(back.json == record.json)
    }

    @Test func dataJSONUsesExactlyTheSpecKeys() {
        let json = sampleRecord().json
        #expect(json.objectValue?.map(\.key) == ["kappa", "H0", "Hf", "drift", "max_drift", "elapsed", "steps_done",
                                                 "status", "angular_momentum", "parameters", "stamp", "version"])
        #expect(json["parameters"]?.objectValue?.map(\.key) == ["N", "L", "dx", "dt", "c", "cfl", "steps", "every",
                                                                 "initial_condition"])
        #expect(json["angular_momentum"]?.objectValue?.map(\.key) == ["initial", "final"])
    }

    @Test func dataJSONMissingAKeyNamesTheKey() throws {
        let json = try JSONValue(parsing: "{\"kappa\": 0.1}")
        #expect(throws: RecordDecodingError(document: "data.json", key: "H0", expected: "a number")) {
            try RunRecord(json: json)
        }
    }
}
