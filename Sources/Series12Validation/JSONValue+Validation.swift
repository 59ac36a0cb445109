import Series12Retention

extension JSONValue {
    static func integer(_ n: Int) -> JSONValue { .int(Int64(n)) }
    static func numbers(_ xs: [Double]) -> JSONValue { .array(xs.map(JSONValue.number)) }
    static func integers(_ ns: [Int]) -> JSONValue { .array(ns.map { .int(Int64($0)) }) }
}
