extension RunRecord {
    /// The `data.json` object (SPEC §4), keys in the spec's order; `recovered` only when true.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("kappa", .number(kappa)),
            ("H0", .number(H0)),
            ("Hf", .number(Hf)),
            ("drift", .number(drift)),
            ("max_drift", .number(maxDrift)),
            ("elapsed", .number(elapsed)),
            ("steps_done", .int(Int64(stepsDone))),
            ("status", .string(status)),
            ("angular_momentum", .object([
                ("initial", .array(angularMomentumInitial.map(JSONValue.number))),
                ("final", .array(angularMomentumFinal.map(JSONValue.number))),
            ])),
            ("parameters", parameters.json),
            ("stamp", .string(stamp)),
            ("version", .string(version)),
        ]
        if recovered { members.append(("recovered", .bool(true))) }
        return .object(members)
    }

    /// Reads a `data.json` object back. Unknown keys are ignored; `angular_momentum` and
    /// `version` may be absent (older or recovered files) and then read as empty.
    public init(json: JSONValue) throws(RecordDecodingError) {
        let read = JSONFieldReader(document: "data.json", value: json)
        let momentum = json["angular_momentum"]
        self.init(kappa: try read.double("kappa"), H0: try read.double("H0"), Hf: try read.double("Hf"),
                  drift: try read.double("drift"), maxDrift: try read.double("max_drift"),
                  elapsed: try read.double("elapsed"), stepsDone: try read.int("steps_done"),
                  status: try read.string("status"),
                  angularMomentumInitial: try Self.doubles(momentum?["initial"], key: "angular_momentum.initial"),
                  angularMomentumFinal: try Self.doubles(momentum?["final"], key: "angular_momentum.final"),
                  parameters: try RunParameters(json: json["parameters"] ?? .null),
                  stamp: try read.string("stamp"), version: json["version"]?.stringValue ?? "",
                  recovered: json["recovered"]?.boolValue ?? false)
    }

    private static func doubles(_ value: JSONValue?, key: String) throws(RecordDecodingError) -> [Double] {
        guard let value else { return [] }
        guard let items = value.arrayValue else {
            throw RecordDecodingError(document: "data.json", key: key, expected: "an array of numbers")
        }
        var out: [Double] = []
        for item in items {
            guard let d = item.doubleValue else {
                throw RecordDecodingError(document: "data.json", key: key, expected: "an array of numbers")
            }
            out.append(d)
        }
        return out
    }
}

extension RunParameters {
    /// The `parameters` object of `data.json`.
    public var json: JSONValue {
        .object([
            ("N", .int(Int64(N))), ("L", .number(L)), ("dx", .number(dx)), ("dt", .number(dt)),
            ("c", .number(c)), ("cfl", .number(cfl)), ("steps", .int(Int64(steps))),
            ("every", .int(Int64(every))), ("initial_condition", .string(initialCondition)),
        ])
    }

    /// Reads the `parameters` object back; `cfl` and `initial_condition` may be absent.
    public init(json: JSONValue) throws(RecordDecodingError) {
        let read = JSONFieldReader(document: "data.json", value: json, prefix: "parameters.")
        self.init(N: try read.int("N"), L: try read.double("L"), dx: try read.double("dx"), dt: try read.double("dt"),
                  c: try read.double("c"), cfl: json["cfl"]?.doubleValue ?? .nan,
                  steps: try read.int("steps"), every: try read.int("every"),
                  initialCondition: json["initial_condition"]?.stringValue ?? "gaussian")
    }
}
