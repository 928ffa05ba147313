using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Cmf.UnitTests.TestSupport;

/// <summary>
/// One throw-away PostgreSQL server per test run (Debian's PostgreSQL 15, started as the <c>postgres</c> user because the
/// server refuses root), listening on a loopback port the OS chose; each test asks it for a fresh database. Stopped and
/// deleted when the test process exits. Missing binaries fail the test that needs them, with the way to install them.
/// </summary>
public sealed class PostgreSqlServer
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const int StartAttempts = 5;

    private static readonly Lazy<PostgreSqlServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _root;

    private PostgreSqlServer(string root, int port)
    {
        _root = root;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    public int Port { get; }

    /// <summary>The server of this test run, started on first use.</summary>
    public static PostgreSqlServer Instance => Shared.Value;

    private string DataDirectory => Path.Combine(_root, "data");

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Pooling = true,
    }.ToString();

    /// <summary>Creates an empty database of its own for one test and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = Instance;
        var name = "test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return server.ConnectionString(name);
    }

    private static PostgreSqlServer Start()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 is not installed ({BinDirectory}/initdb is missing): the PostgreSQL store tests need it. "
                + "Install Debian's postgresql package (apt-get install postgresql); ./test.sh does this.");
        }
        // Under /tmp (mode 1777) so the postgres user can reach it whatever the test's own temp directory is.
        var root = Path.Combine("/tmp", "cmf-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        Run("chmod", "755", root);
        Run("chown", "postgres", root);
        var data = Path.Combine(root, "data");
        Run("runuser", "-u", "postgres", "--", Path.Combine(BinDirectory, "initdb"), "-D", data, "-A", "trust", "-U", "postgres",
            "--no-sync", "--encoding=UTF8", "--locale=C.UTF-8");
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var (exitCode, output) = TryRun("runuser", "-u", "postgres", "--", Path.Combine(BinDirectory, "pg_ctl"), "-D", data,
                "-l", Path.Combine(root, "server.log"),
                "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c max_connections=300", "-w", "start");
            if (exitCode == 0)
            {
                return new PostgreSqlServer(root, port);
            }
            // Another process may have taken the port between our probe and the server's bind.
            if (attempt == StartAttempts)
            {
                var log = File.Exists(Path.Combine(root, "server.log")) ? File.ReadAllText(Path.Combine(root, "server.log")) : "";
                throw new InvalidOperationException($"PostgreSQL did not start after {attempt} attempts: {output}\n{log}");
            }
        }
    }

    // One shell does both, so the directory still goes when the test host is ended before the stop returns.
    private void Stop() =>
        TryRun("/bin/sh", "-c", "runuser -u postgres -- \"$0/pg_ctl\" -D \"$1\" -m immediate -w stop >/dev/null 2>&1; rm -rf \"$2\"",
            BinDirectory, DataDirectory, _root);

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void Run(string fileName, params string[] arguments)
    {
        var (exitCode, output) = TryRun(fileName, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({exitCode}): {output}");
        }
    }

    private static (int ExitCode, string Output) TryRun(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
