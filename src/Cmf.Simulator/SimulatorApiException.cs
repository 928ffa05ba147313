namespace Cmf.Simulator;

/// <summary>A request through <see cref="SimulatorApi"/> was refused, with the status the HTTP API would answer.</summary>
public sealed class SimulatorApiException(int statusCode, string reason, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Reason { get; } = reason;
}
