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
        rowsByVariable = null;
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

    /// <summary>
    /// The sub-problem of a neighbourhood search as a model of its own: the given columns free, with every column
    /// <paramref name="mayFree"/> allows that shares a row with a free one (transitively), the rest fixed at their
    /// values and folded into the right-hand sides and the constant. Rows left with no free column hold at the values
    /// and are dropped, so the engine reads only the neighbourhood, however large the whole model.
    /// </summary>
    public RestrictedModel Restricted(IEnumerable<int> free, IReadOnlyList<double> values, Func<int, bool> mayFree)
    {
        var rowsOf = RowsByVariable();
        var isFree = new bool[variables.Count];
        var queue = new Queue<int>();
        foreach (var index in free.Where(i => !isFree[i]))
        {
            isFree[index] = true;
            queue.Enqueue(index);
        }

        var rowTaken = new bool[constraints.Count];
        var rows = new List<int>();
        while (queue.TryDequeue(out var index))
        {
            foreach (var row in rowsOf[index].Where(r => !rowTaken[r]))
            {
                rowTaken[row] = true;
                rows.Add(row);
                foreach (var term in constraints[row].Terms.Where(t => !isFree[t.Variable.Index] && mayFree(t.Variable.Index)))
                {
                    isFree[term.Variable.Index] = true;
                    queue.Enqueue(term.Variable.Index);
                }
            }
        }

        var restricted = new MipModel();
        var original = new List<int>();
        var position = new int[variables.Count];
        var constant = ObjectiveConstant;
        for (var i = 0; i < variables.Count; i++)
        {
            if (isFree[i])
            {
                position[i] = original.Count;
                original.Add(i);
                restricted.Add(variables[i].Lower, variables[i].Upper, variables[i].IsInteger, objective[i]);
            }
            else
            {
                constant += objective[i] * values[i];
            }
        }

        restricted.ObjectiveConstant = constant;
        foreach (var row in rows.Order())
        {
            var c = constraints[row];
            var fixedPart = c.Terms.Where(t => !isFree[t.Variable.Index]).Sum(t => t.Coefficient * values[t.Variable.Index]);
            var terms = c.Terms.Where(t => isFree[t.Variable.Index]).Select(t => new Term(t.Coefficient, restricted.variables[position[t.Variable.Index]])).ToList();
            restricted.constraints.Add(c with { Terms = terms, RightHandSide = c.RightHandSide - fixedPart });
        }

        return new RestrictedModel(restricted, original, values);
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

    private List<int>[]? rowsByVariable;

    private List<int>[] RowsByVariable()
    {
        if (rowsByVariable is { } known && known.Length == variables.Count)
        {
            return known;
        }

        var rows = Enumerable.Range(0, variables.Count).Select(_ => new List<int>()).ToArray();
        for (var row = 0; row < constraints.Count; row++)
        {
            foreach (var term in constraints[row].Terms)
            {
                rows[term.Variable.Index].Add(row);
            }
        }

        return rowsByVariable = rows;
    }

    private Variable Add(double lower, double upper, bool integer, double cost)
    {
        rowsByVariable = null;
        var variable = new Variable(variables.Count, lower, upper, integer);
        variables.Add(variable);
        objective.Add(cost);
        return variable;
    }
}
