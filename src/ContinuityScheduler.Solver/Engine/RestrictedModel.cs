namespace ContinuityScheduler.Solver.Engine;

/// <summary>A neighbourhood's sub-model and the way back: which column of the whole model each of its columns is.</summary>
public sealed class RestrictedModel(MipModel model, IReadOnlyList<int> original, IReadOnlyList<double> values)
{
    public MipModel Model { get; } = model;

    /// <summary>The whole model's index of each sub-model column.</summary>
    public IReadOnlyList<int> Original { get; } = original;

    /// <summary>The sub-model's columns at the whole model's values: a start.</summary>
    public double[] Project(IReadOnlyList<double> whole) => [.. Original.Select(i => whole[i])];

    /// <summary>The whole model's values: the sub-model's answer on its columns, the fixed values elsewhere.</summary>
    public double[] Expand(IReadOnlyList<double> sub)
    {
        var whole = values.ToArray();
        for (var i = 0; i < Original.Count; i++)
        {
            whole[Original[i]] = sub[i];
        }

        return whole;
    }
}
