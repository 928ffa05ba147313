namespace Cmf.UnitTests.Architecture;

/// <summary>A type of one layer (the first namespace segment below a root) naming a type of another.</summary>
/// <param name="Where">The member that names it, or "signature" for the type's own base, interfaces and attributes.</param>
internal sealed record LayerReference(string From, string To, string Type, string Target, string Where)
{
    public override string ToString() => $"{From} -> {To}: {Type}.{Where} names {Target}";
}
