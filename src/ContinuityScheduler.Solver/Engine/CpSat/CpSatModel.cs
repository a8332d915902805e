using Google.OrTools.Sat;

namespace ContinuityScheduler.Solver.Engine.CpSat;

/// <summary>
/// A <see cref="MipModel"/> as a CP-SAT model, exactly where it can be: every column becomes an integer variable (a
/// continuous one counted in steps of its grid), every row is multiplied by the least whole number that makes its
/// coefficients integers and divided by their common divisor, its right-hand side rounded inwards. A row no multiplier
/// up to a million makes whole is rounded conservatively: it may refuse a point within a millionth of its limit, never
/// admit one beyond it. Objectives are scaled the same way, or rounded down, so that the engine's bound stays valid.
/// </summary>
internal sealed class CpSatModel
{
    private const long MultiplierCap = 1_000_000;

    /// <summary>The multiplier of an objective that no whole number up to <see cref="MultiplierCap"/> makes exact.</summary>
    private const double RoundedObjectiveMultiplier = 10_000;

    private readonly MipModel model;
    private readonly Dictionary<double, long> denominators = [];

    private CpSatModel(MipModel model)
    {
        this.model = model;
        Proto = new CpModelProto();
        foreach (var variable in model.Variables)
        {
            var lower = (long)Math.Ceiling((variable.Lower / variable.Step) - Rational.Tolerance);
            var upper = (long)Math.Ceiling((variable.Upper / variable.Step) - Rational.Tolerance);
            Proto.Variables.Add(new IntegerVariableProto { Domain = { lower, Math.Max(lower, upper) } });
        }

        CheckSurplusColumns();
        foreach (var row in model.Constraints)
        {
            Add(row);
        }
    }

    public CpModelProto Proto { get; }

    public static CpSatModel Of(MipModel model) => new(model);

    /// <summary>The model's values of a CP-SAT solution: each variable's steps times its grid.</summary>
    public double[] Values(IReadOnlyList<long> solution)
    {
        var values = new double[model.Variables.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = solution[i] * model.Variables[i].Step;
        }

        return values;
    }

    /// <summary>Sets a start: each column's value in steps, rounded up (continuous columns only relax their rows); returns it.</summary>
    public long[] Hint(IReadOnlyList<double> values)
    {
        var hint = new PartialVariableAssignment();
        var steps = new long[model.Variables.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            var variable = model.Variables[i];
            var value = variable.IsInteger ? Math.Round(values[i]) : Math.Ceiling((values[i] / variable.Step) - Rational.Tolerance);
            steps[i] = (long)Math.Clamp(value, Proto.Variables[i].Domain[0], Proto.Variables[i].Domain[1]);
            hint.Vars.Add(i);
            hint.Values.Add(steps[i]);
        }

        Proto.SolutionHint = hint;
        return steps;
    }

    /// <summary>Makes the terms the objective to minimise, scaled to integers; the scale converts values and bounds back.</summary>
    public ObjectiveScale Minimise(IReadOnlyList<Term> terms, double constant)
    {
        var costs = new Dictionary<int, double>();
        foreach (var term in terms)
        {
            costs[term.Variable.Index] = costs.GetValueOrDefault(term.Variable.Index) + (term.Coefficient * term.Variable.Step);
        }

        var multiplier = (double)Rational.Multiplier(costs.Values, MultiplierCap, denominators);
        var exact = multiplier > 0;
        if (!exact)
        {
            multiplier = RoundedObjectiveMultiplier;
        }

        var objective = new CpObjectiveProto();
        var correction = 0.0;
        foreach (var (index, cost) in costs.Where(c => c.Value != 0).OrderBy(c => c.Key))
        {
            // Rounded down, the engine's objective never exceeds the model's, so its bound is one of the model's too.
            var scaled = exact ? Math.Round(cost * multiplier) : Math.Floor(cost * multiplier);
            objective.Vars.Add(index);
            objective.Coeffs.Add((long)scaled);
            var variable = model.Variables[index];
            if (!variable.OnGrid && cost > 0)
            {
                correction += cost;
            }
        }

        Proto.Objective = objective;
        return new ObjectiveScale(objective, multiplier, constant, correction, MinimumOf(objective.Vars, objective.Coeffs));
    }

    /// <summary>Holds an objective at most at a value it has reached (in its own integer units).</summary>
    public void Hold(ObjectiveScale scale, long value)
    {
        var linear = new LinearConstraintProto();
        linear.Vars.AddRange(scale.Proto.Vars);
        linear.Coeffs.AddRange(scale.Proto.Coeffs);
        linear.Domain.Add(MinimumOf(scale.Proto.Vars, scale.Proto.Coeffs));
        linear.Domain.Add(Math.Max(value, linear.Domain[0]));
        Proto.Constraints.Add(new ConstraintProto { Linear = linear, Name = "held level" });
    }

