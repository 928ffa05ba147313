namespace Cmf.Core.Storage.Views;

/// <summary>The sealed canonical spec texts of one instance (pass them through <c>SecretMasker.Display</c> before showing them).</summary>
public sealed record InstanceSpecTexts(string Uid, string EffectiveSpecJson, string SubmittedSpecJson);
