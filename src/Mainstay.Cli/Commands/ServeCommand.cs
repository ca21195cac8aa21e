using System.CommandLine;
using Mainstay.Data.Storage;
#if WEB
using Mainstay.Web.Hosting;
#endif

namespace Mainstay.Cli.Commands;

/// <summary><c>mainstay serve</c>: the web app and its API over the ledger.</summary>
public static class ServeCommand
{
    public static Option<string> UrlsOption() =>
        new("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:5080", HelpName = "URL" };

    public static Command Create(CliContext context)
    {
        var urls = UrlsOption();
        var command = new Command("serve", "Serve the web app and its API (/api/v1) over the ledger until stopped (Ctrl+C).");
        command.Options.Add(urls);
        command.SetAction(async (parsed, cancel) =>
        {
            var target = CommonOptions.Target(parsed, context);
            if (!target.IsOk)
                return context.Reject([target.Problem], "nothing was served");
            return await ServeAsync(context, target.Value, parsed.GetValue(urls)!, cancel);
        });
        return command;
    }

    /// <summary>Serves an existing ledger; refuses to create one.</summary>
    public static async Task<int> ServeAsync(CliContext context, DatabaseTarget target, string urls, CancellationToken cancel)
    {
#if WEB
        var opened = await LedgerDatabase.OpenAsync(target, context.Clock, cancel: cancel, create: false);
        if (!opened.IsOk)
            return context.Reject([opened.Problem], "nothing was served");
        await opened.Value.DisposeAsync();
        await using var app = MainstayWeb.Build(target, urls, context.Clock, quiet: !context.Interactive);
        await app.StartAsync(cancel);
        await context.Out.WriteLineAsync($"Serving {target.Display} at {string.Join(", ", app.Urls)}; the API is under /api/v1. Stop with Ctrl+C.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancel);
        }
        catch (OperationCanceledException)
        {
        }
        await app.StopAsync(CancellationToken.None);
        return ExitCode.Ok;
#else
        await context.Error.WriteLineAsync($"serve: this native build of mainstay has no web app (ASP.NET Core does not compile ahead of time); run the standard build, e.g. dotnet run --project src/Mainstay.Cli -- serve --urls {urls}");
        _ = target;
        _ = cancel;
        return ExitCode.Failure;
#endif
    }
}
