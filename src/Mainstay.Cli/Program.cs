using Mainstay.Cli;

return await CliApp.RunAsync(
    args,
    new CliContext(
        Console.Out, Console.Error, TimeProvider.System, Environment.GetEnvironmentVariable,
        Interactive: !Console.IsErrorRedirected));
