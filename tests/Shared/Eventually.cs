namespace ContinuityScheduler.Testing;

/// <summary>Waits for a condition by asking again, failing with a clear message when it never holds within the limit.</summary>
internal static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan limit)
        where T : class
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition did not hold within {limit.TotalSeconds} s.");
            }

            await Task.Delay(100);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan limit) =>
        ValueAsync(async () => await condition() ? "" : null, limit);
}
