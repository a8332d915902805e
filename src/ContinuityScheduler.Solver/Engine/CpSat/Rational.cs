namespace ContinuityScheduler.Solver.Engine.CpSat;

/// <summary>Whole multipliers that make a model's fractional coefficients integers (hours in halves, sevenths of a week, minutes).</summary>
internal static class Rational
{
    /// <summary>Relative tolerance within which a scaled coefficient counts as whole: float noise, not a real fraction.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>The least q ≤ <paramref name="cap"/> with value × q whole, from the continued fraction of the value; 0 when there is none.</summary>
    public static long Denominator(double value, long cap)
    {
        var x = Math.Abs(value);
        if (IsWhole(x))
        {
            return 1;
        }

        // Convergents h/k of the continued fraction; the first close enough has the least denominator.
        long h0 = 1, h1 = (long)Math.Floor(x), k0 = 0, k1 = 1;
        var rest = x - Math.Floor(x);
        for (var step = 0; step < 64 && rest > 0; step++)
        {
            var inverse = 1 / rest;
            var a = (long)Math.Floor(inverse);
            rest = inverse - a;
            (h0, h1) = (h1, (a * h1) + h0);
            (k0, k1) = (k1, (a * k1) + k0);
            if (k1 > cap || k1 <= 0)
            {
                return 0;
            }

            if (IsWhole(x * k1))
            {
                return k1;
            }
        }

        return 0;
    }

    /// <summary>The least common multiple of the values' denominators, at most <paramref name="cap"/>; 0 when there is none.</summary>
    public static long Multiplier(IEnumerable<double> values, long cap, Dictionary<double, long>? known = null)
    {
        long multiplier = 1;
        foreach (var value in values)
        {
            if (known is null || !known.TryGetValue(value, out var q))
            {
                q = Denominator(value, cap);
                known?.TryAdd(value, q);
            }

            if (q == 0)
            {
                return 0;
            }

            multiplier = Lcm(multiplier, q);
            if (multiplier > cap)
            {
                return 0;
            }
        }

        return multiplier;
    }

    public static bool IsWhole(double value) => Math.Abs(value - Math.Round(value)) <= Tolerance * Math.Max(1, Math.Abs(value));

    public static long Gcd(long a, long b)
    {
        (a, b) = (Math.Abs(a), Math.Abs(b));
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static long Lcm(long a, long b) => a / Gcd(a, b) * b;
}
