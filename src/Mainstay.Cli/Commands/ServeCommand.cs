using System.CommandLine;
using System.Net;
using Mainstay.Data.Storage;
using Mainstay.Problems;
#if WEB
using Mainstay.Web.Hosting;
using Microsoft.Extensions.Hosting;
#endif

namespace Mainstay.Cli.Commands;

/// <summary><c>mainstay serve</c>: the web app and its API over the ledger.</summary>
public static class ServeCommand
{
    public const string ProxiesVariable = "MAINSTAY_PROXIES";
    public const string AllowedHostsVariable = "MAINSTAY_ALLOWED_HOSTS";

    public static Option<string> UrlsOption() =>
        new("--urls")
        {
            Description = "Where to listen",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
            HelpName = "URL",
        };

    public static Command Create(CliContext context)
    {
        var urls = UrlsOption();
        var proxies = new Option<string[]>("--proxy")
        {
            Description = "A reverse proxy (address or network, e.g. 10.0.0.0/8) "
                + "whose X-Forwarded-For and X-Forwarded-Proto "
                + $"are believed; repeat for more. Default: ${ProxiesVariable} (comma-separated), else none",
            HelpName = "IP",
        };
        var hosts = new Option<string[]>("--allowed-host")
        {
            Description = "A host name requests may be addressed to "
                + "(*.example.org too); others get 400. Repeat for more. "
                + $"Default: ${AllowedHostsVariable} (comma-separated), else any",
            HelpName = "HOST",
        };
        var command = new Command(
            "serve", "Serve the web app and its API (/api/v1) over the ledger until stopped (Ctrl+C, SIGTERM).");
        command.Options.Add(urls);
        command.Options.Add(proxies);
        command.Options.Add(hosts);
        command.SetAction(async (parsed, cancel) =>
        {
            var target = CommonOptions.Target(parsed, context);
            if (!target.IsOk)
                return context.Reject([target.Problem], "nothing was served");
            return await ServeAsync(context, target.Value, parsed.GetValue(urls)!, cancel,
                Listed(parsed.GetValue(proxies), context.Environment(ProxiesVariable)),
                Listed(parsed.GetValue(hosts), context.Environment(AllowedHostsVariable)));
        });
        return command;
    }

    /// <summary>Serves an existing ledger; refuses to create one.</summary>
    public static async Task<int> ServeAsync(
        CliContext context, DatabaseTarget target, string urls, CancellationToken cancel,
        IReadOnlyList<string>? proxies = null, IReadOnlyList<string>? allowedHosts = null)
    {
        var networks = new List<IPNetwork>();
        var problems = new List<Problem>();
        foreach (var proxy in proxies ?? [])
        {
            if (IPNetwork.TryParse(proxy, out var network))
                networks.Add(network);
            else if (IPAddress.TryParse(proxy, out var address))
                networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            else
                problems.Add(
                    new Problem(
                        "--proxy", "", $"expected an IP address or a network such as 10.0.0.0/8, got \"{proxy}\""));
        }
        if (problems.Count > 0)
            return context.Reject(problems, "nothing was served");
#if WEB
        var opened = await LedgerDatabase.OpenAsync(target, context.Clock, cancel: cancel, create: false);
        if (!opened.IsOk)
            return context.Reject([opened.Problem], "nothing was served");
        await opened.Value.DisposeAsync();
        var options = new WebOptions
        {
            KnownProxies = networks,
            AllowedHosts = allowedHosts ?? [],
            // Without a terminal, the log goes to standard error as JSON lines, for journald or a container's
            // collector.
            Log = context.Interactive ? WebLog.Console : WebLog.Json,
        };
        await using var app = MainstayWeb.Build(target, urls, context.Clock, options: options);
        await app.StartAsync(cancel);
        await context.Out.WriteLineAsync(
            $"Serving {target.Display} at {string.Join(", ", app.Urls)}; the API is under /api/v1. Stop with Ctrl+C.");
        // The host stops on SIGTERM, SIGINT and SIGQUIT (its console lifetime takes those signals, so the
        // command line's token never fires for them): wait for that, finish what is in flight, then return.
        await app.WaitForShutdownAsync(cancel);
        return ExitCode.Ok;
#else
        await context.Error.WriteLineAsync("serve: this native build of mainstay has no web app (ASP.NET Core "
            + "does not compile ahead of time); run the standard build, e.g. dotnet "
            + $"run --project src/Mainstay.Cli -- serve --urls {urls}");
        _ = target;
        _ = allowedHosts;
        _ = cancel;
        return ExitCode.Failure;
#endif
    }

    /// <summary>The values an option was given, else those of a comma-separated environment variable.</summary>
    private static string[] Listed(string[]? given, string? fromEnvironment) =>
        given is { Length: > 0 } ? given
        : (fromEnvironment ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
