using System.Diagnostics.CodeAnalysis;

namespace ContinuityScheduler.Domain.Json;

/// <summary>A loaded document, or every problem found in it.</summary>
public sealed record LoadResult<T> where T : class
{
    private LoadResult(T? value, IReadOnlyList<LoadError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<LoadError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null;

    public static LoadResult<T> Success(T value) => new(value, []);

    public static LoadResult<T> Failure(IReadOnlyList<LoadError> errors) =>
        errors.Count > 0 ? new(null, errors) : throw new ArgumentException("A failure has at least one error.", nameof(errors));
}
