using ContinuityScheduler.Solver.Engine;
using CsCheck;

namespace ContinuityScheduler.Solver.Tests.Support;

/// <summary>
/// Small random models with the coefficients rotas have (hours in halves and quarters, sevenths of a week, thirds) and
/// a continuous surplus column, solved exhaustively over their integer columns, for checking the engine's translation.
/// </summary>
internal static class RandomModels
{
    private static readonly double[] Coefficients = [1, 2, 0.5, 8, 9.5, 10.75, 1.0 / 7, 3.0 / 7, 1.0 / 3, 2.5];

    public static Gen<(int Seed, int Columns, int Rows)> Any { get; } = Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[2, 9], Gen.Int[1, 4]);

    /// <summary>
    /// The model, its optimum over every point of the integer columns (null when no point keeps the rows), and the
    /// exact objective of a solution's integer columns (its deviation taken exactly, not on its grid).
    /// </summary>
    public static (MipModel Model, double? Best, Func<IReadOnlyList<double>, double> Exact) Build((int Seed, int Columns, int Rows) shape)
    {
        var random = new Random(shape.Seed);
        var model = new MipModel();
        var columns = Enumerable.Range(0, shape.Columns)
            .Select(_ => random.Next(3) == 0 ? model.AddInteger(0, 2, Cost(random)) : model.AddBinary(Cost(random)))
            .ToList();
        var rows = new List<(double[] Coefficients, Sense Sense, double Rhs)>();
        for (var r = 0; r < shape.Rows; r++)
        {
            var coefficients = columns.Select(_ => random.Next(3) == 0 ? 0 : Coefficients[random.Next(Coefficients.Length)] * (random.Next(4) == 0 ? -1 : 1)).ToArray();
            var sense = random.Next(3) == 0 ? Sense.GreaterOrEqual : Sense.LessOrEqual;
            var rhs = Math.Round(random.NextDouble() * 12, 2) * (sense == Sense.GreaterOrEqual ? 0.5 : 1);
            rows.Add((coefficients, sense, rhs));
            model.Add($"row {r}", columns.Select((c, i) => new Term(coefficients[i], c)), sense, rhs);
        }

        // A deviation from a target in hours, priced per hour: |Σ hours − target| as a surplus column on a minute grid.
        var hours = columns.Select(_ => Coefficients[random.Next(Coefficients.Length)]).ToArray();
        var target = Math.Round(random.NextDouble() * 20, 3);
        var most = Math.Max(target, hours.Zip(columns).Sum(p => p.First * p.Second.Upper));
        var deviation = model.AddContinuous(0, most, 0.5, 1.0 / 60);
        model.Add("deviation over", [.. columns.Select((c, i) => new Term(hours[i], c)), -1 * (Term)deviation], Sense.LessOrEqual, target);
        model.Add("deviation under", [.. columns.Select((c, i) => new Term(hours[i], c)), deviation], Sense.GreaterOrEqual, target);

        double Exact(IReadOnlyList<double> point) =>
            columns.Select((c, i) => model.Objective[c.Index] * point[i]).Sum() + (0.5 * Math.Abs(hours.Select((h, i) => h * point[i]).Sum() - target));

        double? best = null;
        foreach (var point in Points(columns))
        {
            var keeps = rows.All(row =>
            {
                var lhs = row.Coefficients.Select((c, i) => c * point[i]).Sum();
                return row.Sense == Sense.LessOrEqual ? lhs <= row.Rhs + 1e-9 : lhs >= row.Rhs - 1e-9;
            });
            if (keeps)
            {
                var value = Exact([.. point.Select(p => (double)p)]);
                best = best is null ? value : Math.Min(best.Value, value);
            }
        }

        return (model, best, Exact);
    }

    private static double Cost(Random random) => Coefficients[random.Next(Coefficients.Length)] * (random.Next(3) == 0 ? -1 : 1);

    private static IEnumerable<int[]> Points(List<Variable> columns)
    {
        var point = new int[columns.Count];
        while (true)
        {
            yield return point;
            var i = 0;
            while (i < point.Length && point[i] == (int)columns[i].Upper)
            {
                point[i++] = 0;
            }

            if (i == point.Length)
            {
                yield break;
            }

            point[i]++;
        }
    }
}