    private void Add(Constraint row)
    {
        var count = row.Terms.Count;
        var coefficients = new double[count];
        for (var i = 0; i < count; i++)
        {
            coefficients[i] = row.Terms[i].Coefficient * row.Terms[i].Variable.Step;
        }

        var multiplier = Rational.Multiplier(coefficients, MultiplierCap, denominators);
        var exact = multiplier > 0;
        var m = exact ? multiplier : MultiplierCap;
        var scaled = new long[count];
        var slop = 0.0;
        for (var i = 0; i < count; i++)
        {
            var value = coefficients[i] * m;
            scaled[i] = (long)Math.Round(value);
            if (!exact)
            {
                // What rounding a coefficient can move the left-hand side by, at the column's widest.
                slop += Math.Abs(value - scaled[i]) * Math.Max(Math.Abs(Proto.Variables[row.Terms[i].Variable.Index].Domain[0]), Math.Abs(Proto.Variables[row.Terms[i].Variable.Index].Domain[1]));
            }
        }

        var divisor = scaled.Aggregate(0L, Rational.Gcd);
        if (divisor == 0)
        {
            divisor = 1;
        }

        var vars = new long[count];
        for (var i = 0; i < count; i++)
        {
            scaled[i] /= divisor;
            vars[i] = row.Terms[i].Variable.Index;
        }

        var rhs = row.RightHandSide * m;
        var noise = Rational.Tolerance * Math.Max(1, Math.Abs(rhs));
        var least = MinimumOf(vars, scaled);
        var most = MaximumOf(vars, scaled);
        var (lower, upper) = row.Sense switch
        {
            Sense.LessOrEqual => (least, FloorDiv((long)Math.Floor(rhs - slop + noise), divisor)),
            Sense.GreaterOrEqual => (CeilDiv((long)Math.Ceiling(rhs + slop - noise), divisor), most),
            _ => Equal(rhs, noise, divisor, exact),
        };

        var linear = new LinearConstraintProto();
        linear.Vars.AddRange(vars.Select(v => (int)v));
        linear.Coeffs.AddRange(scaled);
        if (lower <= upper)
        {
            linear.Domain.Add(lower);
            linear.Domain.Add(upper);
        }

        // An empty domain is a row that cannot hold at all: CP-SAT proves the model infeasible from it.

        Proto.Constraints.Add(new ConstraintProto { Linear = linear });

        (long, long) Equal(double value, double tolerance, long gcd, bool isExact)
        {
            if (!isExact || !Rational.IsWhole(value) || (long)Math.Round(value) % gcd != 0)
            {
                // No integer point meets a fractional equality; report it as a row that cannot hold.
                return (1, 0);
            }

            var whole = (long)Math.Round(value) / gcd;
            return (whole, whole);
        }
    }

    /// <summary>Refuses a continuous column that could tighten a row when rounded up to its grid: the translation would not be sound.</summary>
    private void CheckSurplusColumns()
    {
        foreach (var row in model.Constraints)
        {
            foreach (var term in row.Terms.Where(t => !t.Variable.IsInteger))
            {
                var relaxes = row.Sense switch
                {
                    Sense.LessOrEqual => term.Coefficient < 0,
                    Sense.GreaterOrEqual => term.Coefficient > 0,
                    _ => false,
                };
                if (!relaxes)
                {
                    throw new InvalidOperationException($"Continuous column {term.Variable.Index} may only relax its rows, but tightens a {row.Rule} row.");
                }
            }
        }

        for (var i = 0; i < model.Variables.Count; i++)
        {
            if (!model.Variables[i].IsInteger && model.Objective[i] < 0)
            {
                throw new InvalidOperationException($"Continuous column {i} has a negative cost: rounding it up would not bound the objective.");
            }
        }
    }

    private long MinimumOf(IEnumerable<long> vars, IEnumerable<long> coeffs) =>
        vars.Zip(coeffs).Sum(p => Math.Min(p.Second * Proto.Variables[(int)p.First].Domain[0], p.Second * Proto.Variables[(int)p.First].Domain[1]));

    private long MaximumOf(IEnumerable<long> vars, IEnumerable<long> coeffs) =>
        vars.Zip(coeffs).Sum(p => Math.Max(p.Second * Proto.Variables[(int)p.First].Domain[0], p.Second * Proto.Variables[(int)p.First].Domain[1]));

    private long MinimumOf(IEnumerable<int> vars, IEnumerable<long> coeffs) => MinimumOf(vars.Select(v => (long)v), coeffs);

    private static long FloorDiv(long a, long b) => (long)Math.Floor((double)a / b);

    private static long CeilDiv(long a, long b) => (long)Math.Ceiling((double)a / b);
}
