namespace Cmf.Core.Storage.Views;

/// <summary>The fingerprinted canonical effective spec of one instance (pass it through <c>SecretMasker.Display</c> before showing it).</summary>
public sealed record InstanceSpecTexts(string Uid, string EffectiveSpecJson);
