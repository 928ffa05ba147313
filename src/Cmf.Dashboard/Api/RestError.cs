namespace Cmf.Dashboard.Api;

/// <summary>CMF's error envelope (schema <c>RestError</c>): <c>{"errors":[{"message":"..."}]}</c>. Every API answer that is not a success has it.</summary>
public sealed record RestError(IReadOnlyList<RestErrorMessage> Errors)
{
    public static RestError Of(string message) => new([new RestErrorMessage(message)]);
}

/// <summary>One error of a <see cref="RestError"/>.</summary>
public sealed record RestErrorMessage(string Message);
