namespace Cmf.Simulator.Validation;

/// <summary>One cause of a 422 Invalid answer, as in StatusDetails.causes.</summary>
internal sealed record FieldError(string Reason, string Field, string Detail)
{
    public override string ToString() => $"{Field}: {Detail}";
}
