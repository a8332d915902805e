namespace ContinuityScheduler.Domain.Model;

/// <summary>Argument checks shared by the model's constructors.</summary>
internal static class Guard
{
    public static string NotBlank(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must not be blank.", name) : value;

    public static T NotNull<T>(T? value, string name) where T : class =>
        value ?? throw new ArgumentNullException(name);

    public static double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number of at least 0.");

    public static int Positive(int value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");

    public static IReadOnlyList<T> List<T>(IEnumerable<T>? items, string name) =>
        items is null ? throw new ArgumentNullException(name) : [.. items];
}
