namespace ContinuityScheduler.Solver.Engine;

/// <summary>
/// An engine-neutral mixed-integer linear model to minimise: what the rota model builds and every engine solves.
/// Rows carry the code of the rule they model, so a model can be read and diagnosed rule by rule.
/// </summary>
public sealed class MipModel
{
    private readonly List<Variable> variables = [];
    private readonly List<double> objective = [];
    private readonly List<Constraint> constraints = [];

    public IReadOnlyList<Variable> Variables => variables;

    public IReadOnlyList<Constraint> Constraints => constraints;

    /// <summary>The objective coefficient of each variable, by index.</summary>
    public IReadOnlyList<double> Objective => objective;

    /// <summary>A constant added to the objective (the engine never sees it).</summary>
    public double ObjectiveConstant { get; private set; }

    public Variable AddBinary(double cost = 0) => Add(0, 1, true, cost);

    public Variable AddInteger(double lower, double upper, double cost = 0) => Add(lower, upper, true, cost);

    public Variable AddContinuous(double lower, double upper, double cost = 0) => Add(lower, upper, false, cost);

    public void AddCost(Variable variable, double cost) => objective[variable.Index] += cost;

    public void AddConstant(double value) => ObjectiveConstant += value;

    /// <summary>Rules whose rows get a priced slack instead of holding strictly: the model that says why another is infeasible.</summary>
    public IReadOnlySet<string> ElasticRules { get; init; } = new HashSet<string>();

    public double ElasticCost { get; init; } = 1_000_000;

    /// <summary>The slack of each elastic row, by the row it relaxes.</summary>
    public IReadOnlyList<(Variable Slack, Constraint Row)> Slacks => slacks;

    private readonly List<(Variable, Constraint)> slacks = [];

    public void Add(string rule, IEnumerable<Term> terms, Sense sense, double rightHandSide, string? label = null)
    {
        var merged = terms
            .GroupBy(t => t.Variable.Index)
            .Select(g => new Term(g.Sum(t => t.Coefficient), g.First().Variable))
            .Where(t => t.Coefficient != 0)
            .ToList();
        var row = new Constraint(rule, merged, sense, rightHandSide, label);
        if (ElasticRules.Contains(rule) && sense != Sense.Equal)
        {
            var slack = AddContinuous(0, double.MaxValue, ElasticCost);
            slacks.Add((slack, row));
            row = row with { Terms = [.. merged, new Term(sense == Sense.LessOrEqual ? -1 : 1, slack)] };
        }

        constraints.Add(row);
    }

    /// <summary>A copy of the model with some columns fixed to values: the sub-problem of a neighbourhood search.</summary>
    public MipModel WithFixed(IReadOnlyDictionary<int, double> fixedValues)
    {
        var copy = new MipModel { ObjectiveConstant = ObjectiveConstant, ElasticRules = ElasticRules, ElasticCost = ElasticCost };
        copy.slacks.AddRange(slacks);
        copy.variables.AddRange(variables.Select(v => fixedValues.TryGetValue(v.Index, out var value) ? v with { Lower = value, Upper = value } : v));
        copy.objective.AddRange(objective);
        copy.constraints.AddRange(constraints);
        return copy;
    }

    /// <summary>The objective at given values of the variables, constant included.</summary>
    public double Evaluate(IReadOnlyList<double> values) =>
        ObjectiveConstant + objective.Select((cost, i) => cost * values[i]).Sum();

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

    private Variable Add(double lower, double upper, bool integer, double cost)
    {
        var variable = new Variable(variables.Count, lower, upper, integer);
        variables.Add(variable);
        objective.Add(cost);
        return variable;
    }
}
