using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Mainstay.Data.Tests;

namespace Mainstay.Web.Tests.Hosting;

/// <summary>
/// <c>mainstay serve</c> as a service manager runs it: the real command in its own process, without
/// a terminal. It stops on SIGTERM and SIGINT within seconds, finishing the requests in flight,
/// with exit 0, and logs as JSON lines on standard error.
/// </summary>
public sealed class ServeProcessTests
{
    [Theory]
    [InlineData("TERM", false)]
    [InlineData("INT", false)]
    [InlineData("TERM", true)]
    [InlineData("INT", true)] // Ctrl+C
    public async Task Serve_stops_on_a_signal_within_seconds_finishing_the_request_in_flight_with_exit_0(
        string signal, bool terminal)
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        (await ledger.RunAsync("init")).Exit.ShouldBe(0);
        using var server = await Server.StartAsync(ledger, terminal);

        // A request in flight: its headers are sent, its body not yet.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = client.GetStream();
        const string body = """{"code":"XK","name":"Kosovo","role":"partner","currency":"EUR"}""";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/v1/nations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                + $"application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body[..10]}"));
        await Task.Delay(500);
        var stopwatch = Stopwatch.StartNew();
        server.Signal(signal);
        await Task.Delay(1000);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(body[10..]));
        var response = await new StreamReader(stream).ReadToEndAsync();
        var exited = server.Process.WaitForExit(TimeSpan.FromSeconds(10));
        stopwatch.Stop();

        response.ShouldStartWith("HTTP/1.1 401"); // answered (the public may not add nations), not dropped
        exited.ShouldBeTrue($"still running 10 s after SIG{signal}");
        server.Process.ExitCode.ShouldBe(0, server.Error);
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        server.Process.WaitForExit(); // the redirected streams are read to their end
        if (terminal) // readable lines on the terminal, not JSON
            server.Output.ShouldContain("Microsoft.Hosting.Lifetime[0] Application is shutting down...");
    }

    [Fact]
    public async Task Serve_without_a_terminal_logs_json_lines_to_standard_error_with_the_security_log()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        (await ledger.RunAsync("init")).Exit.ShouldBe(0);
        using var server = await Server.StartAsync(ledger);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer mst_000000000000_forged");

        (await http.GetAsync("/api/v1/nations")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        server.Signal("TERM");
        server.Process.WaitForExit(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        server.Process.WaitForExit(); // the redirected streams are read to their end

        var lines = server.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldNotBeEmpty();
        lines.ShouldAllBe(line => line.StartsWith('{'));
        var refused = lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("Category").GetString() == "Mainstay.Security").ToArray();
        refused.ShouldContain(
            e => e.GetProperty("EventId").GetInt32() == 7
                && e.GetProperty("Message").GetString()!.Contains("API token 000000000000"));
        refused.ShouldContain(
            e => e.GetProperty("EventId").GetInt32() == 8
                && e.GetProperty("Message").GetString()!.StartsWith("401 for GET /api/v1/nations"));
        server.Error.ShouldNotContain("forged"); // the token's secret part is never logged
    }

    [Fact]
    public async Task Serve_without_a_terminal_logs_an_unhandled_error_and_an_unopenable_ledger_as_json_lines()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        (await ledger.RunAsync("init")).Exit.ShouldBe(0);
        using var server = await Server.StartAsync(ledger);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        await using (var raw = await ledger.OpenRawAsync())
        await using (var rename = raw.CreateCommand())
        {
            rename.CommandText =
                "ALTER TABLE audit_log RENAME TO audit_log_gone"; // every read checks it: an error nobody expects
            await rename.ExecuteNonQueryAsync();
        }
        var failed = await http.GetAsync("/api/v1/items");
        File.Delete(ledger.DbArgument);
        var unavailable = await http.GetAsync("/api/v1/items");
        server.Signal("TERM");
        server.Process.WaitForExit(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        server.Process.WaitForExit();

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        unavailable.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var lines = server.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldAllBe(line => line.StartsWith('{'));
        var errors = lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("LogLevel").GetString() == "Error").ToArray();
        errors.ShouldContain(e => e.GetProperty("Message").GetString()!.Contains("unhandled exception")
            && e.GetProperty("Exception").GetString()!.Contains("audit_log"), server.Error);
        var ledgerError =
            errors.Where(e => e.GetProperty("Category").GetString() == "Mainstay.Web.Hosting.LedgerConnections")
            .ShouldHaveSingleItem();
        ledgerError.GetProperty("EventId").GetInt32().ShouldBe(1);
        ledgerError.GetProperty("State").GetProperty("Ledger").GetString().ShouldBe(ledger.DbArgument);
        ledgerError.GetProperty("State").GetProperty("Reason").GetString()!.ShouldStartWith("no Mainstay ledger here");
    }

    [Fact]
    public async Task A_proxy_that_is_no_address_is_refused_before_anything_is_served()
    {
        await using var ledger = await TestLedger.CreateAsync("sqlite");
        (await ledger.RunAsync("init")).Exit.ShouldBe(0);

        var run = await ledger.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--proxy", "10.0.0.1", "--proxy",
            "proxy.example");

        run.Exit.ShouldBe(2);
        run.Error.ShouldBe(
            "--proxy: expected an IP address or a network such as 10.0.0.0/8, got \"proxy.example\"\n1 "
                + "problem; nothing was served\n");
    }

    /// <summary>The real <c>mainstay serve</c> on a free port, its output collected.</summary>
    private sealed class Server : IDisposable
    {
        private readonly StringBuilder _error = new();
        private readonly StringBuilder _output = new();

        private readonly bool _terminal;

        private Server(Process process, int port, bool terminal)
        {
            _terminal = terminal;
            Process = process;
            Port = port;
            BaseAddress = new Uri($"http://127.0.0.1:{port}");
        }

        public Process Process { get; }
        public int Port { get; }
        public Uri BaseAddress { get; }

        public string Output
        {
            get
            {
                lock (_output)
                    return _output.ToString();
            }
        }

        public string Error
        {
            get
            {
                lock (_error)
                    return _error.ToString();
            }
        }

        /// <summary>
        /// Starts the server without a terminal, or on one (<paramref name="terminal"/>: util-linux's
        /// <c>script</c> gives it a pseudo-terminal and exits with its status).
        /// </summary>
        public static async Task<Server> StartAsync(TestLedger ledger, bool terminal = false)
        {
            var port = FreePort();
            string[] serve = ["dotnet", Path.Combine(AppContext.BaseDirectory, "mainstay.dll"), "serve", "--db",
                ledger.DbArgument, "--urls", $"http://127.0.0.1:{port}"];
            string[] command = terminal
                ? ["script", "-qec", "exec " + string.Join(' ', serve.Select(a => $"'{a}'")), "/dev/null"] : serve;
            var start = new ProcessStartInfo(command[0])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var arg in command.Skip(1))
                start.ArgumentList.Add(arg);
            var server = new Server(Process.Start(start)!, port, terminal);
            server.Process.ErrorDataReceived += (_, line) =>
            {
                if (line.Data is not null)
                    lock (server._error)
                        server._error.AppendLine(line.Data);
            };
            server.Process.OutputDataReceived += (_, line) =>
            {
                if (line.Data is not null)
                    lock (server._output)
                        server._output.AppendLine(line.Data);
            };
            server.Process.BeginErrorReadLine();
            server.Process.BeginOutputReadLine();
            using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
            for (var tries = 0; tries < 120 && !server.Process.HasExited; tries++)
            {
                try
                {
                    if ((await http.GetAsync("/api/v1/nations")).StatusCode == HttpStatusCode.OK)
                        return server;
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
                await Task.Delay(250);
            }
            server.Dispose();
            throw new InvalidOperationException($"mainstay serve did not answer: {server.Error}");
        }

        /// <summary>
        /// Sends <paramref name="signal"/> to mainstay itself (on a terminal, the child of <c>script</c>).
        /// </summary>
        public void Signal(string signal)
        {
            var pid = _terminal ? File.ReadAllText($"/proc/{Process.Id}/task/{Process.Id}/children").Trim()
                : Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var kill = Process.Start("kill", ["-" + signal, pid]);
            kill.WaitForExit();
            kill.ExitCode.ShouldBe(0);
        }

        public void Dispose()
        {
            if (!Process.HasExited)
                Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
