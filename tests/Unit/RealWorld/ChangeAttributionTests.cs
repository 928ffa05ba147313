namespace Cmf.UnitTests.RealWorld;

/// <summary>Who wrote the captured objects' specs, read from the managedFields the real API servers recorded.</summary>
public sealed class ChangeAttributionTests
{
    [Fact]
    public void The_openshift_session_cluster_was_last_changed_by_kubectl_patch()
    {
        var observed = RealWorldMapping.Observe(RealWorldFile.Open(SessionAndStableFlinkDeploymentTests.OpenShiftSession).YamlObject());

        var attribution = observed.Resource.Attribution;

        Assert.Equal(("kubectl-patch", (DateTimeOffset?)new DateTimeOffset(2025, 9, 24, 14, 57, 49, TimeSpan.Zero), null),
            (attribution?.ChangedBy, attribution?.ChangedAt, attribution?.ChangeOrigin));
    }

    [Fact]
    public void The_airflow_fixture_was_written_by_the_python_client_not_by_the_operator_filling_in_defaults()
    {
        var attribution = RealWorldMapping.Observe(RealWorldFile.Open(AirflowFixtureTests.Deploying).PythonDict()).Resource.Attribution;

        Assert.Equal(("OpenAPI-Generator", (DateTimeOffset?)new DateTimeOffset(2022, 9, 25, 16, 47, 16, TimeSpan.Zero)),
            (attribution?.ChangedBy, attribution?.ChangedAt));
    }
}
