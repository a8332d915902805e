namespace ContinuityScheduler.Solver;

/// <summary>
/// Whose turn it is among a search's neighbourhoods: round the list, skipping those a lane is solving and, while any
/// is left, those that failed since the incumbent last changed; none once every one has failed.
/// </summary>
internal sealed class Turns
{
    private readonly HashSet<int> busy = [];
    private readonly HashSet<int> failed = [];
    private int next;
    private int draws;

    /// <summary>The next neighbourhood and a draw number (for the engine's seed), or null when the search is done.</summary>
    public (int Index, int Draw)? Next(int count)
    {
        lock (busy)
        {
            var open = Enumerable.Range(0, count).Select(i => (next + i) % count).Where(i => !busy.Contains(i)).ToList();
            if (failed.Count >= count || open.Count == 0)
            {
                return null;
            }

            var index = open.FirstOrDefault(i => !failed.Contains(i), open[0]);
            next = index + 1;
            busy.Add(index);
            return (index, ++draws);
        }
    }

    public void Done(int index, bool improved)
    {
        lock (busy)
        {
            busy.Remove(index);
            if (improved)
            {
                failed.Clear();
            }
            else
            {
                failed.Add(index);
            }
        }
    }
}
