using System.Globalization;
using System.Runtime.InteropServices;

namespace Cmf.Simulator;

/// <summary>
/// <c>dotnet run --project src/Cmf.Simulator -- --port 0 --kubeconfig PATH --scenario demo|empty</c>:
/// starts the simulated cluster, prints its URL, writes a kubeconfig, and runs until Ctrl+C.
/// </summary>
public static class SimulatorProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        SimulatorOptions options;
        string? kubeconfig;
        try
        {
            (options, kubeconfig) = Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message}\n\n{Usage}");
            return 2;
        }

        await using var server = await SimulatorServer.StartAsync(options);
        Console.WriteLine($"Cmf.Simulator listening on {server.BaseUrl}");
        if (kubeconfig is not null)
        {
            var path = server.WriteKubeconfig(kubeconfig);
            Console.WriteLine($"kubeconfig written to {path}; try: kubectl --kubeconfig {path} get flinkdeployments -A");
        }
        Console.WriteLine($"Scenario {options.Scenario}, seed {options.Seed}, speed {options.Speed.ToString(CultureInfo.InvariantCulture)}x. Press Ctrl+C to stop.");

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });
        await stop.Task;
        return 0;
    }

    private const string Usage = """
        Usage: Cmf.Simulator [--port N] [--host ADDRESS] [--kubeconfig PATH] [--scenario demo|empty]
                             [--seed N] [--speed X] [--retained-versions N]
          --port               port to listen on; 0 (the default) lets the system choose
          --host               loopback address to listen on: 127.0.0.0/8, ::1 or localhost (default 127.0.0.1)
          --kubeconfig         write a kubeconfig for kubectl to PATH
          --scenario           demo (default): prod and staging with a dozen applications; empty: nothing
          --seed               seed for every random choice (default 0)
          --speed              simulated seconds per real second (default 1)
          --retained-versions  watch events kept per resource type (default 10000)
        """;

    private static (SimulatorOptions Options, string? Kubeconfig) Parse(string[] args)
    {
        var options = new SimulatorOptions();
        string? kubeconfig = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{name} needs a value.");
            switch (name)
            {
                case "--port":
                    options.Port = ParseInt(name, Value(), 0, 65535);
                    break;
                case "--host":
                    options.Host = Value();
                    LoopbackAddress.Parse(options.Host);
                    break;
                case "--kubeconfig":
                    kubeconfig = Value();
                    break;
                case "--scenario":
                    var scenario = Value();
                    options.Scenario = scenario is SimulatorScenarios.Demo or SimulatorScenarios.Empty
                        ? scenario
                        : throw new FormatException("--scenario must be demo or empty.");
                    break;
                case "--seed":
                    options.Seed = ParseInt(name, Value(), int.MinValue, int.MaxValue);
                    break;
                case "--speed":
                    options.Speed = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && speed > 0
                        ? speed
                        : throw new FormatException("--speed must be a positive number.");
                    break;
                case "--retained-versions":
                    options.RetainedVersions = ParseInt(name, Value(), 1, int.MaxValue);
                    break;
                default:
                    throw new FormatException($"Unknown option {name}.");
            }
        }
        return (options, kubeconfig);
    }

    private static int ParseInt(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"{name} must be an integer between {min} and {max}.");
}
