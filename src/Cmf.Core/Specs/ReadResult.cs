using System.Diagnostics.CodeAnalysis;

namespace Cmf.Core.Specs;

/// <summary>Either a value read from untrusted JSON or the reason it could not be read.</summary>
public sealed class ReadResult<T>
    where T : class
{
    private ReadResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    /// <summary>What is wrong, starting with the JSON path: <c>spec.job.parallelism: expected a number, found a string</c>.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Value is not null;

    public static ReadResult<T> Success(T value) => new(value, null);

    public static ReadResult<T> Failure(string error) => new(null, error);
}
