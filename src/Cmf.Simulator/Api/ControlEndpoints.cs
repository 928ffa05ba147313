using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Cmf.Simulator.Faults;
using Cmf.Simulator.GroundTruth;
using Cmf.Simulator.Operator;
using Cmf.Simulator.Store;
using Microsoft.AspNetCore.Http;

namespace Cmf.Simulator.Api;

/// <summary>
/// The simulator's own controls under the reserved prefix <c>/_sim/</c> (never subject to injected faults):
/// fault injection, the manual clock, the ground truth log and health of the simulation.
/// </summary>
internal sealed class ControlEndpoints(
    FaultInjector faults,
    SimulatorClock clock,
    GroundTruthLog groundTruth,
    ResourceStore store,
    OperatorScheduler scheduler,
    Func<Task> restartListener)
{
    private static readonly JsonSerializerOptions RecordOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public Task HandleAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        return (method, path.TrimEnd('/')) switch
        {
            ("POST", "faults/drop-watches") => OkAsync(context, new JsonObject { ["dropped"] = faults.DropAllWatches() }),
            ("POST", "faults/compact") => CompactAsync(context),
            ("POST", "faults/expire-next-continue") => ExpireNextContinueAsync(context),
            ("POST", "faults/fail-next") => FailNextAsync(context),
            ("POST", "faults/stall-next") => StallNextAsync(context),
            ("POST", "faults/stall-watches") => StallWatchesAsync(context),
            ("POST", "faults/reset") => ResetAsync(context),
            ("POST", "faults/restart") => RestartAsync(context),
            ("POST", "clock/advance") => AdvanceAsync(context),
            ("GET", "clock") => OkAsync(context, ClockState()),
            ("GET", "ground-truth") => OkAsync(context, GroundTruthDocument()),
            ("GET", "status") => OkAsync(context, SimulationStatus()),
            (_, "faults/drop-watches" or "faults/compact" or "faults/expire-next-continue" or "faults/fail-next" or "faults/stall-next" or "faults/stall-watches"
                or "faults/reset" or "faults/restart" or "clock/advance" or "clock" or "ground-truth" or "status") => throw ApiException.MethodNotAllowed(method),
            _ => throw ApiException.NoSuchPath(),
        };
    }

    private Task CompactAsync(HttpContext context)
    {
        faults.CompactResourceVersions();
        return OkAsync(context, new JsonObject { ["compactedThrough"] = store.CurrentVersion.ToString(CultureInfo.InvariantCulture) });
    }

    private Task ExpireNextContinueAsync(HttpContext context)
    {
        faults.ExpireNextListContinue();
        return OkAsync(context, new JsonObject { ["expireNextContinue"] = true });
    }

    private Task FailNextAsync(HttpContext context)
    {
        var count = IntParameter(context, "count", 1);
        var status = IntParameter(context, "status", 500);
        if (status is < 400 or > 599)
        {
            throw ApiException.BadRequest("status must be an HTTP error code between 400 and 599");
        }
        faults.FailNextRequests(count, status);
        return OkAsync(context, new JsonObject { ["failNext"] = count, ["status"] = status });
    }

    private Task StallNextAsync(HttpContext context)
    {
        var count = IntParameter(context, "count", 1);
        var milliseconds = IntParameter(context, "milliseconds", 1000);
        faults.StallNextRequests(count, TimeSpan.FromMilliseconds(milliseconds));
        return OkAsync(context, new JsonObject { ["stallNext"] = count, ["milliseconds"] = milliseconds });
    }

    private Task StallWatchesAsync(HttpContext context)
    {
        var enabled = context.Request.Query["enabled"].ToString();
        faults.WatchesStalled = enabled.Length == 0 || (bool.TryParse(enabled, out var on) ? on : throw ApiException.BadRequest("enabled must be true or false"));
        return OkAsync(context, new JsonObject { ["watchesStalled"] = faults.WatchesStalled });
    }

    private Task ResetAsync(HttpContext context)
    {
        faults.Reset();
        return OkAsync(context, new JsonObject { ["reset"] = true });
    }

    private Task RestartAsync(HttpContext context)
    {
        // Restart only after this answer has left, or the restart would cut its own response.
        context.Response.OnCompleted(() =>
        {
            _ = Task.Run(restartListener);
            return Task.CompletedTask;
        });
        return ApiResponses.WriteJsonAsync(context, 202, new JsonObject { ["restarting"] = true });
    }

    private async Task AdvanceAsync(HttpContext context)
    {
        if (!clock.IsManual)
        {
            throw new ApiException(409, "Conflict", "the clock is not manual: start the simulator with a manual clock to advance it");
        }
        var seconds = double.TryParse(context.Request.Query["seconds"], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0
            ? s
            : throw ApiException.BadRequest("seconds must be a non-negative number");
        await clock.AdvanceAsync(TimeSpan.FromSeconds(seconds), context.RequestAborted);
        await OkAsync(context, ClockState());
    }

    private JsonObject ClockState() => new()
    {
        ["now"] = clock.Now.ToString("O", CultureInfo.InvariantCulture),
        ["manual"] = clock.IsManual,
        ["speed"] = clock.Speed,
    };

    private JsonObject GroundTruthDocument() => new()
    {
        ["specChanges"] = JsonSerializer.SerializeToNode(groundTruth.SpecChanges(), RecordOptions),
        ["jobManagerDeployments"] = JsonSerializer.SerializeToNode(groundTruth.JobManagerDeployments(), RecordOptions),
        ["jobStates"] = JsonSerializer.SerializeToNode(groundTruth.JobStateChanges(), RecordOptions),
        ["deletions"] = JsonSerializer.SerializeToNode(groundTruth.Deletions(), RecordOptions),
    };

    private JsonObject SimulationStatus() => new()
    {
        ["resourceVersion"] = store.CurrentVersion.ToString(CultureInfo.InvariantCulture),
        ["openWatches"] = faults.OpenWatches,
        ["flinkDeployments"] = store.Count(ResourceTypes.FlinkDeployments),
        ["operatorErrors"] = new JsonArray([.. scheduler.Errors.Select(e => (JsonNode?)e)]),
    };

    private static int IntParameter(HttpContext context, string name, int fallback)
    {
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"{name} must be a non-negative integer");
    }

    private static Task OkAsync(HttpContext context, JsonObject body) => ApiResponses.WriteJsonAsync(context, 200, body);
}
