using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Cmf.Bench.ScaleOut;

/// <summary>
/// A throw-away PostgreSQL 15 server for one bench run: Debian's binaries started as the <c>postgres</c> user (the server
/// refuses root), listening on 127.0.0.1 only, on a port the OS handed out a moment before, with the server's default
/// durability (<c>fsync=on</c>, <c>synchronous_commit=on</c>): what a user's database does. Stopped (immediate) and
/// deleted on dispose.
/// </summary>
public sealed class BenchPostgreSql : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const int StartAttempts = 5;
    private readonly string _root;

    private BenchPostgreSql(string root, int port)
    {
        _root = root;
        Port = port;
    }

    public int Port { get; }

    public static async Task<BenchPostgreSql> StartAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is missing ({BinDirectory}/initdb): apt-get install postgresql (bench/run.sh and ./test.sh do).");
        }
        // Under /tmp (mode 1777) so that the postgres user reaches it.
        var root = Path.Combine("/tmp", "cmf-bench-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        try
        {
            await RunAsync("chown", "postgres", root);
            var data = Path.Combine(root, "data");
            await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(BinDirectory, "initdb"), "-D", data, "-A", "trust", "-U", "postgres",
                "--encoding=UTF8", "--locale=C.UTF-8");
            for (var attempt = 1; ; attempt++)
            {
                var port = FreeLoopbackPort();
                var (exitCode, output) = await TryRunAsync("runuser", "-u", "postgres", "--", Path.Combine(BinDirectory, "pg_ctl"), "-D", data,
                    "-l", Path.Combine(root, "server.log"),
                    "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c max_connections=200", "-w", "-t", "60", "start");
                if (exitCode == 0)
                {
                    return new BenchPostgreSql(root, port);
                }
                // Another process may have taken the port between the probe and the server's bind.
                if (attempt == StartAttempts)
                {
                    throw new InvalidOperationException($"PostgreSQL did not start after {attempt} attempts: {output}");
                }
            }
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    /// <summary>A new empty database; <paramref name="settings"/> are <c>ALTER DATABASE .. SET</c> pairs (e.g. synchronous_commit=off).</summary>
    public async Task<string> CreateDatabaseAsync(string name, params (string Name, string Value)[] settings)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        foreach (var (setting, value) in settings)
        {
            await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{name}\" SET {setting} = '{value}'", connection);
            await alter.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
    }.ToString();

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await TryRunAsync("runuser", "-u", "postgres", "--", Path.Combine(BinDirectory, "pg_ctl"), "-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop");
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleanup.
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task RunAsync(string fileName, params string[] arguments)
    {
        var (exitCode, output) = await TryRunAsync(fileName, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({exitCode}): {output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> TryRunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
