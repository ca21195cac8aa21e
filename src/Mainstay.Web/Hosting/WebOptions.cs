using System.Net;

namespace Mainstay.Web.Hosting;

/// <summary>How the web app is deployed: behind which proxies, under which host names, logging where.</summary>
public sealed record WebOptions
{
    /// <summary>
    /// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed
    /// (addresses or networks). None: the headers are ignored, the peer is the client.
    /// </summary>
    public IReadOnlyList<IPNetwork> KnownProxies { get; init; } = [];

    /// <summary>The host names requests may be addressed to (<c>*.example.org</c> allowed). None: any.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    public WebLog Log { get; init; } = WebLog.Console;

    /// <summary>Another place for the log, besides <see cref="Log"/> (tests read what was logged).</summary>
    public ILoggerProvider? AlsoLogTo { get; init; }

    /// <summary>How long a stopping server waits for requests in flight before it drops them.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

public enum WebLog
{
    /// <summary>No log (tests).</summary>
    None,

    /// <summary>Readable lines on the console, for a terminal.</summary>
    Console,

    /// <summary>One JSON object a line on standard error, for a service manager or a container's log collector.</summary>
    Json,
}
