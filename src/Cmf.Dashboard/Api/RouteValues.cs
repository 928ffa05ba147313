using Cmf.Core.Model;
using Cmf.Core.Specs;

namespace Cmf.Dashboard.Api;

/// <summary>Checks the names and UIDs a route carries before anything is looked up; the error says what a valid value is.</summary>
public static class RouteValues
{
    public static string? CheckApplication(string environment, string application, out ApplicationKey key)
    {
        key = new ApplicationKey(environment, application);
        return CheckEnvironment(environment)
            ?? (KubernetesNames.IsApplicationName(application)
                ? null
                : $"Application name {ApiText.Quote(application)} is not a FlinkDeployment name (lowercase letters, digits, '-' and '.', at most {KubernetesNames.MaxSubdomainLength} characters).");
    }

    public static string? CheckEnvironment(string environment) =>
        KubernetesNames.IsEnvironmentName(environment)
            ? null
            : $"Environment name {ApiText.Quote(environment)} is not a Kubernetes name (lowercase letters, digits and '-', at most {KubernetesNames.MaxLabelLength} characters).";

    public static string? CheckInstanceUid(string? uid, string what = "Instance UID") =>
        InstanceUid.IsValid(uid) ? null : $"{what} {ApiText.Quote(uid)} is not an instance UID (a UUID spelled 8-4-4-4-12 in hex digits).";
}
