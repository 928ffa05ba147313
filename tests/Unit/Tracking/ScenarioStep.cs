using Xunit.Sdk;

namespace Cmf.UnitTests.Tracking;

/// <summary>
/// One row of a tracker table: what happens, then what the whole application must look like.
/// Instances read "#1 #2 ended", clusters "C1:#1>#2 ended" (a hand-over in place), job states
/// "#1=FINISHED(savepoint upgrade) #2=-", job ids "#1=J1 #2=-", pending "#2" or "-",
/// events "Kind(#2,C1,STATUS)" in the order emitted. Job ids and pending are checked when given.
/// </summary>
internal sealed record ScenarioStep(
    string What,
    Action<TrackerScenario> Act,
    string Instances,
    string Clusters,
    string Current,
    string JobStates,
    string Events,
    string? Pending = null,
    string? JobIds = null)
{
    public void Check(TrackerScenario scenario)
    {
        Act(scenario);
        Expect("instances", Instances, scenario.Instances);
        Expect("clusters", Clusters, scenario.Clusters);
        Expect("current instance", Current, scenario.Current);
        Expect("job states", JobStates, scenario.JobStates);
        Expect("events", Events, scenario.Events);
        if (Pending is not null)
        {
            Expect("pending instance", Pending, scenario.Pending);
        }
        if (JobIds is not null)
        {
            Expect("job ids", JobIds, scenario.JobIds);
        }
    }

    public static void Walk(TrackerScenario scenario, params ScenarioStep[] steps)
    {
        foreach (var step in steps)
        {
            step.Check(scenario);
        }
    }

    private void Expect(string aspect, string expected, string actual)
    {
        if (expected != actual)
        {
            throw new XunitException($"After \"{What}\", {aspect} differ.{Environment.NewLine}Expected: {expected}{Environment.NewLine}Actual:   {actual}");
        }
    }
}
