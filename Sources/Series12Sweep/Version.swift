/// The program version recorded in every archive's JSON.
public enum Series12Version {
    public static let string = "0.1.0"
}
