namespace ContinuityScheduler.Solver.Engine;

/// <summary>
/// An engine-neutral integer linear model to minimise: what the rota model and the Curtois model build and the engine
/// solves. Rows carry the code of the rule they model, so a model can be read and diagnosed rule by rule. Besides the
/// objective it may have <see cref="Levels"/>: objectives minimised first, in order, each held at its best before the next.
/// </summary>
public sealed class MipModel
{
    private readonly List<Variable> variables = [];
    private readonly List<double> objective = [];
    private readonly List<Constraint> constraints = [];
    private readonly List<ObjectiveLevel> levels = [];
    private readonly List<(Variable, Constraint)> slacks = [];

    public IReadOnlyList<Variable> Variables => variables;

    public IReadOnlyList<Constraint> Constraints => constraints;

    /// <summary>The objective coefficient of each variable, by index.</summary>
    public IReadOnlyList<double> Objective => objective;

    /// <summary>A constant added to the objective (the engine never sees it).</summary>
    public double ObjectiveConstant { get; private set; }

    /// <summary>Objectives minimised before <see cref="Objective"/>, most important first (lexicographic order).</summary>
    public IReadOnlyList<ObjectiveLevel> Levels => levels;

    /// <summary>The objective's price of a unit of slack in an elastic row.</summary>
    public double ElasticCost { get; init; } = 1_000_000;

    /// <summary>The slack of each elastic row, by the row it relaxes.</summary>
    public IReadOnlyList<(Variable Slack, Constraint Row)> Slacks => slacks;

    public Variable AddBinary(double cost = 0) => Add(0, 1, true, cost, 1, true);

    public Variable AddInteger(double lower, double upper, double cost = 0) => Add(lower, upper, true, cost, 1, true);

    /// <summary>
    /// A continuous column that only relaxes rows (a surplus or a slack), with the grid an integer engine puts it on;
    /// <paramref name="onGrid"/> when its least value for whole assignments always lies on that grid.
    /// </summary>
    public Variable AddContinuous(double lower, double upper, double cost = 0, double step = 1, bool onGrid = false) => Add(lower, upper, false, cost, step, onGrid);

    public void AddCost(Variable variable, double cost) => objective[variable.Index] += cost;

    public void AddConstant(double value) => ObjectiveConstant += value;

    /// <summary>An objective to minimise before the main one (after those added before it).</summary>
    public void AddLevel(string name, IEnumerable<Term> terms) => levels.Add(new ObjectiveLevel(name, [.. terms]));

    public void Add(string rule, IEnumerable<Term> terms, Sense sense, double rightHandSide, string? label = null) =>
        constraints.Add(new Constraint(rule, Merged(terms), sense, rightHandSide, label));

    /// <summary>A row that may be broken: a slack priced at <see cref="ElasticCost"/> takes up what it is short of, and is returned.</summary>
    public Variable AddElastic(string rule, IEnumerable<Term> terms, Sense sense, double rightHandSide, string? label = null)
    {
        if (sense == Sense.Equal)
        {
            throw new ArgumentException("An elastic row is an inequality.", nameof(sense));
        }

        var merged = Merged(terms);
        // The most a row can be broken by, so that the slack has a finite range.
        var reach = Math.Abs(rightHandSide) + merged.Sum(t => Math.Abs(t.Coefficient) * t.Variable.Upper);
        var slack = AddContinuous(0, reach, ElasticCost, StepOf(merged));
        var row = new Constraint(rule, [.. merged, new Term(sense == Sense.LessOrEqual ? -1 : 1, slack)], sense, rightHandSide, label);
        slacks.Add((slack, row));
        constraints.Add(row);
        return slack;
    }

    /// <summary>A copy of the model with some columns fixed to values (a repair's days outside its window).</summary>
    public MipModel WithFixed(IReadOnlyDictionary<int, double> fixedValues)
    {
        var copy = new MipModel { ObjectiveConstant = ObjectiveConstant, ElasticCost = ElasticCost };
        copy.slacks.AddRange(slacks);
        copy.levels.AddRange(levels);
        copy.variables.AddRange(variables.Select(v => fixedValues.TryGetValue(v.Index, out var value) ? v with { Lower = value, Upper = value } : v));
        copy.objective.AddRange(objective);
        copy.constraints.AddRange(constraints);
        return copy;
    }

    /// <summary>The objective at given values of the variables, constant included.</summary>
    public double Evaluate(IReadOnlyList<double> values)
    {
        var total = ObjectiveConstant;
        for (var i = 0; i < objective.Count; i++)
        {
            total += objective[i] * values[i];
        }

        return total;
    }

    /// <summary>The rows the values break by more than a tolerance: empty for a feasible point.</summary>
    public IEnumerable<Constraint> Violated(IReadOnlyList<double> values, double tolerance = 1e-6) =>
        constraints.Where(c =>
        {
            var lhs = c.Terms.Sum(t => t.Coefficient * values[t.Variable.Index]);
            return c.Sense switch
            {
                Sense.LessOrEqual => lhs > c.RightHandSide + tolerance,
                Sense.GreaterOrEqual => lhs < c.RightHandSide - tolerance,
                _ => Math.Abs(lhs - c.RightHandSide) > tolerance,
            };
        });

    private static List<Term> Merged(IEnumerable<Term> terms) =>
        [.. terms.GroupBy(t => t.Variable.Index).Select(g => new Term(g.Sum(t => t.Coefficient), g.First().Variable)).Where(t => t.Coefficient != 0)];

    /// <summary>A slack's grid: a minute of hours where the row counts in fractions, else one.</summary>
    private static double StepOf(IEnumerable<Term> terms) =>
        terms.All(t => t.Variable.IsInteger && t.Coefficient == Math.Round(t.Coefficient)) ? 1 : 1.0 / 60;

    private Variable Add(double lower, double upper, bool integer, double cost, double step, bool onGrid)
    {
        if (!(lower >= 0 && upper >= lower && double.IsFinite(upper)) || !(step > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(upper), $"A column lies within finite bounds from 0 up (given {lower} to {upper}, step {step}).");
        }

        var variable = new Variable(variables.Count, lower, upper, integer, integer ? 1 : step, integer || onGrid);
        variables.Add(variable);
        objective.Add(cost);
        return variable;
    }
}
